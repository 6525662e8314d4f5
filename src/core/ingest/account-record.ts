// One account record with its fields in a fixed, readable order (for JSON output and golden files).

import type { AccountRecord } from './types';

const FIELD_ORDER: readonly (keyof AccountRecord)[] = [
  'account', 'accountId', 'segment', 'manager', 'stage', 'revenue', 'profit', 'margin', 'costToServe', 'growth',
  'tenure', 'orders', 'effort', 'categories', 'ordersPerYear', 'daysSinceLastOrder', 'trend', 'potential', 'shareOfWallet',
  'revenueByYear', 'firstOrder', 'lastOrder', 'date', 'factors', 'sourceRows',
];

export function orderedRecord(record: AccountRecord): AccountRecord {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) if (record[field] !== undefined) ordered[field] = record[field];
  return ordered as unknown as AccountRecord;
}

/**
 * Profit after cost to serve, derived when the data has no profit of its own: revenue × gross margin −
 * cost to serve (a missing cost to serve counts as none). The one definition: ingest, the portfolio
 * and the workbook the wizard writes all derive profit through it.
 */
export function derivedProfit(revenue: number, margin: number, costToServe: number | undefined | null): number {
  return revenue * margin - (costToServe ?? 0);
}
