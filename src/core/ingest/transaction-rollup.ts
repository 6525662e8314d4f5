// Accounts from a transaction export: order lines rolled up per account as they stream past.

import type { SourceName } from './messages';
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
import { foldText } from './fold-text';
import { median } from './column-profile';

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
  latest: { at: SerialDay; accountId?: string; segment?: string; manager?: string; stage?: string; effort?: number };
  /** Distinct product categories bought (folded), when the export has a category column. */
  categories: Set<string> | null;
  /** The first segment value met, and whether another one was met later. */
  firstSegment: string | undefined;
  segmentChanged: boolean;
  rows: number[];
}

const MAX_SPELLINGS = 5;
/** Categories counted per customer: beyond this the breadth signal is saturated anyway. */
const MAX_CATEGORIES = 1000;
/**
 * Growth needs a base that means something. The earlier year is too small a base when the customer
 * started buying after its first quarter (a part year against a full one), or when it bought less than
 * this share of the median customer's revenue that year: +195,000 % from a first order of 3 says nothing,
 * and it would set the top of the growth scale. Such a rise is left blank ("no growth figure").
 */
export const SMALL_BASE_SHARE = 0.1;
/** Month and day after which a first order makes the earlier year a part year (31 March). */
const FULL_YEAR_START = { month: 3, day: 31 };

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
        linesWithoutId: 0, byYear: new Map(), first: null, last: null, latest: { at: -Infinity },
        categories: this.plan.roleColumn.category === undefined ? null : new Set(), firstSegment: undefined, segmentChanged: false, rows: [],
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

    const category = values.text.category;
    if (category !== undefined && rollup.categories !== null && rollup.categories.size < MAX_CATEGORIES) rollup.categories.add(foldText(category));
    const segment = values.text.segment;
    if (segment !== undefined) {
      if (rollup.firstSegment === undefined) rollup.firstSegment = foldText(segment);
      else if (rollup.firstSegment !== foldText(segment)) rollup.segmentChanged = true;
    }

    const date = values.date;
    takeText(rollup.latest, values.text, date);
    const effort = values.numbers.effort;
    if (effort !== undefined && (date === null ? rollup.latest.effort === undefined : date >= rollup.latest.at)) rollup.latest.effort = effort;
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

  /**
   * The smallest earlier-year revenue growth is computed from: a tenth of the median customer's revenue
   * that year (customers with none left out). Null when no customer bought that year.
   */
  private smallBase(year: number): number | null {
    const bases = [...this.rollups.values()].map((r) => r.byYear.get(year) ?? 0).filter((v) => v > 0);
    return bases.length ? SMALL_BASE_SHARE * median(bases)! : null;
  }

  finish(asOf: SerialDay | null, source: SourceName): { accounts: AccountRecord[]; warnings: IngestIssue[] } {
    const warnings: IngestIssue[] = [];
    const years = this.growthYears();
    const smallBase = years === null ? null : this.smallBase(years[0]);
    const partYearAfter = years === null ? null : serialFromYmd(years[0], FULL_YEAR_START.month, FULL_YEAR_START.day)!;
    const noGrowth: { name: string; rate: number }[] = [];
    let mixedSegments = 0;
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
      if (rollup.latest.effort !== undefined) record.effort = rollup.latest.effort;
      if (years !== null) {
        const earlier = rollup.byYear.get(years[0]) ?? 0;
        const later = rollup.byYear.get(years[1]) ?? 0;
        if (earlier + later > 0) record.trend = cleanNumber((later - earlier) / (earlier + later));
        if (earlier > 0) {
          const rate = later / earlier - 1;
          const partYear = rollup.first !== null && rollup.first > partYearAfter!;
          // Only a rise is suppressed: a fall is bounded (−100 % at most) and a customer who stopped buying is news.
          if (rate > 0 && (partYear || earlier < smallBase!)) noGrowth.push({ name: rollup.name, rate });
          else record.growth = cleanNumber(rate);
        }
      }
      if (rollup.first !== null && rollup.last !== null) {
        record.firstOrder = isoFromSerial(rollup.first);
        record.lastOrder = isoFromSerial(rollup.last);
        if (asOf !== null) {
          const years = Math.max(0, (asOf - rollup.first) / 365.25);
          record.tenure = Math.round(years * 100) / 100;
          // Frequency over at least a year, so a customer with three orders in its first month is not "36 a year".
          record.ordersPerYear = cleanNumber(record.orders / Math.max(1, years));
          record.daysSinceLastOrder = Math.max(0, asOf - rollup.last);
        }
      }
      if (rollup.categories !== null) record.categories = rollup.categories.size;
      if (rollup.segmentChanged) mixedSegments++;
      if (rollup.spellings.size > 0) {
        warnings.push(issue('SPELLING_VARIANTS_MERGED', 'info', { source, names: [rollup.name, ...rollup.spellings] }, { rows: [rollup.rows[0]!] }));
      }
      accounts.push(orderedRecord(record));
    }
    if (noGrowth.length > 0) {
      noGrowth.sort((a, b) => b.rate - a.rate);
      warnings.push(issue('GROWTH_SMALL_BASE', 'warning', {
        source, count: noGrowth.length, names: noGrowth.map((n) => n.name), years: years!, smallBase: smallBase!, largest: noGrowth[0]!.rate,
      }));
    }
    const segmentColumn = this.plan.roleColumn.segment;
    if (mixedSegments > 0 && segmentColumn !== undefined) {
      const column = this.plan.columns[segmentColumn]!;
      warnings.push(issue('SEGMENT_MIXED', 'warning', { source, column: column.ref, count: mixedSegments }, { column: column.info.letter }));
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
