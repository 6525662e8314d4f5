// Property-based tests of KAM_STRENGTH: random shapes and hostile cells give an N×1 result or a KamError, never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/core/functions/cells';
import { findFunction } from '../../src/core/functions/catalogue';
import { SEED, expectShape, rowsOf, runChecked, strengthCaseArb, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 3000;
const STRENGTH = findFunction('STRENGTH');

describe('KAM_STRENGTH properties', () => {
  // BUG 1, 2 and 3 inputs are replaced here (withoutKnownBugs); their own tests are below.
  it('returns an N×1 column of non-negative finite ratios, blanks and row errors, or fails the call with a KamError', () => {
    fc.assert(
      fc.property(strengthCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(STRENGTH.run, args);
        if (!outcome.ok) return;
        expectShape(outcome.out, rowsOf(args[0]), 1);
        for (const [cell] of outcome.out) if (typeof cell === 'number') expect(cell).toBeGreaterThanOrEqual(0);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('gives exactly 1 (parity) when yours and best_rival are the same ratings', () => {
    fc.assert(
      fc.property(strengthCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(STRENGTH.run, [args[0], args[0], args[2]]);
        if (!outcome.ok) return;
        for (const [cell] of outcome.out) if (typeof cell === 'number') expect(cell).toBe(1);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  // BUG 2: Σ(w·yours) overflows to Infinity although every cell is a finite rating.
  it('BUG 2: finite ratings near 1e308 give a finite ratio or a row error, not Infinity', () => {
    const [[cell]] = STRENGTH.run([[[1e308, 1e308]], [[1, 1]], [[1, 1]]]);
    expect(Number.isFinite(cell) || cell instanceof CellError, `got ${String(cell)}`).toBe(true);
  });

  // BUG 2: Infinity / Infinity = NaN when both sides overflow (mathematically the ratio is 1).
  it('BUG 2: equal ratings near 1e308 on both sides give parity, not NaN', () => {
    const [[cell]] = STRENGTH.run([[[1e308, 1e308]], [[1e308, 1e308]], [[1, 1]]]);
    expect(cell).toBe(1);
  });

  // BUG 1: an Invalid Date rating is read as NaN and the ratio becomes NaN.
  it('BUG 1: an Invalid Date rating is a #VALUE! row error, not NaN', () => {
    const [[cell]] = STRENGTH.run([[[new Date(NaN)]], [[1]], [[1]]]);
    expect(cell).toBeInstanceOf(CellError);
  });

  // BUG 3: a rival total of a denormal (5e-324) is not 0, so 1 / 5e-324 overflows to Infinity.
  it('BUG 3: a denormal rival rating gives a row error or a finite ratio, not Infinity', () => {
    const [[cell]] = STRENGTH.run([[[1]], [[5e-324]], [[1]]]);
    expect(Number.isFinite(cell) || cell instanceof CellError, `got ${String(cell)}`).toBe(true);
  });
});
