// Test support: the catalogue registered in HyperFormula, a real spreadsheet engine, so tests can type
// =KAM.SCORE(A2:C6, E1:G1) into cells and watch results spill and recalculate. Names: KAM.<ID> and KAM_<ID>.
import { ArraySize, CellError as HfCellError, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import { Cell, CellError, ErrorKind, Grid, KamError, OutCell } from '../../src/core/functions/cells';
import { catalogue, FunctionSpec } from '../../src/core/functions/catalogue';
import { excelName, sheetsName } from '../../src/core/functions/function-ids';
import { a1Range, parseRange, quoteSheet } from '../../src/core/workbook/plan';
import { english, translator, type Language, type Translate } from '../../src/core/i18n';

/**
 * The language the functions write their words in while an engine calculates (KAM_POSITION's "Estratégica"), as
 * Excel's display language or the spreadsheet's locale sets it on a real host. Set only while an engine is built.
 */
let reader: Translate = english;

const KIND_BY_HF: Partial<Record<ErrorType, ErrorKind>> = {
  [ErrorType.VALUE]: 'VALUE', [ErrorType.NA]: 'NA', [ErrorType.NUM]: 'NUM', [ErrorType.DIV_BY_ZERO]: 'DIV0',
  [ErrorType.REF]: 'REF', [ErrorType.NAME]: 'NAME',
};
const HF_BY_KIND: Record<ErrorKind, ErrorType> = {
  VALUE: ErrorType.VALUE, NA: ErrorType.NA, NUM: ErrorType.NUM, DIV0: ErrorType.DIV_BY_ZERO,
  REF: ErrorType.REF, NAME: ErrorType.NAME, NULL: ErrorType.ERROR,
};

type AnyAst = { type: string; args?: AnyAst[]; procedureName?: string; start?: { col: number; row: number }; end?: { col: number; row: number }; value?: unknown };

/** HyperFormula's internal value → the host-neutral cell (blank as null, like Excel). */
function toCell(value: unknown): Cell {
  if (typeof value === 'symbol') return null;
  if (value instanceof HfCellError) return new CellError(KIND_BY_HF[value.type] ?? 'VALUE', value.message ?? '');
  if (value !== null && typeof value === 'object' && 'val' in value) return (value as { val: number }).val;
  return value as Cell;
}

function toHf(cell: OutCell): unknown {
  if (cell instanceof CellError) return new HfCellError(HF_BY_KIND[cell.kind], cell.message);
  return cell;
}

/** Result width per function for HyperFormula's size prediction (made before arguments are computed). */
function resultWidth(spec: FunctionSpec, ast: AnyAst): number {
  if (spec.id === 'SELECT') {
    const output = ast.args?.[4];
    if (output?.type === 'STRING' && String(output.value).toLowerCase() === 'table') return 4;
  }
  return spec.resultColumns ?? 1;
}

function specFor(ast: AnyAst): FunctionSpec {
  const name = String(ast.procedureName).toUpperCase();
  const spec = catalogue.find((f) => excelName(f.id) === name || sheetsName(f.id) === name);
  if (!spec) throw new Error(`not a catalogue function: ${name}`);
  return spec;
}

class KamPlugin extends FunctionPlugin {
  static override implementedFunctions: Record<string, { method: string; sizeOfResultArrayMethod?: string }> = {};
  static override aliases: Record<string, string> = {};

  kam(ast: AnyAst, state: unknown): unknown {
    const spec = specFor(ast);
    const size = this.kamSize(ast, state);
    const args: (Grid | Cell)[] = (ast.args ?? []).map((arg) => {
      if (arg.type === 'EMPTY') return undefined;
      const value = (this as unknown as { evaluateAst(a: unknown, s: unknown): unknown }).evaluateAst(arg, state);
      if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toCell));
      return toCell(value);
    });
    let out;
    try {
      out = spec.run(args, reader);
    } catch (error) {
      if (error instanceof KamError) return new HfCellError(HF_BY_KIND[error.kind], error.message);
      throw error;
    }
    const rows: unknown[][] = [];
    for (let i = 0; i < size.height; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < size.width; j++) row.push(out[i]?.[j] === undefined ? '' : toHf(out[i][j]));
      rows.push(row);
    }
    return SimpleRangeValue.onlyValues(rows as never);
  }

  kamSize(ast: AnyAst, state: unknown): ArraySize {
    const spec = specFor(ast);
    const rows = spec.resultRows;
    if (rows && 'fixed' in rows) return new ArraySize(resultWidth(spec, ast), rows.fixed);
    const sizing = ast.args?.[rows ? rows.rowsOf : 0];
    const height = sizing ? (this as unknown as { arraySizeForAst(a: unknown, s: unknown): ArraySize }).arraySizeForAst(sizing, state).height : 1;
    return new ArraySize(resultWidth(spec, ast), height);
  }
}

for (const spec of catalogue) {
  KamPlugin.implementedFunctions[excelName(spec.id)] = { method: 'kam', sizeOfResultArrayMethod: 'kamSize' };
  KamPlugin.aliases[sheetsName(spec.id)] = excelName(spec.id);
}

const translations = { enGB: Object.fromEntries(catalogue.flatMap((f) => [[excelName(f.id), excelName(f.id)], [sheetsName(f.id), sheetsName(f.id)]])) };
let registered = false;

/** A HyperFormula engine with the catalogue registered, built from sheets of raw cell contents. */
export function buildEngine(sheets: Record<string, unknown[][]>, names: { name: string; expression: string }[] = []): HyperFormula {
  if (!registered) {
    HyperFormula.registerFunctionPlugin(KamPlugin as never, translations);
    registered = true;
  }
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3', useArrayArithmetic: true }, names);
}

/** A named range of a workbook: its sheet and A1 range (with or without $). */
export interface WorkbookName {
  name: string;
  sheet: string;
  range: string;
}

export interface EvaluatedCells {
  engine: HyperFormula;
  /** Computed values of an A1 range ("A6:S10") of a sheet, row by row, as HyperFormula gives them. */
  values(sheet: string, range: string): unknown[][];
}

/**
 * A whole workbook recalculated: sheets of raw contents (formulas as "=…" text, text that must stay text
 * prefixed with an apostrophe, as a user would type it) and the workbook's named ranges.
 */
export function evaluateCells(sheets: Record<string, unknown[][]>, names: readonly WorkbookName[], language: Language = 'en'): EvaluatedCells {
  const expressions = names.map(({ name, sheet, range }) => {
    const r = parseRange(range);
    return { name, expression: `=${quoteSheet(sheet)}!${a1Range(r.row, r.column, r.rows, r.columns, true)}` };
  });
  // Both hosts read TRUE and FALSE in formulas (VLOOKUP(…, FALSE)); HyperFormula knows them only as TRUE()
  // and FALSE(). Names go in with the sheets: a formula calculated before its name exists fails as a whole.
  expressions.push({ name: 'TRUE', expression: '=TRUE()' }, { name: 'FALSE', expression: '=FALSE()' });
  // The functions speak the reader's language while the engine calculates the workbook (values are read afterwards).
  reader = translator(language);
  let engine: HyperFormula;
  try {
    engine = buildEngine(sheets, expressions);
  } finally {
    reader = english;
  }
  return {
    engine,
    values(sheet, range) {
      const id = engine.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet ${sheet}`);
      const { row, column, rows, columns } = parseRange(range);
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => engine.getCellValue({ sheet: id, row: row - 1 + i, col: column - 1 + j })));
    },
  };
}
