// Test support: the cells a fake Google spreadsheet holds, recalculated by HyperFormula (a real
// spreadsheet engine, with the catalogue registered under both spellings) — formulas, named ranges and
// spilled results as Sheets would compute them.
import type { FakeSpreadsheet } from './fake-spreadsheet';
import { evaluateCells, type EvaluatedCells } from './hyperformula';
import { a1Range } from '../../src/core/workbook/plan';

export interface EvaluatedBook {
  engine: EvaluatedCells['engine'];
  /** The computed values of an A1 range of a sheet, row by row. */
  values(sheet: string, range: { row: number; column: number; rows: number; columns: number }): unknown[][];
}

export function evaluateBook(book: FakeSpreadsheet): EvaluatedBook {
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.getSheets()) {
    const rows: unknown[][] = [];
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      (rows[r - 1] ??= [])[c - 1] = cell.formula || (cell.value === '' ? null : cell.value);
    }
    sheets[sheet.getName()] = Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
  const names = [...book.names].map(([name, range]) => ({ name, sheet: range.sheet.getName(), range: a1Range(range.row, range.column, range.rows, range.columns) }));
  const { engine, values } = evaluateCells(sheets, names);
  return { engine, values: (sheet, { row, column, rows, columns }) => values(sheet, a1Range(row, column, rows, columns)) };
}
