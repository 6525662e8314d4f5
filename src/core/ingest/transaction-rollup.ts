// Accounts from a transaction export: order lines rolled up per account as they stream past.

import type { AccountRecord } from './types';
import type { ColumnPlan } from './column-plan';
import type { RowValues } from './row-values';
import type { SerialDay } from './excel-serial';
import { isoFromSerial, serialFromYmd, ymdFromSerial } from './excel-serial';
import { accountKey } from './account-names';
import { cleanNumber } from './clean-number';
import { derivedProfit, orderedRecord } from './account-record';
import type { IngestIssue } from './messages';
import { issue } from './messages';

interface Rollup {
  name: string;
  /** Other spellings met (case, spaces), at most a few, to report. */
  spellings: Set<string>;
  revenue: number;
  profit: number;
  hasProfit: boolean;
  costToServe: number;
  hasCostToServe: boolean;
  lines: number;
  orderIds: Set<string> | null;
  /** Lines with no order number, each counted as an order of its own. */
  linesWithoutId: number;
  byYear: Map<number, number>;
  first: SerialDay | null;
  last: SerialDay | null;
  /** Text fields from the latest dated line: who manages the account now, not years ago. */
  latest: { at: SerialDay; accountId?: string; segment?: string; manager?: string; stage?: string };
  rows: number[];
}

const MAX_SPELLINGS = 5;

type LatestText = Rollup['latest'];
const LATEST_FIELDS = ['accountId', 'segment', 'manager', 'stage'] as const;

/** Later dated lines overwrite the text fields they have; undated lines only fill gaps. */
function takeText(latest: LatestText, text: RowValues['text'], date: SerialDay | null): void {
  const newer = date !== null && date >= latest.at;
  if (newer) latest.at = date;
  for (const field of LATEST_FIELDS) {
    const value = text[field];
    if (value !== undefined && (newer || latest[field] === undefined)) latest[field] = value;
  }
}

export class TransactionRollup {
  private readonly rollups = new Map<string, Rollup>();
  private readonly keyOf = new Map<string, string>();
  private firstDate: SerialDay | null = null;
  private lastDate: SerialDay | null = null;
  private readonly undatedRows: number[] = [];
  private undatedCount = 0;

  constructor(private readonly plan: ColumnPlan) {}

  add(values: RowValues, rowNumber: number): void {
    // Names repeat on every line of an account: fold each distinct spelling once.
    let key = this.keyOf.get(values.account);
    if (key === undefined) {
      key = accountKey(values.account);
      this.keyOf.set(values.account, key);
    }
    let rollup = this.rollups.get(key);
    if (rollup === undefined) {
      rollup = {
        name: values.account, spellings: new Set(), revenue: 0, profit: 0, hasProfit: false, costToServe: 0,
        hasCostToServe: false, lines: 0, orderIds: this.plan.roleColumn.orderId === undefined ? null : new Set(),
        linesWithoutId: 0, byYear: new Map(), first: null, last: null, latest: { at: -Infinity }, rows: [],
      };
      this.rollups.set(key, rollup);
    } else if (values.account !== rollup.name && rollup.spellings.size < MAX_SPELLINGS) {
      rollup.spellings.add(values.account);
    }
    rollup.rows.push(rowNumber);
    rollup.lines++;

    const { revenue = 0, profit, margin, costToServe } = values.numbers;
    rollup.revenue += revenue;
    // A profit column is taken as the export gives it; without one, a line's profit is derived from its
    // amount and margin, after its cost to serve.
    const lineProfit = profit ?? (margin !== undefined && this.plan.roleColumn.profit === undefined ? derivedProfit(revenue, margin, costToServe) : undefined);
    if (lineProfit !== undefined) {
      rollup.profit += lineProfit;
      rollup.hasProfit = true;
    }
    if (costToServe !== undefined) {
      rollup.costToServe += costToServe;
      rollup.hasCostToServe = true;
    }
    if (rollup.orderIds !== null) {
      const id = values.text.orderId;
      if (id === undefined) rollup.linesWithoutId++;
      else rollup.orderIds.add(id);
    }

    const date = values.date;
    takeText(rollup.latest, values.text, date);
    if (date === null) {
      if (this.plan.roleColumn.date !== undefined) {
        this.undatedCount++;
        if (this.undatedRows.length < 5) this.undatedRows.push(rowNumber);
      }
      return;
    }
    const year = ymdFromSerial(date).year;
    rollup.byYear.set(year, (rollup.byYear.get(year) ?? 0) + revenue);
    if (rollup.first === null || date < rollup.first) rollup.first = date;
    if (rollup.last === null || date > rollup.last) rollup.last = date;
    if (this.firstDate === null || date < this.firstDate) this.firstDate = date;
    if (this.lastDate === null || date > this.lastDate) this.lastDate = date;
  }

  /**
   * Growth compares the last two full calendar years in the file. A year is full when the file's
   * orders start on or before 31 January of it and end on or after 1 December of it (exports rarely
   * have orders on 1 January or 31 December themselves). Growth = revenue(last) / revenue(before) − 1,
   * left blank for an account with no revenue in the earlier year (a new account has no rate).
   */
  growthYears(): [number, number] | null {
    if (this.firstDate === null || this.lastDate === null) return null;
    const last = ymdFromSerial(this.lastDate);
    const lastFull = last.month === 12 ? last.year : last.year - 1;
    const before = lastFull - 1;
    return this.firstDate <= serialFromYmd(before, 1, 31)! ? [before, lastFull] : null;
  }

  finish(asOf: SerialDay | null, source: string): { accounts: AccountRecord[]; warnings: IngestIssue[] } {
    const warnings: IngestIssue[] = [];
    const years = this.growthYears();
    const accounts: AccountRecord[] = [];
    for (const rollup of this.rollups.values()) {
      const record: AccountRecord = { account: rollup.name, factors: {}, sourceRows: rollup.rows };
      const { accountId, segment, manager, stage } = rollup.latest;
      if (accountId !== undefined) record.accountId = accountId;
      if (segment !== undefined) record.segment = segment;
      if (manager !== undefined) record.manager = manager;
      if (stage !== undefined) record.stage = stage;
      record.revenue = cleanNumber(rollup.revenue);
      if (rollup.hasProfit) {
        record.profit = cleanNumber(rollup.profit);
        if (rollup.revenue > 0) record.margin = cleanNumber(rollup.profit / rollup.revenue);
      }
      if (rollup.hasCostToServe) record.costToServe = cleanNumber(rollup.costToServe);
      record.orders = rollup.orderIds === null ? rollup.lines : rollup.orderIds.size + rollup.linesWithoutId;
      if (rollup.byYear.size > 0) {
        record.revenueByYear = {};
        for (const year of [...rollup.byYear.keys()].sort((a, b) => a - b)) record.revenueByYear[year] = cleanNumber(rollup.byYear.get(year)!);
      }
      if (years !== null) {
        const earlier = rollup.byYear.get(years[0]) ?? 0;
        if (earlier > 0) record.growth = cleanNumber((rollup.byYear.get(years[1]) ?? 0) / earlier - 1);
      }
      if (rollup.first !== null && rollup.last !== null) {
        record.firstOrder = isoFromSerial(rollup.first);
        record.lastOrder = isoFromSerial(rollup.last);
        if (asOf !== null) record.tenure = Math.max(0, Math.round(((asOf - rollup.first) / 365.25) * 100) / 100);
      }
      if (rollup.spellings.size > 0) {
        warnings.push(issue('SPELLING_VARIANTS_MERGED', 'info', { source, names: [rollup.name, ...rollup.spellings] }, { rows: [rollup.rows[0]!] }));
      }
      accounts.push(orderedRecord(record));
    }
    if (years === null && this.firstDate !== null && this.lastDate !== null) {
      warnings.push(issue('GROWTH_NOT_COMPUTED', 'warning', { source, first: isoFromSerial(this.firstDate), last: isoFromSerial(this.lastDate) }));
    }
    const dateColumn = this.plan.roleColumn.date;
    if (this.undatedCount > 0 && dateColumn !== undefined) {
      const column = this.plan.columns[dateColumn]!;
      warnings.push(issue('UNDATED_ORDERS', 'warning', { source, column: column.ref, rows: this.undatedRows, count: this.undatedCount }, { rows: this.undatedRows, column: column.info.letter }));
    }
    return { accounts, warnings };
  }
}
