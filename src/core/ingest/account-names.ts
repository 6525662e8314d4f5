// Keys that decide when two account names are the same account, or probably the same.

import type { SourceName } from './messages';
import { foldText } from './fold-text';
import type { IngestIssue } from './messages';
import { issue } from './messages';
import type { AccountRecord } from './types';

/** Same account: identical once trimmed, spaces collapsed and case folded ("ACME  Ltd " = "Acme Ltd"). */
export function accountKey(name: string): string {
  return name.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** Legal-form words that do not change which company is meant (English and Spanish-speaking forms). */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'corp', 'corporation', 'co', 'company', 'plc', 'gmbh',
  'ag', 'sa', 'sl', 'slu', 'sau', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'pty', 'kg', 'cia', 'sacv',
  'sadecv', 'saa', 'sac', 'ltda', 'cv', 'de', 'group', 'grupo', 'holding', 'holdings', 'the', 'y', 'and',
]);

/**
 * Probably the same account: also ignoring accents, punctuation, "&"/"and" and legal forms, so
 * "Acme Inc." and "ACME, Inc" share a key. Used only to warn, never to merge.
 */
export function nearAccountKey(name: string): string {
  const words = foldText(name)
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  const kept = words.filter((word) => !LEGAL_FORMS.has(word));
  return (kept.length > 0 ? kept : words).join('');
}

/**
 * One warning for all the accounts kept apart whose names probably mean the same customer: a list of
 * 800 customers can hold dozens of "X S.A." / "X S.L." pairs, which read better as one grouped note.
 */
export function nearDuplicateWarnings(accounts: readonly AccountRecord[], source: SourceName): IngestIssue[] {
  const groups = new Map<string, AccountRecord[]>();
  for (const account of accounts) {
    const key = nearAccountKey(account.account);
    const group = groups.get(key);
    if (group) group.push(account);
    else groups.set(key, [account]);
  }
  const found: { names: string[]; rows: number[] }[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    found.push({ names: group.map((a) => a.account), rows: group.map((account) => account.sourceRows[0]!).sort((a, b) => a - b) });
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.rows[0]! - b.rows[0]!);
  const rows = found.flatMap((g) => g.rows).sort((a, b) => a - b);
  return [issue('NEAR_DUPLICATE_ACCOUNTS', 'warning', { source, groups: found }, { rows })];
}
