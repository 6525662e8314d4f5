// Properties of the portfolio's judgement (issue 10): raising capacity never swaps a more attractive account
// out for a less attractive one of equal cost; the behavioural strength proxy is monotone in each signal and
// spread across the accounts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel, modelInputs } from '../../src/core/model/defaults';
import type { KamModel } from '../../src/core/model/model';
import { BEHAVIOUR_SIGNALS, behaviourStrengths, BehaviourSignal, DEFAULT_BEHAVIOUR_WEIGHTS } from '../../src/core/model/behaviour';
import { buildPortfolio } from '../../src/core/portfolio/portfolio';
import type { AccountRecord } from '../../src/core/ingest';
import { SEED } from '../support/arbitraries';

const STAGES = ['Exploratory', 'Basic', 'Cooperative', 'Interdependent', 'Integrated', 'Disintegrating', 'Oro', undefined];

const accountArb = (i: number): fc.Arbitrary<AccountRecord> =>
  fc.record({
    revenue: fc.integer({ min: 1000, max: 2_000_000 }),
    margin: fc.integer({ min: -10, max: 45 }).map((m) => m / 100),
    costToServe: fc.integer({ min: 0, max: 200_000 }),
    growth: fc.option(fc.integer({ min: -90, max: 300 }).map((g) => g / 100), { nil: undefined }),
    fit: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    stage: fc.constantFrom(...STAGES),
  }).map(({ revenue, margin, costToServe, growth, fit, stage }) => ({
    account: `Account ${i}`, revenue, margin, costToServe, profit: revenue * margin - costToServe,
    ...(growth === undefined ? {} : { growth }), ...(stage === undefined ? {} : { stage }),
    factors: { 'Strategic fit': fit }, sourceRows: [i + 1],
  }));

const portfolioArb = fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => accountArb(i))));

describe('the key-account selection', () => {
  it('never swaps a more attractive account out for a less attractive one of equal cost when capacity rises', () => {
    fc.assert(
      fc.property(portfolioArb, fc.boolean(), fc.integer({ min: 20, max: 400 }), fc.integer({ min: 1, max: 400 }), (accounts, byStage, low, extra) => {
        const base = defaultModel(modelInputs(accounts));
        const model = (days: number): KamModel => ({ ...base, capacity: { ...base.capacity, days, costFrom: byStage ? 'stage' : 'equal' } });
        const before = buildPortfolio(accounts, model(low)).rows;
        const after = buildPortfolio(accounts, model(low + extra)).rows;
        for (let out = 0; out < before.length; out++) {
          if (!(before[out].key && !after[out].key)) continue;
          for (let into = 0; into < after.length; into++) {
            if (before[into].key || !after[into].key || after[into].cost !== after[out].cost) continue;
            // Swapped out `out` for `into` at the same cost: `into` must be at least as attractive.
            expect(after[into].value! >= after[out].value! * (1 - 1e-9), `${after[out].account} (${after[out].value}) out for ${after[into].account} (${after[into].value})`).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('with the same days for every account, takes the most attractive eligible accounts the capacity allows', () => {
    fc.assert(
      fc.property(portfolioArb, fc.integer({ min: 1, max: 12 }), (accounts, slots) => {
        const base = defaultModel(modelInputs(accounts));
        const rows = buildPortfolio(accounts, { ...base, capacity: { ...base.capacity, days: slots * base.capacity.otherwise } }).rows;
        const key = rows.filter((r) => r.key);
        const eligible = rows.filter((r) => r.eligible);
        expect(key.length).toBe(Math.min(slots, eligible.length));
        const weakest = Math.min(...key.map((r) => r.value!));
        for (const r of eligible) if (!r.key) expect(r.value!).toBeLessThanOrEqual(weakest);
        for (const r of rows) expect(r.key || r.whyNotKey !== '').toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** An account carrying behaviour signals as the roll-up computes them. */
const signalsArb = (i: number): fc.Arbitrary<AccountRecord> =>
  fc.record({
    tenure: fc.option(fc.integer({ min: 0, max: 2000 }).map((d) => d / 100), { nil: undefined }),
    ordersPerYear: fc.option(fc.integer({ min: 1, max: 500 }).map((d) => d / 10), { nil: undefined }),
    daysSinceLastOrder: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
    categories: fc.option(fc.integer({ min: 1, max: 17 }), { nil: undefined }),
    trend: fc.option(fc.integer({ min: -100, max: 100 }).map((t) => t / 100), { nil: undefined }),
  }).map((signals) => {
    const account: AccountRecord = { account: `A${i}`, factors: {}, sourceRows: [] };
    for (const [k, v] of Object.entries(signals)) if (v !== undefined) (account as unknown as Record<string, number>)[k] = v;
    return account;
  });

const FIELD: Record<BehaviourSignal, keyof AccountRecord> = {
  tenure: 'tenure', frequency: 'ordersPerYear', recency: 'daysSinceLastOrder', breadth: 'categories', trend: 'trend',
};

describe('the behavioural strength proxy', () => {
  it('is monotone in each signal: a stronger value never lowers the account\'s strength', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => signalsArb(i)))),
        fc.nat(),
        fc.constantFrom(...BEHAVIOUR_SIGNALS),
        fc.integer({ min: 1, max: 400 }),
        (accounts, pick, info, step) => {
          const i = pick % accounts.length;
          const field = FIELD[info.signal];
          const current = accounts[i][field] as number | undefined;
          if (current === undefined) return;
          const stronger = accounts.map((a, k) => (k === i ? { ...a, [field]: info.lowerIsStronger ? Math.max(0, current - step / 10) : current + step / 10 } : a));
          const before = behaviourStrengths(accounts, DEFAULT_BEHAVIOUR_WEIGHTS)[i];
          const after = behaviourStrengths(stronger, DEFAULT_BEHAVIOUR_WEIGHTS)[i];
          // No strength at all (null) only when no signal tells the accounts apart, before or after.
          if (before === null || after === null) return;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('spreads the accounts over its whole span (0.5 to 1.5) when their signals differ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => signalsArb(i)))), (accounts) => {
        const withAll = accounts.map((a, i) => ({ ...a, tenure: i + 0.5, ordersPerYear: a.ordersPerYear ?? 1 }));
        const values = behaviourStrengths(withAll, DEFAULT_BEHAVIOUR_WEIGHTS).filter((v): v is number => v !== null);
        expect(Math.min(...values)).toBe(0.5);
        expect(Math.max(...values)).toBe(1.5);
        expect(new Set(values).size).toBeGreaterThanOrEqual(Math.min(5, withAll.length));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
