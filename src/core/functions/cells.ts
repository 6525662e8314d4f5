// The host-neutral cell model: what a spreadsheet hands a function, and what a function hands back.
import { english, render, type Phrase } from '../i18n';

/** Error kinds a cell can hold. Hosts spell them (#VALUE!, #N/A, …) only at their edge. */
export type ErrorKind = 'VALUE' | 'NA' | 'NUM' | 'DIV0' | 'REF' | 'NAME' | 'NULL';

/**
 * An error value in a cell: either read from an input cell (its message as the cell says it), or produced for
 * one row of a result (a phrase the host says in the user's language; `message` is the English).
 */
export class CellError {
  readonly kind: ErrorKind;
  readonly text: Phrase | string;
  constructor(kind: ErrorKind, text: Phrase | string) {
    this.kind = kind;
    this.text = text;
  }
  get message(): string {
    return render(this.text, english);
  }
}

/** A value as a host passes it: Sheets sends "" for a blank cell, Excel null (or 0 on some platforms). */
export type Cell = number | string | boolean | Date | null | undefined | CellError;
export type Grid = Cell[][];

/** What a function returns per cell. "" is a blank result (Excel shows a returned null as 0). */
export type OutCell = number | string | boolean | CellError;
export type OutGrid = OutCell[][];

/**
 * A problem with a whole argument (bad weights, wrong shape): the call fails with this message.
 * Problems with one row are CellError values inside the result instead.
 */
export class KamError extends Error {
  readonly kind: ErrorKind;
  /** The message as a phrase, said by the host in the user's language (`message` is the English). */
  readonly text: Phrase | string;
  constructor(kind: ErrorKind, text: Phrase | string) {
    super(render(text, english));
    this.name = 'KamError';
    this.kind = kind;
    this.text = text;
  }
}

/** Spellings of the error kinds, as both hosts display them. */
export const ERROR_CODES: Record<ErrorKind, string> = {
  VALUE: '#VALUE!',
  NA: '#N/A',
  NUM: '#NUM!',
  DIV0: '#DIV/0!',
  REF: '#REF!',
  NAME: '#NAME?',
  NULL: '#NULL!',
};

const KIND_BY_CODE: Record<string, ErrorKind> = Object.fromEntries(
  Object.entries(ERROR_CODES).map(([kind, code]) => [code, kind as ErrorKind]),
);

/**
 * Reads text that stands for an error value: a bare code ("#N/A") as Sheets passes an error cell,
 * or a code followed by a message ("#VALUE! Row 3 …"), the form our Sheets functions use for a
 * per-row error — so one function's row error flows through the next one in either host.
 */
export function errorFromText(text: string): CellError | null {
  if (text.charCodeAt(0) !== 35 /* # */) return null;
  const space = text.indexOf(' ');
  const code = space < 0 ? text : text.slice(0, space);
  const kind = KIND_BY_CODE[code];
  if (!kind) return null;
  return new CellError(kind, space < 0 ? '' : text.slice(space + 1));
}

/** True for a cell the user left empty, as any host sends it. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || cell === '';
}

/** The result for a row the user left entirely blank. */
export const BLANK: OutCell = '';
