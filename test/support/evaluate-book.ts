// Test support: the cells a fake Google spreadsheet holds, recalculated by HyperFormula (a real
// spreadsheet engine, with the catalogue registered under both spellings) — formulas, named ranges and
// spilled results as Sheets would compute them.
import type { HyperFormula } from 'hyperformula';
import { buildEngine } from './hyperformula';
import type { FakeSpreadsheet } from './fake-spreadsheet';
import { a1Range, quoteSheet } from '../../src/core/workbook-plan';

export interface EvaluatedBook {
  engine: HyperFormula;
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
  // Sheets and names first, contents last: formulas then find the names they use already defined.
  const engine = buildEngine(Object.fromEntries(Object.keys(sheets).map((name) => [name, []])));
  // Both hosts read TRUE and FALSE as values; HyperFormula knows them only as functions, TRUE() and FALSE().
  engine.addNamedExpression('TRUE', '=TRUE()');
  engine.addNamedExpression('FALSE', '=FALSE()');
  for (const [name, range] of book.names) {
    engine.addNamedExpression(name, `=${quoteSheet(range.sheet.getName())}!${a1Range(range.row, range.column, range.rows, range.columns, true)}`);
  }
  engine.batch(() => {
    for (const [name, rows] of Object.entries(sheets)) engine.setSheetContent(engine.getSheetId(name)!, rows as never);
  });
  return {
    engine,
    values(sheet, { row, column, rows, columns }) {
      const id = engine.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet ${sheet}`);
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => engine.getCellValue({ sheet: id, row: row - 1 + i, col: column - 1 + j })),
      );
    },
  };
}
