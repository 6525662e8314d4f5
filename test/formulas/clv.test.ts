// KAM_CLV typed as a formula in a real spreadsheet engine: it spills a column and recalculates.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';

// Column A margins, B retention per account; discount rate in D1; the formula in F1.
function sheet(formula: string): unknown[][] {
  return [
    [100, 0.5, null, 0, null, formula],
    [200, 0.75],
    [-50, 0.5],
  ];
}

const results = (hf: ReturnType<typeof buildEngine>): unknown[] => hf.getSheetValues(0).slice(0, 3).map((row) => row[5]);

describe('KAM.CLV in HyperFormula', () => {
  it.each(['=KAM.CLV(A1:A3, B1:B3, D1)', '=KAM_CLV(A1:A3, B1:B3, D1)'])('%s spills m·r/(1+d−r)', (formula) => {
    expect(results(buildEngine({ Table: sheet(formula) }))).toEqual([100, 600, -50]);
  });

  it('takes a single retention and a horizon', () => {
    // 100 · (0.5 + 0.25) over two years, no discount
    expect(results(buildEngine({ Table: sheet('=KAM.CLV(A1:A3, 0.5, D1, 2)') }))).toEqual([75, 150, -37.5]);
  });

  it('recalculates when the discount rate changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.CLV(A1:A3, B1:B3, D1)') });
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, 0.5);
    expect(results(hf)).toEqual([50, 200, -25]);
  });

  it('puts a per-row error in that row only', () => {
    const data = sheet('=KAM.CLV(A1:A3, B1:B3, D1)');
    data[1][1] = 1.2;
    const values = results(buildEngine({ Table: data }));
    expect(values[0]).toBe(100);
    expect(values[1]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('retention: row 2 is 1.2') });
    expect(values[2]).toBe(-50);
  });
});
