// Property-based tests of KAM_CLV: random shapes, hostile cells, rates and horizons give an N×1 result or a KamError, never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/core/functions/cells';
import { findFunction } from '../../src/core/functions/catalogue';
import { SEED, clvCaseArb, expectShape, rowsOf, runChecked, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 3000;
const CLV = findFunction('CLV');

describe('KAM_CLV properties', () => {
  // BUG 1 and BUG 2 inputs are replaced here (withoutKnownBugs); their own tests are below.
  it('returns an N×1 column of finite values, blanks and row errors, or fails the call with a KamError', () => {
    fc.assert(
      fc.property(clvCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(CLV.run, args);
        if (outcome.ok) expectShape(outcome.out, rowsOf(args[0]), 1);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('gives a value with the sign of the margin, and a finite horizon never more than no horizon', () => {
    const arb = fc.tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 200 }),
    );
    fc.assert(
      fc.property(arb, ([margin, retention, rate, years]) => {
        const [[forever]] = CLV.run([[[margin]], retention, rate]) as number[][];
        const [[finite]] = CLV.run([[[margin]], retention, rate, years]) as number[][];
        if (margin > 0 && retention > 0) expect(forever).toBeGreaterThanOrEqual(0);
        if (margin < 0 && retention > 0) expect(forever).toBeLessThanOrEqual(0);
        expect(Math.abs(finite)).toBeLessThanOrEqual(Math.abs(forever) * (1 + 1e-12) + 1e-300);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  // BUG 2: margin × factor overflows: 1e308 × 0.9/(1 − 0.9) = 9e308 is not a number a cell can hold.
  it('BUG 2: a margin near 1e308 gives a row error (or a finite value), not Infinity', () => {
    const [[cell]] = CLV.run([[[1e308]], 0.9, 0]);
    expect(Number.isFinite(cell) || cell instanceof CellError, `got ${String(cell)}`).toBe(true);
  });

  // BUG 1: an Invalid Date margin is read as NaN.
  it('BUG 1: an Invalid Date margin is a #VALUE! row error, not NaN', () => {
    const [[cell]] = CLV.run([[[new Date(NaN)]], 0.9, 0]);
    expect(cell).toBeInstanceOf(CellError);
  });
});
