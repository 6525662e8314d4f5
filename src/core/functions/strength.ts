// Relative business strength: how the customer rates you against your best rival on its own buying criteria.
import { Cell, CellError, Grid, KamError, OutGrid } from './cells';
import { BLANK_CELL, NumberCell, describeBadCell, readNumberCell, readRange, readWeights } from './args';
import { details, messages } from './messages';
import { round15 } from './precision';

/** One rating off the hot path: a number of 0 or more, blank, or the row's error. */
function readRating(cell: Cell, arg: string, row: number, column: number): NumberCell {
  const value = readNumberCell(cell, arg, row, column);
  if (typeof value === 'number' && value < 0) return new CellError('VALUE', messages.ratingNegative(arg, row, column, value));
  return value;
}

/** The weighted rating of a single rival row that applies to every account; any problem fails the call. */
function sharedRivalTotal(row: Cell[], weights: Float64Array): number {
  let total = 0;
  for (let k = 0; k < row.length; k++) {
    const value = readRating(row[k], 'best_rival', 1, k + 1);
    if (value === BLANK_CELL) {
      if (weights[k] !== 0) throw new KamError('VALUE', messages.sharedRivalInvalid(k + 1, details.blank));
      continue;
    }
    if (value instanceof CellError) {
      throw new KamError(value.kind, messages.sharedRivalInvalid(k + 1, describeBadCell(row[k], value)));
    }
    total += weights[k] * value;
  }
  if (total === 0) throw new KamError('VALUE', messages.rivalRatedZero(undefined));
  return total;
}

/**
 * KAM_STRENGTH: Σ(w·yours)/Σ(w·best_rival) per account row; 1 is parity. best_rival has one row per
 * account, or a single row that applies to every account. A row left entirely blank gives a blank result.
 */
export function strength(yoursArg: Grid | Cell | undefined, rivalArg: Grid | Cell | undefined, weightsArg: Grid | Cell | undefined): OutGrid {
  const yours = readRange(yoursArg, 'yours');
  const criteria = yours[0].length;
  const rival = readRange(rivalArg, 'best_rival');
  if (rival[0].length !== criteria) {
    throw new KamError('VALUE', messages.ratingsColumnsDiffer('yours', criteria, 'best_rival', rival[0].length));
  }
  // With one account, a single rival row is that account's row: its problems stay in the row's result.
  const shared = rival.length === 1 && yours.length > 1;
  if (!shared && rival.length !== yours.length) {
    throw new KamError('VALUE', messages.rowsDifferOrOne('yours', yours.length, 'best_rival', rival.length, 'row'));
  }
  const weights = readWeights(weightsArg, 'weights', criteria, 'yours');
  const sharedTotal = shared ? sharedRivalTotal(rival[0], weights) : 0;

  const out: OutGrid = new Array(yours.length);
  for (let i = 0; i < yours.length; i++) {
    const mine = yours[i];
    const theirs = shared ? null : rival[i];
    let sumYours = 0;
    let sumRival = sharedTotal;
    let blanks = 0;
    let problem: CellError | null = null;
    let blankProblem: CellError | null = null;
    for (let k = 0; k < criteria; k++) {
      const w = weights[k];
      let cell = mine[k];
      if (typeof cell === 'number' && cell - cell === 0 && cell >= 0) {
        sumYours += w * cell; // the hot path: a usable rating
      } else {
        const value = readRating(cell, 'yours', i + 1, k + 1);
        if (value === BLANK_CELL) {
          blanks++;
          if (w !== 0) blankProblem ??= new CellError('VALUE', messages.blankRating('yours', i + 1, k + 1));
        } else if (value instanceof CellError) problem ??= value;
        else sumYours += w * value;
      }
      if (theirs === null) continue;
      cell = theirs[k];
      if (typeof cell === 'number' && cell - cell === 0 && cell >= 0) {
        sumRival += w * cell;
      } else {
        const value = readRating(cell, 'best_rival', i + 1, k + 1);
        if (value === BLANK_CELL) {
          blanks++;
          if (w !== 0) blankProblem ??= new CellError('VALUE', messages.blankRating('best_rival', i + 1, k + 1));
        } else if (value instanceof CellError) problem ??= value;
        else sumRival += w * value;
      }
    }
    if (blanks === (theirs === null ? criteria : 2 * criteria)) out[i] = [''];
    else if (problem ?? blankProblem) out[i] = [(problem ?? blankProblem) as CellError];
    else if (sumRival === 0) out[i] = [new CellError('VALUE', messages.rivalRatedZero(i + 1))];
    else if (sumYours - sumYours === 0 && sumRival - sumRival === 0) out[i] = [round15(sumYours / sumRival)]; // both finite
    else out[i] = [round15(scaledRatio(mine, shared ? rival[0] : (theirs as Cell[]), weights))];
  }
  return out;
}

/**
 * The same ratio for ratings so large (near 1e308) that the weighted sums overflow: every rating of the
 * row is divided by the row's largest first, which leaves the ratio unchanged. Only reached when a sum
 * is not finite, and only for rows already checked to hold usable ratings.
 */
function scaledRatio(mine: Cell[], theirs: Cell[], weights: Float64Array): number {
  const value = (cell: Cell): number => (typeof cell === 'number' ? cell : 0);
  let largest = 0;
  for (let k = 0; k < weights.length; k++) largest = Math.max(largest, value(mine[k]), value(theirs[k]));
  let yours = 0;
  let rival = 0;
  for (let k = 0; k < weights.length; k++) {
    yours += weights[k] * (value(mine[k]) / largest);
    rival += weights[k] * (value(theirs[k]) / largest);
  }
  return yours / rival;
}
