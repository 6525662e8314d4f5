// KAM_SELECT typed as a formula in a real spreadsheet engine: list, table and flags spill and recalculate.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';

// Columns A name, B value, C cost (team days); capacity in E1; the formula in G1. With capacity 6 the best set
// is Borg + Cyan (12), not Acme, the most valuable account (10).
const DATA = [
  ['Acme', 10, 5],
  ['Borg', 6, 3],
  ['Cyan', 6, 3],
  ['Dyno', 2, 2],
];

function sheet(formula: string, capacity = 6): unknown[][] {
  return DATA.map((row, i) => [...row, null, i === 0 ? capacity : null, null, i === 0 ? formula : null]);
}

const column = (hf: ReturnType<typeof buildEngine>, col: number): unknown[] => hf.getSheetValues(0).map((row) => row[col] ?? null);

describe('KAM.SELECT in HyperFormula', () => {
  it.each(['=KAM.SELECT(A1:A4, B1:B4, E1, C1:C4)', '=KAM_SELECT(A1:A4, B1:B4, E1, C1:C4, "list")'])('%s spills the chosen names', (formula) => {
    const hf = buildEngine({ Table: sheet(formula) });
    expect(column(hf, 6)).toEqual(['Borg', 'Cyan', '', '']);
  });

  it('spills a 4-column table', () => {
    const hf = buildEngine({ Table: sheet('=KAM.SELECT(A1:A4, B1:B4, E1, C1:C4, "table")') });
    expect(hf.getSheetValues(0).slice(0, 2).map((row) => row.slice(6, 10))).toEqual([
      ['Borg', 6, 3, 3],
      ['Cyan', 6, 3, 6],
    ]);
  });

  it('spills TRUE/FALSE flags aligned with the rows', () => {
    const hf = buildEngine({ Table: sheet('=KAM.SELECT(A1:A4, B1:B4, E1, C1:C4, "flags")') });
    expect(column(hf, 6)).toEqual([false, true, true, false]);
  });

  it('recalculates when the capacity changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.SELECT(A1:A4, B1:B4, E1, C1:C4)') });
    hf.setCellContents({ sheet: 0, row: 0, col: 4 }, 10);
    expect(column(hf, 6)).toEqual(['Acme', 'Borg', 'Dyno', '']);
  });

  it('puts a per-row error in that row with "flags"', () => {
    const data = sheet('=KAM.SELECT(A1:A4, B1:B4, E1, C1:C4, "flags")');
    data[1][1] = 'six';
    const values = column(buildEngine({ Table: data }), 6);
    expect(values[1]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('values: row 2, column 1 holds the text "six"') });
    expect(values.filter((v) => v === true)).toHaveLength(1);
  });

  it('answers #N/A when nothing fits', () => {
    const hf = buildEngine({ Table: sheet('=KAM.SELECT(A1:A4, B1:B4, E1, C1:C4)', 0.5) });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 6 })).toMatchObject({ value: '#N/A', message: expect.stringContaining('No account fits within capacity 0.5') });
  });
});
