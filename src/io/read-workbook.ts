// Reading a workbook or CSV file from disk into rows, and into account records in one call.

import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { RawCell } from '../core/ingest/raw-cell';
import { isBlankRow } from '../core/ingest/raw-cell';
import type { IngestIssue } from '../core/ingest/messages';
import { issue } from '../core/ingest/messages';
import type { TableReader } from '../core/ingest/table-reader';
import { createTableReader } from '../core/ingest/table-reader';
import type { IngestOptions, IngestResult } from '../core/ingest/types';
import type { FileKind } from './file-kind';
import { sniffFile } from './file-kind';
import type { TextEncodingName } from './text-decoding';
import { ChunkDecoder } from './text-decoding';
import { CsvParser, detectDelimiter, readSeparatorLine } from './csv-rows';
import { readXlsxRows } from './xlsx-rows';
import { WorkbookReadError } from './workbook-read-error';
import { english, type Translate } from '../core/i18n';

export interface ReadProgress {
  rowsRead: number;
  sheet: string | null;
  done: boolean;
}

export interface ReadTableOptions {
  /** Sheet of an .xlsx to read; default the first visible sheet with data. Ignored for CSV. */
  sheet?: string;
  /** CSV delimiter; detected by default. */
  delimiter?: string;
  /** Called every `progressEvery` rows (default 10,000) and once at the end, for a progress line. */
  onProgress?: (progress: ReadProgress) => void;
  progressEvery?: number;
}

/** Where the rows came from and how the file was read. */
export interface TableSource {
  file: string;
  format: FileKind;
  /** The sheet read (null for CSV) and all sheets of the workbook. */
  sheet: string | null;
  sheets: string[];
  encoding?: TextEncodingName;
  delimiter?: string;
  /** Notes about reading the file itself (encoding fallback, unclosed quote). */
  warnings: IngestIssue[];
}

export interface TableStart {
  format: FileKind;
  sheet: string | null;
  delimiter?: string;
}

const CSV_CHUNK_BYTES = 1 << 16;
/** Text gathered before guessing the delimiter: plenty of lines, little memory. */
const DELIMITER_SAMPLE_CHARS = 64 * 1024;

/**
 * Streams the rows of `file` (an .xlsx sheet or a CSV/text file) to `onRow`, from the first
 * non-blank row on, with sheet row numbers. `onStart` is called before the first row. Never writes
 * to the file. Throws WorkbookReadError when the file cannot be read or has no data.
 */
export async function readTableRows(
  file: string,
  onRow: (cells: RawCell[], rowNumber: number) => void,
  options: ReadTableOptions & { onStart?: (start: TableStart) => void } = {},
): Promise<TableSource> {
  const format = await sniffFile(file);
  const every = options.progressEvery ?? 10_000;
  let rowsRead = 0;
  let sheet: string | null = null;
  const counted = (cells: RawCell[], rowNumber: number) => {
    onRow(cells, rowNumber);
    rowsRead++;
    if (options.onProgress && rowsRead % every === 0) options.onProgress({ rowsRead, sheet, done: false });
  };

  let source: TableSource;
  if (format === 'xlsx') {
    const read = await readXlsxRows(file, {
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      onSheet: (name) => {
        sheet = name;
        options.onStart?.({ format, sheet: name });
      },
      onRow: counted,
    });
    source = { file, format, sheet: read.sheet, sheets: read.sheets, warnings: [] };
  } else {
    source = await readCsvRows(file, counted, options);
  }
  options.onProgress?.({ rowsRead, sheet, done: true });
  return source;
}

async function readCsvRows(
  file: string,
  onRow: (cells: RawCell[], rowNumber: number) => void,
  options: ReadTableOptions & { onStart?: (start: TableStart) => void },
): Promise<TableSource> {
  const decoder = new ChunkDecoder();
  let parser: CsvParser | null = null;
  let delimiter = options.delimiter ?? ',';
  let started = false;
  let pending = '';

  const emit = (cells: string[], rowNumber: number) => {
    if (!started) {
      if (isBlankRow(cells)) return;
      started = true;
      options.onStart?.({ format: 'csv', sheet: null, delimiter });
    }
    onRow(cells, rowNumber);
  };
  const begin = (text: string): CsvParser => {
    const hint = readSeparatorLine(text);
    const body = hint ? hint.rest : text;
    delimiter = options.delimiter ?? hint?.delimiter ?? detectDelimiter(body);
    const created = new CsvParser(delimiter, emit);
    created.write(body);
    return created;
  };

  const input = createReadStream(file, { flags: 'r', highWaterMark: CSV_CHUNK_BYTES });
  try {
    for await (const chunk of input) {
      const text = decoder.decode(chunk as Uint8Array);
      if (parser !== null) parser.write(text);
      else {
        pending += text;
        if (pending.length >= DELIMITER_SAMPLE_CHARS) {
          parser = begin(pending);
          pending = '';
        }
      }
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).code === 'string') {
      throw WorkbookReadError.of('FILE_UNREADABLE', { file, reason: (error as NodeJS.ErrnoException).code! }, error);
    }
    throw error;
  } finally {
    input.destroy();
  }
  const tail = decoder.end();
  if (parser === null) parser = begin(pending + tail);
  else parser.write(tail);
  const { unclosedQuoteRow } = parser.end();

  if (!started) throw WorkbookReadError.of('NO_DATA', { file, sheet: null });
  const warnings: IngestIssue[] = [];
  if (decoder.fellBack) warnings.push(issue('ENCODING_FALLBACK', 'warning', { file: basename(file) }));
  if (unclosedQuoteRow !== null) {
    warnings.push(issue('UNCLOSED_QUOTE', 'warning', { file: basename(file), row: unclosedQuoteRow }, { rows: [unclosedQuoteRow] }));
  }
  return { file, format: 'csv', sheet: null, sheets: [], encoding: decoder.encoding ?? 'utf-8', delimiter, warnings };
}

export interface ReadAccountsOptions extends IngestOptions, ReadTableOptions {
  /** The language messages name the table in ('…, sheet "Accounts"' / '…, hoja «Cuentas»'); English by default. */
  t?: Translate;
}

export interface WorkbookIngestResult extends IngestResult {
  source: TableSource;
}

/** How messages name the table: 'customers.xlsx, sheet "Accounts"' or 'transactions.csv', in the reader's language. */
export function sourceNameOf(file: string, sheet: string | null, t: Translate = english): string {
  return sheet === null ? basename(file) : t('cli.sourceName', { file: basename(file), sheet });
}

/**
 * Everything in one call: read `file` and return its accounts. File problems (missing, damaged,
 * password-protected, no data, unknown sheet) reject with WorkbookReadError; table problems (no
 * account column, no numbers) come back in `result.errors`, with the columns found, so a caller
 * can offer a column mapping. A ";"-separated CSV defaults to the decimal comma.
 */
export async function readAccounts(file: string, options: ReadAccountsOptions = {}): Promise<WorkbookIngestResult> {
  let reader: TableReader | null = null;
  const source = await readTableRows(file, (cells, rowNumber) => reader!.push(cells, rowNumber), {
    ...options,
    onStart: (start) => {
      const commaDecimal = start.delimiter === ';' && options.defaultDecimalSeparator === undefined;
      reader = createTableReader({
        ...options,
        sourceName: options.sourceName ?? sourceNameOf(file, start.sheet, options.t),
        ...(commaDecimal ? { defaultDecimalSeparator: ',' as const } : {}),
      });
    },
  });
  const result = reader!.finish();
  return { ...result, warnings: [...source.warnings, ...result.warnings], source };
}
