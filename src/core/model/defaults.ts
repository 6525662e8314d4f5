// The default model for a workbook: factors, scales, strength and capacity derived from the columns present.
import type { AccountRecord } from '../ingest/types';
import { ACCOUNT_FIELDS, AccountField, AttractivenessFactor, DAYS_PER_MANAGER, DEFAULT_STAGE_COST, DEFAULT_STAGE_STRENGTH, DEFAULT_TEAM_DAYS, KamModel } from './model';

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
