// The Sheets edge: host values in, catalogue call, Sheets values out. No KAM logic here.
import { dateToSerial } from '../core/functions/args';
import { CellError, ERROR_CODES, KamError, OutGrid } from '../core/functions/cells';
import { Arg, findFunction } from '../core/functions/catalogue';
import type { FunctionId } from '../core/functions/function-ids';
import { SHEETS_MAX_INPUT_CELLS, checkInputSize } from '../core/functions/host-limits';
import { languageFromTag, lazyTranslator, phrase, render, translator, type Translate } from '../core/i18n';

/**
 * Sheets cannot place an error value inside a returned array, so a row's error is written as text:
 * the error code, a space, then the message ("#VALUE! scores: row 3 …"). Our functions read such
 * text back as that error, so it passes through the next function like a real error value.
 */
export function errorText(error: CellError, t: Translate): string {
  const message = render(error.text, t);
  return message ? `${ERROR_CODES[error.kind]} ${message}` : ERROR_CODES[error.kind];
}

function toSheetsGrid(out: OutGrid, t: Translate): unknown[][] {
  for (const row of out) {
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell instanceof CellError) row[j] = errorText(cell, t);
    }
  }
  return out;
}

/**
 * The language a function speaks in: the spreadsheet's locale (File › Settings), which a custom function may read
 * (read-only Spreadsheet methods are allowed there; the user's own locale, Session.getActiveUserLocale, is not among
 * the services custom functions may call: docs/hosts.md). One setting per file, so every viewer sees the same
 * words, and Sheets' cached results never mix languages. Looked up only when a call has words to say (a
 * position, a flag, an error), as the time zone is only for dates.
 */
function sheetsTranslator(): Translate {
  return lazyTranslator(() => {
    let tag: string | undefined;
    try {
      tag = SpreadsheetApp.getActive().getSpreadsheetLocale();
    } catch {
      tag = undefined; // outside a spreadsheet (the script editor): English
    }
    return translator(languageFromTag(tag), tag);
  });
}

// Checked by tag, not instanceof: Apps Script's Date objects may come from another realm in tests.
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

const WALL_CLOCK = /^(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Sheets passes a date cell as the Date at that wall-clock time in the spreadsheet's time zone (midnight
 * in New York for a plain date there), so counting from a UTC epoch would shift it by hours. The serial
 * number is read back from the wall clock in that zone: what =N(cell) shows in the sheet. Custom
 * functions may call read-only Spreadsheet methods and Utilities (docs/hosts.md, "Dates").
 */
function dateSerials(): (date: Date) => number | Date {
  const zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  // A column of dates repeats itself (order dates, month ends): one formatDate call per distinct instant.
  const seen = new Map<number, number | Date>();
  return (date) => {
    const time = date.getTime();
    if (Number.isNaN(time)) return date; // the catalogue reports an invalid date, naming the cell
    let serial = seen.get(time);
    if (serial === undefined) {
      serial = wallClockSerial(date, zone);
      seen.set(time, serial);
    }
    return serial;
  };
}

function wallClockSerial(date: Date, zone: string): number | Date {
  const m = WALL_CLOCK.exec(Utilities.formatDate(date, zone, "yyyy-MM-dd'T'HH:mm:ss.SSS"));
  if (!m) return date;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number);
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0-99 as 1900-1999
  wall.setUTCHours(h, mi, s, ms);
  const offset = wall.getTime() - date.getTime();
  // No zone is a day or more from UTC: a larger gap is a year the pattern cannot spell (before year 1).
  return Math.abs(offset) < MS_PER_DAY ? dateToSerial(new Date(date.getTime() + offset)) : date;
}

/** The arguments with every Date as its serial number; ranges without a date pass untouched (no copy). */
function withSerialDates(args: unknown[]): unknown[] {
  let convert: ((date: Date) => number | Date) | null = null;
  const serial = (date: Date): number | Date => (convert ??= dateSerials())(date);
  return args.map((arg) => {
    if (isDate(arg)) return serial(arg);
    if (!Array.isArray(arg)) return arg;
    const rows = arg as unknown[][];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!Array.isArray(row)) continue;
      for (let j = 0; j < row.length; j++) {
        // The typeof test first: this scan touches every cell, and most are numbers or text.
        const cell = row[j];
        if (cell !== null && typeof cell === 'object' && isDate(cell)) return rows.map((r) => (Array.isArray(r) ? r.map((c) => (isDate(c) ? serial(c) : c)) : r));
      }
    }
    return rows;
  });
}

/** Calls a catalogue function as Sheets calls a custom function; a whole-call problem shows as #ERROR!. */
export function runSheets(id: FunctionId, args: unknown[]): unknown[][] {
  const t = sheetsTranslator();
  try {
    checkInputSize(args as Arg[], SHEETS_MAX_INPUT_CELLS, 'Google Sheets', phrase('fn.hint.sheets'));
    return toSheetsGrid(findFunction(id).run(withSerialDates(args) as Arg[], t), t);
  } catch (error) {
    if (error instanceof KamError) throw new Error(render(error.text, t));
    throw error;
  }
}
