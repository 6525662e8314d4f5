// Streaming the rows of one sheet out of an .xlsx file with exceljs' streaming reader.

import type { EventEmitter } from 'node:events';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { RawCell } from '../core/ingest/raw-cell';
import { isBlankRow } from '../core/ingest/raw-cell';
import { rawCellOf } from './xlsx-cell';
import { WorkbookReadError } from './workbook-read-error';
import type { XlsxZipStream } from './xlsx-zip-stream';
import { openXlsxZipStream } from './xlsx-zip-stream';
import { ZipDirectoryError } from './zip-directory';

/** What exceljs' streaming worksheet reader carries but does not declare. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

interface StreamedWorkbook {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

export interface XlsxReadOptions {
  /** Sheet to read, by name (exact, else ignoring case and spaces). Default: the first visible sheet with data. */
  sheet?: string;
  /** Called once, before the first row, with the chosen sheet's name. */
  onSheet?: (sheet: string) => void;
  onRow: (cells: RawCell[], rowNumber: number) => void;
}

function sameSheet(actual: string, wanted: string): boolean {
  return actual === wanted || actual.trim().toLowerCase() === wanted.trim().toLowerCase();
}

/**
 * Reads rows of one sheet, from its first non-blank row, and stops reading the file once that
 * sheet is done. Sheets are met in the order of their part names (sheet1.xml, sheet2.xml, …),
 * which is the tab order in files Excel saved; hidden sheets are passed over unless named.
 * Returns the sheet read and every sheet name (in tab order).
 */
export async function readXlsxRows(file: string, options: XlsxReadOptions): Promise<{ sheet: string; sheets: string[] }> {
  const handle = await open(file, 'r');
  let zip: XlsxZipStream;
  try {
    zip = await openXlsxZipStream(handle, (await handle.stat()).size);
  } catch (error) {
    await handle.close();
    if (error instanceof ZipDirectoryError) throw WorkbookReadError.of('CORRUPT_WORKBOOK', { file, detail: error.message }, error);
    throw error;
  }
  if (!zip.hasWorkbook) {
    await handle.close();
    throw WorkbookReadError.of('NOT_A_WORKBOOK', { file });
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zip.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore', // a hyperlink cell keeps its display text as its value
    entries: 'emit', // to know when the last sheet has been reached (see xlsx-zip-stream)
  });
  const lastSheet = zip.sheetNumbers[zip.sheetNumbers.length - 1];
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet' && entry.id === lastSheet) zip.release();
  });
  const workbook = reader as unknown as StreamedWorkbook;
  const seen: string[] = [];
  let chosen: string | null = null;
  let namedSheetFound = false;
  let callbackFailure: unknown = null;

  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      seen.push(worksheet.name);
      const wanted = options.sheet !== undefined ? sameSheet(worksheet.name, options.sheet) : worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden';
      if (!wanted) continue; // exceljs drains a sheet nobody iterates
      if (options.sheet !== undefined) namedSheetFound = true;
      const date1904 = workbook.properties?.model?.date1904 === true;
      let started = false;
      for await (const row of worksheet) {
        const cells: RawCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = rawCellOf(cell.value, cell.numFmt, date1904);
        });
        if (!started) {
          if (isBlankRow(cells)) continue;
          started = true;
          chosen = worksheet.name;
          options.onSheet?.(worksheet.name);
        }
        try {
          options.onRow(cells, row.number);
        } catch (error) {
          callbackFailure = error;
          throw error;
        }
      }
      if (started || namedSheetFound) break;
    }
  } catch (error) {
    if (error === callbackFailure) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw WorkbookReadError.of('CORRUPT_WORKBOOK', { file, detail }, error);
  } finally {
    zip.release();
    zip.stream.destroy();
    await handle.close();
  }

  const sheets = workbook.model?.sheets?.map((sheet) => sheet.name) ?? seen;
  if (seen.length === 0) throw WorkbookReadError.of('NOT_A_WORKBOOK', { file });
  if (options.sheet !== undefined && !namedSheetFound) throw WorkbookReadError.of('SHEET_NOT_FOUND', { file, sheet: options.sheet, sheets });
  if (chosen === null) throw WorkbookReadError.of('NO_DATA', { file, sheet: options.sheet !== undefined ? sheets.find((s) => sameSheet(s, options.sheet!)) ?? options.sheet : null });
  return { sheet: chosen, sheets };
}
