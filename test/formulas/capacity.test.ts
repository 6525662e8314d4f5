// KAM_CAPACITY typed as a formula in a real spreadsheet engine: one row of three per capacity, recalculating.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';

// Columns A value, B cost (team days) for four accounts; capacities in D1:D5; the formula in F1.
const DATA = [
  [10, 5],
  [6, 3],
  [6, 3],
  [2, 2],
];
const CAPACITIES = [0, 6, 9, 10, 13];

function sheet(formula: string): unknown[][] {
  return CAPACITIES.map((cap, i) => [DATA[i]?.[0] ?? null, DATA[i]?.[1] ?? null, null, cap, null, i === 0 ? formula : null]);
}

const spill = (hf: ReturnType<typeof buildEngine>): unknown[][] => hf.getSheetValues(0).map((row) => row.slice(5, 8));

describe('KAM.CAPACITY in HyperFormula', () => {
  it.each(['=KAM.CAPACITY(A1:A4, B1:B4, D1:D5)', '=KAM_CAPACITY(A1:A4, B1:B4, D1:D5)'])('%s spills value, cost and accounts per capacity', (formula) => {
    expect(spill(buildEngine({ Table: sheet(formula) }))).toEqual([
      [0, 0, 0],
      [12, 6, 2],
      [16, 8, 2],
      [18, 10, 3],
      [24, 13, 4],
    ]);
  });

  it('agrees with SUM over KAM.SELECT\'s table at the same capacity', () => {
    const data = sheet('=KAM.CAPACITY(A1:A4, B1:B4, D2)');
    data.forEach((row, i) => (row[8] = ['Acme', 'Borg', 'Cyan', 'Dyno', null][i]));
    data[0][10] = '=KAM.SELECT(I1:I4, A1:A4, D2, B1:B4, "table")'; // spills K1:N2
    data[0][15] = '=SUM(L1:L4)';
    data[1][15] = '=COUNT(L1:L4)';
    const hf = buildEngine({ Table: data });
    expect(spill(hf)[0]).toEqual([12, 6, 2]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 15 })).toBe(12);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 15 })).toBe(2);
  });

  it('recalculates when a capacity changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.CAPACITY(A1:A4, B1:B4, D1:D5)') });
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, 5);
    expect(spill(hf)[0]).toEqual([10, 5, 1]);
  });

  it('puts a problem with one capacity in its row, and fails the call for a problem with an account', () => {
    const data = sheet('=KAM.CAPACITY(A1:A4, B1:B4, D1:D5)');
    data[1][3] = -6;
    const rows = spill(buildEngine({ Table: data }));
    expect(rows[1][0]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('capacities: row 2 is -6') });
    expect(rows[2]).toEqual([16, 8, 2]);

    data[1][3] = 6;
    data[2][1] = 'three';
    const hf = buildEngine({ Table: data });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 5 })).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('costs: row 3, column 1 holds the text "three"') });
  });
});
