// Property-based tests of KAM_REWARD: random shapes, hostile cells and valid or broken plans give an N×1 result or a KamError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateToSerial } from '../../src/core/functions/args';
import { CellError } from '../../src/core/functions/cells';
import { findFunction } from '../../src/core/functions/catalogue';
import { SEED, expectShape, rewardCaseArb, rowsOf, runChecked, validPlanArb, withoutKnownBugs } from '../support/arbitraries';

const NUM_RUNS = 3000;
const REWARD = findFunction('REWARD');

/** The largest cap payout of a plan (the default plan's is 2): no account can be paid more than this. */
function maxCapPayout(plan: unknown): number {
  if (!Array.isArray(plan) || plan.length < 2) return 2;
  // Dates count as their serial number, as documented.
  const payout = (cell: unknown): number => (cell instanceof Date ? dateToSerial(cell) : typeof cell === 'number' && Number.isFinite(cell) ? cell : 0);
  return Math.max(2, ...plan.slice(1).map((row) => payout(row[7])));
}

describe('KAM_REWARD properties', () => {
  // BUG 1 inputs (Invalid Date) are replaced here (withoutKnownBugs); its own test is below.
  it('returns an N×1 column of payouts between 0 and the largest cap payout, blanks and row errors, or a KamError', () => {
    fc.assert(
      fc.property(rewardCaseArb.map(withoutKnownBugs), ({ args }) => {
        const outcome = runChecked(REWARD.run, args);
        if (!outcome.ok) return;
        expectShape(outcome.out, rowsOf(args[0]), 1);
        const most = maxCapPayout(args[3]);
        for (const [cell] of outcome.out) {
          if (typeof cell === 'number') expect(cell >= 0 && cell <= most * (1 + 1e-12), `payout ${cell}`).toBe(true);
          else if (!(cell instanceof CellError)) expect(cell).toBe('');
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('pays exactly 1 for every covered position when every actual equals its target', () => {
    const arb = validPlanArb.chain((plan) => {
      const m = new Set(plan.slice(1).map((row) => row[1])).size;
      const positions = [...new Set(plan.slice(1).map((row) => row[0] as string))];
      return fc.tuple(
        fc.constant(plan),
        fc.array(fc.tuple(fc.constantFrom(...positions), fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: m, maxLength: m })), { minLength: 1, maxLength: 20 }),
      );
    });
    fc.assert(
      fc.property(arb, ([plan, rows]) => {
        const targets = rows.map(([, t]) => t);
        const out = REWARD.run([rows.map(([p]) => [p]), targets, targets, plan]);
        for (const [cell] of out) expect(cell).toBeCloseTo(1, 12);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  // BUG 1: an Invalid Date actual becomes NaN; NaN fails every "attainment < …" test, so the metric pays the cap.
  it('BUG 1: an Invalid Date actual is a #VALUE! row error, not the cap payout', () => {
    const [[cell]] = REWARD.run([[['Star']], [[new Date(NaN), 1, 1, 1]], [[1, 1, 1, 1]]]);
    expect(cell).toBeInstanceOf(CellError);
  });
});
