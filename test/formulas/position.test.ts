// KAM_POSITION typed as a formula in a real spreadsheet engine: it spills a column and recalculates.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../support/hyperformula';

// Column A attractiveness, column B strength, rows 1-4; the formula in C1.
const DATA = [
  [8, 1.3],
  [8, 0.7],
  [3, 1.3],
  [3, 0.7],
];

function sheet(formula: string): unknown[][] {
  return DATA.map((row, i) => [...row, i === 0 ? formula : null]);
}

const results = (hf: ReturnType<typeof buildEngine>): unknown[] => hf.getSheetValues(0).map((row) => row[2]);

describe('KAM.POSITION in HyperFormula', () => {
  it.each(['=KAM.POSITION(A1:A4, B1:B4)', '=KAM_POSITION(A1:A4, B1:B4, 5, 1)'])('%s spills the four positions', (formula) => {
    expect(results(buildEngine({ Table: sheet(formula) }))).toEqual(['Strategic', 'Star', 'Status', 'Streamline']);
  });

  it('takes "median" cuts', () => {
    // medians: attractiveness 5.5, strength 1
    expect(results(buildEngine({ Table: sheet('=KAM.POSITION(A1:A4, B1:B4, "median", "median")') }))).toEqual(['Strategic', 'Star', 'Status', 'Streamline']);
  });

  it('recalculates when a strength changes', () => {
    const hf = buildEngine({ Table: sheet('=KAM.POSITION(A1:A4, B1:B4)') });
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, 1);
    expect(results(hf)[1]).toBe('Strategic');
  });

  it('puts a per-row error in that row only', () => {
    const data = sheet('=KAM.POSITION(A1:A4, B1:B4)');
    data[2][1] = 'strong';
    const values = results(buildEngine({ Table: data }));
    expect(values[1]).toBe('Star');
    expect(values[2]).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('strength: row 3, column 1 holds the text "strong"') });
    expect(values[3]).toBe('Streamline');
  });
});
