// Test support: runs the BUILT command line (bin/kam.cjs → dist/cli/kam.cjs) as users do, and reads
// the workbooks it writes back cell by cell.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from './dist';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs kam in a given locale: English unless `lang` says otherwise, whatever this machine's LANG is, so tests that
 * read English sentences pass on a Spanish machine too. The output may be large (--json on thousands of accounts).
 */
export function kam(args: string[], options: { cwd?: string; lang?: string; env?: Record<string, string> } = {}): CliRun {
  const env = { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: options.lang ?? 'en_US.UTF-8', ...options.env };
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/kam.cjs'), ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'kam-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const fixture = (name: string): string => path.join(ROOT, 'test/fixtures', name);

type Plain = string | number | boolean | null;

/** A cell as plain data: formulas would show as {formula}, which our outputs must never contain. */
function plain(value: ExcelJS.CellValue): Plain | { formula: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('formula' in value || 'sharedFormula' in value) return { formula: String((value as { formula?: string }).formula) };
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    return JSON.stringify(value);
  }
  return value as Plain;
}

/** Every sheet of a workbook as rows of plain values (trailing empty cells dropped). */
export async function readWorkbook(file: string): Promise<Record<string, (Plain | { formula: string })[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets: Record<string, (Plain | { formula: string })[][]> = {};
  book.eachSheet((sheet) => {
    const rows: (Plain | { formula: string })[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(plain);
      while (values.length && values[values.length - 1] === null) values.pop();
      rows[rowNumber - 1] = values;
    });
    sheets[sheet.name] = Array.from(rows, (r) => r ?? []);
  });
  return sheets;
}

export async function workbookImages(file: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  let images = 0;
  book.eachSheet((sheet) => (images += sheet.getImages().length));
  return images;
}
