// Test support: a workbook the wizard built in memory, recalculated by HyperFormula (a real spreadsheet
// engine) with its named ranges, so tests can compare the live formulas' results with the core's portfolio.
import type { HyperFormula } from 'hyperformula';
import { buildEngine } from './hyperformula';
import type { MemoryWorkbook } from './memory-host';
import { parseRange } from '../../src/core/workbook/plan';

export interface EvaluatedWorkbook {
  engine: HyperFormula;
  /** A cell's computed value ('' for an empty cell, a string like "#N/A" for an error). */
  value(sheet: string, address: string): unknown;
  /** The computed values of a column range, e.g. ("KAM Portfolio", "H6:H20"). */
  column(sheet: string, range: string): unknown[];
}

const quote = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

export function evaluateWorkbook(book: MemoryWorkbook): EvaluatedWorkbook {
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.sheets) {
    const grid: unknown[][] = [];
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      (grid[r - 1] ??= [])[c - 1] = cell.formula ?? cell.value;
    }
    sheets[sheet.name] = Array.from(grid, (row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
  }
  // Excel and Sheets read TRUE and FALSE as the logical values; HyperFormula has only the functions TRUE() and
  // FALSE() (https://hyperformula.handsontable.com/guide/built-in-functions.html), so they are named here.
  const names = [{ name: 'TRUE', expression: '=TRUE()' }, { name: 'FALSE', expression: '=FALSE()' }];
  for (const [name, { sheet, range }] of book.names) {
    const box = parseRange(range);
    const from = `$${columnName(box.column)}$${box.row}`;
    const to = `$${columnName(box.column + box.columns - 1)}$${box.row + box.rows - 1}`;
    names.push({ name, expression: `=${quote(sheet)}!${from}:${to}` });
  }
  const engine = buildEngine(sheets, names);
  const value = (sheet: string, address: string): unknown => {
    const id = engine.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const at = parseRange(address);
    const v = engine.getCellValue({ sheet: id, row: at.row - 1, col: at.column - 1 });
    if (v !== null && typeof v === 'object' && 'value' in (v as object)) return String((v as { value: unknown }).value);
    return v ?? '';
  };
  return {
    engine,
    value,
    column: (sheet, range) => {
      const box = parseRange(range);
      return Array.from({ length: box.rows }, (_, i) => value(sheet, `${columnName(box.column)}${box.row + i}`));
    },
  };
}

function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
