// The Sheets edge: host values in, catalogue call, Sheets values out. No KAM logic here.
import { CellError, ERROR_CODES, KamError, OutGrid } from '../core/functions/cells';
import { Arg, findFunction } from '../core/functions/catalogue';
import type { FunctionId } from '../core/functions/function-ids';
import { SHEETS_MAX_INPUT_CELLS, checkInputSize } from '../core/functions/host-limits';

/**
 * Sheets cannot place an error value inside a returned array, so a row's error is written as text:
 * the error code, a space, then the message ("#VALUE! scores: row 3 …"). Our functions read such
 * text back as that error, so it passes through the next function like a real error value.
 */
export function errorText(error: CellError): string {
  return error.message ? `${ERROR_CODES[error.kind]} ${error.message}` : ERROR_CODES[error.kind];
}

function toSheetsGrid(out: OutGrid): unknown[][] {
  for (const row of out) {
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell instanceof CellError) row[j] = errorText(cell);
    }
  }
  return out;
}

/** Calls a catalogue function as Sheets calls a custom function; a whole-call problem shows as #ERROR!. */
export function runSheets(id: FunctionId, args: unknown[]): unknown[][] {
  try {
    checkInputSize(args as Arg[], SHEETS_MAX_INPUT_CELLS, 'Google Sheets', 'Split the accounts over several formulas of fewer rows each.');
    return toSheetsGrid(findFunction(id).run(args as Arg[]));
  } catch (error) {
    if (error instanceof KamError) throw new Error(error.message);
    throw error;
  }
}
