// KAM_STABILITY: the smallest single-factor weight shift across the cut, by hand and against brute-force recomputation with KAM_SCORE.
import { describe, expect, it } from 'vitest';
import { CellError, Grid, OutCell } from '../../../src/core/functions/cells';
import { messages } from '../../support/english-messages';
import { score } from '../../../src/core/functions/score';
import { crossesWithin, placementShift, stability } from '../../../src/core/functions/stability';
import { BLANKS, thrown } from '../../support/cells';
import { generator } from '../../support/random';

// The worked example of docs/functions.md: four factors weighted 30/25/25/20.
const NAMES = [['Size', 'Growth', 'Margin', 'Fit']];
const WEIGHTS = [[30, 25, 25, 20]];
const SCORES = [
  [8, 4, 6, 5], // Acme 5.9
  [3, 7, 5, 6], // Borg 5.1
  [4, 5, 3, 9], // Cyan 5.0, at the cut
  [2, 3, 4, 3], // Dyno 2.95, cannot reach 5 on any factor
  [6, 2, 9, 1], // Echo 4.75
];

/** The account's attractiveness under the given weights, as KAM_SCORE computes it. */
const scoreWith = (row: number[], weights: number[]): number => score([row], [weights])[0][0] as number;

/** The weights after moving `shift` points onto factor j (negative: away from it), the others scaled in proportion. */
function shifted(weights: number[], j: number, shift: number): number[] {
  const rest = 100 - weights[j];
  return weights.map((w, k) => (k === j ? weights[j] + shift : (w * (rest - shift)) / rest));
}

/**
 * Brute force: the smallest shift on a grid of `step` points (plus each end of the range, exactly) that takes the
 * account to the other side of the cut when KAM_SCORE recomputes it, per factor; Infinity when none does.
 */
function gridShifts(row: number[], weights: number[], cut: number, step: number): number[] {
  const high = scoreWith(row, weights) >= cut;
  return weights.map((w, j) => {
    if (w === 100) return Infinity; // the others hold no weight to scale
    let best = Infinity;
    for (const sign of [1, -1]) {
      const limit = sign > 0 ? 100 - w : w;
      const steps = Math.floor(limit / step + 1e-9);
      for (let s = 1; s <= steps + 1; s++) {
        const d = s <= steps ? s * step : limit;
        if (d >= best) break;
        if (scoreWith(row, shifted(weights, j, sign * d)) >= cut !== high) {
          best = d;
          break;
        }
      }
    }
    return best;
  });
}

describe('KAM_STABILITY', () => {
  describe('happy path', () => {
    it('gives the worked example: points and factor per account, blank when no factor can move it', () => {
      expect(stability(SCORES, WEIGHTS, undefined, undefined, NAMES)).toEqual([
        [35.5263157894737, 'Growth'],
        [3.33333333333333, 'Size'],
        [0, 'Size'],
        ['', ''],
        [4.41176470588235, 'Margin'],
      ]);
    });

    it('names factors by column number without factor_names', () => {
      expect(stability(SCORES, WEIGHTS)[1]).toEqual([3.33333333333333, 1]);
    });

    it('takes another cut', () => {
      expect(stability(SCORES, WEIGHTS, undefined, 6, NAMES)).toEqual([
        [3.33333333333333, 'Size'],
        [30, 'Size'],
        [20, 'Fit'],
        ['', ''],
        [22.0588235294118, 'Margin'],
      ]);
    });

    it.each([
      ['weights as fractions', [[0.3, 0.25, 0.25, 0.2]]],
      ['weights in a column', [[30], [25], [25], [20]]],
      ['weights out of 200', [[60, 50, 50, 40]]],
    ])('counts points out of the weights\' total, whatever it is (%s)', (_, weights) => {
      expect(stability(SCORES, weights as Grid, undefined, undefined, NAMES)).toEqual(stability(SCORES, WEIGHTS, undefined, undefined, NAMES));
    });

    it('reads raw values through scales exactly as KAM_SCORE does', () => {
      // 0..200 → 0..10, and a lower-is-better factor (cost to serve 20 days → 0, 5 days → 10).
      const raw = [[150, 14], [60, 8]];
      const scales = [[0, 20], [200, 5]];
      const scored = [[7.5, 4], [3, 8]];
      expect(stability(raw, [[1, 1]], scales)).toEqual(stability(scored, [[1, 1]]));
      expect(score(raw, [[1, 1]], scales)).toEqual(score(scored, [[1, 1]]));
    });

    it('reads a log scale (third row "log") as KAM_SCORE does', () => {
      // 100,000 on a log scale from 10,000 to 1,000,000 scores 5; 1,000,000 scores 10.
      const scales = [[10000, 0], [1000000, 10], ['log', 'linear']];
      expect(stability([[100000, 6], [1000000, 2]], [[50, 50]], scales)).toEqual(stability([[5, 6], [10, 2]], [[50, 50]]));
      // At 5.5 the account is high; all the weight on revenue (score 5) only reaches the cut, never below it: firm.
      expect(stability([[100000, 6]], [[50, 50]], scales)).toEqual([['', '']]);
      expect(score([[100000, 6]], [[50, 50]], scales)).toEqual([[5.5]]);
    });

    it('moves weight onto a factor that has none (a factor listed with weight 0)', () => {
      // 4.5 now; all the weight on factor 3 would give 9: 11.1 points reach 5.
      expect(stability([[4, 5, 9]], [[1, 1, 0]])).toEqual([[11.1111111111111, 3]]);
    });

    it('matches brute-force recomputation with KAM_SCORE over a grid of 0.05 points on 120 random accounts', () => {
      const next = generator(20260415);
      const step = 0.05;
      for (let instance = 0; instance < 120; instance++) {
        const k = 2 + Math.floor(next() * 3);
        // Whole points summing to 100, some factors at 0.
        const raw = Array.from({ length: k }, () => (next() < 0.2 ? 0 : 1 + Math.floor(next() * 9)));
        if (!raw.some((w) => w > 0)) raw[0] = 1;
        const total = raw.reduce((a, b) => a + b, 0);
        const weights = raw.map((w) => Math.round((100 * w) / total));
        weights[weights.findIndex((w) => w > 0)] += 100 - weights.reduce((a, b) => a + b, 0);
        const row = Array.from({ length: k }, () => (instance % 2 === 0 ? Math.floor(next() * 11) : Math.round(next() * 100) / 10));
        const cut = instance % 3 === 0 ? 5 : Math.round((2 + next() * 6) * 10) / 10;
        const label = `instance ${instance}: scores ${row}, weights ${weights}, cut ${cut}`;

        const [[points, factor]] = stability([row], [weights], undefined, cut);
        const grid = gridShifts(row, weights, cut, step);
        const smallest = Math.min(...grid);
        if (points === '') {
          expect(smallest, `${label}: blank, but a grid shift crosses`).toBe(Infinity);
          continue;
        }
        expect(typeof points, label).toBe('number');
        // Nothing on the grid crosses below the answer; the answer's factor crosses within one grid step of it.
        expect(smallest, label).toBeGreaterThanOrEqual((points as number) - 1e-9);
        expect(grid[(factor as number) - 1], label).toBeLessThanOrEqual((points as number) + step + 1e-9);
      }
    });
  });

  describe('the boundary: a score equal to the cut counts as high', () => {
    it('gives 0 for an account exactly at the cut: any shift onto its weaker factor drops it below', () => {
      expect(stability([[4, 6]], [[1, 1]])).toEqual([[0, 1]]);
    });

    it('a low account crosses at the end of the range when it reaches the cut there (closed end)', () => {
      // 4.5 now; all 100 points on factor 1 give exactly 5, which counts as high: 50 points.
      expect(stability([[5, 4]], [[1, 1]])).toEqual([[50, 1]]);
      expect(scoreWith([5, 4], [100, 0])).toBe(5);
    });

    it('a high account that can only come down to the cut does not cross (open end): blank', () => {
      // 5.5 now; all the weight on factor 1, or none on factor 2, gives 5 — still high.
      expect(stability([[5, 6]], [[1, 1]])).toEqual([['', '']]);
    });

    it('reports the point where a high account reaches the cut: any shift beyond it crosses', () => {
      // Borg: 5.1; 3.333… points onto Size bring it to 5.0 exactly (still high), a hair more below.
      const row = SCORES[1];
      const weights = WEIGHTS[0];
      expect(scoreWith(row, shifted(weights, 0, 3.33333333333333))).toBe(5);
      expect(scoreWith(row, shifted(weights, 0, 3.3334))).toBeLessThan(5);
      const shift = placementShift(row, weights, 5);
      expect(shift).toEqual({ points: 3.33333333333333, factor: 0, direction: 'onto', high: true });
      expect(crossesWithin(shift, 3.33333333333333)).toBe(false);
      expect(crossesWithin(shift, 3.34)).toBe(true);
    });

    it('reports the point where a low account reaches the cut, which already counts as crossing', () => {
      // Echo: 4.75; 4.41… points onto Margin bring it to 5.
      const shift = placementShift(SCORES[4], WEIGHTS[0], 5);
      expect(shift).toMatchObject({ points: 4.41176470588235, factor: 2, direction: 'onto', high: false });
      expect(scoreWith(SCORES[4], shifted(WEIGHTS[0], 2, 4.41176470588235))).toBe(5);
      expect(crossesWithin(shift, 4.41176470588235)).toBe(true);
      expect(crossesWithin(shift, 4.4)).toBe(false);
    });

    it('names the direction: onto a factor below the others, or away from one above them', () => {
      // 5.75: 15 points onto factor 1 (2) bring it to 5; taking 16.7 off factor 3 (8) would too.
      expect(placementShift([2, 5, 8], [1, 1, 2], 5)).toEqual({ points: 15, factor: 0, direction: 'onto', high: true });
      // 6: 16.7 points taken away from factor 1 (9); 25 onto factor 2 or 3 (3).
      expect(placementShift([9, 3, 3], [2, 1, 1], 5)).toEqual({ points: 16.6666666666667, factor: 0, direction: 'away', high: true });
    });

    it('breaks a tie between factors by the leftmost column', () => {
      // 6 now: 25 points onto factor 1 (4) or away from factor 2 (8) both bring it to 5.
      expect(stability([[4, 8]], [[1, 1]])).toEqual([[25, 1]]);
      expect(stability([[8, 4]], [[1, 1]])).toEqual([[25, 1]]);
    });

    it('decides the side on the score as KAM_SCORE shows it (15 digits)', () => {
      // 4.999999999999999 shows as 5: high, at the cut.
      const row = [4.999999999999999, 4.999999999999999, 0];
      expect(score([row], [[1, 1, 0]])).toEqual([[5]]);
      expect(stability([row], [[1, 1, 0]])).toEqual([[0, 3]]);
    });

    it('gives no shift with a single factor, or when every factor scores the same', () => {
      expect(stability([[3]], [[1]])).toEqual([['', '']]);
      expect(stability([[5, 5, 5]], [[1, 2, 3]])).toEqual([['', '']]);
    });
  });

  describe('shapes', () => {
    it('takes a single value as a 1×1 range', () => {
      expect(stability(7 as never, 1)).toEqual([['', '']]);
    });

    it.each([
      ['a row', [['Size', 'Growth', 'Margin', 'Fit']]],
      ['a column', [['Size'], ['Growth'], ['Margin'], ['Fit']]],
    ])('takes factor_names as %s', (_, names) => {
      expect(stability(SCORES, WEIGHTS, undefined, undefined, names as Grid)[1]).toEqual([3.33333333333333, 'Size']);
    });

    it('fails the call for factor_names of the wrong count', () => {
      expect(thrown(() => stability(SCORES, WEIGHTS, undefined, undefined, [['Size', 'Growth']])).message).toBe(
        messages.columnsDiffer('scores', 4, 'factor_names', 2, 'names'),
      );
    });

    it('fails the call for weights that do not match the factors, as KAM_SCORE does', () => {
      expect(thrown(() => stability(SCORES, [[1, 1]])).message).toBe(messages.columnsDiffer('scores', 4, 'weights', 2, 'weights'));
    });

    it('fails the call for a cut given as a range', () => {
      expect(thrown(() => stability(SCORES, WEIGHTS, undefined, [[5, 6]])).message).toBe(messages.notASingleValue('cut', 1, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives blanks in both columns for a row left entirely blank (%s)', (_, blank) => {
      expect(stability([[4, 6], [blank, blank]], [[1, 1]])).toEqual([[0, 1], ['', '']]);
    });

    it.each(BLANKS)('reports a blank score under a weight in both columns, as KAM_SCORE does (%s)', (_, blank) => {
      const error = new CellError('VALUE', messages.blankScore('scores', 1, 2));
      expect(stability([[4, blank]], [[1, 1]])).toEqual([[error, error]]);
    });

    it.each(BLANKS)('leaves a factor with a blank score under weight 0 out of the candidates (%s)', (_, blank) => {
      // With factor 3 blank only factors 1 and 2 can move: 50 points either way (tie: factor 1).
      expect(stability([[4, 5, blank]], [[1, 1, 0]])).toEqual([[50, 1]]);
    });

    it.each(BLANKS)('uses the default cut 5 and column numbers for blank or omitted options (%s)', (_, blank) => {
      expect(stability(SCORES, WEIGHTS, blank, blank, blank)).toEqual(stability(SCORES, WEIGHTS));
    });

    it('shows a factor with a blank name by its column number', () => {
      expect(stability([[4, 8]], [[1, 1]], undefined, undefined, [['', 'Growth']])).toEqual([[25, 1]]);
    });
  });

  describe('text in numbers', () => {
    it('puts the error of a score typed as text in both columns of that row only', () => {
      const out = stability([[4, 8], ['7', 6]], [[1, 1]]);
      const error = new CellError('VALUE', messages.textInNumber('scores', 2, 1, '7'));
      expect(out).toEqual([[25, 1], [error, error]]);
    });

    it.each([
      ['"median" (the median moves with the weights)', 'median', messages.stabilityCutMedian()],
      ['other text', 'high', messages.stabilityCutInvalid('high')],
      ['a number typed as text', '5', messages.stabilityCutInvalid('5')],
    ])('fails the call for a cut that is %s', (_, cut, message) => {
      expect(thrown(() => stability(SCORES, WEIGHTS, undefined, cut)).message).toBe(message);
    });

    it('fails the call for TRUE as a factor name', () => {
      expect(thrown(() => stability([[4, 8]], [[1, 1]], undefined, undefined, [[true, 'x']])).message).toBe(messages.factorNameInvalid(1, 'is TRUE'));
    });

    it('shows a number given as a factor name as that number', () => {
      expect(stability([[4, 8]], [[1, 1]], undefined, undefined, [[2024, 2025]])).toEqual([[25, 2024]]);
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text', '#N/A', new CellError('NA', '')],
      ['a row error from another KAM function in Sheets', '#VALUE! upstream', new CellError('VALUE', 'upstream')],
    ])('passes %s in a score to both columns of that row', (_, cell, expected) => {
      const out = stability([[cell, 6], [4, 6]], [[1, 1]]);
      expect(out[0]).toEqual([expected, expected]);
      expect(out[1]).toEqual([0, 1]);
    });

    it('fails the call with the kind of an error given as cut', () => {
      expect(thrown(() => stability(SCORES, WEIGHTS, undefined, '#N/A')).kind).toBe('NA');
    });

    it('fails the call with the kind of an error in factor_names', () => {
      const error = thrown(() => stability([[4, 8]], [[1, 1]], undefined, undefined, [['Size', new CellError('REF', '')]]));
      expect(error.kind).toBe('REF');
      expect(error.message).toBe(messages.factorNameInvalid(2, 'holds the error #REF!'));
    });
  });

  describe('result cells', () => {
    it('gives a number of points from 0 to 100 and a factor in every non-blank row', () => {
      const out = stability(SCORES, WEIGHTS, undefined, undefined, NAMES);
      for (const [points, factor] of out as OutCell[][]) {
        if (points === '') continue;
        expect(points as number).toBeGreaterThanOrEqual(0);
        expect(points as number).toBeLessThanOrEqual(100);
        expect(NAMES[0]).toContain(factor);
      }
    });
  });
});
