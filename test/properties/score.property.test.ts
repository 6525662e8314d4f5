// Property-based tests of KAM_SCORE: random shapes and hostile cells give an N×1 result or a KamError, never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../src/core/functions/catalogue';
import { CellError, KamError } from '../../src/core/functions/cells';
import { SEED, expectShape, gridArb, rowsOf, runChecked, scoreCaseArb, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 3000;
const SCORE = findFunction('SCORE');

describe('KAM_SCORE properties', () => {
  // BUG 1 and BUG 2 inputs are replaced here (withoutKnownBugs); their own tests are at the end.
  it('returns an N×1 column of finite numbers, blanks and row errors, or fails the call with a KamError', () => {
    fc.assert(
      fc.property(scoreCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(SCORE.run, args);
        if (outcome.ok) expectShape(outcome.out, rowsOf(args[0]), 1);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('with scales, every numeric result lies within 0..10', () => {
    fc.assert(
      fc.property(scoreCaseArb.map(withoutKnownBugs).filter(({ args }) => Array.isArray(args[2]) && args[2].length === 2), ({ args }) => {
        const outcome = runChecked(SCORE.run, args);
        if (!outcome.ok) return;
        for (const [cell] of outcome.out) if (typeof cell === 'number') expect(cell >= 0 && cell <= 10, `score ${cell}`).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('without scales, a score lies between the lowest and highest weighted score of its row', () => {
    const caseArb = fc.integer({ min: 1, max: 8 }).chain((k) =>
      fc.tuple(
        fc.integer({ min: 1, max: 20 }).chain((n) => gridArb(n, k, fc.double({ min: 0, max: 10, noNaN: true }))),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true })), { minLength: k, maxLength: k }).filter((w) => w.some((x) => x > 0)),
      ),
    );
    fc.assert(
      fc.property(caseArb, ([scores, weights]) => {
        const out = SCORE.run([scores, [weights]]);
        scores.forEach((row, i) => {
          const used = (row as number[]).filter((_, k) => weights[k] > 0);
          const lo = Math.min(...used);
          const hi = Math.max(...used);
          const value = out[i][0] as number;
          expect(value).toBeGreaterThanOrEqual(lo - 1e-13 * Math.max(1, hi));
          expect(value).toBeLessThanOrEqual(hi + 1e-13 * Math.max(1, hi));
        });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  // BUG 1: args.ts readNumberCell turns an Invalid Date into NaN (dateToSerial) without checking it is finite.
  it('BUG 1: an Invalid Date score is a #VALUE! row error, not NaN', () => {
    const [[cell]] = SCORE.run([[[new Date(NaN)]], [[1]]]);
    expect(cell).toBeInstanceOf(CellError);
  });

  it('BUG 1: an Invalid Date weight fails the call, not NaN in every row', () => {
    expect(() => SCORE.run([[[5, 5]], [[1, new Date(NaN)]]])).toThrow(KamError);
  });

  // BUG 2: Σ(w·s) overflows although the weighted mean of two scores of 1e308 is 1e308.
  it('BUG 2: scores near 1e308 give a finite mean or a row error, not Infinity', () => {
    const [[cell]] = SCORE.run([[[1e308, 1e308]], [[1, 1]]]);
    expect(Number.isFinite(cell) || cell instanceof CellError, `got ${String(cell)}`).toBe(true);
  });

  // BUG 2: Σw overflows to Infinity and Infinity / Infinity = NaN; the mean of 5 and 5 is 5 whatever the weights.
  it('BUG 2: weights near 1e308 still give the weighted mean, not NaN', () => {
    expect(SCORE.run([[[5, 5]], [[1e308, 1e308]]])).toEqual([[5]]);
  });
});
