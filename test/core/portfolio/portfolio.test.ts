// The portfolio as the command line and wizard build it: scores, positions, the key-account choice,
// flags, lifetime value and the method's warnings.
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../../src/core/model/defaults';
import type { KamModel } from '../../../src/core/model/model';
import { buildPortfolio, PortfolioAccount } from '../../../src/core/portfolio/portfolio';

const model: KamModel = {
  ...defaultModel({ fields: {}, columns: {}, hasStage: true, managers: 0 }),
  factors: [
    { name: 'Revenue', source: 'revenue', weight: 50, worst: 0, best: 1000 },
    { name: 'Fit', source: 'column:Fit', weight: 50, worst: 0, best: 10 },
  ],
  capacity: { days: 60, costFrom: 'stage', costByStage: { Basic: 20, Integrated: 40 }, otherwise: 30, accountDays: {}, value: 'attractiveness', lossMakingStars: false },
};

const accounts: PortfolioAccount[] = [
  { account: 'Acme', revenue: 1000, profit: -50, stage: 'Integrated', tenure: 12, manager: 'Ann', factors: { Fit: 2 } },
  { account: 'Borg', revenue: 800, profit: 90, stage: 'Basic', manager: 'Ann', factors: { Fit: 9 } },
  { account: 'Cyan', revenue: 200, profit: 40, stage: 'basic', manager: 'Bob', factors: { Fit: 8 } },
  { account: 'Dyno', revenue: 100, profit: 10, factors: { Fit: 1 } },
];

describe('buildPortfolio', () => {
  const portfolio = buildPortfolio(accounts, model);

  it('scores attractiveness from the factors and strength from the stage', () => {
    expect(portfolio.rows.map((r) => r.attractiveness)).toEqual([6, 8.5, 5, 1]);
    expect(portfolio.rows.map((r) => r.strength)).toEqual([1.5, 0.75, 0.75, 0.75]);
  });

  it('places each account on the matrix with the model cuts', () => {
    expect(portfolio.rows.map((r) => r.position)).toEqual(['Strategic', 'Star', 'Star', 'Streamline']);
  });

  it('chooses among the eligible accounts within capacity, cost by stage (case-insensitive), and says why not for the others', () => {
    // Acme is the most attractive, but loses money (Difficult): not eligible. Dyno is below the cut.
    expect(portfolio.rows.map((r) => r.cost)).toEqual([40, 20, 20, 30]);
    expect(portfolio.rows.map((r) => r.costFrom)).toEqual(['stage Integrated', 'stage Basic', 'stage Basic', 'no known stage: the days for any other stage']);
    expect(portfolio.rows.map((r) => r.eligible)).toEqual([false, true, true, false]);
    expect(portfolio.selection.chosen.map((i) => portfolio.rows[i].account)).toEqual(['Borg', 'Cyan']);
    expect(portfolio.selection).toMatchObject({ totalValue: 13.5, totalCost: 40, capacity: 60 });
    expect(portfolio.rows.map((r) => r.whyNotKey)).toEqual(['loses money (Difficult)', '', '', 'below the attractiveness cut']);
  });

  it('flags difficult accounts, and lets a loss-making Star be key only when the model allows it, flag shown', () => {
    expect(portfolio.rows[0].flags).toBe('Difficult');
    const star: PortfolioAccount = { account: 'Etna', revenue: 900, profit: -10, stage: 'Basic', factors: { Fit: 9 } };
    const strict = buildPortfolio([...accounts, star], model);
    expect(strict.rows[4]).toMatchObject({ position: 'Star', flags: 'Difficult', key: false, whyNotKey: 'loses money (Difficult)' });
    const lenient = buildPortfolio([...accounts, star], { ...model, capacity: { ...model.capacity, lossMakingStars: true } });
    expect(lenient.rows[4]).toMatchObject({ key: true, flags: 'Difficult', whyNotKey: '' });
    expect(lenient.rows[0]).toMatchObject({ key: false, whyNotKey: 'loses money (Difficult)' }); // a Strategic loss-maker still is not
    expect(lenient.warnings.find((w) => w.code === 'flagged-key-account')?.message).toBe(
      'Key account "Etna" is flagged Difficult (a Star may be key while it loses money: the model allows it): check it is chosen for fit, not for size or history.',
    );
  });

  it('gives a lifetime value from profit, retention and discount rate', () => {
    const { retention: r, discountRate: d } = model.lifetimeValue;
    expect(portfolio.rows[1].lifetimeValue).toBeCloseTo((90 * r) / (1 + d - r), 9);
  });

  it('warns when nothing fits instead of failing', () => {
    const tight = buildPortfolio(accounts, { ...model, capacity: { ...model.capacity, days: 5 } });
    expect(tight.selection.chosen).toEqual([]);
    expect(tight.warnings.map((w) => w.code)).toContain('no-selection');
  });

  it('warns above the method limits: key accounts in all and per manager', () => {
    const many: PortfolioAccount[] = Array.from({ length: 60 }, (_, i) => ({ account: `A${i}`, revenue: 500, manager: i < 20 ? 'Ann' : `M${i}`, factors: { Fit: 5 } }));
    const big = buildPortfolio(many, { ...model, capacity: { ...model.capacity, days: 60 * 30 } });
    const codes = big.warnings.map((w) => w.code);
    expect(codes).toContain('too-many-key-accounts');
    expect(big.warnings.find((w) => w.code === 'too-many-per-manager')?.message).toContain('Ann would manage 20 key accounts');
  });

  it('warns when a good part of the capacity is left unused', () => {
    const roomy = buildPortfolio(accounts, { ...model, capacity: { ...model.capacity, days: 1000 } });
    expect(roomy.warnings.find((w) => w.code === 'capacity-unused')?.message).toBe(
      '960 of 1,000 team days are left unused: every account that may be key is key (the others are below the attractiveness cut, lose money, or have no positive attractiveness).',
    );
  });
});

describe('buildPortfolio with missing factor values', () => {
  it('scores a missing value at the factor midpoint and says how many accounts had none', () => {
    const portfolio = buildPortfolio([...accounts, { account: 'Newco', revenue: 500, factors: {} }], model);
    // Revenue 500 of 0..1000 scores 5; Fit missing scores 5 (midpoint of 0..10).
    expect(portfolio.rows[4].attractiveness).toBe(5);
    expect(portfolio.warnings.find((w) => w.code === 'missing-factor-values')?.message).toBe(
      '1 account has no fit value (Newco); it was scored 5 of 10 (the middle of the scale) on that factor, neither rewarded nor punished. Fill in the values, or give the factor less weight.',
    );
  });
});

describe('buildPortfolio with strength from ratings', () => {
  it('computes KAM_STRENGTH from your ratings against the best rival\'s, and reports a missing rating', () => {
    const rated: KamModel = {
      ...model,
      strength: { kind: 'ratings', criteria: [
        { name: 'Quality', yours: 'column:Q us', rival: 'column:Q rival', weight: 3 },
        { name: 'Service', yours: 'column:S us', rival: 'column:S rival', weight: 1 },
      ] },
    };
    const portfolio = buildPortfolio([
      { account: 'Acme', revenue: 800, factors: { Fit: 8, 'Q us': 8, 'Q rival': 4, 'S us': 4, 'S rival': 8 } },
      { account: 'Borg', revenue: 100, factors: { Fit: 2, 'Q us': 5, 'Q rival': 5, 'S us': null, 'S rival': 5 } },
    ], rated);
    expect(portfolio.rows[0].strength).toBe((3 * 8 + 4) / (3 * 4 + 8)); // 28 / 20 = 1.4
    expect(portfolio.rows[0].position).toBe('Strategic');
    expect(portfolio.rows[1].strength).toBeNull();
    expect(portfolio.rows[1].problem).toMatch(/^yours: row 2, column 2 is blank/);
  });
});

describe('buildPortfolio: strength never silently constant (issue 10)', () => {
  const flat: PortfolioAccount[] = ['A', 'B', 'C', 'D', 'E', 'F'].map((name, i) => ({ account: name, revenue: 100 * (i + 1), factors: { Fit: i + 4 } }));

  it('warns when strength is the same for every account, and says how to fix it', () => {
    const p = buildPortfolio(flat, { ...model, strength: { kind: 'stage', byStage: {}, unknown: 1 } });
    expect(p.warnings.find((w) => w.code === 'strength-flat')?.message).toBe(
      "Relative strength is 1 for every account, so the matrix cannot tell accounts apart across: map the stage values (the stage names on the KAM Model sheet, or the wizard's strength step), choose a column that holds strength, or rate yourself against the best rival on the customer's buying criteria.",
    );
    expect(p.rows[0].strengthFrom).toBe('no stage, rating or strength column: the strength for an unknown stage');
  });

  it('warns when strength takes few values, or every account falls on one side of a cut', () => {
    const staged = flat.map((a, i) => ({ ...a, stage: i % 2 ? 'Basic' : 'Integrated' }));
    const p = buildPortfolio(staged, model);
    expect(p.warnings.find((w) => w.code === 'strength-flat')?.message).toMatch(/^Relative strength takes only 2 different values across 6 accounts/);
    const high = buildPortfolio(staged, { ...model, cuts: { ...model.cuts, attractiveness: 0 } });
    expect(high.warnings.find((w) => w.code === 'attractiveness-one-side')?.message).toMatch(/^Every account's attractiveness is at or above the cut of 0, so all of them fall on one side/);
  });

  it('names the stage values it cannot read, with their counts, and says what they were given', () => {
    const p = buildPortfolio([
      { account: 'A', revenue: 1, stage: 'Oro', factors: {} }, { account: 'B', revenue: 2, stage: 'oro', factors: {} },
      { account: 'C', revenue: 3, stage: 'Cooperativa', factors: {} }, { account: 'D', revenue: 4, stage: 'Pendiente', factors: {} },
    ], model);
    expect(p.rows.map((r) => r.methodStage)).toEqual([null, null, 'Cooperative', null]);
    expect(p.rows.map((r) => r.strengthFrom)).toEqual(['stage "Oro" not recognised: the strength for an unknown stage', 'stage "oro" not recognised: the strength for an unknown stage', 'stage "Cooperativa" read as Cooperative', 'stage "Pendiente" not recognised: the strength for an unknown stage']);
    expect(p.warnings.find((w) => w.code === 'stages-not-recognised')?.message).toBe(
      '3 accounts\' stages are not a stage the method knows: "Oro" (2 accounts), "Pendiente" (1 account). They were given strength 0.75 (the model\'s value for an unknown stage) and 30 days a year (the days for any other stage). Map each value to a stage in the wizard\'s strength step or in the stage names on the KAM Model sheet.',
    );
    const mapped = buildPortfolio([{ account: 'A', revenue: 1, stage: 'Oro', factors: {} }], { ...model, stageNames: { Oro: 'Integrated' } });
    expect(mapped.rows[0]).toMatchObject({ methodStage: 'Integrated', strength: 1.5, cost: 40, strengthFrom: 'stage "Oro" read as Integrated' });
  });

  it('takes strength from buying behaviour, saying so per account', () => {
    const behaving = flat.map((a, i) => ({ ...a, tenure: i + 1, ordersPerYear: 12 - i, daysSinceLastOrder: 10 * i, categories: 1 + (i % 3), trend: 0.1 * i }));
    const p = buildPortfolio(behaving, { ...model, strength: { kind: 'behaviour', signals: { tenure: 20, frequency: 25, recency: 20, breadth: 15, trend: 20 } } });
    expect(new Set(p.rows.map((r) => r.strength)).size).toBe(6);
    expect(p.rows[0].strengthFrom).toBe('behaviour proxy (1 years, 12 orders a year, last order 0 days ago, 1 category, trend +0)');
    expect(p.warnings.map((w) => w.code)).not.toContain('strength-flat');
  });
});

describe('buildPortfolio: what the selection maximises, and what each key account costs', () => {
  it('chooses by profit, lifetime value or a column when the model says so, and says why not for the others', () => {
    const byProfit = buildPortfolio(accounts, { ...model, capacity: { ...model.capacity, costFrom: 'equal', days: 30, value: 'profit' } });
    expect(byProfit.rows.filter((r) => r.key).map((r) => r.account)).toEqual(['Borg']); // 90 beats Cyan's 40; Acme loses money
    expect(byProfit.rows.find((r) => r.account === 'Cyan')?.whyNotKey).toBe('worth less than every chosen account, and needs 30 with 0 left');
    const byFit = buildPortfolio(accounts, { ...model, capacity: { ...model.capacity, costFrom: 'equal', days: 30, value: 'column:Fit' } });
    expect(byFit.rows.filter((r) => r.key).map((r) => r.account)).toEqual(['Borg']);
    const noProfit = buildPortfolio([{ account: 'Solo', revenue: 900, factors: { Fit: 9 } }], { ...model, capacity: { ...model.capacity, value: 'lifetimeValue' } });
    expect(noProfit.rows[0].whyNotKey).toBe('no positive lifetime value');
  });

  it('takes days from the effort column or the model\'s per-account days, saying where each came from', () => {
    const withEffort = accounts.map((a, i) => ({ ...a, ...(i < 2 ? { effort: 15 + i } : {}) }));
    const p = buildPortfolio(withEffort, { ...model, capacity: { ...model.capacity, costFrom: 'effort', accountDays: { CYAN: 12 } } });
    expect(p.rows.map((r) => [r.cost, r.costFrom])).toEqual([
      [15, 'the effort column'], [16, 'the effort column'], [12, 'set for this account in the model'], [30, 'no effort figure: the days for any other account'],
    ]);
  });

  it('carries the inputs the model used for each account', () => {
    const p = buildPortfolio([{ account: 'A', revenue: 1000, margin: 0.3, costToServe: 50, growth: 0.1, tenure: 4, factors: { Fit: 5 } }], model);
    expect(p.rows[0].inputs).toEqual({
      revenue: 1000, profit: 250, margin: 0.3, costToServe: 50, growth: 0.1, tenure: 4, orders: null, ordersPerYear: null, daysSinceLastOrder: null, categories: null, trend: null, effort: null,
    });
  });
});
