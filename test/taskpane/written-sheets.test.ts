// What the build writes, read as a spreadsheet would: number formats on every figure (values kept at full
// precision underneath), the chart's helper columns hidden, and — calculated by HyperFormula — the same
// attractiveness as the wizard's preview, and KAM Rewards blank (not #VALUE!) until actuals are typed.
import { describe, expect, it } from 'vitest';
import { DetailedCellError } from 'hyperformula';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { evaluateWorkbook } from '../support/workbook-files';
import { WizardSession } from '../../taskpane/wizard/session';
import { CHART_COLUMNS, letters, SHEET_NAMES } from '../../src/core/workbook/plan';
import { LABELS } from '../../src/core/model/model-sheet';
import { customerBook } from '../support/customer-books';

/** The customer list with the number formats its owner gave it: dollars and a percentage. */
function formattedBook(): MemoryWorkbook {
  const book = customerBook();
  book.setFormat('Customers', 'E4:E9', '"$"#,##0.00');
  book.setFormat('Customers', 'F4:F9', '0.0%');
  return book;
}

const columnOf = (book: MemoryWorkbook, sheet: string, row: number, header: string): number => {
  const found = [...book.sheet(sheet)!.cells].find(([k, c]) => k.startsWith(`${row},`) && c.value === header);
  if (!found) throw new Error(`no "${header}" in row ${row} of ${sheet}`);
  return Number(found[0].split(',')[1]);
};
const formatAt = (book: MemoryWorkbook, sheet: string, row: number, column: number): string | undefined => book.sheet(sheet)!.cells.get(`${row},${column}`)?.format;

describe.each(['sheets', 'excel'] as const)('the sheets the build writes (%s)', (host) => {
  it('formats every figure for people, in the data\'s own units, and hides the chart\'s helper columns', async () => {
    const book = formattedBook();
    const session = new WizardSession(new MemoryHost(book, host));
    await session.pick('region');
    await session.build();
    const P = SHEET_NAMES.portfolio;
    const col = (header: string): number => columnOf(book, P, 5, header);
    // The source's own formats where the data shows its unit; ours elsewhere.
    expect(formatAt(book, P, 6, col('Revenue'))).toBe('"$"#,##0.00');
    expect(formatAt(book, P, 9, col('Gross margin'))).toBe('0.0%');
    expect(formatAt(book, P, 6, col('Attractiveness (0-10)'))).toBe('0.00');
    expect(formatAt(book, P, 11, col('Attractiveness (0-10)'))).toBe('0.00'); // the spilled rows too
    expect(formatAt(book, P, 6, col('Relative strength'))).toBe('0.00');
    expect(formatAt(book, P, 6, col('Days a year as key account'))).toBe('#,##0');
    expect(formatAt(book, P, 6, col('Lifetime value'))).toBe('#,##0');
    // Values stay whole underneath: the link to the source cell, not a rounded copy.
    expect(book.get(P, `E6`)?.formula).toBe("='Customers'!E4");
    // Text stays text: Excel gets the Text format, Sheets the apostrophe (no format of its own).
    expect(formatAt(book, P, 6, 1)).toBe(host === 'excel' ? '@' : undefined);

    // The chart's helper columns start one column after the last column of the table.
    const helper = col('Fragile placement?') + 2;
    expect(book.get(P, `${letters(helper)}5`)?.value).toBe('Account');
    expect([...book.sheet(P)!.hidden].sort((a, b) => a - b)).toEqual(CHART_COLUMNS.map((_, k) => helper + k));

    const K = SHEET_NAMES.keyAccounts;
    expect([formatAt(book, K, 6, 2), formatAt(book, K, 10, 3), formatAt(book, K, 10, 4)]).toEqual(['0.00', '#,##0', '#,##0']);

    // The model sheet: each factor's scale in its unit, cuts and strengths to two decimals, rates in %.
    const M = SHEET_NAMES.model;
    const rowOf = (label: string): number => Number([...book.sheet(M)!.cells].find(([, c]) => c.value === label)![0].split(',')[0]);
    const factors = [...book.sheet(M)!.cells].filter(([k]) => k.startsWith(`${rowOf(LABELS.factor)},`)).map(([k, c]) => [Number(k.split(',')[1]), c.value] as const);
    const factorColumn = (name: string): number => factors.find(([, v]) => v === name)![0];
    expect(formatAt(book, M, rowOf(LABELS.worst), factorColumn('Revenue'))).toBe('#,##0');
    expect(formatAt(book, M, rowOf(LABELS.best), factorColumn('Gross margin'))).toBe('0.0%');
    expect(formatAt(book, M, rowOf(LABELS.strengthCut), 2)).toBe('0.00');
    expect(formatAt(book, M, rowOf(LABELS.capacity), 2)).toBe('#,##0');
    expect(formatAt(book, M, rowOf(LABELS.retention), 2)).toBe('0.0%');
    expect(formatAt(book, M, rowOf(LABELS.years), 2)).not.toBe('0.0%');

    const R = SHEET_NAMES.rewards;
    const rcol = (header: string): number => columnOf(book, R, 5, header);
    expect(formatAt(book, R, 6, rcol('Actual: revenue growth'))).toBe('0.0%');
    expect(formatAt(book, R, 6, rcol('Target: cost to serve'))).toBe('#,##0');
    expect(formatAt(book, R, 6, rcol('Payout (x target incentive)'))).toBe('0.00');
  });

  it('calculates to the preview, with blank payouts and a note on where to type actuals until they are in', async () => {
    const book = formattedBook();
    const session = new WizardSession(new MemoryHost(book, host));
    await session.pick('region');
    await session.build();
    const preview = session.portfolio();
    const hf = evaluateWorkbook(book).engine;
    const id = (name: string): number => hf.getSheetId(name)!;
    const P = SHEET_NAMES.portfolio;
    const attractiveness = columnOf(book, P, 5, 'Attractiveness (0-10)') - 1;
    preview.rows.forEach((r, i) => {
      expect(hf.getCellValue({ sheet: id(P), row: 5 + i, col: attractiveness })).toBeCloseTo(r.attractiveness!, 9);
    });

    const R = SHEET_NAMES.rewards;
    const payout = columnOf(book, R, 5, 'Payout (x target incentive)') - 1;
    const keyCount = preview.selection.chosen.length;
    expect(keyCount).toBeGreaterThan(0);
    for (let i = 0; i < keyCount; i++) {
      const value = hf.getCellValue({ sheet: id(R), row: 5 + i, col: payout });
      expect(value instanceof DetailedCellError ? value.value : value).toBe('');
    }
    expect(String(book.get(R, 'A3')?.value)).toMatch(/^Type each key account's actual results in columns C–F .* targets in columns G–J/);
    expect(book.get(R, 'C5')?.note).toMatch(/Type the actual results here/);

    // Once a row's actuals and targets are typed, its payout is a number.
    const actualsAndTargets = [0.1, 0.3, 0.35, 50, 0.08, 0.25, 0.3, 60];
    actualsAndTargets.forEach((v, j) => hf.setCellContents({ sheet: id(R), row: 5, col: 2 + j }, v));
    expect(typeof hf.getCellValue({ sheet: id(R), row: 5, col: payout })).toBe('number');
    expect(hf.getCellValue({ sheet: id(R), row: 6, col: payout })).toBe('');
  });
});
