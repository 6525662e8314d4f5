// KAM_REWARD typed as a formula in a real spreadsheet engine, with the default plan and with a plan range.
import { describe, expect, it } from 'vitest';
import { defaultRewardPlan } from '../../src/core/functions/reward';
import { buildEngine } from '../support/hyperformula';

// Column A position, B-E actuals, F-I targets (default metric order); the formula in K1.
// Attainments 1.2, 0.9, 0.7 and 40/50 = 0.8 pay 1.4, 0.75, 0 and 0.5.
const ACTUAL = [0.12, 0.27, 0.28, 50];
const TARGET = [0.1, 0.3, 0.4, 40];
const POSITIONS = ['Strategic', 'Star', 'Status', 'Streamline'];
const EXPECTED = [0.7275, 1, 0.39, 0.25];

function sheet(formula: string): unknown[][] {
  return POSITIONS.map((p, i) => [p, ...ACTUAL, ...TARGET, null, i === 0 ? formula : null]);
}

const results = (hf: ReturnType<typeof buildEngine>): unknown[] => hf.getSheetValues(0).slice(0, 4).map((row) => row[10]);

describe('KAM.REWARD in HyperFormula', () => {
  it.each(['=KAM.REWARD(A1:A4, B1:E4, F1:I4)', '=KAM_REWARD(A1:A4, B1:E4, F1:I4)'])('%s spills the payouts of the default plan', (formula) => {
    expect(results(buildEngine({ Table: sheet(formula) }))).toEqual(EXPECTED);
  });

  it('reads the default plan pasted into a sheet as the plan range', () => {
    const hf = buildEngine({ Table: sheet('=KAM.REWARD(A1:A4, B1:E4, F1:I4, Plan!A1:H17)'), Plan: defaultRewardPlan() });
    expect(results(hf)).toEqual(EXPECTED);
  });

  it('recalculates when the plan is edited', () => {
    const hf = buildEngine({ Table: sheet('=KAM.REWARD(A1:A4, B1:E4, F1:I4, Plan!A1:H17)'), Plan: defaultRewardPlan() });
    const plan = hf.getSheetId('Plan') as number;
    hf.setCellContents({ sheet: plan, row: 15, col: 2 }, 0.2); // Streamline, gross margin 0.5 → 0.2
    hf.setCellContents({ sheet: plan, row: 16, col: 2 }, 0.8); // Streamline, cost to serve 0.5 → 0.8
    expect(results(hf)[3]).toBe(0.4);
  });

  it('puts a per-row error in that row only', () => {
    const data = sheet('=KAM.REWARD(A1:A4, B1:E4, F1:I4)');
    data[1][0] = 'Key account';
    const values = results(buildEngine({ Table: data }));
    expect(values[0]).toBe(0.7275);
    expect(values[1]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('positions: row 2 holds "Key account"') });
    expect(values[2]).toBe(0.39);
  });
});
