// The streaming table reader: rows go in one at a time, clean account records come out at the end.

import type { SourceName } from './messages';
import type { RawCell } from './raw-cell';
import { cellText, isBlankRow } from './raw-cell';
import { foldText } from './fold-text';
import type { BufferedRow } from './header-row';
import { findHeaderRow } from './header-row';
import type { ColumnPlan } from './column-plan';
import { planColumns } from './column-plan';
import { RowReader } from './row-values';
import { summaryLabelOf, TotalsTracker } from './summary-rows';
import { CustomerList } from './customer-list';
import { TransactionRollup } from './transaction-rollup';
import { nearDuplicateWarnings } from './account-names';
import type { SerialDay } from './excel-serial';
import { isoFromSerial, serialFromDate, serialFromYmd } from './excel-serial';
import type { IngestIssue } from './messages';
import { issue, MESSAGES } from './messages';
import { english, phrase, render, type Phrase } from '../i18n';
import type { ColumnInfo, IngestOptions, IngestResult, SkippedRow } from './types';

export interface TableReader {
  /**
   * Hand over one sheet row (cells from column A, or from `firstColumn`), with its 1-based row
   * number; numbers must increase, gaps are blank rows. Rows are copied while they are needed.
   */
  push(row: readonly RawCell[], rowNumber: number): void;
  /** End of the table: returns the accounts, or the errors that prevented reading them. */
  finish(): IngestResult;
  /** Rows pushed so far, blank ones included. */
  readonly rowsRead: number;
}

const HEADER_SEARCH_ROWS = 30;
const SAMPLE_ROWS = 1000;

/**
 * Only the first rows are held: up to 30 non-blank rows to find the header, then up to 1000
 * data rows to settle how each column is written and whether the table is a customer list or a
 * transaction export. After that every row is read and folded into its account as it arrives,
 * so memory grows with the number of accounts, not the number of rows.
 */
export function createTableReader(options: IngestOptions = {}): TableReader {
  return new StreamingTableReader(options);
}

export interface IngestRowsOptions extends IngestOptions {
  /** Sheet row number of rows[0] (default 1), so messages give the rows the user sees. */
  firstRow?: number;
}

/** Read a small 2-D range in one call (the wizard's case): the same reader, fed all at once. */
export function ingestRows(rows: readonly (readonly RawCell[])[], options: IngestRowsOptions = {}): IngestResult {
  const reader = createTableReader(options);
  const first = options.firstRow ?? 1;
  rows.forEach((row, i) => reader.push(row, first + i));
  return reader.finish();
}

type Accounts = CustomerList | TransactionRollup;

class StreamingTableReader implements TableReader {
  rowsRead = 0;
  private phase: 'header' | 'sample' | 'body' | 'failed' | 'finished' = 'header';
  private readonly source: SourceName;
  private readonly headerSearchRows: number;
  private readonly sampleRows: number;
  private buffer: BufferedRow[] = [];
  private header: BufferedRow | null = null;
  private sample: BufferedRow[] = [];
  private lastPushed = 0;
  private sawValues = false;
  private errors: IngestIssue[] = [];
  private columns: ColumnInfo[] = [];
  private readonly skipped: SkippedRow[] = [];
  private body: { plan: ColumnPlan; rows: RowReader; accounts: Accounts; totals: TotalsTracker; lastRow: number } | null = null;

  constructor(private readonly options: IngestOptions) {
    this.source = options.sourceName ?? phrase('ingest.source.table');
    this.headerSearchRows = options.headerSearchRows ?? HEADER_SEARCH_ROWS;
    this.sampleRows = options.sampleRows ?? SAMPLE_ROWS;
  }

  push(row: readonly RawCell[], rowNumber: number): void {
    if (this.phase === 'finished') throw new Error('TableReader.push() was called after finish().');
    if (!(rowNumber > this.lastPushed)) throw new RangeError(`Row numbers must increase: got ${rowNumber} after ${this.lastPushed}.`);
    this.lastPushed = rowNumber;
    this.rowsRead++;
    if (this.phase === 'failed' || isBlankRow(row)) return;
    this.sawValues = true;
    if (this.phase === 'body') {
      this.readRow(row, rowNumber);
      return;
    }
    const buffered: BufferedRow = { cells: [...row], rowNumber };
    if (this.phase === 'sample') {
      this.sample.push(buffered);
      if (this.sample.length >= this.sampleRows) this.startBody();
      return;
    }
    const forced = this.options.headerRow;
    if (forced !== undefined) {
      if (rowNumber === forced) this.setHeader(buffered, []);
      else if (rowNumber > forced) this.fail(issue('NO_HEADER_ROW', 'error', { source: this.source, rowsSearched: forced }, { rows: [forced] }));
      return;
    }
    this.buffer.push(buffered);
    if (this.buffer.length >= this.headerSearchRows) this.findHeader();
  }

  finish(): IngestResult {
    if (this.phase === 'finished') throw new Error('TableReader.finish() was called twice.');
    if (this.phase === 'header') {
      if (!this.sawValues) this.fail(issue('EMPTY_TABLE', 'error', { source: this.source }));
      else if (this.options.headerRow !== undefined) {
        this.fail(issue('NO_HEADER_ROW', 'error', { source: this.source, rowsSearched: this.options.headerRow }));
      } else this.findHeader();
    }
    if (this.phase === 'sample') {
      if (this.sample.length === 0) this.fail(issue('NO_DATA_ROWS', 'error', { source: this.source, headerRow: this.header!.rowNumber }));
      else this.startBody();
    }
    const result = this.result();
    this.phase = 'finished';
    return result;
  }

  private fail(error: IngestIssue): void {
    this.errors.push(error);
    this.phase = 'failed';
    this.buffer = [];
    this.sample = [];
  }

  private findHeader(): void {
    const index = findHeaderRow(this.buffer);
    if (index === -1) {
      this.fail(issue('NO_HEADER_ROW', 'error', { source: this.source, rowsSearched: this.headerSearchRows }));
      return;
    }
    this.setHeader(this.buffer[index]!, this.buffer.slice(index + 1));
  }

  private setHeader(header: BufferedRow, following: BufferedRow[]): void {
    this.header = header;
    this.buffer = [];
    this.sample = following;
    this.phase = 'sample';
    if (this.sample.length >= this.sampleRows) this.startBody();
  }

  private startBody(): void {
    const planned = planColumns(this.header!, this.sample, this.options, this.source);
    if ('errors' in planned) {
      this.columns = planned.columns;
      this.errors.push(...planned.errors);
      this.phase = 'failed';
      this.sample = [];
      return;
    }
    const plan = planned.plan;
    this.columns = plan.columns.map((column) => column.info);
    this.body = {
      plan,
      rows: new RowReader(plan, this.source, this.options.dateObjects ?? 'utc'),
      accounts: plan.kind === 'customers' ? new CustomerList(plan) : new TransactionRollup(plan),
      totals: new TotalsTracker(plan.additiveColumns),
      lastRow: this.header!.rowNumber,
    };
    this.phase = 'body';
    const sample = this.sample;
    this.sample = [];
    for (const row of sample) this.readRow(row.cells, row.rowNumber);
  }

  private skip(code: SkippedRow['code'], row: number, text: Phrase, lastRow?: number): void {
    const reason = render(text, english);
    this.skipped.push(lastRow === undefined ? { row, code, reason, text } : { row, lastRow, code, reason, text });
  }

  private readRow(cells: readonly RawCell[], rowNumber: number): void {
    const body = this.body!;
    if (rowNumber > body.lastRow + 1) {
      const first = body.lastRow + 1;
      const last = rowNumber - 1;
      this.skip('BLANK_ROW', first, MESSAGES.BLANK_ROW({ row: first, lastRow: last }), last === first ? undefined : last);
    }
    body.lastRow = rowNumber;

    const name = body.rows.accountName(cells);
    if (this.repeatsHeader(cells, name)) {
      this.skip('REPEATED_HEADER', rowNumber, MESSAGES.REPEATED_HEADER({ row: rowNumber }));
      return;
    }
    const labelText = firstText(cells);
    const label = labelText === null ? null : summaryLabelOf(labelText);
    if (label === 'totals') {
      this.skip('TOTALS_ROW', rowNumber, MESSAGES.TOTALS_ROW({ row: rowNumber, label: labelText! }));
      body.totals.startSection();
      return;
    }
    if (label === 'summary') {
      this.skip('SUMMARY_ROW', rowNumber, MESSAGES.SUMMARY_ROW({ row: rowNumber, label: labelText! }));
      return;
    }
    const additive = body.rows.additive(cells, rowNumber);
    const { matching, differing } = body.totals.compare(additive);
    const addsUp = matching > 0 && differing === 0;
    // A named row must match on two columns to count as totals: one coincidence is too easy.
    if ((addsUp && (label === 'totals-prefix' || name === '')) || (name !== '' && matching >= 2 && differing === 0)) {
      this.skip('TOTALS_ROW', rowNumber, MESSAGES.TOTALS_ROW({ row: rowNumber, label: labelText ?? '' }));
      body.totals.startSection();
      return;
    }
    if (name === '') {
      const column = body.plan.columns[body.plan.roleColumn.account!]!;
      this.skip('NO_ACCOUNT_NAME', rowNumber, MESSAGES.NO_ACCOUNT_NAME({ row: rowNumber, column: column.ref }));
      return;
    }
    body.totals.addRow(additive);
    body.accounts.add(body.rows.read(cells, rowNumber, name, additive), rowNumber);
  }

  private repeatsHeader(cells: readonly RawCell[], name: string): boolean {
    const { plan } = this.body!;
    const headerName = plan.columns[plan.roleColumn.account!]!.info.header;
    if (name.length !== headerName.length) return false;
    return plan.foldedHeaders.every((folded, i) => folded === '' || foldText(cellText(cells[i])) === folded);
  }

  private asOf(): SerialDay | null {
    const given = this.options.asOf;
    if (given === undefined) return this.body?.rows.latestDate ?? null;
    let serial: SerialDay | null = null;
    if (given instanceof Date) serial = serialFromDate(given, 'utc');
    else if (typeof given === 'number') serial = Number.isFinite(given) ? Math.floor(given) : null;
    else {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(given);
      serial = match ? serialFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    }
    if (serial === null) throw new RangeError(`asOf must be an ISO date (yyyy-mm-dd), a Date or an Excel serial; got ${String(given)}.`);
    return serial;
  }

  private result(): IngestResult {
    const base = {
      kind: this.body?.plan.kind ?? (this.options.kind === 'transactions' ? 'transactions' : 'customers'),
      headerRow: this.header?.rowNumber ?? 0,
      columns: this.columns,
      skippedRows: this.skipped,
      rowsRead: this.rowsRead,
    } as const;
    const body = this.body;
    if (body === null || this.errors.length > 0) return { ...base, accounts: [], errors: this.errors, warnings: [] };

    const asOf = this.asOf();
    const finished = body.accounts.finish(asOf, this.source);
    const warnings = [...body.plan.notes, ...body.rows.issues(), ...finished.warnings, ...nearDuplicateWarnings(finished.accounts, this.source)];
    const errors: IngestIssue[] = [];
    if (finished.accounts.length === 0) errors.push(issue('NO_DATA_ROWS', 'error', { source: this.source, headerRow: base.headerRow }));
    const result: IngestResult = { ...base, accounts: errors.length > 0 ? [] : finished.accounts, errors, warnings };
    if (asOf !== null && finished.accounts.some((account) => account.tenure !== undefined)) result.asOf = isoFromSerial(asOf);
    if (body.accounts instanceof TransactionRollup) {
      const years = body.accounts.growthYears();
      if (years !== null) result.growthYears = years;
    }
    return result;
  }
}

/** The first non-blank cell when it is text: where a "Total" label sits. */
function firstText(cells: readonly RawCell[]): string | null {
  for (const cell of cells) {
    if (cell === null || cell === undefined || cell === '') continue;
    if (typeof cell !== 'string') return null;
    const text = cellText(cell);
    if (text === '') continue;
    // Every summary label starts with a plain letter; skip the folding work for everything else.
    return /^[a-zA-Z]/.test(text) ? text : null;
  }
  return null;
}
