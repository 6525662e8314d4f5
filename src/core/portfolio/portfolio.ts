// Builds the portfolio from account records and a model by running the catalogue's own functions, so
// the command line and the wizard produce exactly what the formulas in a workbook compute.
import { Cell, CellError, KamError, OutCell, OutGrid } from '../functions/cells';
import { KamModel, STAGES } from '../model/model';
import { accountProfit, factorValue, missingFactorValue, scoreScales, sourceLabel, type ModelAccount } from '../model/account-values';
import { behaviourStrengths, signalValue } from '../model/behaviour';
import { ResolvedStage, stageName, stageResolver, stageValues } from '../model/stages';
import type { Position } from '../functions/position-names';
import { score } from '../functions/score';
import { position } from '../functions/position';
import { strength as relativeStrength } from '../functions/strength';
import { select } from '../functions/select';
import { clv } from '../functions/clv';
import { flags as hygieneFlags, flagNames } from '../functions/flags';
import { english, exact, list, render, type MessageId, type Translate } from '../i18n';
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
  /** Where the strength came from, in words in the portfolio's language ("stage "Básica" read as Basic", "behaviour proxy …"). */
  strengthFrom: string;
  /** The position's key (English); positionName says it in the reader's language. */
  position: Position | null;
  cost: number;
  /** Where the cost came from, in words. */
  costFrom: string;
  /** What the selection maximises for this account (attractiveness, profit, lifetime value…), or null. */
  value: number | null;
  /** Whether the account may be key: high attractiveness, not losing money (unless allowed), a positive value. */
  eligible: boolean;
  key: boolean;
  /** Why the account is not key ("" when it is), in the portfolio's language. */
  whyNotKey: string;
  /** The hygiene flags in English ("Big name, Difficult"); flagNames says them in the reader's language. */
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
 * "Why not key" column builds the same texts with IF()), in the reader's language. The capacity trade-off comes
 * from KAM_SELECT's "reasons" output, identical in both.
 */
export const whyNot = (t: Translate = english) => ({
  noPosition: t('portfolio.whyNot.noPosition'),
  belowCut: t('portfolio.whyNot.belowCut'),
  lossMaker: t('portfolio.whyNot.lossMaker'),
  lossMakerBelowCut: t('portfolio.whyNot.lossMakerBelowCut'),
  nothingFits: t('portfolio.whyNot.nothingFits'),
  noValue: (model: KamModel): string => t('portfolio.whyNot.noValue', { objective: objectiveLabel(model, t, true) }),
});

/** The reasons in English. */
export const WHY_NOT = whyNot();

/** What the selection maximises, in the user's words and language (`lower` for inside a sentence). */
export function objectiveLabel(model: KamModel, t: Translate = english, lower = false): string {
  const value = model.capacity.value;
  if (value === 'attractiveness' || value === 'profit' || value === 'lifetimeValue') return t(`portfolio.objective.${value}${lower ? '.lower' : ''}` as MessageId);
  const label = sourceLabel(value, t);
  return lower ? label.toLowerCase() : label;
}

/** The positions on the high-attractiveness side of the matrix: key accounts come only from these. */
export const KEY_SIDE: readonly Position[] = ['Strategic', 'Star'];

const column = (values: Cell[]): Cell[][] => values.map((v) => [v]);
const firstColumn = (grid: OutGrid): OutCell[] => grid.map((row) => row[0]);
const asNumber = (cell: OutCell): number | null => (typeof cell === 'number' ? cell : null);
const asProblem = (cell: OutCell, t: Translate): string | null => (cell instanceof CellError ? render(cell.text, t) || cell.kind : null);
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
function strengths(accounts: PortfolioAccount[], model: KamModel, stages: ResolvedStage[], t: Translate): { cells: OutCell[]; from: string[] } {
  const source = model.strength;
  if (source.kind === 'ratings') {
    const yours = accounts.map((a) => source.criteria.map((c) => factorValue(a, c.yours)));
    const rival = accounts.map((a) => source.criteria.map((c) => factorValue(a, c.rival)));
    const cells = firstColumn(relativeStrength(yours, rival, [source.criteria.map((c) => c.weight)]));
    const from = t('portfolio.strengthFrom.ratings', { count: source.criteria.length });
    return { cells, from: accounts.map(() => from) };
  }
  if (source.kind === 'column') {
    const from = t('portfolio.strengthFrom.column', { name: sourceLabel(source.source, t) });
    return { cells: accounts.map((a) => factorValue(a, source.source) ?? ''), from: accounts.map(() => from) };
  }
  if (source.kind === 'behaviour') {
    const cells = behaviourStrengths(accounts, source.signals).map((v) => v ?? '');
    return { cells, from: accounts.map((a) => behaviourText(a, t)) };
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
    if (!anyStage) from.push(t('portfolio.strengthFrom.noStageData'));
    else if (resolved.how === 'blank') from.push(t('portfolio.strengthFrom.blank'));
    else if (value === undefined) from.push(t('portfolio.strengthFrom.unknownStage', { value: raw }));
    else if (resolved.stage!.toLowerCase() === raw.toLowerCase()) from.push(t('portfolio.strengthFrom.stage', { stage: stageName(resolved.stage!, t) }));
    else from.push(t('portfolio.strengthFrom.stageReadAs', { value: raw, stage: stageName(resolved.stage!, t) }));
  });
  return { cells, from };
}


/** The behavioural proxy's signals for an account, in words. */
function behaviourText(a: PortfolioAccount, t: Translate): string {
  const parts: string[] = [];
  const add = (value: number | null, text: (v: number) => string): void => {
    if (value !== null) parts.push(text(value));
  };
  add(signalValue(a, 'tenure'), (v) => t('portfolio.signal.tenure', { years: round(v, 1) }));
  add(signalValue(a, 'frequency'), (v) => t('portfolio.signal.frequency', { orders: round(v, 1) }));
  add(signalValue(a, 'recency'), (v) => t('portfolio.signal.recency', { days: Math.round(v) }));
  add(signalValue(a, 'breadth'), (v) => t('portfolio.signal.breadth', { count: v }));
  add(signalValue(a, 'trend'), (v) => t('portfolio.signal.trend', { sign: v >= 0 ? '+' : '', value: round(v) }));
  return t('portfolio.strengthFrom.behaviour', { signals: parts.join(t('common.list.separator')) || t('portfolio.strengthFrom.noSignal') });
}

/** Days a year each account would take as a key account, and where that figure came from. */
function accountCosts(accounts: PortfolioAccount[], model: KamModel, stages: ResolvedStage[], t: Translate): { days: number[]; from: string[] } {
  const cap = model.capacity;
  const own = new Map(Object.entries(cap.accountDays).map(([name, days]) => [name.trim().toLowerCase(), days]));
  const byStage = stageLookup(cap.costByStage);
  const days: number[] = [];
  const from: string[] = [];
  accounts.forEach((a, i) => {
    const set = own.get(a.account.trim().toLowerCase());
    if (set !== undefined) {
      days.push(set);
      from.push(t('portfolio.costFrom.own'));
    } else if (cap.costFrom === 'stage') {
      const d = byStage(stages[i]!.stage);
      days.push(d ?? cap.otherwise);
      from.push(d === undefined ? t('portfolio.costFrom.noStage') : t('portfolio.costFrom.stage', { stage: stageName(stages[i]!.stage!, t) }));
    } else if (cap.costFrom === 'effort') {
      const e = typeof a.effort === 'number' && a.effort > 0 ? a.effort : null;
      days.push(e ?? cap.otherwise);
      from.push(e === null ? t('portfolio.costFrom.noEffort') : t('portfolio.costFrom.effort'));
    } else {
      days.push(cap.otherwise);
      from.push(t('portfolio.costFrom.equal'));
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

/**
 * Runs the model over the accounts: scores, positions, flags, lifetime value and the key-account choice. Its
 * words (why not key, where strength and days came from, the warnings) are in `t`'s language; positions and
 * flags stay keys the reader's display turns into words (positionName, flagNames).
 */
export function buildPortfolio(accounts: PortfolioAccount[], model: KamModel, t: Translate = english): Portfolio {
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
  const strength = strengths(accounts, model, stages, t);
  const strengthValues = strength.cells.map(asNumber);
  const positions = firstColumn(
    position(column(attractiveness.map((c) => (c instanceof CellError ? null : c))), column(strengthValues), model.cuts.attractiveness, model.cuts.strength),
  );
  const costs = accountCosts(accounts, model, stages, t);
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
  const choice = chooseKeyAccounts(names, eligibleValues, costs.days, model.capacity.days, t);
  const reasons = whyNot(t);

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
      whyNotKey: key ? '' : whyNotKey(positionOf[i]!, flags[i]!, values[i]!, choice.reasons[i], model, reasons),
      flags: flags[i]!,
      lifetimeValue: asNumber(lifetime[i]!),
      problem: asProblem(attractiveness[i]!, t) ?? asProblem(strength.cells[i]!, t) ?? asProblem(positions[i]!, t) ?? asProblem(lifetime[i]!, t),
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
    ...spreadWarnings(rows, cuts, model, accounts, t),
    ...portfolioWarnings(rows, selection, model, t),
  ];
  model.factors.forEach((f, k) => {
    const none = missing[k]!;
    if (none.length) warnings.push({ code: 'missing-factor-values', message: missingMessage(f.name, none, t) });
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
function whyNotKey(position: Position | null, flags: string, value: number | null, tradeOff: OutCell | undefined, model: KamModel, why: ReturnType<typeof whyNot>): string {
  if (position === null) return why.noPosition;
  if (!KEY_SIDE.includes(position)) return isDifficult(flags) ? why.lossMakerBelowCut : why.belowCut;
  if (isDifficult(flags) && !(model.capacity.lossMakingStars && position === 'Star')) return why.lossMaker;
  if (value === null || !(value > 0)) return why.noValue(model);
  if (typeof tradeOff === 'string' && tradeOff !== '') return tradeOff;
  return why.nothingFits;
}

/** "3 accounts have no growth value (Acme, row 12; …)": every account scored at a midpoint is named. */
function missingMessage(factor: string, none: PortfolioAccount[], t: Translate): string {
  const where = (a: PortfolioAccount): string => (a.sourceRows?.length ? t('portfolio.warning.accountRow', { account: a.account, row: String(a.sourceRows[0]) }) : a.account);
  const shown = list(none.map(where), { max: 5, and: false })(t);
  return t('portfolio.warning.missingValues', { count: none.length, factor: factor.toLowerCase(), accounts: shown });
}

/**
 * KAM_SELECT's "flags" and "reasons" outputs over the eligible values: an account with no eligible value is
 * passed as blank, so it is never chosen. "Nothing fits" (#N/A) means no key accounts; the warnings say so.
 */
function chooseKeyAccounts(names: string[], values: (number | null)[], costs: number[], capacity: number, t: Translate): { flags: OutCell[]; reasons: OutCell[] } {
  const run = (output: 'flags' | 'reasons'): OutCell[] => firstColumn(select(column(names), column(values), capacity, column(costs), output, t));
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
function spreadWarnings(rows: PortfolioRow[], cuts: Portfolio['cuts'], model: KamModel, accounts: PortfolioAccount[], t: Translate): PortfolioWarning[] {
  const warnings: PortfolioWarning[] = [];
  const kind = model.strength.kind;
  const fixStrength = t(kind === 'stage' ? 'portfolio.warning.fixStrength.stage' : kind === 'behaviour' ? 'portfolio.warning.fixStrength.behaviour' : 'portfolio.warning.fixStrength.other');
  const axis = (values: (number | null)[], cut: number, name: 'strength' | 'attractiveness', fix: string): void => {
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return;
    const distinct = new Set(present).size;
    const needed = Math.min(FEW_VALUES, present.length);
    if (distinct < needed) {
      warnings.push({
        code: `${name}-flat`,
        message: distinct === 1
          ? t('portfolio.warning.flatOne', { axis: name, value: exact(round(present[0]!, 3))(t), fix })
          : t('portfolio.warning.flatFew', { axis: name, distinct, count: present.length, fix }),
      });
    }
    if (Number.isFinite(cut) && present.length > 1 && distinct > 1) {
      const high = present.filter((v) => v >= cut).length;
      if (high === 0 || high === present.length) {
        warnings.push({ code: `${name}-one-side`, message: t('portfolio.warning.oneSide', { axis: name, side: high === 0 ? 'below' : 'above', cut: exact(round(cut, 3))(t), fix }) });
      }
    }
  };
  axis(rows.map((r) => r.strength), cuts.strength, 'strength', fixStrength);
  axis(rows.map((r) => r.attractiveness), cuts.attractiveness, 'attractiveness', t('portfolio.warning.fixAttractiveness'));

  if (kind === 'stage' || model.capacity.costFrom === 'stage') {
    const unknown = stageValues(accounts.filter((_, i) => rows[i]!.methodStage === null).map((a) => a.stage));
    if (unknown.length) {
      const shown = list(unknown.map((u) => t('portfolio.warning.stageValue', { value: u.value, count: u.accounts })), { max: 8, and: false })(t);
      const total = unknown.reduce((sum, u) => sum + u.accounts, 0);
      const strengthText = model.strength.kind === 'stage' ? t('portfolio.warning.unknownStrength', { value: model.strength.unknown }) : '';
      const daysText = model.capacity.costFrom === 'stage' ? t('portfolio.warning.unknownDays', { days: model.capacity.otherwise }) : '';
      const what = strengthText && daysText ? t('portfolio.warning.both', { a: strengthText, b: daysText }) : strengthText || daysText;
      warnings.push({ code: 'stages-not-recognised', message: t('portfolio.warning.stagesNotRecognised', { total, values: shown, what }) });
    }
  }
  return warnings;
}

/** The warnings the method calls for, in `t`'s language. */
export function portfolioWarnings(rows: PortfolioRow[], selection: Selection, model: KamModel, t: Translate = english): PortfolioWarning[] {
  const warnings: PortfolioWarning[] = [];
  const key = selection.chosen.map((i) => rows[i]);
  const objective = objectiveLabel(model, t, true);
  if (key.length === 0) {
    warnings.push({
      code: 'no-selection',
      message: rows.some((r) => r.eligible)
        ? t('portfolio.warning.nothingFits', { capacity: selection.capacity })
        : t('portfolio.warning.nothingEligible', { objective }),
    });
  }
  if (key.length > model.limits.keyAccounts) {
    warnings.push({ code: 'too-many-key-accounts', message: t('portfolio.warning.tooMany', { count: key.length, limit: model.limits.keyAccounts }) });
  }
  const perManager = new Map<string, number>();
  for (const row of key) if (row.manager) perManager.set(row.manager, (perManager.get(row.manager) ?? 0) + 1);
  for (const [manager, count] of [...perManager].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (count > model.limits.perManager) {
      warnings.push({ code: 'too-many-per-manager', message: t('portfolio.warning.perManager', { manager, count, limit: model.limits.perManager }) });
    }
  }
  for (const row of key) {
    if (row.flags) {
      const star = isDifficult(row.flags) && row.position === 'Star' ? 'yes' : 'no';
      warnings.push({ code: 'flagged-key-account', message: t('portfolio.warning.flagged', { account: row.account, flags: flagNames(row.flags, t), star }) });
    }
  }
  const left = selection.capacity - selection.totalCost;
  const waiting = rows.filter((r) => !r.key && r.eligible);
  const cheapestWaiting = Math.min(...waiting.map((r) => r.cost));
  if (key.length > 0 && left > 0 && left >= selection.capacity * 0.1) {
    const why = waiting.length === 0
      ? t('portfolio.warning.unusedAll', { objective })
      : t('portfolio.warning.unusedTooBig', { days: round(cheapestWaiting, 1) });
    warnings.push({ code: 'capacity-unused', message: t('portfolio.warning.capacityUnused', { left: round(left, 1), capacity: selection.capacity, why }) });
  }
  const problems = rows.filter((r) => r.problem).length;
  if (problems) warnings.push({ code: 'account-problems', message: t('portfolio.warning.accountProblems', { count: problems }) });
  return warnings;
}
