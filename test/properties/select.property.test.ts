// Property-based tests of KAM_SELECT: hostile input gives the documented list/table/flags shape or a KamError; small instances are checked against brute force.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError, Grid, KamError, OutGrid } from '../../src/core/functions/cells';
import { findFunction } from '../../src/core/functions/catalogue';
import { SEED, expectShape, rowsOf, runChecked, selectCaseArb, selectOutputOf, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 2500;
const SELECT = findFunction('SELECT');

/** The best total value over every subset that fits (capacity with the documented 1e-12 slack). */
function bruteForceBest(values: number[], costs: number[], capacity: number): number {
  let best = 0;
  for (let mask = 1; mask < 1 << values.length; mask++) {
    let value = 0;
    let cost = 0;
    for (let i = 0; i < values.length; i++) if (mask & (1 << i)) (value += values[i]), (cost += costs[i]);
    if (cost <= capacity * (1 + 1e-12) && value > best) best = value;
  }
  return best;
}

/** Total value chosen, from the "flags" output. */
const chosenValue = (out: OutGrid, values: number[]): number => out.reduce((sum, [flag], i) => sum + (flag === true ? values[i] : 0), 0);

const instanceArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(
    fc.array(fc.oneof(fc.integer({ min: -2, max: 30 }), fc.double({ min: 0.001, max: 50, noNaN: true })), { minLength: n, maxLength: n }),
    fc.array(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3)), { minLength: n, maxLength: n }),
    fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.01, max: 40, noNaN: true }), fc.constant(0.3)),
  ),
);

describe('KAM_SELECT properties', () => {
  // BUG 1 and BUG 2 inputs are replaced here (withoutKnownBugs); their own tests are at the end.
  it('returns the documented shape for "list", "table", "flags" and "reasons", or fails the call with a KamError', () => {
    fc.assert(
      fc.property(selectCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(SELECT.run, args);
        if (!outcome.ok) return;
        const n = rowsOf(args[0]);
        const output = selectOutputOf(args[4]);
        expect(output, 'an unknown output word must fail the call').toBeDefined();
        const out = outcome.out;
        if (output === 'flags') {
          expectShape(out, n, 1);
          for (const [cell] of out) expect(typeof cell === 'boolean' || cell === '' || cell instanceof CellError).toBe(true);
          expect(out.some(([cell]) => cell === true), 'something is chosen (else #N/A)').toBe(true);
          return;
        }
        if (output === 'reasons') {
          // One text per input row: "" for a chosen account (at least one), a reason or the row's error for the others.
          expectShape(out, n, 1);
          for (const [cell] of out) expect(typeof cell === 'string' || cell instanceof CellError).toBe(true);
          expect(out.some(([cell]) => cell === ''), 'something is chosen (else #N/A)').toBe(true);
          return;
        }
        expect(out.length).toBeGreaterThanOrEqual(1);
        expect(out.length).toBeLessThanOrEqual(n);
        expectShape(out, out.length, output === 'table' ? 4 : 1);
        const names = out.map(([name]) => (typeof name === 'string' ? name.trim().toLowerCase() : String(name)));
        expect(new Set(names).size, 'each account chosen once').toBe(names.length);
        for (const [name] of out) expect(typeof name === 'string' || typeof name === 'number').toBe(true);
        if (output === 'table') {
          let previous = 0;
          let previousValue = Infinity;
          for (const [, value, cost, cumulative] of out as number[][]) {
            expect(value).toBeGreaterThan(0);
            expect(value).toBeLessThanOrEqual(previousValue);
            expect(cost).toBeGreaterThan(0);
            expect(cumulative).toBeGreaterThanOrEqual(previous);
            previous = cumulative;
            previousValue = value;
          }
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('chooses an exact optimum (checked by brute force on up to 12 accounts) and stays within capacity', () => {
    fc.assert(
      fc.property(instanceArb, ([values, costs, capacity]) => {
        const accounts: Grid = values.map((_, i) => [`Acct ${i + 1}`]);
        const best = bruteForceBest(values.map((v) => Math.max(v, 0)), costs, capacity);
        let out: OutGrid;
        try {
          out = SELECT.run([accounts, values.map((v) => [v]), capacity, costs.map((c) => [c]), 'flags']);
        } catch (error) {
          expect(error).toBeInstanceOf(KamError);
          expect((error as KamError).kind).toBe('NA');
          expect(best).toBe(0);
          return;
        }
        const value = chosenValue(out, values);
        const cost = out.reduce((sum, [flag], i) => sum + (flag === true ? costs[i] : 0), 0);
        expect(cost).toBeLessThanOrEqual(capacity * (1 + 1e-12));
        expect(value).toBeGreaterThanOrEqual(best * (1 - 1e-9));
        out.forEach(([flag], i) => values[i] <= 0 && expect(flag).toBe(false));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('"reasons" tells a tie from a trade-off exactly (checked by brute force with the account forced in)', () => {
    fc.assert(
      fc.property(instanceArb, ([values, costs, capacity]) => {
        const accounts: Grid = values.map((_, i) => [`Acct ${i + 1}`]);
        let flags: OutGrid;
        let reasons: OutGrid;
        try {
          flags = SELECT.run([accounts, values.map((v) => [v]), capacity, costs.map((c) => [c]), 'flags']);
          reasons = SELECT.run([accounts, values.map((v) => [v]), capacity, costs.map((c) => [c]), 'reasons']);
        } catch (error) {
          expect((error as KamError).kind).toBe('NA');
          return;
        }
        const best = chosenValue(flags, values);
        const weakest = Math.min(...values.filter((_, i) => flags[i][0] === true));
        values.forEach((v, j) => {
          const reason = reasons[j][0] as string;
          if (flags[j][0] === true) return expect(reason).toBe('');
          if (!(v > 0)) return expect(reason).toBe('no positive value: never chosen');
          if (costs[j] > capacity) return expect(reason).toMatch(/more than the whole capacity/);
          if (v < weakest) return expect(reason).toMatch(/^worth less than every chosen account/);
          // The best selection that includes j, by brute force over the others in the room j leaves.
          const others = values.map((x, k) => (k === j ? 0 : Math.max(x, 0)));
          const forced = v + bruteForceBest(others, costs.map((c, k) => (k === j ? Infinity : c)), capacity - costs[j]);
          if (forced >= best * (1 - 1e-9)) expect(reason).toMatch(/a selection with it is worth the same/);
          else expect(reason).toMatch(/^needs [\d.]+; to fit it in, .* would have to go, against [\d.]+ for it/);
        });
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  // BUG 1: an Invalid Date value is NaN; NaN <= 0 is false, so it reaches the solver, which rejects it with a RangeError.
  it('BUG 1: an Invalid Date value is a row error in "flags", not a crash or a silent choice', () => {
    const out = SELECT.run([[['a'], ['b']], [[new Date(NaN)], [1]], 2, undefined, 'flags']);
    expect(out[0][0]).toBeInstanceOf(CellError);
  });

  // BUG 2: values of 1e308 make the solver's totals overflow; it then reports that nothing fits.
  it('BUG 2: two accounts worth 1e308 that each cost 1 are chosen within capacity 2, not #N/A "No account fits"', () => {
    expect(SELECT.run([[['a'], ['b']], [[1e308], [1e308]], 2])).toEqual([['a'], ['b']]);
  });

  // BUG 2: capacity × (1 + 1e-12) overflows to Infinity at the largest capacity.
  it('BUG 2: capacity 1.7976931348623157e308 takes an account that costs 1, not #N/A "No account fits"', () => {
    expect(SELECT.run([[['a']], [[1]], Number.MAX_VALUE])).toEqual([['a']]);
  });

  // BUG 4: with a denormal capacity an account whose cost equals the capacity is not found to fit.
  it('BUG 4: capacity 5e-324 takes an account that costs 5e-324, not #N/A "No account fits"', () => {
    expect(SELECT.run([[['a'], ['b']], [[1], [2]], 5e-324, [[5e-324], [5e-324]]])).toEqual([['b']]);
  });
});
