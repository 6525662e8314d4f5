// What the model reads from an account: a factor's raw value, profit after cost to serve, the value a
// missing factor is scored at, and each account field's name. The portfolio, the workbook the wizard
// writes and the command line all read accounts through these.
import { derivedProfit } from '../ingest/account-record';
import type { AccountRecord } from '../ingest/types';
import type { AccountField, AttractivenessFactor, FactorSource } from './model';
import { english, type MessageId, type Translate } from '../i18n';

/** What the model needs from an account: the fields of an ingested account record it reads. */
export type ModelAccount = Pick<AccountRecord, 'account'> &
  Partial<Pick<AccountRecord,
    | 'segment' | 'manager' | 'stage' | 'revenue' | 'profit' | 'margin' | 'costToServe' | 'growth' | 'tenure' | 'orders' | 'effort'
    | 'ordersPerYear' | 'daysSinceLastOrder' | 'categories' | 'trend' | 'factors' | 'sourceRows'>>;

/** An account field as users name it, in their language (column headers, model sheet, wizard). */
export const fieldLabel = (field: AccountField, t: Translate = english): string => t(`field.${field}` as MessageId);

/** Account fields as users name them, in English. */
export const FIELD_LABELS = Object.fromEntries(
  (['revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'orders', 'effort'] as const).map((f) => [f, fieldLabel(f)]),
) as Record<AccountField, string>;

const COLUMN_PREFIX = 'column:';

/** The raw value of a factor source for an account, or null when the account has none. */
export function factorValue(account: ModelAccount, source: FactorSource): number | null {
  const value = source.startsWith(COLUMN_PREFIX) ? account.factors?.[source.slice(COLUMN_PREFIX.length)] : account[source as AccountField];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A factor source in the user's words: the field's name (in their language), or the column's header. */
export function sourceLabel(source: FactorSource, t: Translate = english): string {
  return source.startsWith(COLUMN_PREFIX) ? source.slice(COLUMN_PREFIX.length) : fieldLabel(source as AccountField, t);
}

/** The header of the source column a factor source names, or null for an account field. */
export function sourceColumn(source: FactorSource): string | null {
  return source.startsWith(COLUMN_PREFIX) ? source.slice(COLUMN_PREFIX.length) : null;
}

/** Profit after cost to serve: the account's own profit, else revenue × margin − cost to serve; null when neither is known. */
export function accountProfit(account: ModelAccount): number | null {
  if (typeof account.profit === 'number') return account.profit;
  if (typeof account.revenue === 'number' && typeof account.margin === 'number') return derivedProfit(account.revenue, account.margin, account.costToServe);
  return null;
}

/**
 * The raw value scored for an account with no value for a factor (a new customer has no growth yet):
 * the middle of the factor's scale, 5 of 10 — neither rewarded nor punished for what is not known. On a
 * log scale the middle is the geometric mean of the anchors.
 */
export function missingFactorValue(factor: Pick<AttractivenessFactor, 'worst' | 'best' | 'scale'>): number {
  return factor.scale === 'log' ? Math.sqrt(factor.worst * factor.best) : (factor.worst + factor.best) / 2;
}

/** KAM_SCORE's scales argument for the factors: worst, best and each factor's "linear" or "log". */
export function scoreScales(factors: readonly Pick<AttractivenessFactor, 'worst' | 'best' | 'scale'>[]): (number | string)[][] {
  return [factors.map((f) => f.worst), factors.map((f) => f.best), factors.map((f) => f.scale ?? 'linear')];
}
