// KAM_DRIFT typed as a formula in a real spreadsheet engine: a 5×5 table, fed by KAM_POSITION for two years.
import { describe, expect, it } from 'vitest';
import { DRIFT_CORNER } from '../../src/core/functions/drift';
import { buildEngine } from '../support/hyperformula';

// Last year's attractiveness and strength in A-B, this year's in C-D, one account per row; the formula in F1.
const DATA = [
  [8, 1.3, 8, 1.2], // Strategic → Strategic
  [8, 1.3, 3, 1.2], // Strategic → Status
  [7, 0.6, 7, 1.1], // Star → Strategic
  [4, 0.5, 4, 0.9], // Streamline → Streamline
  [2, 0.8, 6, 0.8], // Streamline → Star
];

function sheet(formula: string): unknown[][] {
  return DATA.map((row, i) => [...row, null, i === 0 ? formula : null]);
}

const spill = (hf: ReturnType<typeof buildEngine>): unknown[][] => hf.getSheetValues(0).map((row) => row.slice(5, 10));

describe('KAM.DRIFT in HyperFormula', () => {
  it.each([
    '=KAM.DRIFT(KAM.POSITION(A1:A5, B1:B5), KAM.POSITION(C1:C5, D1:D5))',
    '=KAM_DRIFT(KAM_POSITION(A1:A5, B1:B5), KAM_POSITION(C1:C5, D1:D5))',
  ])('%s spills the transition table with its headers', (formula) => {
    expect(spill(buildEngine({ Table: sheet(formula) }))).toEqual([
      [DRIFT_CORNER, 'Strategic', 'Star', 'Status', 'Streamline'],
      ['Strategic', 1, 0, 1, 0],
      ['Star', 1, 0, 0, 0],
      ['Status', 0, 0, 0, 0],
      ['Streamline', 0, 1, 0, 1],
    ]);
  });

  it('recalculates when an account moves', () => {
    const hf = buildEngine({ Table: sheet('=KAM.DRIFT(KAM.POSITION(A1:A5, B1:B5), KAM.POSITION(C1:C5, D1:D5))') });
    hf.setCellContents({ sheet: 0, row: 1, col: 2 }, 9); // the second account stays Strategic
    expect(spill(hf)[1]).toEqual(['Strategic', 2, 0, 0, 0]);
  });

  it('fails the whole call, naming the row, when a position column holds an error', () => {
    const data = sheet('=KAM.DRIFT(KAM.POSITION(A1:A5, B1:B5), KAM.POSITION(C1:C5, D1:D5))');
    data[3][2] = 'n/a';
    const hf = buildEngine({ Table: data });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 5 })).toMatchObject({ value: '#VALUE!', message: expect.stringContaining('attractiveness: row 4, column 1 holds the text "n/a"') });
  });
});
