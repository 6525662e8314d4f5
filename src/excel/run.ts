// The Excel edge: host values in, catalogue call, CustomFunctions errors out. No KAM logic here.
import { Cell, CellError, ERROR_CODES, ErrorKind, KamError, OutGrid } from '../core/functions/cells';
import { Arg, findFunction } from '../core/functions/catalogue';
import type { FunctionId } from '../core/functions/function-ids';
import { EXCEL_WEB_MAX_INPUT_CELLS, checkInputSize } from '../core/functions/host-limits';

/** True in Excel on the web, where calls carry at most about 5 MB; false elsewhere and outside Office. */
function onExcelWeb(): boolean {
  return typeof Office !== 'undefined' && String(Office.context?.platform) === 'OfficeOnline';
}

// CustomFunctions.ErrorCode's values are the displayed codes ("#VALUE!", …). We use the strings, since
// this file also loads on the taskpane page, where the enum does not exist outside Excel.
const KIND_BY_EXCEL_CODE = new Map<string, ErrorKind>(
  Object.entries(ERROR_CODES).map(([kind, code]) => [code, kind as ErrorKind]),
);

/** Only #VALUE! and #N/A carry a custom message in Excel. */
function toExcelError(kind: ErrorKind, message: string): CustomFunctions.Error {
  const code = ERROR_CODES[kind] as CustomFunctions.ErrorCode;
  return kind === 'VALUE' || kind === 'NA' ? new CustomFunctions.Error(code, message) : new CustomFunctions.Error(code);
}

/** An error object Excel hands us for an error cell becomes the host-neutral CellError. */
function fromExcelCell(cell: unknown): Cell {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date) && 'code' in cell) {
    const { code, message } = cell as { code: unknown; message?: unknown };
    const kind = KIND_BY_EXCEL_CODE.get(String(code)) ?? 'VALUE';
    return new CellError(kind, typeof message === 'string' ? message : '');
  }
  return cell as Cell;
}

function fromExcelArg(arg: unknown): Arg {
  if (!Array.isArray(arg)) return fromExcelCell(arg);
  // Ranges are passed through untouched unless they hold error objects: copying 10^6 cells costs time.
  // Indexed loops, not for-of: this scan touches every cell, and iterators cost several times more here.
  const rows = arg as unknown[][];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell !== null && typeof cell === 'object') return rows.map((r) => r.map(fromExcelCell));
    }
  }
  return rows as Cell[][];
}

function toExcelGrid(out: OutGrid): unknown[][] {
  for (let i = 0; i < out.length; i++) {
    const row = out[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell instanceof CellError) (row as unknown[])[j] = toExcelError(cell.kind, cell.message);
    }
  }
  return out;
}

/** Calls a catalogue function as Excel calls a custom function. */
export function runExcel(id: FunctionId, args: unknown[]): unknown[][] {
  try {
    if (onExcelWeb()) {
      checkInputSize(args as Arg[], EXCEL_WEB_MAX_INPUT_CELLS, 'Excel on the web', 'Use Excel for desktop for ranges this large, or split the accounts over several formulas.');
    }
    return toExcelGrid(findFunction(id).run(args.map(fromExcelArg)));
  } catch (error) {
    if (error instanceof KamError) throw toExcelError(error.kind, error.message);
    throw error;
  }
}
