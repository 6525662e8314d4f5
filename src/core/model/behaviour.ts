// Relative strength when no rating and no stage exist: a proxy from what the customer's orders show
// (tenure, order frequency, recency, breadth, trend), ranked across the portfolio.
import { english, type MessageId, type Translate } from '../i18n';
import type { ModelAccount } from './account-values';

export type BehaviourSignal = 'tenure' | 'frequency' | 'recency' | 'breadth' | 'trend';

export interface SignalInfo {
  signal: BehaviourSignal;
  /** How users see it on the model sheet and in the wizard. */
  label: string;
  /** Fewer is stronger (days since the last order). */
  lowerIsStronger: boolean;
}

/** What a signal measures, in the reader's language. */
export const signalLabel = (signal: BehaviourSignal, t: Translate = english): string => t(`signal.${signal}` as MessageId);

export const BEHAVIOUR_SIGNALS: readonly SignalInfo[] = [
  { signal: 'tenure', label: signalLabel('tenure'), lowerIsStronger: false },
  { signal: 'frequency', label: signalLabel('frequency'), lowerIsStronger: false },
  { signal: 'recency', label: signalLabel('recency'), lowerIsStronger: true },
  { signal: 'breadth', label: signalLabel('breadth'), lowerIsStronger: false },
  { signal: 'trend', label: signalLabel('trend'), lowerIsStronger: false },
];

/**
 * Default weights: frequency counts most (a customer who orders often is a working relationship), tenure,
 * recency and trend next, breadth a little less (not every export says what was bought).
 */
export const DEFAULT_BEHAVIOUR_WEIGHTS: Readonly<Record<BehaviourSignal, number>> = { tenure: 20, frequency: 25, recency: 20, breadth: 15, trend: 20 };

/** The proxy runs from LOW (weakest relationship in every signal) to LOW + 1 (strongest in every one). */
export const PROXY_LOW = 0.5;

/** An account's value for a signal, or null when its data does not say. */
export function signalValue(account: ModelAccount, signal: BehaviourSignal): number | null {
  const value =
    signal === 'tenure' ? account.tenure
    : signal === 'frequency' ? account.ordersPerYear ?? account.orders
    : signal === 'recency' ? account.daysSinceLastOrder
    : signal === 'breadth' ? account.categories
    : account.trend;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Signals that tell accounts apart: at least two accounts have a value and the values are not all equal. */
export function usableSignals(accounts: readonly ModelAccount[]): BehaviourSignal[] {
  return BEHAVIOUR_SIGNALS.map((s) => s.signal).filter((signal) => {
    const values = accounts.map((a) => signalValue(a, signal)).filter((v): v is number => v !== null);
    return values.length >= 2 && values.some((v) => v !== values[0]);
  });
}

/**
 * Each value's place among the others, 0 (lowest) to 1 (highest), ties sharing the middle of their
 * places: raising one account's value can only raise its own place.
 */
function ranks(values: (number | null)[]): (number | null)[] {
  const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null).sort((a, b) => a.v - b.v);
  const out: (number | null)[] = values.map(() => null);
  const n = present.length;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && present[end + 1]!.v === present[start]!.v) end++;
    const place = n === 1 ? 0.5 : (start + end) / 2 / (n - 1);
    for (let k = start; k <= end; k++) out[present[k]!.i] = place;
    start = end + 1;
  }
  return out;
}

/**
 * The behavioural strength proxy per account: for each usable signal the account's place among the
 * accounts (reversed for recency), averaged with the weights over the signals the account has; then the
 * account's place on that average, put on PROXY_LOW … PROXY_LOW + 1 (0.5 … 1.5, the span of the stage proxy
 * from Exploratory to Integrated), rounded to 3 decimals. 1 is the portfolio's middle relationship, not parity
 * with a rival: it is a proxy. Null for an account none of whose signals is known.
 */
export function behaviourStrengths(accounts: readonly ModelAccount[], weights: Partial<Record<BehaviourSignal, number>>): (number | null)[] {
  const usable = usableSignals(accounts).filter((s) => (weights[s] ?? 0) > 0);
  const placed = usable.map((signal) => {
    const info = BEHAVIOUR_SIGNALS.find((s) => s.signal === signal)!;
    const r = ranks(accounts.map((a) => signalValue(a, signal)));
    return { weight: weights[signal]!, places: info.lowerIsStronger ? r.map((p) => (p === null ? null : 1 - p)) : r };
  });
  const composite = accounts.map((_, i) => {
    let sum = 0;
    let total = 0;
    for (const { weight, places } of placed) {
      const p = places[i];
      if (p === null || p === undefined) continue;
      sum += weight * p;
      total += weight;
    }
    return total > 0 ? sum / total : null;
  });
  // An average of places crowds around the middle; the account's place on that average spreads the proxy over
  // the whole span, so the matrix separates accounts across. Both steps keep it monotone in every signal.
  return ranks(composite).map((p) => (p === null ? null : Math.round((PROXY_LOW + p) * 1000) / 1000));
}
