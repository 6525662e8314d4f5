// One account record with its fields in a fixed, readable order (for JSON output and golden files).

import type { AccountRecord } from './types';

const FIELD_ORDER: readonly (keyof AccountRecord)[] = [
  'account', 'accountId', 'segment', 'manager', 'stage', 'revenue', 'profit', 'margin', 'costToServe', 'growth',
  'tenure', 'orders', 'potential', 'shareOfWallet', 'revenueByYear', 'firstOrder', 'lastOrder', 'date', 'factors',
  'sourceRows',
];

export function orderedRecord(record: AccountRecord): AccountRecord {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) if (record[field] !== undefined) ordered[field] = record[field];
  return ordered as unknown as AccountRecord;
}
