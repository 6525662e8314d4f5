// Test support: real .xlsx files into the in-memory workbook and back (as a host opens and saves them), and
// the in-memory workbook evaluated by HyperFormula, a real spreadsheet engine with the catalogue registered —
// so a workbook the wizard built can be recalculated and its results compared with the command line's.
import ExcelJS from 'exceljs';
import type { HyperFormula } from 'hyperformula';
import { evaluateCells } from './hyperformula';
import { MemoryCell, MemoryValue, MemoryWorkbook } from './memory-host';
import { a1Range, parseRange, quoteSheet } from '../../src/core/workbook/plan';
import { serialFromDate } from '../../src/core/ingest/excel-serial';
import type { Language } from '../../src/core/i18n';

const key = (row: number, column: number): string => `${row},${column}`;

/** A cell's value as Excel hands it to an add-in: dates as serial numbers, rich text as its text. */
function hostValue(value: ExcelJS.CellValue): MemoryValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialFromDate(value, 'utc');
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return hostValue(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return null;
  }
  return value as MemoryValue;
}

/** Opens an .xlsx as a host would show it to the add-in: values (formulas kept beside their cached results) and names. */
export async function loadWorkbook(file: string): Promise<MemoryWorkbook> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(file);
  const book = new MemoryWorkbook();
  source.eachSheet((ws) => {
    const sheet = book.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const formula = cell.formula;
        const entry: MemoryCell = { value: hostValue(cell.value) };
        if (formula) entry.formula = `=${formula}`;
        if (entry.value !== null || entry.formula) sheet.cells.set(key(r, c), entry);
      });
    });
  });
  for (const { name, ranges } of source.definedNames.model as { name: string; ranges: string[] }[]) {
    const m = /^'?(.*?)'?!(.+)$/.exec(ranges[0] ?? '');
    if (m) book.names.set(name, { sheet: m[1].replace(/''/g, "'"), range: m[2].replace(/\$/g, '') });
  }
  book.selection = { sheet: book.sheets[0]?.name ?? '', row: 1, column: 1 };
  return book;
}

/**
 * Saves the in-memory workbook as .xlsx the way a spreadsheet saves it: values as values, formulas with the
 * result they last calculated to (computed here by HyperFormula), named ranges.
 */
export async function saveWorkbook(book: MemoryWorkbook, file: string): Promise<void> {
  const out = new ExcelJS.Workbook();
  const computed = evaluateWorkbook(book);
  for (const sheet of book.sheets) {
    const ws = out.addWorksheet(sheet.name);
    for (const [at, cell] of sheet.cells) {
      const [r, c] = at.split(',').map(Number);
      const result = cell.formula ? computed.value(sheet.name, a1Range(r, c, 1, 1)) : null;
      ws.getCell(r, c).value = cell.formula
        ? { formula: cell.formula.replace(/^=/, ''), ...(typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? { result } : {}) } as ExcelJS.CellFormulaValue
        : cell.value;
    }
  }
  for (const [name, { sheet, range }] of book.names) out.definedNames.add(`${quoteSheet(sheet)}!${absolute(range)}`, name);
  await out.xlsx.writeFile(file);
}

/** "B8:F8" as "$B$8:$F$8". */
function absolute(range: string): string {
  const { row, column, rows, columns } = parseRange(range);
  return a1Range(row, column, rows, columns, true);
}

export interface EvaluatedWorkbook {
  engine: HyperFormula;
  /** The computed value of a cell ("KAM Portfolio", "I6"); errors as "#KIND! message" text, blanks as null. */
  value(sheet: string, address: string): unknown;
  /** A range's computed values, row by row. */
  grid(sheet: string, range: string): unknown[][];
}

/** An engine value as a test compares it: errors as "#KIND! message" text, blanks as null. */
const shown = (v: unknown): unknown => {
  if (v !== null && typeof v === 'object' && 'type' in v) {
    const e = v as { type: string; message?: string };
    return `#${e.type}! ${e.message ?? ''}`.trim();
  }
  return v === '' ? null : v;
};

/**
 * The in-memory workbook loaded into HyperFormula and calculated: formulas in Excel spelling (KAM.SCORE),
 * text cells kept as text (a leading apostrophe, as a user would type it), named ranges as named expressions.
 */
export function evaluateWorkbook(book: MemoryWorkbook, language: Language = 'en'): EvaluatedWorkbook {
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.sheets) {
    const rows: unknown[][] = [];
    for (const [at, cell] of sheet.cells) {
      const [r, c] = at.split(',').map(Number);
      while (rows.length < r) rows.push([]);
      const row = rows[r - 1];
      while (row.length < c) row.push(null);
      row[c - 1] = cell.formula ?? (typeof cell.value === 'string' ? `'${cell.value}` : cell.value);
    }
    sheets[sheet.name] = rows;
  }
  const { engine, values } = evaluateCells(sheets, [...book.names].map(([name, at]) => ({ name, ...at })), language);
  return {
    engine,
    value: (sheet, address) => shown(values(sheet, address)[0][0]),
    grid: (sheet, range) => values(sheet, range).map((row) => row.map(shown)),
  };
}
