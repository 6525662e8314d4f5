// KAM_STRENGTH typed as a formula in a real spreadsheet engine: it spills a column and recalculates.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';
import { ABC, R1, R2, R3, R4, WEIGHTS as PUBLISHED_WEIGHTS } from '../support/published-table';

// kam-method.md's table: weights in row 1, ABC and R2..R4 in rows 2-5 (columns A-I), the best rival R1 in row 7.
const WEIGHTS = PUBLISHED_WEIGHTS[0];
const FIRMS = [ABC, R2, R3, R4];

function sheet(formula: string): unknown[][] {
  return [WEIGHTS, ...FIRMS.map((row, i) => [...row, i === 0 ? formula : null]), [], R1];
}

const results = (hf: ReturnType<typeof buildEngine>): unknown[] => hf.getSheetValues(0).slice(1, 5).map((row) => row[9]);

describe('KAM.STRENGTH in HyperFormula', () => {
  it.each(['=KAM.STRENGTH(A2:I5, A7:I7, A1:I1)', '=KAM_STRENGTH(A2:I5, A7:I7, A1:I1)'])('%s spills each firm against the best rival', (formula) => {
    const hf = buildEngine({ Table: sheet(formula) });
    const expected = [5.95, 6.85, 2.1, 3.7].map((total) => total / 7.7);
    // HyperFormula shows numbers rounded to its own display precision.
    results(hf).forEach((value, i) => expect(value).toBeCloseTo(expected[i], 9));
  });

  it('recalculates when a rival rating changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.STRENGTH(A2:I5, A7:I7, A1:I1)') });
    hf.setCellContents({ sheet: 0, row: 6, col: 7 }, 5); // R1's relative cost position 10 → 5: its total drops by 1.5
    expect(results(hf)[0]).toBeCloseTo(5.95 / 6.2, 9);
  });

  it('puts a per-row error in that row only', () => {
    const data = sheet('=KAM.STRENGTH(A2:I5, A7:I7, A1:I1)');
    data[2][0] = 'ten';
    const hf = buildEngine({ Table: data });
    const values = results(hf);
    expect(values[0]).toBeCloseTo(5.95 / 7.7, 9);
    expect(values[1]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('yours: row 2, column 1 holds the text "ten"') });
    expect(values[2]).toBeCloseTo(2.1 / 7.7, 9);
  });
});
