// Streaming the rows of one sheet out of an .xlsx/.xlsm file, whichever application wrote it.

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { RawCell } from '../core/ingest/raw-cell';
import { isBlankRow } from '../core/ingest/raw-cell';
import type { SheetContext } from './sheet-rows';
import { SheetRowsHandler } from './sheet-rows';
import { matchSheetName } from './sheet-names';
import type { PackageSheet, WorkbookPackage } from './workbook-package';
import { NotSpreadsheetMLError, openWorkbookPackage, PackageStructureError, scanPart } from './workbook-package';
import { readDateStyles, readSharedStrings } from './workbook-parts';
import { WorkbookReadError } from './workbook-read-error';
import { XmlSyntaxError } from './xml-scanner';
import { ZipDirectoryError } from './zip-directory';

/*
 * Why a reader of our own rather than exceljs' streaming reader: exceljs finds sheets by part name
 * (xl/worksheets/sheetN.xml) and elements by unprefixed name, so files from openpyxl (absolute
 * targets), the .NET Open XML SDK ("x:" prefixes), Numbers ("sheet.xml") or Strict OOXML lost their
 * sheet names or their rows; and its zip parser could drop the last entries under load. This one
 * follows the package's relationships (see workbook-package), reads only the parts it needs, straight
 * from the zip's directory, and streams the chosen sheet's XML in one pass.
 */

export interface XlsxReadOptions {
  /** Sheet to read, by name (see matchSheetName). Default: the first visible sheet with data. */
  sheet?: string;
  /** Called once, before the first row, with the chosen sheet's name. */
  onSheet?: (sheet: string) => void;
  onRow: (cells: RawCell[], rowNumber: number) => void;
}

/** Marks an exception thrown by the caller's onRow, so it passes through unchanged. */
class CallerError {
  constructor(readonly error: unknown) {}
}

/** Reads one sheet's rows from its first non-blank row on; true when it had any. */
async function readSheet(handle: FileHandle, sheet: PackageSheet, context: SheetContext, options: XlsxReadOptions): Promise<boolean> {
  if (sheet.kind !== 'worksheet' || sheet.entry === null) return false;
  let started = false;
  await scanPart(handle, sheet.entry, (scanner) =>
    new SheetRowsHandler(scanner, context, (cells, rowNumber) => {
      if (!started) {
        if (isBlankRow(cells)) return;
        started = true;
        options.onSheet?.(sheet.name);
      }
      try {
        options.onRow(cells, rowNumber);
      } catch (error) {
        scanner.stop();
        throw new CallerError(error);
      }
    }),
  );
  return started;
}

function corrupt(file: string, error: unknown): WorkbookReadError {
  return WorkbookReadError.of('CORRUPT_WORKBOOK', { file, detail: error instanceof Error ? error.message : String(error) }, error);
}

/**
 * Reads rows of one sheet, from its first non-blank row, and stops reading the file once that
 * sheet is done. Sheets are taken in tab order as the workbook lists them; hidden sheets and chart
 * sheets are passed over unless named. Returns the sheet read and every sheet name (in tab order).
 */
export async function readXlsxRows(file: string, options: XlsxReadOptions): Promise<{ sheet: string; sheets: string[] }> {
  const handle = await open(file, 'r');
  try {
    let workbook: WorkbookPackage;
    try {
      workbook = await openWorkbookPackage(handle, (await handle.stat()).size);
    } catch (error) {
      if (error instanceof NotSpreadsheetMLError) {
        if (error.format === 'unknown') throw WorkbookReadError.of('NOT_A_WORKBOOK', { file }, error);
        throw WorkbookReadError.of('UNSUPPORTED_FORMAT', { file, format: error.format }, error);
      }
      if (error instanceof ZipDirectoryError || error instanceof XmlSyntaxError || error instanceof PackageStructureError) throw corrupt(file, error);
      throw error;
    }
    const sheets = workbook.sheets.map((s) => s.name);
    if (sheets.length === 0) throw WorkbookReadError.of('NOT_A_WORKBOOK', { file });

    let candidates: PackageSheet[];
    if (options.sheet !== undefined) {
      const match = matchSheetName(sheets, options.sheet);
      if ('none' in match) throw WorkbookReadError.of('SHEET_NOT_FOUND', { file, sheet: options.sheet, sheets });
      if ('ambiguous' in match) throw WorkbookReadError.of('SHEET_AMBIGUOUS', { file, sheet: options.sheet, matches: match.ambiguous });
      candidates = workbook.sheets.filter((s) => s.name === match.found).slice(0, 1);
      const named = candidates[0]!;
      if (named.kind === 'worksheet' && named.entry === null) {
        throw corrupt(file, new Error(`the part of sheet "${named.name}" (${named.partName}) is missing`));
      }
    } else {
      candidates = workbook.sheets.filter((s) => s.state === 'visible' && s.kind === 'worksheet');
    }

    try {
      let context: SheetContext | null = null;
      for (const sheet of candidates) {
        if (sheet.kind !== 'worksheet' || sheet.entry === null) continue;
        context ??= {
          sharedStrings: await readSharedStrings(handle, workbook.sharedStrings),
          dateStyles: await readDateStyles(handle, workbook.styles),
          date1904: workbook.date1904,
        };
        if (await readSheet(handle, sheet, context, options)) return { sheet: sheet.name, sheets };
      }
    } catch (error) {
      if (error instanceof CallerError) throw error.error;
      if (error instanceof ZipDirectoryError || error instanceof XmlSyntaxError || error instanceof PackageStructureError) throw corrupt(file, error);
      throw error;
    }
    throw WorkbookReadError.of('NO_DATA', { file, sheet: options.sheet !== undefined ? candidates[0]!.name : null });
  } finally {
    await handle.close();
  }
}
