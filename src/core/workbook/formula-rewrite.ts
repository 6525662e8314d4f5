// Rewrites the catalogue's function names in a formula for the host it is opened in: KAM.SCORE( in
// Excel, KAM_SCORE( in Sheets, and the forms files carry after a trip between them.

import { FormulaHost, hostSpelling, isFunctionId } from '../functions/function-ids';

/**
 * How a catalogue function can be spelled in a formula. Excel shows KAM.SCORE; in the saved file an
 * add-in function is reported to be written _xldudf_KAM_SCORE (not confirmed, so _xludf. and _xll.
 * prefixes are accepted as well); Sheets uses KAM_SCORE.
 */
const NAME = /^(?:_xldudf_|_xludf\.|_xll\.)?KAM[._]([A-Z]+)$/i;

/** Google Sheets exports a function Excel does not know as IFERROR(__xludf.DUMMYFUNCTION("…"), cached). */
const SHEETS_EXPORT = /^=\s*IFERROR\(\s*__xludf\.DUMMYFUNCTION\(\s*"((?:[^"]|"")*)"\s*\)\s*,[\s\S]*\)\s*$/i;

export interface RewriteResult {
  formula: string;
  /** Function names renamed in this formula. */
  renamed: number;
}

const identifierChar = (c: string): boolean => /[A-Za-z0-9_.\\]/.test(c);

/**
 * The formula with every catalogue function name in `host`'s spelling. Text in double quotes, quoted
 * sheet names ('KAM Model'!A1), structured references ([…]) and names not followed by "(" are left
 * alone, and so is a name already in the host's spelling whatever its case.
 */
export function rewriteFormula(formula: string, host: FormulaHost): RewriteResult {
  const wrapped = SHEETS_EXPORT.exec(formula);
  if (wrapped) {
    const inner = wrapped[1].replace(/""/g, '"');
    const rewritten = rewriteFormula(`=${inner}`, host);
    if (rewritten.renamed > 0 || /KAM[._]/i.test(inner)) return { formula: rewritten.formula, renamed: Math.max(1, rewritten.renamed) };
  }
  let out = '';
  let renamed = 0;
  let i = 0;
  const n = formula.length;
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
      out += formula.slice(i, j + 1);
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
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (identifierChar(c)) {
      let j = i;
      while (j < n && identifierChar(formula[j])) j++;
      const word = formula.slice(i, j);
      const match = formula[j] === '(' ? NAME.exec(word) : null;
      const id = match?.[1].toUpperCase();
      if (id && isFunctionId(id)) {
        const wanted = hostSpelling(id, host);
        if (word.toUpperCase() !== wanted) {
          out += wanted;
          renamed++;
        } else out += word;
      } else out += word;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return { formula: out, renamed };
}

export interface FormulaChange {
  /** 0-based row and column within the grid. */
  row: number;
  column: number;
  formula: string;
}

/**
 * The cells of a grid of formulas (as a host returns them: the formula, or the constant where there is
 * none) whose formula changes. Only formulas change: a constant is never written back, since a host
 * may return text that was stored as text ("'=x") without its quote; pass the values grid to tell such
 * text from a formula.
 */
export function formulaChanges(
  formulas: readonly (readonly unknown[])[],
  host: FormulaHost,
  values?: readonly (readonly unknown[])[],
): FormulaChange[] {
  const changes: FormulaChange[] = [];
  formulas.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || !cell.startsWith('=')) return;
      // Excel returns text stored as text ("'=KAM.SCORE(") in `formulas` too; its value is that same text.
      if (values && values[r]?.[c] === cell) return;
      const result = rewriteFormula(cell, host);
      if (result.formula !== cell) changes.push({ row: r, column: c, formula: result.formula });
    }),
  );
  return changes;
}
