// Accounts from a customer list: one row per account, exact duplicate names merged and reported.

import type { SourceName } from './messages';
import type { AccountRecord } from './types';
import type { ColumnPlan } from './column-plan';
import type { NumberRole, RowValues, Tenure } from './row-values';
import type { SerialDay } from './excel-serial';
import { isoFromSerial, yearOfSerial } from './excel-serial';
import { accountKey } from './account-names';
import { cleanNumber } from './clean-number';
import { derivedProfit, orderedRecord } from './account-record';
import type { IngestIssue } from './messages';
import { issue } from './messages';

/** Amounts and counts: a merged account has the sum. */
const ADDITIVE: readonly NumberRole[] = ['revenue', 'profit', 'costToServe', 'orders', 'potential'];
/** Ratios: a merged account has their revenue-weighted mean (the first value if no revenue). */
const RATIOS = ['margin', 'growth', 'shareOfWallet'] as const;
type Ratio = (typeof RATIOS)[number];

interface Draft {
  record: AccountRecord;
  ratios: Partial<Record<Ratio, { first: number; weighted: number; weight: number }>>;
  tenureYears?: number;
  sinceSerial?: SerialDay;
  sinceYear?: number;
}

export class CustomerList {
  private readonly drafts = new Map<string, Draft>();

  constructor(private readonly plan: ColumnPlan) {}

  add(values: RowValues, rowNumber: number): void {
    const key = accountKey(values.account);
    let draft = this.drafts.get(key);
    if (draft === undefined) {
      draft = { record: { account: values.account, factors: {}, sourceRows: [] }, ratios: {} };
      this.plan.factorNames.forEach((name) => (draft!.record.factors[name] = null));
      this.drafts.set(key, draft);
    }
    const record = draft.record;
    record.sourceRows.push(rowNumber);

    for (const [role, text] of Object.entries(values.text) as [keyof RowValues['text'], string][]) {
      if (role !== 'orderId' && role !== 'category' && record[role] === undefined) record[role] = text;
    }
    for (const role of ADDITIVE) {
      const value = values.numbers[role];
      if (value !== undefined) record[role] = (record[role] ?? 0) + value;
    }
    // Effort is what the account needs, not an amount that adds up: a duplicate row keeps the first.
    if (values.numbers.effort !== undefined && record.effort === undefined) record.effort = values.numbers.effort;
    const revenue = values.numbers.revenue;
    for (const role of RATIOS) {
      const value = values.numbers[role];
      if (value === undefined) continue;
      const ratio = (draft.ratios[role] ??= { first: value, weighted: 0, weight: 0 });
      if (revenue !== undefined && revenue > 0) {
        ratio.weighted += value * revenue;
        ratio.weight += revenue;
      }
    }
    if (values.date !== null && record.date === undefined) record.date = isoFromSerial(values.date);
    if (values.tenure !== null) mergeTenure(draft, values.tenure);
    this.plan.factorNames.forEach((name, i) => {
      const value = values.factors[i];
      if (record.factors[name] === null && value !== null && value !== undefined) record.factors[name] = value;
    });
  }

  /** Finished records, in the order accounts first appear, and the duplicate warnings. */
  finish(asOf: SerialDay | null, source: SourceName): { accounts: AccountRecord[]; warnings: IngestIssue[] } {
    const accounts: AccountRecord[] = [];
    const warnings: IngestIssue[] = [];
    const deriveProfit = this.plan.roleColumn.profit === undefined && this.plan.roleColumn.revenue !== undefined && this.plan.roleColumn.margin !== undefined;
    for (const draft of this.drafts.values()) {
      const record = draft.record;
      for (const role of ADDITIVE) if (record[role] !== undefined) record[role] = cleanNumber(record[role]!);
      const ratios: Partial<Record<Ratio, number>> = {};
      for (const role of RATIOS) {
        const ratio = draft.ratios[role];
        if (ratio === undefined) continue;
        ratios[role] = record.sourceRows.length > 1 && ratio.weight > 0 ? ratio.weighted / ratio.weight : ratio.first;
        record[role] = cleanNumber(ratios[role]!);
      }
      if (deriveProfit && record.revenue !== undefined && ratios.margin !== undefined) {
        record.profit = cleanNumber(derivedProfit(record.revenue, ratios.margin, record.costToServe));
      }
      const tenure = tenureOf(draft, asOf);
      if (tenure !== undefined) record.tenure = tenure;
      if (record.sourceRows.length > 1) {
        warnings.push(issue('DUPLICATE_ACCOUNT_MERGED', 'warning', { source, account: record.account, rows: record.sourceRows }, { rows: [...record.sourceRows] }));
      }
      accounts.push(orderedRecord(record));
    }
    if (deriveProfit) {
      const [revenue, margin, cts] = (['revenue', 'margin', 'costToServe'] as const).map((role) => this.plan.roleColumn[role]);
      warnings.push(
        issue('PROFIT_DERIVED', 'info', {
          revenue: this.plan.columns[revenue!]!.ref,
          margin: this.plan.columns[margin!]!.ref,
          costToServe: cts === undefined ? null : this.plan.columns[cts]!.ref,
        }),
      );
    }
    return { accounts, warnings };
  }
}

/** A merged account keeps the longest relationship: the most years, the earliest start. */
function mergeTenure(draft: Draft, tenure: Tenure): void {
  if ('years' in tenure) draft.tenureYears = Math.max(draft.tenureYears ?? 0, tenure.years);
  else if ('sinceYear' in tenure) draft.sinceYear = Math.min(draft.sinceYear ?? Infinity, tenure.sinceYear);
  else draft.sinceSerial = Math.min(draft.sinceSerial ?? Infinity, tenure.sinceSerial);
}

/**
 * Years as a customer at `asOf`: a start year counts whole years (2015 → asOf's year − 2015), a
 * start date counts days / 365.25 rounded to two decimals; never negative.
 */
function tenureOf(draft: Draft, asOf: SerialDay | null): number | undefined {
  const candidates: number[] = [];
  if (draft.tenureYears !== undefined) candidates.push(draft.tenureYears);
  if (asOf !== null && draft.sinceYear !== undefined) candidates.push(Math.max(0, yearOfSerial(asOf) - draft.sinceYear));
  if (asOf !== null && draft.sinceSerial !== undefined) {
    candidates.push(Math.max(0, Math.round(((asOf - draft.sinceSerial) / 365.25) * 100) / 100));
  }
  return candidates.length === 0 ? undefined : Math.max(...candidates);
}
