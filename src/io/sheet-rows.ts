// The rows of one worksheet part as raw cells: shared and inline strings, cached formula values, dates.

import type { RawCell } from '../core/ingest/raw-cell';
import type { XmlHandler, XmlScanner } from './xml-scanner';
import { readAttributes } from './xml-scanner';
import { StringItemReader, unescapeXstring } from './workbook-parts';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** By cell style index: does the style's number format show a date? */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Days from the 1900 system's day 0 (1899-12-30, with Excel's phantom 1900-02-29) to 1970-01-01. */
const UNIX_EPOCH_1900 = 25_569;
/** The 1904 system counts from 1904-01-01: 1,462 days later than the 1900 system. */
const OFFSET_1904 = 1_462;

/** A date serial as a Date (UTC, like every date the reader gives): the same day in both date systems. */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * MS_PER_DAY));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A t="d" cell (ECMA-376 Part 1, 18.18.11: ISO 8601 text, written by Strict OOXML and by openpyxl
 * with iso_dates): a date, or a date and time, taken as written (UTC, no time-zone shift), so it
 * equals the serial form of the same day. A bare time or anything else stays text.
 */
export function dateFromIso(text: string): Date | string {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(`0.${fraction}`) * 1000));
  return Number.isNaN(ms) ? text : new Date(ms);
}

/** "BC12" → 55 (1-based column); 0 when the reference has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
  }
  return column;
}

const CELL_ATTRIBUTES = ['r', 't', 's'] as const;
const ROW_ATTRIBUTES = ['r'] as const;

/**
 * Parses <sheetData> and calls `onRow` for each <row> element with its cells (index = column − 1,
 * blanks left out) and its sheet row number. Row and cell positions come from their r attributes,
 * or, where a writer leaves them out (allowed by the schema), follow on from the previous one.
 * Stops the scanner at </sheetData>: nothing after it is data.
 */
export class SheetRowsHandler implements XmlHandler {
  private inData = false;
  private cells: RawCell[] = [];
  private rowNumber = 0;
  private column = 0;
  private cellType: string | undefined;
  private cellStyle = 0;
  private value: string | null = null;
  private inInline = false;
  private readonly inline = new StringItemReader();
  private inlineSeen = false;
  private readonly attributes: (string | undefined)[] = [];

  constructor(
    private readonly scanner: XmlScanner,
    private readonly context: SheetContext,
    private readonly onRow: (cells: RawCell[], rowNumber: number) => void,
  ) {}

  open(name: string, attributes: string): void {
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    switch (name) {
      case 'c': {
        readAttributes(attributes, CELL_ATTRIBUTES, this.attributes);
        const reference = this.attributes[0];
        const column = reference === undefined ? 0 : columnOf(reference);
        this.column = column > 0 ? column : this.column + 1;
        this.cellType = this.attributes[1];
        const style = this.attributes[2];
        this.cellStyle = style === undefined ? 0 : Number(style);
        this.value = null;
        this.inlineSeen = false;
        return;
      }
      case 'v':
        this.scanner.capture = true;
        return;
      case 'is':
        this.inInline = true;
        this.inlineSeen = true;
        this.inline.reset();
        return;
      case 'row': {
        readAttributes(attributes, ROW_ATTRIBUTES, this.attributes);
        const number = Number(this.attributes[0]);
        this.rowNumber = Number.isInteger(number) && number > 0 ? number : this.rowNumber + 1;
        this.cells = [];
        this.column = 0;
        return;
      }
      default:
        if (this.inInline && this.inline.open(name)) this.scanner.capture = true;
    }
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case 'v':
        this.value = this.scanner.takeText();
        return;
      case 'c': {
        const cell = this.cellValue();
        if (cell !== null) this.cells[this.column - 1] = cell;
        return;
      }
      case 'is':
        this.inInline = false;
        return;
      case 'row':
        this.onRow(this.cells, this.rowNumber);
        return;
      case 'sheetData':
        this.inData = false;
        this.scanner.stop();
        return;
      default:
        if (this.inInline) this.inline.close(name, () => this.scanner.takeText());
    }
  }

  /** The cell's value from its type and its <v> (the cached result, for a formula) or <is>. */
  private cellValue(): RawCell {
    const type = this.cellType;
    const value = this.value;
    if (type === 'inlineStr' || (this.inlineSeen && type === undefined)) {
      return this.inlineSeen ? this.inline.value() : value === null ? null : unescapeXstring(value);
    }
    if (value === null) return null; // a blank styled cell, or a formula never calculated
    switch (type) {
      case undefined:
      case 'n': {
        if (value === '') return null;
        const number = Number(value);
        if (Number.isNaN(number)) return null;
        return this.context.dateStyles[this.cellStyle] === true ? dateFromSerial(number, this.context.date1904) : number;
      }
      case 's': {
        const text = this.context.sharedStrings[Number(value)];
        return text === undefined ? null : text;
      }
      case 'str':
        return unescapeXstring(value);
      case 'b':
        return value === '1' || value.toLowerCase() === 'true';
      case 'e':
        return value;
      case 'd':
        return dateFromIso(value);
      default:
        return value;
    }
  }
}
