// KAM_STABILITY typed as a formula in a real spreadsheet engine: it spills two columns, recalculates, and agrees with KAM_POSITION.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';

// Row 1 factor names, row 2 weights, rows 3-7 the accounts' scores (columns A-D); formulas in F3 and H3.
const NAMES = ['Size', 'Growth', 'Margin', 'Fit'];
const WEIGHTS = [30, 25, 25, 20];
const SCORES = [
  [8, 4, 6, 5],
  [3, 7, 5, 6],
  [4, 5, 3, 9],
  [2, 3, 4, 3],
  [6, 2, 9, 1],
];

function sheet(formula: string, second: string | null = null): unknown[][] {
  return [NAMES, WEIGHTS, ...SCORES.map((row, i) => [...row, null, i === 0 ? formula : null, null, i === 0 ? second : null])];
}

const spill = (hf: ReturnType<typeof buildEngine>, col: number, width: number): unknown[][] => hf.getSheetValues(0).slice(2, 7).map((row) => row.slice(col, col + width));

/** HyperFormula shows numbers to 10 significant digits (its default precisionRounding); the core tests check all 15. */
const shown = (rows: unknown[][]): unknown[][] => rows.map((row) => row.map((cell) => (typeof cell === 'number' ? Number(cell.toPrecision(10)) : cell)));

describe('KAM.STABILITY in HyperFormula', () => {
  it.each(['=KAM.STABILITY(A3:D7, A2:D2, , 5, A1:D1)', '=KAM_STABILITY(A3:D7, A2:D2, , , A1:D1)'])('%s spills points and factor per account', (formula) => {
    expect(shown(spill(buildEngine({ Table: sheet(formula) }), 5, 2))).toEqual([
      [35.52631579, 'Growth'],
      [3.333333333, 'Size'],
      [0, 'Size'],
      ['', ''],
      [4.411764706, 'Margin'],
    ]);
  });

  it('recalculates when a weight changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.STABILITY(A3:D7, A2:D2, , 5, A1:D1)') });
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, 20); // Growth 25 → 20: Borg scores 475/95 = 5, at the cut
    expect(spill(hf, 5, 2)[1]).toEqual([0, 'Size']);
  });

  it('agrees with KAM.POSITION of KAM.SCORE: moving the reported points changes the position, moving fewer does not', () => {
    // Borg (row 4) needs 3.333… points onto Size: type the moved weights and watch its position.
    const move = (points: number): unknown => {
      const rest = 100 - WEIGHTS[0];
      const weights = WEIGHTS.map((w, k) => (k === 0 ? w + points : (w * (rest - points)) / rest));
      // Strength 1.2 everywhere (column E): only attractiveness decides between Strategic and Status.
      const rows = SCORES.map((row, i) => [...row, 1.2, i === 0 ? '=KAM.POSITION(KAM.SCORE(A3:D7, A2:D2), E3:E7)' : null]);
      const hf = buildEngine({ Table: [NAMES, weights, ...rows] });
      return hf.getCellValue({ sheet: 0, row: 3, col: 5 });
    };
    expect(move(0)).toBe('Strategic');
    expect(move(3.33333333333333)).toBe('Strategic'); // exactly at the cut: still high
    expect(move(3.34)).toBe('Status');
  });

  it('puts a per-row error in both columns of that row only', () => {
    const data = sheet('=KAM.STABILITY(A3:D7, A2:D2)');
    data[3][1] = 'seven';
    const rows = spill(buildEngine({ Table: data }), 5, 2);
    expect(shown(rows)[0]).toEqual([35.52631579, 2]);
    expect(rows[1][0]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('scores: row 2, column 2 holds the text "seven"') });
    expect(rows[1][1]).toMatchObject({ value: '#VALUE!' });
  });

  it('fails the whole call for a "median" cut, saying why', () => {
    const hf = buildEngine({ Table: sheet('=KAM.STABILITY(A3:D7, A2:D2, , "median")') });
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 5 })).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('the median of the portfolio moves when the weights move') });
  });
});
