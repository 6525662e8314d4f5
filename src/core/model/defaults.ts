// The default model for a workbook: factors, scales, strength and capacity derived from the columns present.
import type { AccountRecord } from '../ingest/types';
import {
  ACCOUNT_FIELDS, AccountField, AttractivenessFactor, DAYS_PER_MANAGER, DEFAULT_ACCOUNT_DAYS, DEFAULT_FRAGILE_POINTS, DEFAULT_SEGMENT_SHARE, DEFAULT_STAGE_COST, DEFAULT_STAGE_STRENGTH, DEFAULT_TEAM_DAYS, KamModel, STAGES,
} from './model';
import { DEFAULT_BEHAVIOUR_WEIGHTS, usableSignals } from './behaviour';
import { stageResolver, stageValues } from './stages';
import { fieldLabel } from './account-values';
import { english, type Translate } from '../i18n';

/** What the default model needs to know about the data: which fields exist, and their values. */
export interface ModelInputs {
  fields: Partial<Record<AccountField, number[]>>;
  /** Other numeric columns by header (e.g. "Strategic fit (0-10)"). */
  columns: Record<string, number[]>;
  hasStage: boolean;
  managers: number;
  /** Every distinct stage value of the data, with how many accounts have it. */
  stages?: { value: string; accounts: number }[];
  /** Behavioural signals that tell accounts apart (tenure, frequency, recency, breadth, trend). */
  behaviourSignals?: number;
}

/** The default model's inputs from ingested accounts: the fields and numeric columns that have values. */
export function modelInputs(accounts: readonly AccountRecord[]): ModelInputs {
  const fields: ModelInputs['fields'] = {};
  for (const field of ACCOUNT_FIELDS) {
    const values = accounts.map((a) => a[field]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (values.length) fields[field] = values;
  }
  const columns: Record<string, number[]> = {};
  for (const account of accounts) {
    for (const [header, value] of Object.entries(account.factors)) {
      if (typeof value === 'number' && Number.isFinite(value)) (columns[header] ??= []).push(value);
    }
  }
  return {
    fields,
    columns,
    hasStage: accounts.some((a) => a.stage),
    managers: new Set(accounts.map((a) => a.manager).filter(Boolean)).size,
    stages: stageValues(accounts.map((a) => a.stage)),
    behaviourSignals: usableSignals(accounts).length,
  };
}

/** The value at fraction p of the sorted values (linear between neighbours). */
export function percentile(values: number[], p: number): number {
  // A typed array sorts numbers natively, many times faster than a comparator over 100,000 values.
  const sorted = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  if (sorted.length === 0) return NaN;
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** How the default scales are set, as the model sheet and the docs state it, in the reader's language. */
export const scaleRule = (t: Translate = english): string => t('model.scaleRule');
export const SCALE_RULE = scaleRule();

/** x rounded down (or up) to two significant figures: 2,345 → 2,300 (or 2,400). */
function twoFigures(x: number, up: boolean): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  const n = x / step;
  return Number(((up ? Math.ceil(n - 1e-9) : Math.floor(n + 1e-9)) * step).toPrecision(12));
}

/**
 * A log scale for money: one huge account, or a long tail of big ones, neither squashes the others nor ties
 * the biggest at 10, so the top of the portfolio (where key accounts come from) stays apart. Scores 0 at the
 * 10th percentile of the positive values and 10 at the 99th. Null when fewer than two values are positive.
 */
export function logScale(values: number[]): { worst: number; best: number; scale: 'log' } | null {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return null;
  const worst = twoFigures(percentile(positive, 0.1), false);
  const best = twoFigures(percentile(values, 0.99), true);
  return worst > 0 && best > worst ? { worst, best, scale: 'log' } : null;
}

/** Rounds lo down and hi up to a step of two significant figures of their span: 20,345…487,123 → 20,000…490,000. */
export function roundScale(lo: number, hi: number): { lo: number; hi: number } {
  const span = hi - lo;
  if (!(span > 0)) return { lo, hi };
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  const clean = (x: number): number => Number(x.toPrecision(12));
  return { lo: clean(Math.floor(lo / step + 1e-9) * step), hi: clean(Math.ceil(hi / step - 1e-9) * step) };
}

/**
 * A scale from the 10th to the 90th percentile of the portfolio, robust to outliers: one huge account or a
 * few spikes cannot squash everyone else into one end, because the anchors are percentiles, pulled in to the
 * Tukey fences when more than a tenth of the accounts lie far out; values beyond the anchors score 0 or 10.
 * Reversed when lower is better.
 */
export function robustScale(values: number[], lowerIsBetter: boolean): { worst: number; best: number } | null {
  let lo = percentile(values, 0.1);
  let hi = percentile(values, 0.9);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const q1 = percentile(values, 0.25);
  const q3 = percentile(values, 0.75);
  const iqr = q3 - q1;
  if (iqr > 0) {
    lo = Math.max(lo, q1 - 1.5 * iqr);
    hi = Math.min(hi, q3 + 1.5 * iqr);
  }
  if (lo === hi) {
    lo = Math.min(...values);
    hi = Math.max(...values);
    if (lo === hi) return null;
  }
  ({ lo, hi } = roundScale(lo, hi));
  return lowerIsBetter ? { worst: hi, best: lo } : { worst: lo, best: hi };
}

/** A column of 0-10 ratings (strategic fit, ease of doing business…) is used on its own scale. */
function looksLikeRating(values: number[]): boolean {
  return values.length > 0 && values.every((v) => v >= 0 && v <= 10);
}

/** A rating column whose header says it is about fit with your strategy: the method's first criterion. */
const STRATEGIC = /strateg|estrat|\bfit\b|encaje|alineaci|alignment/i;

/**
 * Default weights in points, before they are shared out of 100. The method: profitability after cost to
 * serve and fit with your strategy first; size and growth next; current revenue is never the heaviest
 * single factor when anything else exists ("big names" get in by over-weighting it).
 */
export const DEFAULT_WEIGHTS = { revenue: 15, profit: 30, margin: 20, growth: 15, costToServe: 10, rating: 20, strategicFit: 25 } as const;

/**
 * The default model for a workbook: factors from the columns present, scales robust to outliers, strength
 * from the stage when there is one (else a behavioural proxy from the orders, else parity with a warning),
 * every key account costing the same days unless the data has an effort column, capacity from the number of
 * managers, the selection by attractiveness.
 */
export function defaultModel(inputs: ModelInputs, t: Translate = english): KamModel {
  const w = DEFAULT_WEIGHTS;
  // Factors named in the user's language ("Ventas"); a column's own factor keeps its header.
  const candidates: { name: string; source: AttractivenessFactor['source']; weight: number; values: number[] | undefined; lowerIsBetter: boolean; rating?: boolean; money?: boolean }[] = [
    { name: fieldLabel('revenue', t), source: 'revenue', weight: w.revenue, values: inputs.fields.revenue, lowerIsBetter: false, money: true },
    // Profit after cost to serve, in money: what the account really brings.
    { name: fieldLabel('profit', t), source: 'profit', weight: w.profit, values: inputs.fields.profit, lowerIsBetter: false, money: true },
    { name: fieldLabel('margin', t), source: 'margin', weight: w.margin, values: inputs.fields.margin, lowerIsBetter: false },
    { name: fieldLabel('growth', t), source: 'growth', weight: w.growth, values: inputs.fields.growth, lowerIsBetter: false },
  ];
  // Profit is already after cost to serve; on its own cost to serve counts only when profit is unknown.
  if (!inputs.fields.profit) candidates.push({ name: fieldLabel('costToServe', t), source: 'costToServe', weight: w.costToServe, values: inputs.fields.costToServe, lowerIsBetter: true });
  for (const [header, values] of Object.entries(inputs.columns)) {
    if (looksLikeRating(values)) {
      candidates.push({ name: header, source: `column:${header}`, weight: STRATEGIC.test(header) ? w.strategicFit : w.rating, values, lowerIsBetter: false, rating: true });
    }
  }
  const factors: AttractivenessFactor[] = [];
  for (const c of candidates) {
    if (!c.values || c.values.length === 0) continue;
    const scale = c.rating ? { worst: 0, best: 10 } : (c.money && logScale(c.values)) || robustScale(c.values, c.lowerIsBetter);
    if (scale) factors.push({ name: c.name, source: c.source, weight: c.weight, ...scale });
  }
  const total = factors.reduce((sum, f) => sum + f.weight, 0);
  // Show weights as points out of 100, rounded; the remainder goes to the heaviest factor (never revenue
  // when another exists, so rounding cannot make revenue the heaviest).
  if (total > 0) {
    for (const f of factors) f.weight = Math.round((f.weight * 100) / total);
    const drift = 100 - factors.reduce((sum, f) => sum + f.weight, 0);
    const heaviest = factors.reduce((best, f) => (f.weight > best.weight || (best.source === 'revenue' && f.source !== 'revenue') ? f : best), factors[0]!);
    if (heaviest) heaviest.weight += drift;
  }

  const stages = inputs.stages ?? [];
  const resolve = stageResolver({}, STAGES);
  const stageNames = Object.fromEntries(stages.map((s) => [s.value, resolve(s.value).stage ?? '']));
  const strength: KamModel['strength'] = inputs.hasStage
    ? { kind: 'stage', byStage: { ...DEFAULT_STAGE_STRENGTH }, unknown: 0.75 }
    : (inputs.behaviourSignals ?? 0) >= 2
      ? { kind: 'behaviour', signals: { ...DEFAULT_BEHAVIOUR_WEIGHTS } }
      : // Nothing tells strength: every account at parity, and the portfolio warns that the matrix cannot separate them.
        { kind: 'stage', byStage: { ...DEFAULT_STAGE_STRENGTH }, unknown: 1 };
  return {
    version: 1,
    factors,
    strength,
    stageNames,
    cuts: { attractiveness: 5, strength: 1 },
    capacity: {
      days: defaultCapacity(inputs).days,
      // Days by stage are a guess: by default every key account costs the same, so the selection takes the
      // most attractive accounts. An effort column in the data is real, so it is traded off.
      costFrom: inputs.fields.effort ? 'effort' : 'equal',
      costByStage: { ...DEFAULT_STAGE_COST },
      otherwise: DEFAULT_ACCOUNT_DAYS,
      accountDays: {},
      value: 'attractiveness',
      lossMakingStars: false,
    },
    lifetimeValue: { retention: 0.85, discountRate: 0.1, years: null },
    flags: { bigNameTopShare: 0.1, oldFriendYears: 10, attractivenessCut: 5 },
    limits: { keyAccounts: 50, perManager: 15 },
    review: { fragilePoints: DEFAULT_FRAGILE_POINTS, segmentShare: DEFAULT_SEGMENT_SHARE },
  };
}

/** The default team days and where they come from, in words for the summary. */
export function defaultCapacity(inputs: Pick<ModelInputs, 'managers'>, t: Translate = english): { days: number; origin: string } {
  const n = inputs.managers;
  if (n > 0 && n * DAYS_PER_MANAGER < DEFAULT_TEAM_DAYS) {
    return { days: n * DAYS_PER_MANAGER, origin: t('model.capacityOrigin.managers', { count: n, days: DAYS_PER_MANAGER }) };
  }
  const teams = DEFAULT_TEAM_DAYS / DAYS_PER_MANAGER;
  return {
    days: DEFAULT_TEAM_DAYS,
    origin: n > 0
      ? t('model.capacityOrigin.capped', { teams, days: DAYS_PER_MANAGER, count: n })
      : t('model.capacityOrigin.none', { teams, days: DAYS_PER_MANAGER }),
  };
}
