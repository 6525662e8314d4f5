// Raw cell values as the hosts hand them over, and the few questions every reader asks of them.

/**
 * One cell as exceljs, Office.js or SpreadsheetApp gives it. Sheets gives "" for a blank cell,
 * Office and exceljs give null; sparse arrays may hold undefined. All three mean "blank".
 */
export type RawCell = string | number | boolean | Date | null | undefined;

/** Spaces that spreadsheets and exports put around or inside values (no-break, thin, narrow). */
const EDGE_SPACE = /^[\s\u00a0\u2007\u2009\u202f\ufeff]+|[\s\u00a0\u2007\u2009\u202f\ufeff]+$/g;

export function trimCellText(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

export function isBlankCell(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return trimCellText(cell) === '';
  if (typeof cell === 'number') return Number.isNaN(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime());
  return false;
}

export function isBlankRow(row: readonly RawCell[]): boolean {
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** The cell as the text a user sees; dates as ISO yyyy-mm-dd so names built from them are stable. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return trimCellText(cell);
  if (typeof cell === 'number') return Number.isNaN(cell) ? '' : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
}

/** Spreadsheet column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
