// The Excel edge: host values in, catalogue call, CustomFunctions errors out. No KAM logic here.
import { Cell, CellError, ERROR_CODES, ErrorKind, KamError, OutGrid } from '../core/functions/cells';
import { messages } from '../core/functions/messages';
import { Arg, findFunction } from '../core/functions/catalogue';
import type { FunctionId } from '../core/functions/function-ids';
import { EXCEL_WEB_MAX_INPUT_CELLS, checkInputSize } from '../core/functions/host-limits';
import { languageFromTag, phrase, render, translator, type Translate } from '../core/i18n';

/** True in Excel on the web, where calls carry at most about 5 MB; false elsewhere and outside Office. */
function onExcelWeb(): boolean {
  return typeof Office !== 'undefined' && String(Office.context?.platform) === 'OfficeOnline';
}

// CustomFunctions.ErrorCode's values are the displayed codes ("#VALUE!", …). We use the strings, since
// this file also loads on the taskpane page, where the enum does not exist outside Excel.
const KIND_BY_EXCEL_CODE = new Map<string, ErrorKind>(
  Object.entries(ERROR_CODES).map(([kind, code]) => [code, kind as ErrorKind]),
);

/**
 * The language a function speaks in: Excel's display language (Office.context.displayLanguage, read in the shared
 * runtime the functions run in; docs/hosts.md). Read on every call, so a change of Excel's language is followed.
 */
function excelTranslator(): Translate {
  const tag = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  return translator(languageFromTag(tag), tag);
}

/** Only #VALUE! and #N/A carry a custom message in Excel. */
function toExcelError(kind: ErrorKind, message: string): CustomFunctions.Error {
  const code = ERROR_CODES[kind] as CustomFunctions.ErrorCode;
  return kind === 'VALUE' || kind === 'NA' ? new CustomFunctions.Error(code, message) : new CustomFunctions.Error(code);
}

const EMPTY_TYPES = new Set(['Empty']);
const VALUE_TYPES = new Set(['Double', 'String', 'Boolean', 'FormattedNumber', 'Reference']);
const ENTITY_TYPES = new Set(['Entity', 'LinkedEntity']);
const DATA_TYPE_WORDS: Record<string, 'picture' | 'array' | 'function'> = { WebImage: 'picture', Array: 'array', Function: 'function' };

/**
 * One input cell as the catalogue reads it. With allowErrorForDataTypeAny and allowCustomDataForDataTypeAny
 * (functions.json), Excel may pass an error cell as an error object ({code, message}) or as a data type
 * ({type: "Error", basicValue: "#N/A"}), and a formatted number, a linked entity (Stocks, Geography, …) or
 * a picture as a data type ({type, basicValue, text, …}; Microsoft's "Custom functions and data types").
 * Values are read as their basic value, an entity as the text it shows, an error as its kind; anything
 * else becomes an error naming the cell.
 */
function fromExcelCell(cell: unknown, arg: string, row: number, column: number): Cell {
  if (cell === null || typeof cell !== 'object' || cell instanceof Date) return cell as Cell;
  const value = cell as { code?: unknown; message?: unknown; type?: unknown; basicValue?: unknown; text?: unknown };
  if (value.type === undefined && 'code' in value) {
    const kind = KIND_BY_EXCEL_CODE.get(String(value.code));
    const message = typeof value.message === 'string' ? value.message : '';
    return kind ? new CellError(kind, message) : new CellError('VALUE', message || messages.hostErrorInCell(arg, row, column, String(value.code)));
  }
  const type = String(value.type);
  if (type === 'Error') {
    const code = String(value.basicValue ?? '#VALUE!');
    const kind = KIND_BY_EXCEL_CODE.get(code);
    return kind ? new CellError(kind, '') : new CellError('VALUE', messages.hostErrorInCell(arg, row, column, code));
  }
  if (EMPTY_TYPES.has(type)) return null;
  if (VALUE_TYPES.has(type) && ['number', 'string', 'boolean'].includes(typeof value.basicValue)) return value.basicValue as Cell;
  if (ENTITY_TYPES.has(type) && typeof value.text === 'string' && value.text !== '') return value.text;
  const what = DATA_TYPE_WORDS[type] ?? (ENTITY_TYPES.has(type) ? 'entity' : 'other');
  return new CellError('VALUE', messages.dataTypeInCell(arg, row, column, what, type));
}

function fromExcelArg(arg: unknown, name: string): Arg {
  if (!Array.isArray(arg)) return fromExcelCell(arg, name, 1, 1);
  // Ranges are passed through untouched unless they hold objects (errors, data types): copying 10^6 cells
  // costs time. Indexed loops, not for-of: this scan touches every cell, and iterators cost several times more here.
  const rows = arg as unknown[][];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell !== null && typeof cell === 'object') return rows.map((r, ri) => r.map((c, ci) => fromExcelCell(c, name, ri + 1, ci + 1)));
    }
  }
  return rows as Cell[][];
}

function toExcelGrid(out: OutGrid, t: Translate): unknown[][] {
  for (let i = 0; i < out.length; i++) {
    const row = out[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cell instanceof CellError) (row as unknown[])[j] = toExcelError(cell.kind, render(cell.text, t));
    }
  }
  return out;
}

/** Calls a catalogue function as Excel calls a custom function. */
export function runExcel(id: FunctionId, args: unknown[]): unknown[][] {
  const t = excelTranslator();
  try {
    if (onExcelWeb()) checkInputSize(args as Arg[], EXCEL_WEB_MAX_INPUT_CELLS, 'Excel on the web', phrase('fn.hint.excelWeb'));
    const spec = findFunction(id);
    return toExcelGrid(spec.run(args.map((arg, i) => fromExcelArg(arg, spec.params[i]?.name ?? `argument ${i + 1}`)), t), t);
  } catch (error) {
    if (error instanceof KamError) throw toExcelError(error.kind, render(error.text, t));
    throw error;
  }
}
