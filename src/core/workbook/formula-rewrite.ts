// Rewrites the catalogue's function names in a formula for the host it is opened in: KAM.SCORE( in
// Excel, KAM_SCORE( in Sheets, and the forms files carry after a trip between them.

import { FormulaHost, hostSpelling, isFunctionId } from '../functions/function-ids';

/**
 * How a catalogue function can be spelled in a formula. Excel shows KAM.SCORE and saves an add-in
 * function as _xldudf_KAM_SCORE (Microsoft, OfficeDev/Excel-Custom-Functions#108); _xludf. and _xll.
 * prefixes are accepted as well; Sheets uses KAM_SCORE.
 */
const NAME = /^(_xldudf_|_xludf\.|_xll\.)?KAM[._]([A-Z]+)$/i;

/** An external-link index such as [2], which Excel has been seen to put before _xldudf_ names (office-js#2568). */
const LINK_INDEX = /^\[\d+\]$/;

/**
 * Google Sheets exports a function Excel does not know as IFERROR(__xludf.DUMMYFUNCTION("…"), cached);
 * Excel shows it with its implicit-intersection operator, IFERROR(@__xludf.DUMMYFUNCTION(…), …).
 */
const SHEETS_EXPORT = /^=\s*IFERROR\(\s*@?__xludf\.DUMMYFUNCTION\(\s*"((?:[^"]|"")*)"\s*\)\s*,[\s\S]*\)\s*$/i;

/**
 * The other cells of a spilled result in a workbook Sheets exported: IFERROR(__xludf.DUMMYFUNCTION(
 * """COMPUTED_VALUE"""), cached). In Excel they stand where the result must spill, so it shows #SPILL!.
 */
const COMPUTED_VALUE = /^=\s*IFERROR\(\s*@?__xludf\.DUMMYFUNCTION\(\s*"""COMPUTED_VALUE"""\s*\)\s*,[\s\S]*\)\s*$/i;

export interface RewriteResult {
  formula: string;
  /** Function names renamed in this formula. */
  renamed: number;
}

const identifierChar = (c: string): boolean => /[A-Za-z0-9_.\\]/.test(c);

/**
 * The formula with every catalogue function name in `host`'s spelling. Text in double quotes, quoted
 * sheet names ('KAM Model'!A1), structured references ([…]) and names not followed by "(" are left
 * alone, and so is a name already in the host's spelling whatever its case. What a saved file may put
 * before a name goes: an external-link index ([2]!) and, before an _xldudf_ name, the add-in file Excel
 * attributed it to ('C:\…\FUNCRES.XLAM'! — office-js#4811, #3872).
 */
export function rewriteFormula(formula: string, host: FormulaHost): RewriteResult {
  const { formula: out, renamed } = scanFormula(formula, host);
  return { formula: out, renamed };
}

/** rewriteFormula, also counting the catalogue functions the formula calls. */
function scanFormula(formula: string, host: FormulaHost): RewriteResult & { calls: number } {
  const wrapped = SHEETS_EXPORT.exec(formula);
  if (wrapped) {
    const inner = wrapped[1].replace(/""/g, '"');
    const rewritten = scanFormula(`=${inner}`, host);
    if (rewritten.calls > 0) return { ...rewritten, renamed: Math.max(1, rewritten.renamed) };
  }
  let out = '';
  let renamed = 0;
  let calls = 0;
  // The last token written (a quoted name, a [...] group or a word), and where it starts in `out`.
  let token = { start: -1, end: -1, text: '' };
  // Where a "token!" qualifier starts in `out`, while `out` ends with that "!".
  let qualifier = -1;
  let i = 0;
  const n = formula.length;
  const emit = (text: string): void => {
    token = { start: out.length, end: out.length + text.length, text };
    out += text;
  };
  while (i < n) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      // A string literal or a quoted sheet name; a doubled quote stays inside it.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      emit(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      emit(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (identifierChar(c)) {
      let j = i;
      while (j < n && identifierChar(formula[j])) j++;
      const word = formula.slice(i, j);
      const match = formula[j] === '(' ? NAME.exec(word) : null;
      const id = match?.[2].toUpperCase();
      if (id && isFunctionId(id)) {
        calls++;
        const wanted = hostSpelling(id, host);
        const prefix = qualifier >= 0 && out.length === qualifier + token.text.length + 1 ? token.text : null;
        if (prefix !== null && (LINK_INDEX.test(prefix) || match![1]?.toLowerCase() === '_xldudf_')) {
          out = out.slice(0, qualifier);
          out += wanted;
          renamed++;
        } else if (word.toUpperCase() !== wanted) {
          out += wanted;
          renamed++;
        } else out += word;
        token = { start: -1, end: -1, text: '' };
      } else emit(word);
      qualifier = -1;
      i = j;
      continue;
    }
    qualifier = c === '!' && token.end === out.length ? token.start : -1;
    out += c;
    i++;
  }
  return { formula: out, renamed, calls };
}

export interface FormulaChange {
  /** 0-based row and column within the grid. */
  row: number;
  column: number;
  /** The new formula; "" clears the cell (a spill cell Sheets exported, see spillCells). */
  formula: string;
}

const isFormula = (cell: unknown): cell is string => typeof cell === 'string' && cell.startsWith('=');

/**
 * The cells of a grid of formulas (as a host returns them: the formula, or the constant where there is
 * none) whose formula changes, then the exported spill cells to clear. Only formulas change: a constant
 * is never written back, since a host may return text that was stored as text ("'=x") without its
 * quote; pass the values grid to tell such text from a formula.
 */
export function formulaChanges(
  formulas: readonly (readonly unknown[])[],
  host: FormulaHost,
  values?: readonly (readonly unknown[])[],
): FormulaChange[] {
  const changes: FormulaChange[] = [];
  const anchors: { row: number; column: number }[] = [];
  formulas.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isFormula(cell)) return;
      // Excel returns text stored as text ("'=KAM.SCORE(") in `formulas` too; its value is that same text.
      if (values && values[r]?.[c] === cell) return;
      const result = scanFormula(cell, host);
      if (result.calls > 0) anchors.push({ row: r, column: c });
      if (result.formula !== cell) changes.push({ row: r, column: c, formula: result.formula });
    }),
  );
  for (const anchor of anchors) {
    for (const cell of spillCells(formulas, anchor.row, anchor.column)) changes.push({ ...cell, formula: '' });
  }
  return changes;
}

/**
 * The exported COMPUTED_VALUE cells that a KAM formula at (row, column) must spill into: the rectangle
 * below and to the right of it, as Sheets wrote it. Where a cell could belong to another formula's
 * spill — a column whose cell above the anchor is a spill cell or a formula that may spill, a row
 * beginning beside such a formula — the rectangle stops, so nothing that may be someone else's is
 * cleared (Excel then shows #SPILL! until that cell is cleared by hand).
 */
export function spillCells(formulas: readonly (readonly unknown[])[], row: number, column: number): { row: number; column: number }[] {
  const computed = (r: number, c: number): boolean => {
    const cell = formulas[r]?.[c];
    return isFormula(cell) && COMPUTED_VALUE.test(cell);
  };
  // A formula whose result may spill: one Sheets exported (Excel does not know it) or a KAM call.
  const mayBeAnchor = (r: number, c: number): boolean => {
    const cell = formulas[r]?.[c];
    return isFormula(cell) && !COMPUTED_VALUE.test(cell) && (SHEETS_EXPORT.test(cell) || scanFormula(cell, 'excel').calls > 0);
  };
  let width = 1;
  while (computed(row, column + width) && !computed(row - 1, column + width) && !mayBeAnchor(row - 1, column + width)) width++;
  let height = 1;
  grow: while (computed(row + height, column) && !mayBeAnchor(row + height, column - 1)) {
    for (let c = column + 1; c < column + width; c++) if (!computed(row + height, c)) break grow;
    height++;
  }
  const cells: { row: number; column: number }[] = [];
  for (let r = row; r < row + height; r++) {
    for (let c = column; c < column + width; c++) if (r !== row || c !== column) cells.push({ row: r, column: c });
  }
  return cells;
}
