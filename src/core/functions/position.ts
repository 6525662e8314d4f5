// Portfolio position: each account's box in the KAM matrix from its attractiveness and relative strength.
import { Cell, CellError, Grid, KamError, OutGrid } from './cells';
import { BLANK_CELL, readColumn, readNumberCell, readWordOrNumberArg, requireSameRows } from './args';
import { messages } from './messages';
import { isKeyword } from './keywords';
import { POSITIONS, positionName } from './position-names';
import { round15 } from './precision';
import { english, type Translate } from '../i18n';

/** Midpoint of the 0..10 attractiveness scale. */
export const DEFAULT_ATTRACTIVENESS_CUT = 5;
/** Parity: you and the best rival are rated the same. */
export const DEFAULT_STRENGTH_CUT = 1;

/** One value of a one-column argument: a finite number, blank, or that row's error. */
function readValue(cell: Cell, arg: string, row: number): number | CellError | typeof BLANK_CELL {
  if (typeof cell === 'number' && cell - cell === 0) return cell;
  return readNumberCell(cell, arg, row, 1);
}

/**
 * The median of a column's numbers, as =MEDIAN over the same cells: blanks, text and errors are left out.
 * NaN when the column holds no number (then no row needs the cut: every row is blank or an error).
 */
export function columnMedian(column: Grid, arg: string): number {
  const values = new Float64Array(column.length);
  let n = 0;
  for (let i = 0; i < column.length; i++) {
    const value = readValue(column[i][0], arg, i + 1);
    if (typeof value === 'number') values[n++] = value;
  }
  if (n === 0) return NaN;
  const sorted = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : round15((sorted[mid - 1] + sorted[mid]) / 2);
}

/** A cut argument: a number, the word "median", or blank/omitted for the default. */
function readCut(arg: Grid | Cell | undefined, name: string, fallback: number, column: Grid, columnName: string): number {
  const cut = readWordOrNumberArg(arg, name);
  if (cut === undefined) return fallback;
  if (typeof cut === 'number') return cut;
  if (isKeyword(cut, 'median')) return columnMedian(column, columnName);
  throw new KamError('VALUE', messages.cutInvalid(name, cut));
}

/**
 * KAM_POSITION: Strategic (attractiveness and strength both high), Star (high, low), Status (low, high) or
 * Streamline (low, low). A value equal to its cut counts as high. A row with both cells blank gives a blank.
 * The words are in the reader's language (`t`); every KAM function reads them back in any language.
 */
export function position(
  attractivenessArg: Grid | Cell | undefined,
  strengthArg: Grid | Cell | undefined,
  attractivenessCutArg?: Grid | Cell,
  strengthCutArg?: Grid | Cell,
  t: Translate = english,
): OutGrid {
  const words = POSITIONS.map((p) => positionName(p, t));
  const attractiveness = readColumn(attractivenessArg, 'attractiveness');
  const strength = readColumn(strengthArg, 'strength');
  requireSameRows(attractiveness, 'attractiveness', strength, 'strength');
  const attractivenessCut = readCut(attractivenessCutArg, 'attractiveness_cut', DEFAULT_ATTRACTIVENESS_CUT, attractiveness, 'attractiveness');
  const strengthCut = readCut(strengthCutArg, 'strength_cut', DEFAULT_STRENGTH_CUT, strength, 'strength');

  const out: OutGrid = new Array(attractiveness.length);
  for (let i = 0; i < attractiveness.length; i++) {
    const a = readValue(attractiveness[i][0], 'attractiveness', i + 1);
    const s = readValue(strength[i][0], 'strength', i + 1);
    if (typeof a === 'number' && typeof s === 'number') {
      out[i] = [words[(a >= attractivenessCut ? 0 : 2) + (s >= strengthCut ? 0 : 1)]];
    } else if (a instanceof CellError) out[i] = [a];
    else if (s instanceof CellError) out[i] = [s];
    else if (a === BLANK_CELL && s === BLANK_CELL) out[i] = [''];
    else if (a === BLANK_CELL) out[i] = [new CellError('VALUE', messages.blankInRow('attractiveness', i + 1, 1, 'strength'))];
    else out[i] = [new CellError('VALUE', messages.blankInRow('strength', i + 1, 1, 'attractiveness'))];
  }
  return out;
}
