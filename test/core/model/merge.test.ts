// Model files: overrides merge onto the defaults, and every bad value is named with what to do.
import { describe, expect, it } from 'vitest';
import { defaultModel, percentile } from '../../../src/core/model/defaults';
import { mergeModel, ModelError } from '../../../src/core/model/merge';

const base = defaultModel({
  fields: { revenue: [100, 200, 300, 400, 500], margin: [0.1, 0.2, 0.3, 0.25, 0.15], costToServe: [5, 6, 7, 8, 9] },
  columns: { 'Strategic fit': [1, 5, 9, 7, 3], 'Customer number': [1001, 1002, 1003, 1004, 1005] },
  hasStage: true,
  managers: 2,
});

describe('defaultModel', () => {
  it('derives factors from the columns present, weights out of 100, current revenue never the heaviest', () => {
    expect(base.factors.map((f) => f.source)).toEqual(['revenue', 'margin', 'costToServe', 'column:Strategic fit']);
    expect(base.factors.reduce((s, f) => s + f.weight, 0)).toBe(100);
    const revenue = base.factors.find((f) => f.source === 'revenue')!;
    expect(Math.max(...base.factors.filter((f) => f !== revenue).map((f) => f.weight))).toBeGreaterThan(revenue.weight);
    // Strategic fit and profit lead, as the method asks; revenue is 15 of 105 points before rounding.
    const withProfit = defaultModel({ fields: { revenue: [1, 2, 3], profit: [1, 2, 3], margin: [0.1, 0.2, 0.3], growth: [0, 0.1, 0.2], costToServe: [1, 2, 3] }, columns: { 'Strategic fit': [1, 2, 3] }, hasStage: false, managers: 0 });
    expect(withProfit.factors.map((f) => [f.source, f.weight])).toEqual([['revenue', 14], ['profit', 29], ['margin', 19], ['growth', 14], ['column:Strategic fit', 24]]);
  });

  it('scales money on a log scale from the 10th percentile of the positive values to the 99th, rounded to two figures', () => {
    const revenue = base.factors.find((f) => f.source === 'revenue')!;
    expect(revenue).toMatchObject({ worst: 140, best: 500, scale: 'log' });
    const spread = defaultModel({ fields: { revenue: [2345, 15000, 18000, 40000, 55000, 612345], profit: [-400, 0, 150, 900, 2500, 88000] }, columns: {}, hasStage: false, managers: 0 });
    expect(spread.factors.find((f) => f.source === 'revenue')).toMatchObject({ worst: 8600, best: 590000, scale: 'log' });
    // Losses and 0 have no logarithm: the lower anchor is among the positive profits, and they score 0.
    expect(spread.factors.find((f) => f.source === 'profit')).toMatchObject({ worst: 370, best: 84000, scale: 'log' });
  });

  it('scales ratios linearly from the 10th to the 90th percentile, pulled in to the Tukey fences, rounded', () => {
    const margin = base.factors.find((f) => f.source === 'margin')!;
    expect([margin.worst, margin.best]).toEqual([0.12, 0.28]);
    expect(margin.scale).toBeUndefined();
    const cost = base.factors.find((f) => f.source === 'costToServe')!;
    expect(cost.worst).toBeGreaterThan(cost.best);
    // Growth with spikes in more than a tenth of the accounts: the top anchor stops at the fence, not at +1,950 %.
    const growth = [-0.1, -0.05, 0, 0.02, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 19.5, 25];
    const model = defaultModel({ fields: { growth }, columns: {}, hasStage: false, managers: 0 });
    const q1 = percentile(growth, 0.25);
    const q3 = percentile(growth, 0.75);
    expect(percentile(growth, 0.9)).toBeGreaterThan(q3 + 1.5 * (q3 - q1));
    expect(model.factors[0]).toMatchObject({ worst: -0.04, best: 0.27 });
  });

  it('uses a 0-10 rating column on its own scale and ignores numeric columns that are not ratings', () => {
    expect(base.factors.find((f) => f.source === 'column:Strategic fit')).toMatchObject({ worst: 0, best: 10 });
    expect(base.factors.some((f) => f.source === 'column:Customer number')).toBe(false);
  });

  it('sizes capacity from the managers, every key account at the same days unless the data has an effort column', () => {
    expect(base.capacity.days).toBe(300);
    expect(defaultModel({ fields: { revenue: [1, 2] }, columns: {}, hasStage: false, managers: 10 }).capacity.days).toBe(600);
    expect(defaultModel({ fields: { revenue: [1, 2] }, columns: {}, hasStage: false, managers: 0 }).capacity.days).toBe(600);
    expect(base.capacity).toMatchObject({ costFrom: 'equal', otherwise: 30, accountDays: {}, value: 'attractiveness', lossMakingStars: false });
    expect(defaultModel({ fields: { revenue: [1, 2], effort: [20, 40] }, columns: {}, hasStage: false, managers: 0 }).capacity.costFrom).toBe('effort');
  });

  it('takes strength from the stage, else from buying behaviour, else parity for all (the portfolio warns)', () => {
    const staged = defaultModel({ fields: {}, columns: {}, hasStage: true, managers: 0, stages: [{ value: 'Básica', accounts: 3 }, { value: 'Oro', accounts: 1 }] });
    expect(staged.strength).toMatchObject({ kind: 'stage', unknown: 0.75 });
    expect(staged.stageNames).toEqual({ Básica: 'Basic', Oro: '' });
    expect(defaultModel({ fields: {}, columns: {}, hasStage: false, managers: 0, behaviourSignals: 3 }).strength.kind).toBe('behaviour');
    expect(defaultModel({ fields: {}, columns: {}, hasStage: false, managers: 0, behaviourSignals: 1 }).strength).toMatchObject({ kind: 'stage', unknown: 1 });
  });
});

describe('mergeModel', () => {
  it('overrides only the settings given', () => {
    const merged = mergeModel(base, { capacity: { days: 450 }, cuts: { strength: 'median' } });
    expect(merged.capacity.days).toBe(450);
    expect(merged.capacity.costByStage).toEqual(base.capacity.costByStage);
    expect(merged.cuts).toEqual({ attractiveness: 5, strength: 'median' });
    expect(merged.factors).toEqual(base.factors);
  });

  it('replaces the factor list when one is given', () => {
    const merged = mergeModel(base, { factors: [{ name: 'Fit', source: 'column:Strategic fit', weight: 1, worst: 0, best: 10 }] });
    expect(merged.factors).toHaveLength(1);
  });

  it.each([
    [{ capacity: { days: -5 } }, 'model.capacity.days must be more than 0 (it is -5).'],
    [{ capacity: { days: '600' } }, 'model.capacity.days must be a number (it is "600").'],
    [{ factors: [{ name: 'X', source: 'sales', weight: 1, worst: 0, best: 1 }] }, 'model.factors[0].source is "sales": use one of revenue, profit, margin, costToServe, growth, tenure, orders, effort, or "column:<header>" for another numeric column.'],
    [{ factors: [{ name: 'X', source: 'revenue', weight: 0, worst: 0, best: 1 }] }, 'model.factors: give at least one factor a positive weight.'],
    [{ factors: [{ name: 'X', source: 'revenue', weight: 1, worst: 3, best: 3 }] }, 'model.factors[0]: worst and best are both 3; give two different values.'],
    [{ lifetimeValue: { retention: 1.2 } }, 'model.lifetimeValue.retention must be below 1 (a probability of keeping the account a year).'],
    [{ capacty: { days: 5 } }, 'model.capacty is not a model setting; the settings are version, factors, strength, stageNames, cuts, capacity, lifetimeValue, flags, limits, review.'],
    [{ capacity: { costFrom: 'guess' } }, 'model.capacity.costFrom must be "equal" (the same days for every account), "stage" (days by relationship stage) or "effort" (the data\'s effort column).'],
    [{ capacity: { value: 'revenue' } }, 'model.capacity.value must be "attractiveness", "profit", "lifetimeValue" or "column:<header>" for a column such as a strategic-fit score (it is "revenue").'],
    [{ capacity: { lossMakingStars: 'yes' } }, 'model.capacity.lossMakingStars must be true or false (it is "yes").'],
    [{ capacity: { accountDays: { Acme: 0 } } }, 'model.capacity.accountDays.Acme must be more than 0 days.'],
    [{ stageNames: { Oro: 3 } }, 'model.stageNames["Oro"] must be a stage name, or "" for a value that names no stage (it is 3).'],
    [{ strength: { kind: 'behaviour', signals: { loyalty: 5 } } }, 'model.strength.signals.loyalty is not a signal; the signals are tenure, frequency, recency, breadth, trend.'],
    [{ cuts: { attractiveness: 'middle' } }, 'model.cuts.attractiveness must be a number (it is "middle").'],
  ])('rejects %j', (overrides, message) => {
    expect(() => mergeModel(base, overrides)).toThrow(ModelError);
    try {
      mergeModel(base, overrides);
    } catch (error) {
      expect((error as ModelError).problems).toContain(message);
    }
  });

  it('uses days by stage that a model file sets, and keeps the other new settings', () => {
    expect(base.capacity.costFrom).toBe('equal');
    const merged = mergeModel(base, { capacity: { costByStage: { Basic: 10 }, accountDays: { Acme: 45 }, value: 'column:Strategic fit', lossMakingStars: true }, stageNames: { Oro: 'Integrated', Bronce: '' } });
    expect(merged.capacity).toMatchObject({ costFrom: 'stage', costByStage: { Basic: 10 }, accountDays: { Acme: 45 }, value: 'column:Strategic fit', lossMakingStars: true });
    expect(merged.stageNames).toEqual({ Oro: 'Integrated', Bronce: '' });
    expect(mergeModel(base, { capacity: { costByStage: { Basic: 10 }, costFrom: 'equal' } }).capacity.costFrom).toBe('equal');
    expect(mergeModel(base, { strength: { kind: 'behaviour', signals: { breadth: 0 } } }).strength).toEqual({
      kind: 'behaviour', signals: { tenure: 20, frequency: 25, recency: 20, breadth: 0, trend: 20 },
    });
  });

  it('reads strength from ratings, checking every criterion', () => {
    const merged = mergeModel(base, { strength: { kind: 'ratings', criteria: [{ name: 'Quality', yours: 'column:Q us', rival: 'column:Q rival', weight: 2 }] } });
    expect(merged.strength).toEqual({ kind: 'ratings', criteria: [{ name: 'Quality', yours: 'column:Q us', rival: 'column:Q rival', weight: 2 }] });
    expect(() => mergeModel(base, { strength: { kind: 'ratings', criteria: [{ name: 'Q', yours: 'column:a', rival: 'sales', weight: 0 }] } })).toThrow(
      /model\.strength\.criteria\[0\]\.rival is "sales"[\s\S]*give at least one criterion a positive weight/,
    );
  });

  it('rejects a file that is not an object', () => {
    expect(() => mergeModel(base, [1, 2], 'model.json')).toThrow('model.json must be a JSON object');
  });
});
