// Test support for the catalogue's core functions: building ranges and catching whole-call errors.
import { Cell, Grid, KamError, OutCell, OutGrid } from '../../src/core/functions/cells';

/** A one-column range, one account per row. */
export const col = (...values: Cell[]): Grid => values.map((value) => [value]);

/** The first column of a result, as a flat list. */
export const firstColumn = (out: OutGrid): OutCell[] => out.map((row) => row[0]);

/**
 * A blank cell as each host sends it: Sheets "", Excel null (a missing trailing value may be undefined).
 * Excel may also send 0 on some platforms; that is a number, tested separately per function.
 */
export const BLANKS: [string, Cell][] = [
  ['Sheets ""', ''],
  ['Excel null', null],
  ['undefined', undefined],
];

/** The KamError a call throws (fails the test when it throws nothing or something else). */
export function thrown(call: () => unknown): KamError {
  try {
    call();
  } catch (error) {
    if (error instanceof KamError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a KamError');
}
