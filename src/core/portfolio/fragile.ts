// How firm each placement is: KAM_STABILITY's smallest single-factor weight shift for every account, and whether
// it is within the model's "fragile" points — the same computation the live workbook's KAM_STABILITY column does.
import type { AttractivenessFactor } from '../model/model';
import { crossesWithin, placementShift, type PlacementShift } from '../functions/stability';
import { scaleValue } from '../functions/score';

/** An account's smallest weight shift across the attractiveness cut, in the user's words: points, factor, direction. */
export interface PlacementStability {
  /** Weight points of 100 (15 significant digits), as KAM_STABILITY shows them. */
  points: number;
  /** The factor whose weight moves (its name). */
  factor: string;
  /** More weight on the factor ("onto") or less ("away"); the others are scaled in proportion. */
  direction: PlacementShift['direction'];
  /** Whether the account is now on the high side of the cut (Strategic, Star). */
  high: boolean;
}

/**
 * Every account's smallest shift, from its raw factor values (a missing value already replaced by its factor's
 * midpoint, as the portfolio scores it). The values are put on 0–10 exactly as KAM_SCORE puts them (linear or
 * log), so the side and the shift agree with KAM_POSITION(KAM_SCORE(…)) and KAM_STABILITY. Null where no single
 * factor's weight can take the account across, or where the cut is not a number.
 */
export function placementStabilities(rawScores: readonly (readonly number[])[], factors: readonly AttractivenessFactor[], cut: number): (PlacementStability | null)[] {
  if (!Number.isFinite(cut) || factors.length === 0) return rawScores.map(() => null);
  const weights = Float64Array.from(factors, (f) => f.weight);
  const x = new Float64Array(factors.length);
  return rawScores.map((row) => {
    for (let k = 0; k < factors.length; k++) {
      const f = factors[k]!;
      x[k] = scaleValue(row[k]!, f.worst, f.best, f.scale === 'log');
    }
    const shift = placementShift(x, weights, cut);
    return shift ? { points: shift.points, factor: factors[shift.factor]!.name, direction: shift.direction, high: shift.high } : null;
  });
}

/**
 * Whether a shift of at most `limit` points changes the placement: a high account needs more than its reported
 * points (at exactly them it sits on the cut, still high), a low one reaches the cut at them (crossesWithin).
 */
export function isFragile(stability: PlacementStability | null, limit: number): boolean {
  return stability !== null && crossesWithin({ points: stability.points, factor: 0, direction: stability.direction, high: stability.high }, limit);
}
