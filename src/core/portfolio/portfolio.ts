// Builds the portfolio from account records and a model by running the catalogue's own functions, so
// the command line and the wizard produce exactly what the formulas in a workbook compute.
import { Cell, CellError, KamError, OutCell, OutGrid } from '../functions/cells';
import { KamModel, STAGES } from '../model/model';
import { accountProfit, factorValue, missingFactorValue, scoreScales, sourceLabel, type ModelAccount } from '../model/account-values';
import { behaviourStrengths, signalValue } from '../model/behaviour';
import { ResolvedStage, stageResolver, stageValues } from '../model/stages';
import type { Position } from '../functions/position-names';
import { score } from '../functions/score';
import { position } from '../functions/position';
import { strength as relativeStrength } from '../functions/strength';
import { select } from '../functions/select';
import { clv } from '../functions/clv';
import { flags as hygieneFlags } from '../functions/flags';
import { isFragile, placementStabilities, type PlacementStability } from './fragile';

/** What the portfolio needs from an account. */
export type PortfolioAccount = ModelAccount;

/** The inputs the model used for an account, so a script can audit a result (the --json output). */
export interface AccountInputs {
  revenue: number | null;
  profit: number | null;
  margin: number | null;
  costToServe: number | null;
  growth: number | null;
  tenure: number | null;
  orders: number | null;
  ordersPerYear: number | null;
  daysSinceLastOrder: number | null;
  categories: number | null;
  trend: number | null;
  effort: number | null;
}

export interface PortfolioRow {
  account: string;
  segment: string;
  manager: string;
  stage: string;
  /** The method's stage the stage value was read as ("Básica" → Basic), or null. */
  methodStage: string | null;
  revenue: number | null;
  profit: number | null;
  attractiveness: number | null;
  strength: number | null;
  /** Where the strength came from, in words ("stage "Básica" read as Basic", "behaviour proxy …"). */
  strengthFrom: string;
  position: Position | null;
  cost: number;
  /** Where the cost came from, in words. */
  costFrom: string;
  /** What the selection maximises for this account (attractiveness, profit, lifetime value…), or null. */
  value: number | null;
  /** Whether the account may be key: high attractiveness, not losing money (unless allowed), a positive value. */
  eligible: boolean;
  key: boolean;
  /** Why the account is not key ("" when it is). */
  whyNotKey: string;
  flags: string;
  lifetimeValue: number | null;
  /** The first problem found for this account, as a user-facing sentence, if any. */
  problem: string | null;
  inputs: AccountInputs;
  /**
   * KAM_STABILITY for this account: the smallest shift of weight onto or away from one factor that takes it across
   * the attractiveness cut (null when no single factor can).
   */
  stability: PlacementStability | null;
  /** The placement changes with a shift within the model's fragile points (model.review.fragilePoints). */
  fragile: boolean;
}

export interface Selection {
  /** Indices into rows, best first. */
  chosen: number[];
  totalValue: number;
  totalCost: number;
  capacity: number;
}

export interface PortfolioWarning {
  code:
    | 'too-many-key-accounts' | 'too-many-per-manager' | 'flagged-key-account' | 'capacity-unused' | 'no-selection' | 'account-problems'
    | 'missing-factor-values' | 'strength-flat' | 'strength-one-side' | 'attractiveness-flat' | 'attractiveness-one-side' | 'stages-not-recognised';
  message: string;
}

export interface Portfolio {
  rows: PortfolioRow[];
  selection: Selection;
  warnings: PortfolioWarning[];
  /** Cuts actually used (a "median" cut resolved to its number). */
  cuts: { attractiveness: number; strength: number };
}

/**
 * Why an account is not key, in the words both the portfolio and the workbook's formulas write (the wizard's
 * "Why not key" column builds the same texts with IF()). The capacity trade-off comes from KAM_SELECT's
 * "reasons" output, identical in both.
 */
export const WHY_NOT = {
  noPosition: 'no position on the matrix (attractiveness or strength missing)',
  belowCut: 'below the attractiveness cut',
  lossMaker: 'loses money (Difficult)',
  lossMakerBelowCut: 'loses money (Difficult) and below the attractiveness cut',
  nothingFits: 'no account fits within the capacity',
  noValue: (model: KamModel): string => `no positive ${objectiveLabel(model).toLowerCase()}`,
} as const;

/** What the selection maximises, in the user's words. */
export function objectiveLabel(model: KamModel): string {
  const value = model.capacity.value;
  return value === 'attractiveness' ? 'Attractiveness' : value === 'profit' ? 'Profit' : value === 'lifetimeValue' ? 'Lifetime value' : sourceLabel(value);
}

/** The positions on the high-attractiveness side of the matrix: key accounts come only from these. */
export const KEY_SIDE: readonly Position[] = ['Strategic', 'Star'];

const column = (values: Cell[]): Cell[][] => values.map((v) => [v]);
const firstColumn = (grid: OutGrid): OutCell[] => grid.map((row) => row[0]);
const asNumber = (cell: OutCell): number | null => (typeof cell === 'number' ? cell : null);
const asProblem = (cell: OutCell): string | null => (cell instanceof CellError ? cell.message || cell.kind : null);
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A stage's setting, whatever the case of the stage name. */
function stageLookup(table: Record<string, number>): (stage: string | null) => number | undefined {
  const byStage = new Map(Object.entries(table).map(([stage, value]) => [stage.trim().toLowerCase(), value]));
  return (stage) => (stage ? byStage.get(stage.trim().toLowerCase()) : undefined);
}

/** The stages the model's tables name (the method's, and any the user added). */
export function tableStages(model: KamModel): string[] {
  const byStage = model.strength.kind === 'stage' ? Object.keys(model.strength.byStage) : [];
  return [...new Set([...STAGES, ...byStage, ...Object.keys(model.capacity.costByStage)])];
}

/** Each account's stage value resolved to a stage of the model's tables (see stages.ts). */
export function resolveStages(accounts: readonly PortfolioAccount[], model: KamModel): ResolvedStage[] {
  const resolve = stageResolver(model.stageNames, tableStages(model));
  return accounts.map((a) => resolve(a.stage));
}

/**
 * Strength per account from the model's source: a column, KAM_STRENGTH over the rating columns (a row
 * error when a rating is missing), the stage as a proxy, or the behavioural proxy. Blank ('') when it
 * cannot be told. With each, where it came from in words.
 */
function strengths(accounts: PortfolioAccount[], model: KamModel, stages: ResolvedStage[]): { cells: OutCell[]; from: string[] } {
  const source = model.strength;
  if (source.kind === 'ratings') {
    const yours = accounts.map((a) => source.criteria.map((c) => factorValue(a, c.yours)));
    const rival = accounts.map((a) => source.criteria.map((c) => factorValue(a, c.rival)));
    const cells = firstColumn(relativeStrength(yours, rival, [source.criteria.map((c) => c.weight)]));
    return { cells, from: accounts.map(() => `your ratings against your best rival's on ${source.criteria.length} buying criteria`) };
  }
  if (source.kind === 'column') {
    return { cells: accounts.map((a) => factorValue(a, source.source) ?? ''), from: accounts.map(() => `column "${sourceLabel(source.source)}"`) };
  }
  if (source.kind === 'behaviour') {
    const cells = behaviourStrengths(accounts, source.signals).map((v) => v ?? '');
    return { cells, from: accounts.map(behaviourText) };
  }
  const strengthOf = stageLookup(source.byStage);
  const anyStage = accounts.some((a) => a.stage && a.stage.trim() !== '');
  const cells: OutCell[] = [];
  const from: string[] = [];
  accounts.forEach((a, i) => {
    const resolved = stages[i]!;
    const value = strengthOf(resolved.stage);
    cells.push(value ?? source.unknown);
    const raw = (a.stage ?? '').trim();
    if (!anyStage) from.push('no stage, rating or strength column: the strength for an unknown stage');
    else if (resolved.how === 'blank') from.push('no stage: the strength for a blank or unknown stage');
    else if (value === undefined) from.push(`stage "${raw}" not recognised: the strength for an unknown stage`);
    else if (resolved.stage!.toLowerCase() === raw.toLowerCase()) from.push(`stage ${resolved.stage}`);
    else from.push(`stage "${raw}" read as ${resolved.stage}`);
  });
  return { cells, from };
}

/** The behavioural proxy's signals for an account, in words. */
function behaviourText(a: PortfolioAccount): string {
  const parts: string[] = [];
  const add = (value: number | null, text: (v: number) => string): void => {
    if (value !== null) parts.push(text(value));
  };
  add(signalValue(a, 'tenure'), (v) => `${round(v, 1)} years`);
  add(signalValue(a, 'frequency'), (v) => `${round(v, 1)} order${round(v, 1) === 1 ? '' : 's'} a year`);
  add(signalValue(a, 'recency'), (v) => `last order ${Math.round(v)} days ago`);
  add(signalValue(a, 'breadth'), (v) => `${v} categor${v === 1 ? 'y' : 'ies'}`);
  add(signalValue(a, 'trend'), (v) => `trend ${v >= 0 ? '+' : ''}${round(v)}`);
  return `behaviour proxy (${parts.join(', ') || 'no signal'})`;
}

/** Days a year each account would take as a key account, and where that figure came from. */
function accountCosts(accounts: PortfolioAccount[], model: KamModel, stages: ResolvedStage[]): { days: number[]; from: string[] } {
  const cap = model.capacity;
  const own = new Map(Object.entries(cap.accountDays).map(([name, days]) => [name.trim().toLowerCase(), days]));
  const byStage = stageLookup(cap.costByStage);
  const days: number[] = [];
  const from: string[] = [];
  accounts.forEach((a, i) => {
    const set = own.get(a.account.trim().toLowerCase());
    if (set !== undefined) {
      days.push(set);
      from.push('set for this account in the model');
    } else if (cap.costFrom === 'stage') {
      const d = byStage(stages[i]!.stage);
      days.push(d ?? cap.otherwise);
      from.push(d === undefined ? 'no known stage: the days for any other stage' : `stage ${stages[i]!.stage}`);
    } else if (cap.costFrom === 'effort') {
      const e = typeof a.effort === 'number' && a.effort > 0 ? a.effort : null;
      days.push(e ?? cap.otherwise);
      from.push(e === null ? 'no effort figure: the days for any other account' : 'the effort column');
    } else {
      days.push(cap.otherwise);
      from.push('the same for every key account');
    }
  });
  return { days, from };
}

function median(values: (number | null)[]): number {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value the selection maximises for each account: its attractiveness, profit, lifetime value or a column. */
function objectiveValues(accounts: PortfolioAccount[], model: KamModel, attractiveness: OutCell[], profit: (number | null)[], lifetime: OutCell[]): (number | null)[] {
  const value = model.capacity.value;
  if (value === 'attractiveness') return attractiveness.map(asNumber);
  if (value === 'profit') return profit;
  if (value === 'lifetimeValue') return lifetime.map(asNumber);
  return accounts.map((a) => factorValue(a, value));
}

/** Whether a row may be key: on the high-attractiveness side, not losing money (unless a Star may), a positive value. */
export function isEligible(position: Position | null, flags: string, value: number | null, model: KamModel): boolean {
  if (position === null || !KEY_SIDE.includes(position)) return false;
  if (isDifficult(flags) && !(model.capacity.lossMakingStars && position === 'Star')) return false;
  return value !== null && value > 0;
}

const isDifficult = (flags: string): boolean => flags.includes('Difficult');

/** Runs the model over the accounts: scores, positions, flags, lifetime value and the key-account choice. */
export function buildPortfolio(accounts: PortfolioAccount[], model: KamModel): Portfolio {
  if (accounts.length === 0) throw new Error('buildPortfolio needs at least one account');

  // An account with no value for a factor (a new customer has no growth yet) is scored at that factor's
  // midpoint, 5 of 10: neither rewarded nor punished for what is not known. The warnings name them.
  const missing = model.factors.map((): PortfolioAccount[] => []);
  const scores = accounts.map((a) =>
    model.factors.map((f, k) => {
      const value = factorValue(a, f.source);
      if (value !== null) return value;
      missing[k]!.push(a);
      return missingFactorValue(f);
    }),
  );
  const attractiveness = model.factors.length
    ? firstColumn(score(scores, [model.factors.map((f) => f.weight)], scoreScales(model.factors)))
    : accounts.map((): OutCell => '');
  const stages = resolveStages(accounts, model);
  const strength = strengths(accounts, model, stages);
  const strengthValues = strength.cells.map(asNumber);
  const positions = firstColumn(
    position(column(attractiveness.map((c) => (c instanceof CellError ? null : c))), column(strengthValues), model.cuts.attractiveness, model.cuts.strength),
  );
  const costs = accountCosts(accounts, model, stages);
  const profit = accounts.map(accountProfit);
  const lifetime = firstColumn(clv(column(profit), model.lifetimeValue.retention, model.lifetimeValue.discountRate, model.lifetimeValue.years ?? undefined));
  const flags = firstColumn(
    hygieneFlags(
      column(accounts.map((a) => a.revenue ?? null)),
      column(attractiveness.map((c) => (typeof c === 'number' ? c : null))),
      column(profit),
      column(accounts.map((a) => a.tenure ?? null)),
      flagOptions(model),
    ),
  ).map((f) => (typeof f === 'string' ? f : ''));
  const positionOf = positions.map((p) => (typeof p === 'string' && p !== '' ? (p as Position) : null));
  const values = objectiveValues(accounts, model, attractiveness, profit, lifetime);
  const eligible = accounts.map((_, i) => isEligible(positionOf[i]!, flags[i]!, values[i]!, model));
  const eligibleValues = values.map((v, i) => (eligible[i] ? v : null));
  const names = accounts.map((a) => a.account);
  const choice = chooseKeyAccounts(names, eligibleValues, costs.days, model.capacity.days);

  const rows: PortfolioRow[] = accounts.map((a, i) => {
    const key = choice.flags[i] === true;
    return {
      account: a.account,
      segment: a.segment ?? '',
      manager: a.manager ?? '',
      stage: a.stage ?? '',
      methodStage: stages[i]!.stage,
      revenue: a.revenue ?? null,
      profit: profit[i]!,
      attractiveness: asNumber(attractiveness[i]!),
      strength: strengthValues[i]!,
      strengthFrom: strength.from[i]!,
      position: positionOf[i]!,
      cost: costs.days[i]!,
      costFrom: costs.from[i]!,
      value: values[i]!,
      eligible: eligible[i]!,
      key,
      whyNotKey: key ? '' : whyNotKey(positionOf[i]!, flags[i]!, values[i]!, choice.reasons[i], model),
      flags: flags[i]!,
      lifetimeValue: asNumber(lifetime[i]!),
      problem: asProblem(attractiveness[i]!) ?? asProblem(strength.cells[i]!) ?? asProblem(positions[i]!) ?? asProblem(lifetime[i]!),
      inputs: accountInputs(a, profit[i]!),
      stability: null,
      fragile: false,
    };
  });

  const chosen = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.key)
    .sort((x, y) => (eligibleValues[y.i] ?? 0) - (eligibleValues[x.i] ?? 0) || x.i - y.i)
    .map(({ i }) => i);
  const selection: Selection = {
    chosen,
    totalValue: chosen.reduce((sum, i) => sum + (eligibleValues[i] ?? 0), 0),
    totalCost: chosen.reduce((sum, i) => sum + costs.days[i]!, 0),
    capacity: model.capacity.days,
  };
  const cuts = {
    attractiveness: model.cuts.attractiveness === 'median' ? median(rows.map((r) => r.attractiveness)) : model.cuts.attractiveness,
    strength: model.cuts.strength === 'median' ? median(strengthValues) : model.cuts.strength,
  };
  // How firm each placement is, against the cut the positions used (a "median" cut as its number).
  placementStabilities(scores, model.factors, cuts.attractiveness).forEach((stability, i) => {
    const row = rows[i]!;
    if (row.attractiveness === null) return;
    row.stability = stability;
    row.fragile = isFragile(stability, model.review.fragilePoints);
  });
  const warnings = [
    ...spreadWarnings(rows, cuts, model, accounts),
    ...portfolioWarnings(rows, selection, model),
  ];
  model.factors.forEach((f, k) => {
    const none = missing[k]!;
    if (none.length) warnings.push({ code: 'missing-factor-values', message: missingMessage(f.name, none) });
  });
  return { rows, selection, warnings, cuts };
}

function accountInputs(a: PortfolioAccount, profit: number | null): AccountInputs {
  const n = (v: number | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    revenue: n(a.revenue), profit, margin: n(a.margin), costToServe: n(a.costToServe), growth: n(a.growth), tenure: n(a.tenure),
    orders: n(a.orders), ordersPerYear: n(a.ordersPerYear), daysSinceLastOrder: n(a.daysSinceLastOrder), categories: n(a.categories),
    trend: n(a.trend), effort: n(a.effort),
  };
}

/** Why an account that is not key was left out (the first reason that applies). */
function whyNotKey(position: Position | null, flags: string, value: number | null, tradeOff: OutCell | undefined, model: KamModel): string {
  if (position === null) return WHY_NOT.noPosition;
  if (!KEY_SIDE.includes(position)) return isDifficult(flags) ? WHY_NOT.lossMakerBelowCut : WHY_NOT.belowCut;
  if (isDifficult(flags) && !(model.capacity.lossMakingStars && position === 'Star')) return WHY_NOT.lossMaker;
  if (value === null || !(value > 0)) return WHY_NOT.noValue(model);
  if (typeof tradeOff === 'string' && tradeOff !== '') return tradeOff;
  return WHY_NOT.nothingFits;
}

/** "3 accounts have no growth value (Acme, row 12; …)": every account scored at a midpoint is named. */
function missingMessage(factor: string, none: PortfolioAccount[]): string {
  const where = (a: PortfolioAccount): string => (a.sourceRows?.length ? `${a.account} (row ${a.sourceRows[0]})` : a.account);
  const shown = none.slice(0, 5).map(where).join(', ') + (none.length > 5 ? ` and ${none.length - 5} more` : '');
  const one = none.length === 1;
  return `${none.length} account${one ? ' has' : 's have'} no ${factor.toLowerCase()} value (${shown}); ${one ? 'it was' : 'they were'} scored 5 of 10 (the middle of the scale) on that factor, ` +
    `neither rewarded nor punished. Fill in the values, or give the factor less weight.`;
}

/**
 * KAM_SELECT's "flags" and "reasons" outputs over the eligible values: an account with no eligible value is
 * passed as blank, so it is never chosen. "Nothing fits" (#N/A) means no key accounts; the warnings say so.
 */
function chooseKeyAccounts(names: string[], values: (number | null)[], costs: number[], capacity: number): { flags: OutCell[]; reasons: OutCell[] } {
  const run = (output: 'flags' | 'reasons'): OutCell[] => firstColumn(select(column(names), column(values), capacity, column(costs), output));
  try {
    return { flags: run('flags'), reasons: run('reasons') };
  } catch (error) {
    if (error instanceof KamError && error.kind === 'NA') return { flags: names.map(() => false), reasons: names.map(() => '') };
    throw error;
  }
}

/** KAM_FLAGS options in the catalogue's text form. */
export function flagOptions(model: KamModel): string {
  const f = model.flags;
  return `top=${f.bigNameTopShare};tenure=${f.oldFriendYears};cut=${f.attractivenessCut}`;
}

/** Distinct values below which an axis cannot separate accounts (or fewer when there are fewer accounts). */
export const FEW_VALUES = 5;

/**
 * The warnings that keep a matrix honest: an axis that takes fewer than five distinct values, or puts every
 * account on one side of its cut, tells the user little; and stage values the model cannot read are listed
 * by name, never silently scored as average.
 */
function spreadWarnings(rows: PortfolioRow[], cuts: Portfolio['cuts'], model: KamModel, accounts: PortfolioAccount[]): PortfolioWarning[] {
  const warnings: PortfolioWarning[] = [];
  const kind = model.strength.kind;
  const fixStrength =
    kind === 'stage'
      ? 'map the stage values (the stage names on the KAM Model sheet, or the wizard\'s strength step), choose a column that holds strength, or rate yourself against the best rival on the customer\'s buying criteria'
      : kind === 'behaviour'
        ? 'give the orders more to show (dates, a category column), or rate yourself against the best rival on the customer\'s buying criteria'
        : 'choose another strength column, or rate yourself against the best rival on the customer\'s buying criteria';
  const axis = (values: (number | null)[], cut: number, name: 'strength' | 'attractiveness', fix: string): void => {
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return;
    const distinct = new Set(present).size;
    const needed = Math.min(FEW_VALUES, present.length);
    const label = name === 'strength' ? 'Relative strength' : 'Attractiveness';
    if (distinct < needed) {
      warnings.push({
        code: `${name}-flat`,
        message: distinct === 1
          ? `${label} is ${round(present[0]!, 3)} for every account, so the matrix cannot tell accounts apart ${name === 'strength' ? 'across' : 'up and down'}: ${fix}.`
          : `${label} takes only ${distinct} different values across ${present.length} accounts, so the matrix separates them poorly ${name === 'strength' ? 'across' : 'up and down'}: ${fix}.`,
      });
    }
    if (Number.isFinite(cut) && present.length > 1 && distinct > 1) {
      const high = present.filter((v) => v >= cut).length;
      if (high === 0 || high === present.length) {
        warnings.push({
          code: `${name}-one-side`,
          message: `Every account's ${name} is ${high === 0 ? 'below' : 'at or above'} the cut of ${round(cut, 3)}, so all of them fall on one side of the matrix: move the ${name} cut (a number, or "median") or ${fix}.`,
        });
      }
    }
  };
  axis(rows.map((r) => r.strength), cuts.strength, 'strength', fixStrength);
  axis(rows.map((r) => r.attractiveness), cuts.attractiveness, 'attractiveness', 'check the factors and their scales (a factor whose worst and best values are far from the data scores everyone alike), or add a factor that tells accounts apart');

  if (kind === 'stage' || model.capacity.costFrom === 'stage') {
    const unknown = stageValues(accounts.filter((_, i) => rows[i]!.methodStage === null).map((a) => a.stage));
    if (unknown.length) {
      const shown = unknown.slice(0, 8).map((u) => `"${u.value}" (${u.accounts} account${u.accounts === 1 ? '' : 's'})`).join(', ') + (unknown.length > 8 ? ` and ${unknown.length - 8} more` : '');
      const total = unknown.reduce((sum, u) => sum + u.accounts, 0);
      const strengthText = model.strength.kind === 'stage' ? `strength ${model.strength.unknown} (the model's value for an unknown stage)` : '';
      const daysText = model.capacity.costFrom === 'stage' ? `${model.capacity.otherwise} days a year (the days for any other stage)` : '';
      const what = [strengthText, daysText].filter(Boolean).join(' and ');
      warnings.push({
        code: 'stages-not-recognised',
        message: `${total} account${total === 1 ? '\'s stage is' : 's\' stages are'} not a stage the method knows: ${shown}. They were given ${what}. Map each value to a stage in the wizard's strength step or in the stage names on the KAM Model sheet.`,
      });
    }
  }
  return warnings;
}

/** The warnings the method calls for. */
export function portfolioWarnings(rows: PortfolioRow[], selection: Selection, model: KamModel): PortfolioWarning[] {
  const warnings: PortfolioWarning[] = [];
  const key = selection.chosen.map((i) => rows[i]);
  if (key.length === 0) {
    warnings.push({
      code: 'no-selection',
      message: rows.some((r) => r.eligible)
        ? `No account fits within the capacity of ${selection.capacity} days: raise the capacity or lower the days per key account.`
        : `No account can be key: none is on the high-attractiveness side of the matrix with a positive ${objectiveLabel(model).toLowerCase()} and without losing money. See the "Why not key" column.`,
    });
  }
  if (key.length > model.limits.keyAccounts) {
    warnings.push({ code: 'too-many-key-accounts', message: `${key.length} key accounts is more than the method's ceiling of about ${model.limits.keyAccounts}: lower the capacity or raise the days per key account so the team can serve each one properly.` });
  }
  const perManager = new Map<string, number>();
  for (const row of key) if (row.manager) perManager.set(row.manager, (perManager.get(row.manager) ?? 0) + 1);
  for (const [manager, count] of [...perManager].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (count > model.limits.perManager) {
      warnings.push({ code: 'too-many-per-manager', message: `${manager} would manage ${count} key accounts, more than about ${model.limits.perManager}: share them out or choose fewer.` });
    }
  }
  for (const row of key) {
    if (row.flags) {
      const star = isDifficult(row.flags) && row.position === 'Star' ? ' (a Star may be key while it loses money: the model allows it)' : '';
      warnings.push({ code: 'flagged-key-account', message: `Key account "${row.account}" is flagged ${row.flags}${star}: check it is chosen for fit, not for size or history.` });
    }
  }
  const left = selection.capacity - selection.totalCost;
  const waiting = rows.filter((r) => !r.key && r.eligible);
  const cheapestWaiting = Math.min(...waiting.map((r) => r.cost));
  if (key.length > 0 && left > 0 && left >= selection.capacity * 0.1) {
    const why = waiting.length === 0
      ? `every account that may be key is key (the others are below the attractiveness cut, lose money, or have no positive ${objectiveLabel(model).toLowerCase()})`
      : `no other eligible account's days (from ${round(cheapestWaiting, 1)}) fit in it`;
    warnings.push({ code: 'capacity-unused', message: `${round(left, 1)} of ${selection.capacity} team days are left unused: ${why}.` });
  }
  const problems = rows.filter((r) => r.problem).length;
  if (problems) {
    warnings.push({ code: 'account-problems', message: `${problems} account${problems === 1 ? '' : 's'} could not be scored; see the Problem column of the portfolio.` });
  }
  return warnings;
}
