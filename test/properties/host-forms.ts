// Test helper for the property tests: arguments in each host's form, and results mapped back to kind + message.
import vm from 'node:vm';
import { dateToSerial } from '../../src/core/functions/args';
import { CellError, ERROR_CODES, ErrorKind, KamError, errorFromText } from '../../src/core/functions/cells';
import { Arg, findFunction } from '../../src/core/functions/catalogue';
import { FunctionId, sheetsName } from '../../src/core/functions/function-ids';
import { StubCustomFunctionError, loadExcelBundle, loadSheetsBundle } from '../support/dist';

const KIND_BY_CODE = new Map<string, ErrorKind>(Object.entries(ERROR_CODES).map(([kind, code]) => [code, kind as ErrorKind]));
/** Only these two carry a message in Excel, so only their messages can be compared across hosts. */
const WITH_MESSAGE = new Set<ErrorKind>(['VALUE', 'NA']);

export interface Hosts {
  sheets: Record<string, any>;
  excel: Record<string, (...args: unknown[]) => unknown>;
  /** The Date constructor of the Sheets bundle's realm: Apps Script's Date objects are its own. */
  SheetsDate: DateConstructor;
}

export function loadHosts(): Hosts {
  const sheets = loadSheetsBundle();
  return { sheets, excel: loadExcelBundle(), SheetsDate: vm.runInContext('Date', sheets as vm.Context) as DateConstructor };
}

const mapArg = (arg: Arg | undefined, cell: (c: unknown) => unknown, omitted: unknown): unknown =>
  arg === undefined ? omitted : Array.isArray(arg) ? arg.map((row) => (Array.isArray(row) ? row.map(cell) : row)) : cell(arg);

/** As Sheets passes them: blanks "", errors as their text (a bare code or "#VALUE! message"), Dates of its realm. */
export function toSheetsArgs(args: (Arg | undefined)[], hosts: Hosts): unknown[] {
  const cell = (c: unknown): unknown =>
    c === null || c === undefined ? ''
    : c instanceof CellError ? (c.message ? `${ERROR_CODES[c.kind]} ${c.message}` : ERROR_CODES[c.kind])
    : c instanceof Date ? new hosts.SheetsDate(c.getTime())
    : c;
  return args.map((arg) => mapArg(arg, cell, undefined));
}

/**
 * As Excel passes them: blanks null, errors as error objects with a code, dates as serial numbers, omitted null.
 * A blank single cell for a range parameter arrives as [[null]] (Sheets sends "" for it).
 */
export function toExcelArgs(args: (Arg | undefined)[], id?: FunctionId): unknown[] {
  const params = id ? findFunction(id).params : [];
  const cell = (c: unknown): unknown =>
    c === undefined ? null
    : c instanceof CellError ? new StubCustomFunctionError(ERROR_CODES[c.kind], c.message)
    : c instanceof Date ? dateToSerial(c)
    : c;
  return args.map((arg, i) => (arg === null && params[i]?.kind === 'range' ? [[null]] : mapArg(arg, cell, null)));
}

/** A host-neutral view of one call's outcome: cells with errors as "#KIND message", or the whole-call error. */
export type Neutral = { cells: unknown[][] } | { thrown: string | null };

const neutralError = (kind: ErrorKind, message: string): string => (WITH_MESSAGE.has(kind) ? `#${kind} ${message}` : `#${kind}`);

export function neutralCore(id: FunctionId, args: (Arg | undefined)[]): Neutral {
  try {
    const out = findFunction(id).run(args as Arg[]);
    return { cells: out.map((row) => row.map((c) => (c instanceof CellError ? neutralError(c.kind, c.message) : c))) };
  } catch (error) {
    if (!(error instanceof KamError)) throw error;
    return { thrown: WITH_MESSAGE.has(error.kind) ? error.message : null };
  }
}

export function neutralSheets(id: FunctionId, args: unknown[], hosts: Hosts): Neutral {
  let out: unknown;
  try {
    out = hosts.sheets[sheetsName(id)](...args);
  } catch (error) {
    return { thrown: (error as Error).message };
  }
  return {
    cells: (out as unknown[][]).map((row) =>
      row.map((c) => {
        const error = typeof c === 'string' ? errorFromText(c) : null;
        return error ? neutralError(error.kind, error.message) : c;
      }),
    ),
  };
}

export function neutralExcel(id: string, args: unknown[], hosts: Hosts): Neutral {
  let out: unknown;
  try {
    out = hosts.excel[id](...args);
  } catch (error) {
    const e = error as StubCustomFunctionError;
    const kind = KIND_BY_CODE.get(e.code) as ErrorKind;
    return { thrown: WITH_MESSAGE.has(kind) ? e.message : null };
  }
  return {
    cells: (out as unknown[][]).map((row) =>
      row.map((c) => (c instanceof StubCustomFunctionError ? neutralError(KIND_BY_CODE.get(c.code) as ErrorKind, c.message) : c)),
    ),
  };
}

/** Two outcomes agree: same cells, or both failed (with the same message where both hosts can show one). */
export function sameOutcome(a: Neutral, b: Neutral): boolean {
  if ('cells' in a && 'cells' in b) return JSON.stringify(a.cells) === JSON.stringify(b.cells);
  if ('thrown' in a && 'thrown' in b) return a.thrown === null || b.thrown === null || a.thrown === b.thrown;
  return false;
}
