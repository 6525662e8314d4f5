// KAM_FLAGS typed as a formula in a real spreadsheet engine: it spills a column and recalculates.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';

// Columns A revenue, B attractiveness, C profit, D tenure; options in F1:G2; the formula in I1.
const DATA = [
  [1000, 3, 50, 2],
  [500, 4, 20, 12],
  [400, 7, -10, 1],
  [300, 8, 40, 15],
  [200, 6, 10, 3],
];

function sheet(formula: string): unknown[][] {
  const options = [['cut', 5], ['tenure', 10]];
  return DATA.map((row, i) => [...row, null, ...(options[i] ?? [null, null]), null, i === 0 ? formula : null]);
}

const results = (hf: ReturnType<typeof buildEngine>): unknown[] => hf.getSheetValues(0).map((row) => row[8]);

describe('KAM.FLAGS in HyperFormula', () => {
  it.each(['=KAM.FLAGS(A1:A5, B1:B5, C1:C5, D1:D5)', '=KAM_FLAGS(A1:A5, B1:B5, C1:C5, D1:D5, F1:G2)'])('%s spills the warnings', (formula) => {
    expect(results(buildEngine({ Table: sheet(formula) }))).toEqual(['Big name', 'Old friend', 'Difficult', '', '']);
  });

  it('takes options as text', () => {
    const hf = buildEngine({ Table: sheet('=KAM.FLAGS(A1:A5, B1:B5, C1:C5, D1:D5, "top=40%; cut=7.5; profit=10")') });
    expect(results(hf)).toEqual(['Big name', 'Big name, Old friend', 'Difficult', '', 'Difficult']);
  });

  it('recalculates when an option cell changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.FLAGS(A1:A5, B1:B5, C1:C5, D1:D5, F1:G2)') });
    hf.setCellContents({ sheet: 0, row: 0, col: 6 }, 9); // cut 5 → 9
    expect(results(hf)).toEqual(['Big name', 'Old friend', 'Difficult', 'Old friend', '']);
  });

  it('puts a per-row error in that row only', () => {
    const data = sheet('=KAM.FLAGS(A1:A5, B1:B5, C1:C5, D1:D5)');
    data[3][2] = 'n/a';
    const values = results(buildEngine({ Table: data }));
    expect(values[2]).toBe('Difficult');
    expect(values[3]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('profit: row 4, column 1 holds the text "n/a"') });
    expect(values[4]).toBe('');
  });
});
