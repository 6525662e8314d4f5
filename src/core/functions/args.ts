// Reading function arguments: ranges, weight vectors and single values, with the catalogue's error rules.
import { Cell, CellError, ERROR_CODES, Grid, KamError, errorFromText, isBlank } from './cells';
import { details, messages } from './messages';
import type { Phrase } from '../i18n';

/** Milliseconds between the Unix epoch and Excel's day 0 (1899-12-30), for dates Sheets passes. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** A date as the serial number Excel would pass for it, so both hosts compute the same result. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** Marker for a blank cell in a numeric argument. */
export const BLANK_CELL = Symbol('blank');
export type NumberCell = number | CellError | typeof BLANK_CELL;

/**
 * One cell of a numeric argument: a finite number, blank, or the error to put in that row's result.
 * Text is never guessed at: "12" typed as text is an error naming the cell.
 */
export function readNumberCell(cell: Cell, arg: string, row: number, column: number): NumberCell {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? cell : new CellError('VALUE', messages.notFinite(arg, row, column));
  }
  if (cell === null || cell === undefined) return BLANK_CELL;
  if (typeof cell === 'string') {
    if (cell.trim() === '') return BLANK_CELL;
    return errorFromText(cell) ?? new CellError('VALUE', messages.textInNumber(arg, row, column, cell));
  }
  if (cell instanceof CellError) return cell;
  if (cell instanceof Date) {
    const serial = dateToSerial(cell);
    return Number.isFinite(serial) ? serial : new CellError('VALUE', messages.invalidDate(arg, row, column));
  }
  return new CellError('VALUE', messages.booleanInNumber(arg, row, column, cell));
}

/**
 * How a cell is shown inside a message, the same in both hosts: a date as the serial number Excel
 * passes for it, an error as its code, TRUE/FALSE in capitals.
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof CellError) return ERROR_CODES[cell.kind];
  if (cell instanceof Date) {
    const serial = dateToSerial(cell);
    return Number.isFinite(serial) ? String(serial) : 'an invalid date';
  }
  return String(cell);
}

/** A required range argument: a non-empty 2-D array (a single value counts as 1×1). */
export function readRange(arg: Cell | Grid | undefined, name: string): Grid {
  if (arg === undefined || arg === null) throw new KamError('VALUE', messages.missingArgument(name));
  const grid = Array.isArray(arg) ? arg : [[arg]];
  if (grid.length === 0 || !Array.isArray(grid[0]) || grid[0].length === 0) {
    throw new KamError('VALUE', messages.notARange(name));
  }
  return grid;
}

/** An optional range argument; omitted (undefined, null, or a blank single cell) gives undefined. */
export function readOptionalRange(arg: Cell | Grid | undefined, name: string): Grid | undefined {
  if (arg === undefined || arg === null || arg === '') return undefined;
  if (Array.isArray(arg) && arg.length === 1 && arg[0]?.length === 1 && isBlank(arg[0][0])) return undefined;
  return readRange(arg, name);
}

/** True when every cell of a row is blank, as any host sends a blank. */
export function rowIsBlank(row: Cell[]): boolean {
  for (let j = 0; j < row.length; j++) if (!isBlank(row[j])) return false;
  return true;
}

/** Row-aligned arguments must describe the same accounts. */
export function requireSameRows(a: Grid, aName: string, b: Grid, bName: string): void {
  if (a.length !== b.length) throw new KamError('VALUE', messages.rowsDiffer(aName, a.length, bName, b.length));
}

/** A row or a column of numbers, flattened. */
export function readVector(grid: Grid, name: string): Cell[] {
  if (grid.length === 1) return grid[0];
  if (grid[0].length === 1) return grid.map((row) => row[0]);
  throw new KamError('VALUE', messages.notAVector(name, grid.length, grid[0].length));
}

/**
 * Weights: non-negative numbers, any total, at least one positive; blanks count as 0.
 * A bad weight fails the whole call, since it affects every row.
 */
export function readWeights(arg: Cell | Grid | undefined, name: string, expected: number, expectedOf: string): Float64Array {
  const cells = readVector(readRange(arg, name), name);
  if (cells.length !== expected) {
    throw new KamError('VALUE', messages.columnsDiffer(expectedOf, expected, name, cells.length, 'weights'));
  }
  const weights = new Float64Array(cells.length);
  let positive = false;
  for (let k = 0; k < cells.length; k++) {
    const value = readNumberCell(cells[k], name, 1, k + 1);
    if (value === BLANK_CELL) continue;
    if (value instanceof CellError) {
      throw new KamError(value.kind, messages.weightInvalid(name, k + 1, describeBadCell(cells[k], value)));
    }
    if (value < 0) throw new KamError('VALUE', messages.weightNegative(name, k + 1, value));
    weights[k] = value;
    if (value > 0) positive = true;
  }
  if (!positive) throw new KamError('VALUE', messages.weightsAllZero(name));
  // Weights only count relative to each other: when their total would overflow (weights near 1e308),
  // divide them all by the largest so sums stay finite. Ordinary weights are left exactly as typed.
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k];
  if (!Number.isFinite(total)) {
    let largest = 0;
    for (let k = 0; k < weights.length; k++) if (weights[k] > largest) largest = weights[k];
    for (let k = 0; k < weights.length; k++) weights[k] /= largest;
  }
  return weights;
}

/** A short description of why a cell is not a usable number, for whole-argument messages. */
export function describeBadCell(cell: Cell, error: CellError): Phrase {
  if (typeof cell === 'string' && !cell.startsWith('#')) return details.text(cell);
  if (typeof cell === 'boolean') return details.boolean(cell);
  if (typeof cell === 'number') return details.notFinite;
  if (cell instanceof Date && !Number.isFinite(dateToSerial(cell))) return details.invalidDate;
  return details.error(error.kind, error.text);
}

/** A single value argument: a value, or a 1×1 range. Omitted gives undefined. */
export function readScalar(arg: Cell | Grid | undefined, name: string): Cell {
  if (!Array.isArray(arg)) return arg;
  if (arg.length === 1 && arg[0].length === 1) return arg[0][0];
  throw new KamError('VALUE', messages.notASingleValue(name, arg.length, arg[0]?.length ?? 0));
}

/** A range argument with one value per account: a single column (a single value counts as 1×1). */
export function readColumn(arg: Cell | Grid | undefined, name: string): Grid {
  const grid = readRange(arg, name);
  if (grid[0].length !== 1) throw new KamError('VALUE', messages.notAColumn(name, grid.length, grid[0].length));
  return grid;
}

/** An optional single-column range; omitted gives undefined. */
export function readOptionalColumn(arg: Cell | Grid | undefined, name: string): Grid | undefined {
  const grid = readOptionalRange(arg, name);
  if (grid && grid[0].length !== 1) throw new KamError('VALUE', messages.notAColumn(name, grid.length, grid[0].length));
  return grid;
}

/**
 * A single number argument (a value or a 1×1 range). Blank or omitted gives undefined; text, TRUE/FALSE
 * or an error fails the call, since the value applies to every row.
 */
export function readNumberArg(arg: Cell | Grid | undefined, name: string): number | undefined {
  const cell = readScalar(arg, name);
  const value = readNumberCell(cell, name, 1, 1);
  if (value === BLANK_CELL) return undefined;
  if (value instanceof CellError) throw new KamError(value.kind, messages.valueNotNumber(name, describeBadCell(cell, value)));
  return value;
}

/**
 * A single word argument (a value or a 1×1 range), trimmed and lower-cased for comparison; blank or
 * omitted gives undefined. A number is returned as a number, for arguments that take either.
 */
export function readWordOrNumberArg(arg: Cell | Grid | undefined, name: string): string | number | undefined {
  const cell = readScalar(arg, name);
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const error = errorFromText(cell);
    if (error) throw new KamError(error.kind, messages.valueIsError(name, describeBadCell(cell, error)));
    const word = cell.trim();
    return word === '' ? undefined : word.toLowerCase();
  }
  const value = readNumberCell(cell, name, 1, 1);
  if (value === BLANK_CELL) return undefined;
  if (value instanceof CellError) throw new KamError(value.kind, messages.valueIsError(name, describeBadCell(cell, value)));
  return value;
}

