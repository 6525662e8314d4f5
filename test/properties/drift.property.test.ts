// Property-based tests of KAM_DRIFT: hostile input gives the 5×5 table or a KamError; the table counts every account
// with two positions once, keeps stayers on the diagonal, ignores row order, and transposes when the years swap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cell, Grid, OutGrid } from '../../src/core/functions/cells';
import { findFunction } from '../../src/core/functions/catalogue';
import { DRIFT_CORNER } from '../../src/core/functions/drift';
import { SEED, driftCaseArb, runChecked, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 2500;
const DRIFT = findFunction('DRIFT');
const WORDS = ['Strategic', 'Star', 'Status', 'Streamline'];

const counts = (out: OutGrid): number[][] => out.slice(1).map((row) => row.slice(1) as number[]);

const pairsArb = fc.array(
  fc.tuple(fc.constantFrom<Cell>(...WORDS, ' star ', 'STATUS', '', null), fc.constantFrom<Cell>(...WORDS, 'strategic', '', null)),
  { minLength: 1, maxLength: 40 },
);

describe('KAM_DRIFT properties', () => {
  it('returns the 5×5 table with its headers and counts of 0 or more, or fails the call with a KamError', () => {
    fc.assert(
      fc.property(driftCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(DRIFT.run, args);
        if (!outcome.ok) return;
        expect(outcome.out[0]).toEqual([DRIFT_CORNER, ...WORDS]);
        expect(outcome.out.slice(1).map((row) => row[0])).toEqual(WORDS);
        for (const n of counts(outcome.out).flat()) expect(Number.isInteger(n) && n >= 0).toBe(true);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('counts each account with both positions once, stayers on the diagonal', () => {
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        const out = DRIFT.run([pairs.map(([p]) => [p]), pairs.map(([, c]) => [c])]);
        const word = (cell: Cell) => (typeof cell === 'string' && cell.trim() !== '' ? cell.trim().toLowerCase() : null);
        const both = pairs.filter(([p, c]) => word(p) && word(c));
        const table = counts(out);
        expect(table.flat().reduce((a, b) => a + b, 0)).toBe(both.length);
        const stayed = both.filter(([p, c]) => word(p) === word(c)).length;
        expect(table.reduce((s, row, i) => s + row[i], 0)).toBe(stayed);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('does not depend on row order, and swapping the two columns transposes the table', () => {
    fc.assert(
      fc.property(pairsArb, fc.integer(), (pairs, seed) => {
        const previous: Grid = pairs.map(([p]) => [p]);
        const current: Grid = pairs.map(([, c]) => [c]);
        const table = counts(DRIFT.run([previous, current]));
        const k = Math.abs(seed) % pairs.length;
        const rotate = (g: Grid): Grid => [...g.slice(k), ...g.slice(0, k)].reverse();
        expect(counts(DRIFT.run([rotate(previous), rotate(current)]))).toEqual(table);
        expect(counts(DRIFT.run([current, previous]))).toEqual(table.map((_, i) => table.map((row) => row[i])));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
