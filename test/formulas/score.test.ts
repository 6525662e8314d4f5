// KAM_SCORE typed as a formula in a real spreadsheet engine: it spills a column and recalculates.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';
import { RATINGS, WEIGHTS as PUBLISHED_WEIGHTS } from '../support/published-table';

const WEIGHTS = PUBLISHED_WEIGHTS[0];
function sheet(formula: string): unknown[][] {
  return [WEIGHTS, ...RATINGS.map((row, i) => [...row, i === 0 ? formula : null])];
}

describe('KAM.SCORE in HyperFormula', () => {
  it.each(['=KAM.SCORE(A2:I6, A1:I1)', '=KAM_SCORE(A2:I6, A1:I1)'])('%s spills the published weighted totals', (formula) => {
    const hf = buildEngine({ Table: sheet(formula) });
    const values = hf.getSheetValues(0).slice(1).map((row) => row[9]);
    expect(values).toEqual([5.95, 7.7, 6.85, 2.1, 3.7]);
  });

  it('recalculates when a weight cell changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.SCORE(A2:I6, A1:I1)') });
    hf.setCellContents({ sheet: 0, row: 0, col: 7 }, 0); // relative cost position no longer counts
    const values = hf.getSheetValues(0).slice(1).map((row) => row[9]);
    // Σ over the other criteria, over a weight total of 0.7.
    expect(values[0]).toBeCloseTo((5.95 - 0.3 * 5) / 0.7, 9);
    expect(values[4]).toBeCloseTo((3.7 - 0.3 * 4) / 0.7, 9);
  });

  it('scores money on a log scale from a third scales row, and recalculates when the row changes', () => {
    const hf = buildEngine({ Money: [
      [10000, 0.1, null, '=KAM_SCORE(A5:B6, A4:B4, A1:B3)'],
      [1000000, 0.5],
      ['log', 'linear'],
      [1, 1],
      [100000, 0.3],
      [1000000, 0.1],
    ] });
    expect([hf.getCellValue({ sheet: 0, row: 0, col: 3 }), hf.getCellValue({ sheet: 0, row: 1, col: 3 })]).toEqual([5, 5]);
    hf.setCellContents({ sheet: 0, row: 2, col: 0 }, 'linear'); // 100,000 on 10,000…1,000,000 linear scores 0.909…
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBeCloseTo((10 * 90000) / 990000 / 2 + 2.5, 9);
  });

  it('puts a per-row error in that row only', () => {
    const data = sheet('=KAM.SCORE(A2:I6, A1:I1)');
    data[3][2] = 'n/a';
    const hf = buildEngine({ Table: data });
    const values = hf.getSheetValues(0).slice(1).map((row) => row[9]);
    expect(values[0]).toBe(5.95);
    expect(values[2]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('row 3, column 3 holds the text "n/a"') });
    expect(values[3]).toBe(2.1);
  });

  it('fails the whole call for negative weights', () => {
    const data = sheet('=KAM.SCORE(A2:I6, A1:I1)');
    data[0][0] = -1;
    const hf = buildEngine({ Table: data });
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 9 })).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('weight 1 is -1') });
  });
});
