// Builds the portfolio from account records and a model by running the catalogue's own functions, so
// the command line and the wizard produce exactly what the formulas in a workbook compute.
import { Cell, CellError, KamError, OutCell, OutGrid } from '../functions/cells';
import type { KamModel } from '../model/model';
import { accountProfit, factorValue, missingFactorValue, type ModelAccount } from '../model/account-values';
import type { Position } from '../functions/position-names';
import { score } from '../functions/score';
import { position } from '../functions/position';
import { strength as relativeStrength } from '../functions/strength';
import { select } from '../functions/select';
import { clv } from '../functions/clv';
import { flags as hygieneFlags } from '../functions/flags';

/** What the portfolio needs from an account. */
export type PortfolioAccount = ModelAccount;

export interface PortfolioRow {
  account: string;
  segment: string;
  manager: string;
  stage: string;
  revenue: number | null;
  profit: number | null;
  attractiveness: number | null;
  strength: number | null;
  position: Position | null;
  cost: number;
  key: boolean;
  flags: string;
  lifetimeValue: number | null;
  /** The first problem found for this account, as a user-facing sentence, if any. */
  problem: string | null;
}

export interface Selection {
  /** Indices into rows, best first. */
  chosen: number[];
  totalValue: number;
  totalCost: number;
  capacity: number;
}

export interface PortfolioWarning {
  code: 'too-many-key-accounts' | 'too-many-per-manager' | 'flagged-key-account' | 'capacity-unused' | 'no-selection' | 'account-problems' | 'missing-factor-values';
  message: string;
}

export interface Portfolio {
  rows: PortfolioRow[];
  selection: Selection;
  warnings: PortfolioWarning[];
  /** Cuts actually used (a "median" cut resolved to its number). */
  cuts: { attractiveness: number; strength: number };
}

const column = (values: Cell[]): Cell[][] => values.map((v) => [v]);
const firstColumn = (grid: OutGrid): OutCell[] => grid.map((row) => row[0]);
const asNumber = (cell: OutCell): number | null => (typeof cell === 'number' ? cell : null);
const asProblem = (cell: OutCell): string | null => (cell instanceof CellError ? cell.message || cell.kind : null);

/** A stage's setting, whatever the case of the stage name in the data. */
function stageLookup(table: Record<string, number>): (stage: string | undefined) => number | undefined {
  const byStage = new Map(Object.entries(table).map(([stage, value]) => [stage.toLowerCase(), value]));
  return (stage) => (stage ? byStage.get(stage.trim().toLowerCase()) : undefined);
}

/**
 * Strength per account from the model's source: a column, KAM_STRENGTH over the rating columns (a row
 * error when a rating is missing), or the stage as a proxy. Blank ('') when it cannot be told.
 */
function strengths(accounts: PortfolioAccount[], model: KamModel): OutCell[] {
  const source = model.strength;
  if (source.kind === 'ratings') {
    const yours = accounts.map((a) => source.criteria.map((c) => factorValue(a, c.yours)));
    const rival = accounts.map((a) => source.criteria.map((c) => factorValue(a, c.rival)));
    return firstColumn(relativeStrength(yours, rival, [source.criteria.map((c) => c.weight)]));
  }
  if (source.kind === 'column') return accounts.map((a) => factorValue(a, source.source) ?? '');
  const strengthOf = stageLookup(source.byStage);
  return accounts.map((a) => strengthOf(a.stage) ?? source.unknown);
}

/** Days a year each account would take as a key account, by its stage. */
function daysByStage(accounts: PortfolioAccount[], model: KamModel): number[] {
  const costOf = stageLookup(model.capacity.costByStage);
  return accounts.map((a) => costOf(a.stage) ?? model.capacity.otherwise);
}

function median(values: (number | null)[]): number {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the model over the accounts: scores, positions, flags, lifetime value and the key-account choice. */
export function buildPortfolio(accounts: PortfolioAccount[], model: KamModel): Portfolio {
  if (accounts.length === 0) throw new Error('buildPortfolio needs at least one account');

  // An account with no value for a factor (a new customer has no growth yet) is scored at that factor's
  // midpoint, 5 of 10: neither rewarded nor punished for what is not known. The warnings count them.
  const missing = model.factors.map(() => 0);
  const scores = accounts.map((a) =>
    model.factors.map((f, k) => {
      const value = factorValue(a, f.source);
      if (value !== null) return value;
      missing[k]++;
      return missingFactorValue(f);
    }),
  );
  const attractiveness = model.factors.length
    ? firstColumn(score(scores, [model.factors.map((f) => f.weight)], [model.factors.map((f) => f.worst), model.factors.map((f) => f.best)]))
    : accounts.map((): OutCell => '');
  const strengthCells = strengths(accounts, model);
  const strength = strengthCells.map(asNumber);
  const positions = firstColumn(
    position(column(attractiveness.map((c) => (c instanceof CellError ? null : c))), column(strength), model.cuts.attractiveness, model.cuts.strength),
  );
  const costs = daysByStage(accounts, model);
  const profit = accounts.map(accountProfit);
  const lifetime = firstColumn(clv(column(profit), model.lifetimeValue.retention, model.lifetimeValue.discountRate, model.lifetimeValue.years ?? undefined));
  const values = model.capacity.value === 'lifetimeValue' ? lifetime : attractiveness;
  const names = accounts.map((a) => a.account);
  const keyFlags = chooseKeyAccounts(names, values, costs, model.capacity.days);
  const flags = firstColumn(
    hygieneFlags(
      column(accounts.map((a) => a.revenue ?? null)),
      column(attractiveness.map((c) => (typeof c === 'number' ? c : null))),
      column(profit),
      column(accounts.map((a) => a.tenure ?? null)),
      flagOptions(model),
    ),
  );

  const rows: PortfolioRow[] = accounts.map((a, i) => ({
    account: a.account,
    segment: a.segment ?? '',
    manager: a.manager ?? '',
    stage: a.stage ?? '',
    revenue: a.revenue ?? null,
    profit: profit[i],
    attractiveness: asNumber(attractiveness[i]),
    strength: strength[i],
    position: typeof positions[i] === 'string' && positions[i] !== '' ? (positions[i] as Position) : null,
    cost: costs[i],
    key: keyFlags[i] === true,
    flags: typeof flags[i] === 'string' ? (flags[i] as string) : '',
    lifetimeValue: asNumber(lifetime[i]),
    problem: asProblem(attractiveness[i]) ?? asProblem(strengthCells[i]) ?? asProblem(positions[i]) ?? asProblem(lifetime[i]),
  }));

  const chosen = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.key)
    .sort((x, y) => (asNumber(values[y.i]) ?? 0) - (asNumber(values[x.i]) ?? 0) || x.i - y.i)
    .map(({ i }) => i);
  const selection: Selection = {
    chosen,
    totalValue: chosen.reduce((sum, i) => sum + (asNumber(values[i]) ?? 0), 0),
    totalCost: chosen.reduce((sum, i) => sum + costs[i], 0),
    capacity: model.capacity.days,
  };
  const cuts = {
    attractiveness: model.cuts.attractiveness === 'median' ? median(rows.map((r) => r.attractiveness)) : model.cuts.attractiveness,
    strength: model.cuts.strength === 'median' ? median(strength) : model.cuts.strength,
  };
  const warnings = portfolioWarnings(rows, selection, model);
  model.factors.forEach((f, k) => {
    if (missing[k]) {
      warnings.push({ code: 'missing-factor-values', message: `${missing[k]} account${missing[k] === 1 ? ' has' : 's have'} no ${f.name.toLowerCase()} value; ${missing[k] === 1 ? 'it was' : 'they were'} scored 5 of 10 (the midpoint) on that factor. Fill in the values, or give the factor less weight.` });
    }
  });
  return { rows, selection, warnings, cuts };
}

/**
 * KAM_SELECT's "flags" output: TRUE for a key account. "Nothing fits" (#N/A) means no key accounts;
 * the warnings say so. Accounts whose value is an error are passed as blank, so they are never chosen.
 */
function chooseKeyAccounts(names: string[], values: OutCell[], costs: number[], capacity: number): OutCell[] {
  try {
    return firstColumn(select(column(names), column(values.map((c) => (typeof c === 'number' ? c : null))), capacity, column(costs), 'flags'));
  } catch (error) {
    if (error instanceof KamError && error.kind === 'NA') return names.map(() => false);
    throw error;
  }
}

/** KAM_FLAGS options in the catalogue's text form. */
export function flagOptions(model: KamModel): string {
  const f = model.flags;
  return `top=${f.bigNameTopShare};tenure=${f.oldFriendYears};cut=${f.attractivenessCut}`;
}

/** The warnings the method calls for. */
export function portfolioWarnings(rows: PortfolioRow[], selection: Selection, model: KamModel): PortfolioWarning[] {
  const warnings: PortfolioWarning[] = [];
  const key = selection.chosen.map((i) => rows[i]);
  if (key.length === 0) {
    warnings.push({ code: 'no-selection', message: `No account fits within the capacity of ${selection.capacity} days: raise the capacity or lower the cost per key account.` });
  }
  if (key.length > model.limits.keyAccounts) {
    warnings.push({ code: 'too-many-key-accounts', message: `${key.length} key accounts is more than the method's ceiling of about ${model.limits.keyAccounts}: lower the capacity or raise the cost per key account so the team can serve each one properly.` });
  }
  const perManager = new Map<string, number>();
  for (const row of key) if (row.manager) perManager.set(row.manager, (perManager.get(row.manager) ?? 0) + 1);
  for (const [manager, count] of [...perManager].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (count > model.limits.perManager) {
      warnings.push({ code: 'too-many-per-manager', message: `${manager} would manage ${count} key accounts, more than about ${model.limits.perManager}: share them out or choose fewer.` });
    }
  }
  for (const row of key) {
    if (row.flags) warnings.push({ code: 'flagged-key-account', message: `Key account "${row.account}" is flagged ${row.flags}: check it is chosen for fit, not for size or history.` });
  }
  const left = selection.capacity - selection.totalCost;
  const cheapestLeftOut = Math.min(...rows.filter((r) => !r.key && r.attractiveness !== null && r.attractiveness > 0).map((r) => r.cost));
  if (key.length > 0 && left > 0 && left >= selection.capacity * 0.1) {
    const why = Number.isFinite(cheapestLeftOut) && cheapestLeftOut > left ? `no other account's cost (from ${cheapestLeftOut} days) fits in it` : 'no other eligible account is left';
    warnings.push({ code: 'capacity-unused', message: `${round1(left)} of ${selection.capacity} team days are left unused: ${why}.` });
  }
  const problems = rows.filter((r) => r.problem).length;
  if (problems) {
    warnings.push({ code: 'account-problems', message: `${problems} account${problems === 1 ? '' : 's'} could not be scored; see the Problem column of the portfolio.` });
  }
  return warnings;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
