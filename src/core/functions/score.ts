// Account attractiveness: the weighted mean of factor scores on 0..10, with optional worst/best scales.
import { Cell, CellError, Grid, isBlank, KamError, OutCell, OutGrid } from './cells';
import { BLANK_CELL, readNumberCell, readOptionalRange, readRange, readWeights, describeBadCell } from './args';
import { details, messages } from './messages';
import { isKeyword } from './keywords';
import { round15 } from './precision';

/**
 * A scale per factor: the raw value that scores 0 and the one that scores 10, and whether the values in
 * between are placed linearly or on a log scale (money spread over orders of magnitude).
 */
export interface FactorScales {
  worst: Float64Array;
  best: Float64Array;
  /** 1 where the factor's scale is logarithmic. */
  log: Uint8Array;
}

/**
 * Reads the optional scales argument: 2×K (worst, best) or 3×K with a third row "linear" or "log" per factor
 * (blank = linear). A first row above the second means lower is better; a log scale needs both above 0.
 */
export function readScales(arg: Cell | Grid | undefined, name: string, factors: number): FactorScales | undefined {
  const grid = readOptionalRange(arg, name);
  if (!grid) return undefined;
  if ((grid.length !== 2 && grid.length !== 3) || grid[0].length !== factors) {
    throw new KamError('VALUE', messages.scalesShape(name, grid.length, grid[0].length, factors));
  }
  const worst = new Float64Array(factors);
  const best = new Float64Array(factors);
  const log = new Uint8Array(factors);
  for (let k = 0; k < factors; k++) {
    for (let r = 0; r < 2; r++) {
      const cell = grid[r][k];
      const value = readNumberCell(cell, name, r + 1, k + 1);
      if (value === BLANK_CELL) throw new KamError('VALUE', messages.scaleInvalid(name, r + 1, k + 1, details.blank));
      if (value instanceof CellError) {
        throw new KamError(value.kind, messages.scaleInvalid(name, r + 1, k + 1, describeBadCell(cell, value)));
      }
      (r === 0 ? worst : best)[k] = value;
    }
    if (worst[k] === best[k]) throw new KamError('VALUE', messages.scaleFlat(name, k + 1, worst[k]));
    if (grid.length === 3) {
      const cell = grid[2][k];
      // Written without "x ?? y" (or a ternary a minifier folds into one): the Sheets sidebar must parse as ES2019.
      const word = typeof cell === 'string' ? cell.trim().toLowerCase() : '';
      if (isKeyword(word, 'log')) log[k] = 1;
      else if (!isBlank(cell) && word !== '' && !isKeyword(word, 'linear')) throw new KamError('VALUE', messages.scaleCurveInvalid(name, k + 1, cell));
      else if (!isBlank(cell) && typeof cell !== 'string') throw new KamError('VALUE', messages.scaleCurveInvalid(name, k + 1, cell));
      if (log[k] && !(worst[k] > 0 && best[k] > 0)) throw new KamError('VALUE', messages.scaleLogNotPositive(name, k + 1, worst[k], best[k]));
    }
  }
  return { worst, best, log };
}

/**
 * A raw value placed on 0..10 by its factor's scale, clamped at both ends. On a log scale the value is first
 * raised to the lower anchor (so 0 and losses, which have no logarithm, score as the lower anchor does).
 */
export function scaleValue(value: number, worst: number, best: number, log = false): number {
  let score: number;
  if (log) {
    const lower = worst < best ? worst : best;
    score = (10 * (Math.log(value > lower ? value : lower) - Math.log(worst))) / (Math.log(best) - Math.log(worst));
  } else {
    score = (10 * (value - worst)) / (best - worst);
  }
  return score <= 0 ? 0 : score >= 10 ? 10 : score;
}

/** KAM_SCORE's arguments, read once: the score grid, one weight per factor, the optional scales, and the weights' total. */
export interface ScoreInputs {
  scores: Grid;
  weights: Float64Array;
  scales: FactorScales | undefined;
  weightTotal: number;
}

/** Reads scores, weights and scales as KAM_SCORE does (whole-call problems throw); KAM_STABILITY reads them the same way. */
export function readScoreInputs(scoresArg: Grid | Cell | undefined, weightsArg: Grid | Cell | undefined, scalesArg?: Grid | Cell): ScoreInputs {
  const scores = readRange(scoresArg, 'scores');
  const factors = scores[0].length;
  const weights = readWeights(weightsArg, 'weights', factors, 'scores');
  const scales = readScales(scalesArg, 'scales', factors);
  let weightTotal = 0;
  for (let k = 0; k < factors; k++) weightTotal += weights[k];
  return { scores, weights, scales, weightTotal };
}

/**
 * KAM_SCORE: one weighted mean Σ(w·s)/Σw per account row. A row left entirely blank gives a blank
 * result; a blank score for a factor with weight 0 is allowed, since it cannot change the result.
 */
export function score(scoresArg: Grid | undefined, weightsArg: Grid | Cell | undefined, scalesArg?: Grid | Cell): OutGrid {
  return scoreRows(readScoreInputs(scoresArg, weightsArg, scalesArg));
}

/** KAM_SCORE's result for arguments already read: a score, a blank or that row's error, per row. */
export function scoreRows({ scores, weights, scales, weightTotal }: ScoreInputs): OutGrid {
  const factors = weights.length;
  const out: OutGrid = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i];
    // The usual row: every cell a finite number. No bookkeeping until a cell is something else.
    let sum = 0;
    let k = 0;
    if (scales) {
      for (; k < factors; k++) {
        const cell = row[k];
        if (typeof cell !== 'number' || cell - cell !== 0) break;
        sum += weights[k] * scaleValue(cell, scales.worst[k], scales.best[k], scales.log[k] === 1);
      }
    } else {
      for (; k < factors; k++) {
        const cell = row[k];
        if (typeof cell !== 'number' || cell - cell !== 0) break;
        sum += weights[k] * cell;
      }
    }
    out[i] = [k === factors ? round15(sum / weightTotal) : scoreRow(row, i, weights, scales, weightTotal)];
  }
  return out;
}

/** A row with a blank, text, an error or a non-finite number in it: blank result, row error or score. */
export function scoreRow(row: Cell[], i: number, weights: Float64Array, scales: FactorScales | undefined, weightTotal: number): OutCell {
  const factors = weights.length;
  let sum = 0;
  let blanks = 0;
  let problem: CellError | null = null;
  let blankProblem: CellError | null = null; // reported only when no cell holds an error or text
  for (let k = 0; k < factors; k++) {
    const read = readNumberCell(row[k], 'scores', i + 1, k + 1);
    if (read === BLANK_CELL) {
      blanks++;
      if (weights[k] !== 0) blankProblem ??= new CellError('VALUE', messages.blankScore('scores', i + 1, k + 1));
      continue;
    }
    if (read instanceof CellError) {
      problem ??= read;
      continue;
    }
    sum += weights[k] * (scales ? scaleValue(read, scales.worst[k], scales.best[k], scales.log[k] === 1) : read);
  }
  return blanks === factors ? '' : (problem ?? blankProblem ?? round15(sum / weightTotal));
}
