// Account attractiveness: the weighted mean of factor scores on 0..10, with optional worst/best scales.
import { Cell, CellError, Grid, KamError, OutCell, OutGrid } from './cells';
import { BLANK_CELL, readNumberCell, readOptionalRange, readRange, readWeights, describeBadCell } from './args';
import { messages } from './messages';
import { round15 } from './precision';

/** A linear scale per factor: the raw value that scores 0 and the one that scores 10. */
export interface FactorScales {
  worst: Float64Array;
  best: Float64Array;
}

/** Reads the optional 2×K scales argument; a first row above the second means lower is better. */
export function readScales(arg: Cell | Grid | undefined, name: string, factors: number): FactorScales | undefined {
  const grid = readOptionalRange(arg, name);
  if (!grid) return undefined;
  if (grid.length !== 2 || grid[0].length !== factors) {
    throw new KamError('VALUE', messages.scalesShape(name, grid.length, grid[0].length, factors));
  }
  const worst = new Float64Array(factors);
  const best = new Float64Array(factors);
  for (let k = 0; k < factors; k++) {
    for (let r = 0; r < 2; r++) {
      const cell = grid[r][k];
      const value = readNumberCell(cell, name, r + 1, k + 1);
      if (value === BLANK_CELL) throw new KamError('VALUE', messages.scaleInvalid(name, r + 1, k + 1, 'is blank'));
      if (value instanceof CellError) {
        throw new KamError(value.kind, messages.scaleInvalid(name, r + 1, k + 1, describeBadCell(cell, value)));
      }
      (r === 0 ? worst : best)[k] = value;
    }
    if (worst[k] === best[k]) throw new KamError('VALUE', messages.scaleFlat(name, k + 1, worst[k]));
  }
  return { worst, best };
}

/** A raw value placed on 0..10 by its factor's scale, clamped at both ends. */
export function scaleValue(value: number, worst: number, best: number): number {
  const score = (10 * (value - worst)) / (best - worst);
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
        sum += weights[k] * scaleValue(cell, scales.worst[k], scales.best[k]);
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
    sum += weights[k] * (scales ? scaleValue(read, scales.worst[k], scales.best[k]) : read);
  }
  return blanks === factors ? '' : (problem ?? blankProblem ?? round15(sum / weightTotal));
}
