// How firm each placement is: the smallest shift of weight onto or away from one factor that takes an account across the attractiveness cut.
import { Cell, CellError, Grid, KamError, OutCell, OutGrid, errorFromText } from './cells';
import { dateToSerial, describeBadCell, readNumberCell, readOptionalRange, readVector, readWordOrNumberArg } from './args';
import { messages } from './messages';
import { isKeyword } from './keywords';
import { DEFAULT_ATTRACTIVENESS_CUT } from './position';
import { difference15, round15 } from './precision';
import { readScoreInputs, scaleValue, scoreRow } from './score';

/** The smallest single-factor weight shift that takes one account across the cut. */
export interface PlacementShift {
  /** Weight points of 100, rounded to 15 significant digits (0 for an account exactly at the cut). */
  points: number;
  /** The factor's column, counted from 0. */
  factor: number;
  /** "onto": give the factor more weight; "away": give it less. The other factors are scaled in proportion. */
  direction: 'onto' | 'away';
  /** The account's side now: attractiveness at or above the cut (as KAM_POSITION reads it). */
  high: boolean;
}

/**
 * Whether some single-factor shift of at most `limit` points takes the account across the cut. A high account
 * needs more than `points` (at exactly `points` its score equals the cut, which still counts as high); a low one
 * reaches the cut, and so crosses, at exactly `points`.
 */
export function crossesWithin(shift: PlacementShift | null, limit: number): boolean {
  if (shift === null) return false;
  return shift.high ? shift.points < limit : shift.points <= limit;
}

/**
 * The smallest shift for one account, or null when no single-factor shift takes it across.
 *
 * `x` holds the account's factor values on the scale the weights apply to (NaN where a factor is blank, which
 * KAM_SCORE allows only under weight 0: such a factor cannot take weight). With p_j = w_j/Σw, giving factor j the
 * weight p_j + δ and the others (1 − p_j − δ)/(1 − p_j) of theirs moves the score linearly:
 * S(δ) = S + δ·(x_j − R_j), R_j the others' weighted mean, so the cut t is reached at δ = (t − S)/(x_j − R_j)
 * (Triantaphyllou & Sánchez 1997). The shift is bounded by the weight staying within 0..100 points.
 *
 * The account's side is decided as KAM_POSITION decides it on KAM_SCORE's result: the score rounded to 15
 * significant digits, at or above the cut = high. Scores enter the shift as they are shown (15 digits) and their
 * differences at that precision, so a score of 5.1 is 0.1 above a cut of 5, not its binary form's
 * 0.0999999999999996. Whether a factor can take the account across is decided at the end of its range the same
 * way — the score with all the weight on the factor, or with none on it —, and the open end is below the cut: a
 * high account must get strictly below it, a low one only needs to reach it. Ties between factors (equal to 15
 * digits) go to the leftmost factor.
 */
export function placementShift(x: ArrayLike<number>, weights: ArrayLike<number>, cut: number): PlacementShift | null {
  const found: PlacementShift = { points: 0, factor: 0, direction: 'onto', high: false };
  return smallestShift(x, weights, cut, new Float64Array(weights.length + 1), new Float64Array(weights.length + 1), found) === FOUND ? found : null;
}

// Read once: a global looked up per row is slow in sandboxed scopes (see precision.ts).
const INFINITY = 1 / 0;
const FOUND = 1;
const NONE = 0;
const TOO_LARGE = -1; // the score itself is beyond what a cell holds, as KAM_SCORE reports it

/**
 * placementShift writing into `found`, with scratch arrays of weights.length + 1 for running sums: KAM_STABILITY
 * calls it once per row, and fresh objects per row are what would cost the time.
 */
function smallestShift(x: ArrayLike<number>, weights: ArrayLike<number>, cut: number, before: Float64Array, after: Float64Array, found: PlacementShift): number {
  const factors = weights.length;
  // Summed in column order exactly as KAM_SCORE sums, so the side agrees with KAM_POSITION(KAM_SCORE(…)). The sums
  // of w·x before and after each factor give the others' mean for every factor in one pass.
  let weightTotal = 0;
  before[0] = 0;
  for (let k = 0; k < factors; k++) {
    weightTotal += weights[k];
    before[k + 1] = weights[k] !== 0 ? before[k] + weights[k] * x[k] : before[k];
  }
  after[factors] = 0;
  for (let k = factors - 1; k >= 0; k--) after[k] = weights[k] !== 0 ? after[k + 1] + weights[k] * x[k] : after[k + 1];
  const score = round15(before[factors] / weightTotal);
  if (!(score - score === 0)) return TOO_LARGE;
  const high = score >= cut;
  const gap = difference15(cut, score);

  let bestPoints = INFINITY;
  let bestFactor = -1;
  let bestOnto = true;
  for (let j = 0; j < factors; j++) {
    const xj = x[j];
    if (xj !== xj) continue; // blank: no score to move weight onto
    const otherWeight = weightTotal - weights[j];
    if (!(otherWeight > 0)) continue; // the factor holds all the weight: none can move onto or away from it
    // The others' weighted mean, as KAM_SCORE would show the score with this factor's weight set to 0 (15 digits).
    const others = round15((before[j] + after[j + 1]) / otherWeight);
    const shown = round15(xj);
    const slope = difference15(shown, others);
    if (!(slope !== 0 && slope - slope === 0)) continue; // the factor's weight does not move the score
    // Down for a high account, up for a low one: more weight on a factor below the others lowers the score.
    const onto = high ? slope < 0 : slope > 0;
    if (!onto && weights[j] === 0) continue;
    const end = onto ? shown : others; // the score at the end of the range: all the weight on j, or none
    if (high ? !(end < cut) : !(end >= cut)) continue;
    let shift = gap / slope;
    if (!onto) shift = -shift;
    // An account at the cut (gap 0, possibly −0): the slightest shift in this direction takes it below.
    if (!(shift > 0)) shift = 0;
    const share = weights[j] / weightTotal;
    const bound = onto ? 1 - share : share;
    if (shift > bound) shift = bound;
    if (100 * shift > bestPoints * (1 + 1e-13)) continue; // cannot round to the best or below it
    const points = round15(100 * shift);
    if (points < bestPoints) {
      bestPoints = points;
      bestFactor = j;
      bestOnto = onto;
    }
  }
  if (bestFactor < 0) return NONE;
  found.points = bestPoints;
  found.factor = bestFactor;
  found.direction = bestOnto ? 'onto' : 'away';
  found.high = high;
  return FOUND;
}

/** The cut: a number, default 5. "median" is refused: the median moves with the weights, so no fixed shift answers it. */
function readCut(arg: Grid | Cell | undefined): number {
  const cut = readWordOrNumberArg(arg, 'cut');
  if (cut === undefined) return DEFAULT_ATTRACTIVENESS_CUT;
  if (typeof cut === 'number') return cut;
  if (isKeyword(cut, 'median')) throw new KamError('VALUE', messages.stabilityCutMedian());
  throw new KamError('VALUE', messages.stabilityCutInvalid(cut));
}

/** What the second column shows for each factor: its name, or its column number (from 1) when no name is given. */
function readFactorNames(arg: Grid | Cell | undefined, factors: number): OutCell[] {
  const names: OutCell[] = Array.from({ length: factors }, (_, k) => k + 1);
  const grid = readOptionalRange(arg, 'factor_names');
  if (!grid) return names;
  const cells = readVector(grid, 'factor_names');
  if (cells.length !== factors) throw new KamError('VALUE', messages.columnsDiffer('scores', factors, 'factor_names', cells.length, 'names'));
  for (let k = 0; k < factors; k++) {
    const cell = cells[k];
    if (typeof cell === 'string') {
      const error = errorFromText(cell);
      if (error) throw new KamError(error.kind, messages.factorNameInvalid(k + 1, describeBadCell(cell, error)));
      if (cell.trim() !== '') names[k] = cell.trim();
    } else if (typeof cell === 'number' || cell instanceof Date) {
      const value = readNumberCell(cell, 'factor_names', 1, k + 1);
      if (value instanceof CellError) throw new KamError(value.kind, messages.factorNameInvalid(k + 1, describeBadCell(cell, value)));
      names[k] = cell instanceof Date ? dateToSerial(cell) : (value as number);
    } else if (cell instanceof CellError) {
      throw new KamError(cell.kind, messages.factorNameInvalid(k + 1, describeBadCell(cell, cell)));
    } else if (typeof cell === 'boolean') {
      throw new KamError('VALUE', messages.factorNameInvalid(k + 1, describeBadCell(cell, new CellError('VALUE', ''))));
    }
  }
  return names;
}

/**
 * KAM_STABILITY: per account, two columns — the smallest number of weight points (of 100) that, moved onto or
 * away from one factor, takes the account across the attractiveness cut, and that factor. Scores, weights and
 * scales are read exactly as KAM_SCORE reads them, and a row KAM_SCORE gives a blank or an error gives the same
 * in both columns. Blank when no single-factor shift exists.
 */
export function stability(
  scoresArg: Grid | Cell | undefined,
  weightsArg: Grid | Cell | undefined,
  scalesArg?: Grid | Cell,
  cutArg?: Grid | Cell,
  factorNamesArg?: Grid | Cell,
): OutGrid {
  const { scores, weights, scales, weightTotal } = readScoreInputs(scoresArg, weightsArg, scalesArg);
  const factors = weights.length;
  const cut = readCut(cutArg);
  const names = readFactorNames(factorNamesArg, factors);

  const x = new Float64Array(factors);
  const before = new Float64Array(factors + 1);
  const after = new Float64Array(factors + 1);
  const found: PlacementShift = { points: 0, factor: 0, direction: 'onto', high: false };
  const out: OutGrid = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i];
    // The usual row: every cell a finite number. Anything else goes through KAM_SCORE's own reading of the row.
    let k = 0;
    for (; k < factors; k++) {
      const cell = row[k];
      if (typeof cell !== 'number' || cell - cell !== 0) break;
      x[k] = scales ? scaleValue(cell, scales.worst[k], scales.best[k], scales.log[k] === 1) : cell;
    }
    if (k < factors) {
      const shown = scoreRow(row, i, weights, scales, weightTotal);
      if (typeof shown !== 'number') {
        out[i] = [shown, shown];
        continue;
      }
      for (k = 0; k < factors; k++) {
        // KAM_SCORE gave a number, so every cell is a number (a date counts as its serial) or a blank under weight 0.
        const value = readNumberCell(row[k], 'scores', i + 1, k + 1);
        x[k] = typeof value !== 'number' ? NaN : scales ? scaleValue(value, scales.worst[k], scales.best[k], scales.log[k] === 1) : value;
      }
    }
    const outcome = smallestShift(x, weights, cut, before, after, found);
    if (outcome === FOUND) out[i] = [found.points, names[found.factor]];
    else if (outcome === NONE) out[i] = ['', ''];
    else {
      const error = new CellError('VALUE', messages.resultTooLarge(i + 1));
      out[i] = [error, error];
    }
  }
  return out;
}
