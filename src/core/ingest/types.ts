// The shapes ingest takes and returns: options, account records and the ingest result.

import type { ColumnRole, RoleMapping } from './column-roles';
import type { ValueType } from './column-profile';
import type { DecimalSeparator } from './parse-number';
import type { DateOrder } from './parse-date';
import type { IngestIssue, IssueCode, SourceName } from './messages';
import type { Phrase } from '../i18n';

export type TableKind = 'customers' | 'transactions';

export interface IngestOptions {
  /** Force a customer list or a transaction export; by default it is detected (see table-kind). */
  kind?: TableKind | 'auto';
  /** Explicit column per role by header text or column letter, e.g. { account: 'Razón social' }. */
  mapping?: RoleMapping;
  /** 1-based row number of the header row, when the detection gets it wrong. */
  headerRow?: number;
  /** Force the decimal separator of all number columns ("1,234" then reads one way only). */
  decimalSeparator?: DecimalSeparator;
  /** Force the order of day and month in dates written as text ("03/04/2024"). */
  dateOrder?: DateOrder;
  /**
   * Used only when nothing in the file settles it (default "."): hosts pass the user's locale, the
   * CSV reader passes "," for ";"-separated files, as written where the comma is the decimal mark.
   */
  defaultDecimalSeparator?: DecimalSeparator;
  /** Used only when no date in the file settles it (default "DMY", day first as in most countries). */
  defaultDateOrder?: DateOrder;
  /**
   * The date tenure is measured to: ISO text, a Date or an Excel serial. By default the latest date
   * in the table, so the same file always gives the same result.
   */
  asOf?: string | Date | number;
  /** How Date objects are to be read: by their UTC date (exceljs, Office) or local date (Apps Script). */
  dateObjects?: 'utc' | 'local';
  /** How messages name the table, e.g. 'customers.xlsx, sheet "Accounts"'. Default "the table". */
  sourceName?: SourceName;
  /** 0-based sheet column of the first cell of each row, so messages give the right column letters. */
  firstColumn?: number;
  /** Non-blank rows searched for the header row (default 30). */
  headerSearchRows?: number;
  /** Data rows studied before the column formats and the table kind are fixed (default 1000). */
  sampleRows?: number;
}

/** One account, in the users' words. Money is in the file's currency; ratios are fractions (0.12 = 12 %). */
export interface AccountRecord {
  account: string;
  accountId?: string;
  segment?: string;
  manager?: string;
  revenue?: number;
  profit?: number;
  /** Gross margin as a fraction of revenue. */
  margin?: number;
  costToServe?: number;
  /** Revenue growth year on year, as a fraction. */
  growth?: number;
  /** Years as a customer. */
  tenure?: number;
  stage?: string;
  orders?: number;
  /** Team days a year the account needs as a key account (an effort column). */
  effort?: number;
  /** Transaction exports: how many different product categories the customer bought (a category column). */
  categories?: number;
  /** Transaction exports: orders a year over the customer's tenure (counted over at least one year). */
  ordersPerYear?: number;
  /** Transaction exports: days from the customer's last order to the as-of date. */
  daysSinceLastOrder?: number;
  /**
   * Transaction exports: revenue change between the two years growth compares, as (last − before) /
   * (last + before), from −1 (stopped buying) to 1 (new): bounded, so a tiny base cannot make a spike.
   */
  trend?: number;
  /** The account's total spend in the category (bubble size in the portfolio matrix). */
  potential?: number;
  shareOfWallet?: number;
  /** Revenue per calendar year (transaction exports). */
  revenueByYear?: Record<number, number>;
  /** First and last order dates, ISO yyyy-mm-dd (transaction exports). */
  firstOrder?: string;
  lastOrder?: string;
  /** The row's date column, ISO yyyy-mm-dd (customer lists that have one). */
  date?: string;
  /** Other numeric columns by header, usable as attractiveness factors (customer lists). */
  factors: Record<string, number | null>;
  /** 1-based sheet rows this account was read from. */
  sourceRows: number[];
}

export interface ColumnInfo {
  /** 0-based position in the row. */
  index: number;
  letter: string;
  header: string;
  role: ColumnRole | null;
  /** Kept as an extra numeric factor (a numeric column with no role, customer lists only). */
  factor: boolean;
  valueType: ValueType;
  /** For number columns read from text: the decimal separator used. */
  decimalSeparator?: DecimalSeparator;
  /** For date columns read from text: the order of day and month used. */
  dateOrder?: DateOrder;
  /** For margin, growth and share of wallet: whether plain numbers were fractions or points. */
  percentScale?: 'fraction' | 'points';
}

export type SkipCode = Extract<IssueCode, 'BLANK_ROW' | 'TOTALS_ROW' | 'SUMMARY_ROW' | 'NO_ACCOUNT_NAME' | 'REPEATED_HEADER'>;

export interface SkippedRow {
  row: number;
  /** Set for a run of blank rows: the last row of the run. */
  lastRow?: number;
  code: SkipCode;
  /** Why, in English; `text` says it in the reader's language. */
  reason: string;
  text: Phrase;
}

export interface IngestResult {
  kind: TableKind;
  /** 1-based row of the header row; 0 when none was found. */
  headerRow: number;
  columns: ColumnInfo[];
  accounts: AccountRecord[];
  /** Problems that stopped the table being read; when not empty, `accounts` is empty. */
  errors: IngestIssue[];
  /** Things read with an assumption or merged, and notes on how the table was read. */
  warnings: IngestIssue[];
  skippedRows: SkippedRow[];
  /** Rows handed to the reader, blank ones included. */
  rowsRead: number;
  /** Date tenure was measured to (ISO), when any tenure was computed. */
  asOf?: string;
  /** The two calendar years growth compares (transaction exports). */
  growthYears?: [number, number];
}
