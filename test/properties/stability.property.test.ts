// Property-based tests of KAM_STABILITY: hostile input gives N×2 rows (points, factor), blanks or row errors, or a KamError;
// random accounts are checked against recomputation with KAM_SCORE just below and just beyond the reported shift.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/core/functions/cells';
import { findFunction } from '../../src/core/functions/catalogue';
import { SEED, expectShape, rowsOf, runChecked, stabilityCaseArb, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 2500;
const STABILITY = findFunction('STABILITY');
const SCORE = findFunction('SCORE');

/** Weights after moving `points` (of 100) onto factor j, negative = away, the others scaled in proportion. */
function shifted(weights: number[], j: number, points: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const share = (100 * weights[j]) / total;
  return weights.map((w, k) => (k === j ? share + points : ((100 * w) / total) * (100 - share - points) / (100 - share)));
}

const high = (row: number[], weights: number[], cut: number): boolean => (SCORE.run([[row], [weights]])[0][0] as number) >= cut;

/** A plausible account: scores with one decimal, whole weights (some 0), a cut with one decimal. */
const accountArb = fc.integer({ min: 2, max: 6 }).chain((k) =>
  fc.tuple(
    fc.array(fc.integer({ min: 0, max: 100 }).map((x) => x / 10), { minLength: k, maxLength: k }),
    fc.array(fc.integer({ min: 0, max: 10 }), { minLength: k, maxLength: k }).filter((w) => w.some((x) => x > 0)),
    fc.integer({ min: 10, max: 90 }).map((x) => x / 10),
  ),
);

describe('KAM_STABILITY properties', () => {
  it('returns N rows of (points 0-100, factor), ("", "") or an error in both cells, or fails the call with a KamError', () => {
    fc.assert(
      fc.property(stabilityCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(STABILITY.run, args);
        if (!outcome.ok) return;
        expectShape(outcome.out, rowsOf(args[0]), 2);
        for (const [points, factor] of outcome.out) {
          if (points instanceof CellError) expect(factor).toBe(points);
          else if (points === '') expect(factor).toBe('');
          else {
            expect(typeof points).toBe('number');
            expect(points as number).toBeGreaterThanOrEqual(0);
            expect(points as number).toBeLessThanOrEqual(100);
            expect(['string', 'number']).toContain(typeof factor);
          }
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('gives a blank or an error exactly where KAM_SCORE does, for the same scores, weights and scales', () => {
    fc.assert(
      fc.property(stabilityCaseArb.map(withoutKnownBugs), ({ args }) => {
        let scores;
        let stable;
        try {
          scores = SCORE.run(args.slice(0, 3) as never);
        } catch {
          return; // a whole-call problem of KAM_SCORE's arguments fails both (checked by hand in the unit tests)
        }
        try {
          stable = STABILITY.run(args as never);
        } catch {
          return; // a bad cut or factor_names
        }
        scores.forEach(([cell], i) => {
          if (cell === '' || cell instanceof CellError) expect(stable[i][0]).toEqual(cell);
          else expect(stable[i][0] instanceof CellError).toBe(false);
        });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('no factor moves the account with fewer points; the reported factor moves it with a hair more (KAM_SCORE recomputed)', () => {
    fc.assert(
      fc.property(accountArb, ([row, weights, cut]) => {
        const [[points, factor]] = STABILITY.run([[row], [weights], undefined, cut]);
        const side = high(row, weights, cut);
        const total = weights.reduce((a, b) => a + b, 0);
        const share = (j: number) => (100 * weights[j]) / total;
        const crosses = (j: number, d: number) => weights[j] !== total && high(row, shifted(weights, j, d), cut) !== side;
        if (points === '') {
          // Not even the ends of each factor's range cross.
          weights.forEach((_, j) => {
            expect(crosses(j, 100 - share(j))).toBe(false);
            expect(crosses(j, -share(j))).toBe(false);
          });
          return;
        }
        const m = points as number;
        const eps = 1e-7 * (1 + m);
        if (m > eps) {
          weights.forEach((_, j) => {
            expect(crosses(j, Math.min(m - eps, 100 - share(j))), `onto ${j + 1}`).toBe(false);
            expect(crosses(j, -Math.min(m - eps, share(j))), `away from ${j + 1}`).toBe(false);
          });
        }
        const j = (factor as number) - 1;
        const onto = crosses(j, Math.min(m + eps, 100 - share(j)));
        const away = crosses(j, -Math.min(m + eps, share(j)));
        expect(onto || away, `factor ${j + 1} at ${m} points`).toBe(true);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('gives the same result when every weight is multiplied by the same power of two', () => {
    fc.assert(
      fc.property(accountArb, fc.integer({ min: -20, max: 20 }), ([row, weights, cut], e) => {
        const scaled = weights.map((w) => w * 2 ** e);
        expect(STABILITY.run([[row], [scaled], undefined, cut])).toEqual(STABILITY.run([[row], [weights], undefined, cut]));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
