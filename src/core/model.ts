// The KAM model: every setting of a portfolio (factors, weights, scales, strength, cuts, capacity,
// lifetime value, flags; the reward plan is a table beside it). The command line reads it from JSON;
// the wizard stores it in the workbook's "KAM Model" sheet. Defaults come from the columns present.
import type { AccountRecord } from './ingest/types';


/** Where a factor's raw value comes from: a recognised account field, or a numeric column by header. */
export type AccountField = 'revenue' | 'profit' | 'margin' | 'costToServe' | 'growth' | 'tenure' | 'orders';

export interface AttractivenessFactor {
  /** The label users see, e.g. "Revenue potential". */
  name: string;
  /** An account field, or "column:<header>" for another numeric column of the source. */
  source: AccountField | `column:${string}`;
  /** Points; weights are normalised, so any total works (the wizard shows them against 100). */
  weight: number;
  /** The raw value that scores 0 and the one that scores 10; worst > best means lower is better. */
  worst: number;
  best: number;
}

/** One of the customer's buying criteria, rated for you and for your best rival (e.g. 1-10). */
export interface StrengthCriterion {
  name: string;
  yours: AccountField | `column:${string}`;
  rival: AccountField | `column:${string}`;
  weight: number;
}

export type StrengthSource =
  /** A column that already holds relative strength (1 = parity with the best rival). */
  | { kind: 'column'; source: AccountField | `column:${string}` }
  /** Your ratings against your best rival's on the customer's criteria: KAM_STRENGTH. */
  | { kind: 'ratings'; criteria: StrengthCriterion[] }
  /** The relationship stage as a proxy: each stage maps to a relative strength. */
  | { kind: 'stage'; byStage: Record<string, number>; unknown: number };

export type Cut = number | 'median';

export interface KamModel {
  version: 1;
  factors: AttractivenessFactor[];
  strength: StrengthSource;
  cuts: { attractiveness: Cut; strength: Cut };
  capacity: {
    /** Team days a year available for key-account work. */
    days: number;
    /** Days a year a key account needs, by relationship stage; accounts without a stage use `otherwise`. */
    costByStage: Record<string, number>;
    otherwise: number;
    /** What the selection maximises. */
    value: 'attractiveness' | 'lifetimeValue';
  };
  lifetimeValue: { retention: number; discountRate: number; years: number | null };
  flags: { bigNameTopShare: number; oldFriendYears: number; attractivenessCut: number };
  /** Warning thresholds from the method: ~50 key accounts in all, ~15 per manager. */
  limits: { keyAccounts: number; perManager: number };
}

/** Relationship stages in the method's order (Disintegrating can happen at any stage). */
export const STAGES = ['Exploratory', 'Basic', 'Cooperative', 'Interdependent', 'Integrated', 'Disintegrating'] as const;

/**
 * Stage as a strength proxy: Cooperative is parity (one of several suppliers); deeper stages are
 * stronger than the best rival, earlier ones weaker.
 */
export const DEFAULT_STAGE_STRENGTH: Record<string, number> = {
  Exploratory: 0.5, Basic: 0.75, Cooperative: 1, Interdependent: 1.25, Integrated: 1.5, Disintegrating: 0.5,
};

/** Team days a year a key account takes at each stage: deeper relationships cost more. */
export const DEFAULT_STAGE_COST: Record<string, number> = {
  Exploratory: 20, Basic: 20, Cooperative: 30, Interdependent: 45, Integrated: 60, Disintegrating: 30,
};

/** Days a key account manager can give to key accounts in a year, for the default capacity. */
export const DAYS_PER_MANAGER = 150;
/**
 * The default team: four key account managers' worth of days (fewer if the data names fewer), about
 * 20 key accounts at 30 days each — inside the method's 15–35, well below its ceiling of 50.
 */
export const DEFAULT_TEAM_DAYS = 4 * DAYS_PER_MANAGER;

/** The numeric account fields a factor or a strength can come from. */
export const ACCOUNT_FIELDS: AccountField[] = ['revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'orders'];

/** What the default model needs to know about the data: which fields exist, and their values. */
export interface ModelInputs {
  fields: Partial<Record<AccountField, number[]>>;
  /** Other numeric columns by header (e.g. "Strategic fit (0-10)"). */
  columns: Record<string, number[]>;
  hasStage: boolean;
  managers: number;
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

/** A scale from the 10th to the 90th percentile of the portfolio (reversed when lower is better). */
function spreadScale(values: number[], lowerIsBetter: boolean): { worst: number; best: number } | null {
  let lo = percentile(values, 0.1);
  let hi = percentile(values, 0.9);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  if (lo === hi) {
    lo = Math.min(...values);
    hi = Math.max(...values);
    if (lo === hi) return null;
  }
  return lowerIsBetter ? { worst: hi, best: lo } : { worst: lo, best: hi };
}

/** A column of 0-10 ratings (strategic fit, ease of doing business…) is used on its own scale. */
function looksLikeRating(values: number[]): boolean {
  return values.length > 0 && values.every((v) => v >= 0 && v <= 10);
}

/**
 * The default model for a workbook: factors from the columns present (revenue is deliberately kept
 * at 25 points or less, since over-weighting current revenue is how "big names" get in), scales from
 * the 10th to the 90th percentile, strength from the stage when there is one, capacity from the number
 * of managers.
 */
export function defaultModel(inputs: ModelInputs): KamModel {
  const candidates: { name: string; source: AttractivenessFactor['source']; weight: number; values: number[] | undefined; lowerIsBetter: boolean; rating?: boolean }[] = [
    { name: 'Revenue', source: 'revenue', weight: 25, values: inputs.fields.revenue, lowerIsBetter: false },
    { name: 'Growth', source: 'growth', weight: 20, values: inputs.fields.growth, lowerIsBetter: false },
    { name: 'Gross margin', source: 'margin', weight: 25, values: inputs.fields.margin, lowerIsBetter: false },
    { name: 'Cost to serve', source: 'costToServe', weight: 10, values: inputs.fields.costToServe, lowerIsBetter: true },
  ];
  if (!inputs.fields.margin && inputs.fields.profit) {
    candidates.push({ name: 'Profit', source: 'profit', weight: 25, values: inputs.fields.profit, lowerIsBetter: false });
  }
  for (const [header, values] of Object.entries(inputs.columns)) {
    if (looksLikeRating(values)) {
      candidates.push({ name: header, source: `column:${header}`, weight: 20, values, lowerIsBetter: false, rating: true });
    }
  }
  const factors: AttractivenessFactor[] = [];
  for (const c of candidates) {
    if (!c.values || c.values.length === 0) continue;
    const scale = c.rating ? { worst: 0, best: 10 } : spreadScale(c.values, c.lowerIsBetter);
    if (scale) factors.push({ name: c.name, source: c.source, weight: c.weight, ...scale });
  }
  const total = factors.reduce((sum, f) => sum + f.weight, 0);
  // Show weights as points out of 100, rounded; the remainder goes to the first factor.
  if (total > 0) {
    for (const f of factors) f.weight = Math.round((f.weight * 100) / total);
    const drift = 100 - factors.reduce((sum, f) => sum + f.weight, 0);
    if (factors.length) factors[0].weight += drift;
  }
  return {
    version: 1,
    factors,
    // Without a stage column every account sits at parity until the user maps a strength source.
    strength: { kind: 'stage', byStage: { ...DEFAULT_STAGE_STRENGTH }, unknown: inputs.hasStage ? 0.75 : 1 },
    cuts: { attractiveness: 5, strength: 1 },
    capacity: {
      days: inputs.managers > 0 ? Math.min(inputs.managers * DAYS_PER_MANAGER, DEFAULT_TEAM_DAYS) : DEFAULT_TEAM_DAYS,
      costByStage: { ...DEFAULT_STAGE_COST },
      otherwise: 30,
      value: 'attractiveness',
    },
    lifetimeValue: { retention: 0.85, discountRate: 0.1, years: null },
    flags: { bigNameTopShare: 0.1, oldFriendYears: 10, attractivenessCut: 5 },
    limits: { keyAccounts: 50, perManager: 15 },
  };
}
