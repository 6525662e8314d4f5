// Reading one data row into typed values, column by column, and tallying the cells that do not fit.

import type { SourceName } from './messages';
import type { RawCell } from './raw-cell';
import { cellText } from './raw-cell';
import type { ColumnPlan, PlannedColumn } from './column-plan';
import type { ColumnRole } from './column-roles';
import type { IngestIssue, IssueCode } from './messages';
import { issue } from './messages';
import { readNumberText } from './parse-number';
import { readDateCell, readDateText } from './parse-date';
import type { SerialDay } from './excel-serial';
import { MAX_SERIAL, serialFromDate, serialFromYmd } from './excel-serial';

export type NumberRole = 'revenue' | 'profit' | 'margin' | 'costToServe' | 'growth' | 'orders' | 'potential' | 'shareOfWallet' | 'effort';
export type TextRole = 'accountId' | 'segment' | 'manager' | 'stage' | 'orderId' | 'category';

const NUMBER_ROLES: readonly NumberRole[] = ['revenue', 'profit', 'margin', 'costToServe', 'growth', 'orders', 'potential', 'shareOfWallet', 'effort'];
const TEXT_ROLES: readonly TextRole[] = ['accountId', 'segment', 'manager', 'stage', 'orderId', 'category'];

/** Tenure as written: a number of years, a start year, or a start date. */
export type Tenure = { years: number } | { sinceYear: number } | { sinceSerial: SerialDay };

export interface RowValues {
  account: string;
  text: Partial<Record<TextRole, string>>;
  numbers: Partial<Record<NumberRole, number>>;
  date: SerialDay | null;
  tenure: Tenure | null;
  factors: (number | null)[];
  /** Values of the plan's additive columns, in the same order, for the totals check. */
  additive: (number | null)[];
}

interface Tally {
  code: Extract<IssueCode, 'NOT_A_NUMBER' | 'CELL_ERROR' | 'NOT_A_DATE'>;
  column: PlannedColumn;
  count: number;
  rows: number[];
  example: string;
}

interface Ambiguity {
  column: PlannedColumn;
  example: string;
  reading: number;
}

const TALLY_ROWS = 5;

export class RowReader {
  private readonly tallies = new Map<string, Tally>();
  private readonly ambiguousNumbers = new Map<number, Ambiguity>();
  private readonly ambiguousDates = new Map<number, Ambiguity>();
  /** Number roles with their column and, for additive ones, their place in `additive`. */
  private readonly numberColumns: { role: NumberRole; column: PlannedColumn; additiveAt: number }[];
  private readonly textColumns: [TextRole, number][];
  private readonly accountColumn: number;
  /** Latest date seen in any date or start-date cell: the default "as of" date for tenure. */
  latestDate: SerialDay | null = null;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly source: SourceName,
    private readonly zone: 'utc' | 'local',
  ) {
    const at = (role: ColumnRole) => plan.roleColumn[role];
    this.accountColumn = at('account')!;
    this.numberColumns = NUMBER_ROLES.flatMap((role) => {
      const index = at(role);
      return index === undefined ? [] : [{ role, column: plan.columns[index]!, additiveAt: plan.additiveColumns.indexOf(index) }];
    });
    this.textColumns = TEXT_ROLES.flatMap((role) => (at(role) === undefined ? [] : [[role, at(role)!] as [TextRole, number]]));
  }

  accountName(cells: readonly RawCell[]): string {
    return cellText(cells[this.accountColumn]);
  }

  /** Additive values only: enough to decide whether a row is a totals row before reading the rest. */
  additive(cells: readonly RawCell[], rowNumber: number): (number | null)[] {
    return this.plan.additiveColumns.map((index) => this.number(cells[index], this.plan.columns[index]!, rowNumber));
  }

  read(cells: readonly RawCell[], rowNumber: number, account: string, additive: (number | null)[]): RowValues {
    const values: RowValues = { account, text: {}, numbers: {}, date: null, tenure: null, factors: [], additive };
    for (const [role, index] of this.textColumns) {
      const text = cellText(cells[index]);
      if (text !== '') values.text[role] = text;
    }
    for (const { role, column, additiveAt } of this.numberColumns) {
      // Additive values were already read for the totals check; reading twice would tally twice.
      const value = additiveAt === -1 ? this.number(cells[column.info.index], column, rowNumber) : additive[additiveAt]!;
      if (value !== null) values.numbers[role] = value;
    }
    const dateColumn = this.plan.roleColumn.date;
    if (dateColumn !== undefined) values.date = this.date(cells[dateColumn], this.plan.columns[dateColumn]!, rowNumber);
    const tenureColumn = this.plan.roleColumn.tenure;
    if (tenureColumn !== undefined) values.tenure = this.tenure(cells[tenureColumn], this.plan.columns[tenureColumn]!, rowNumber);
    for (const index of this.plan.factorColumns) values.factors.push(this.number(cells[index], this.plan.columns[index]!, rowNumber));
    return values;
  }

  private number(cell: RawCell, column: PlannedColumn, rowNumber: number): number | null {
    if (cell === null || cell === undefined) return null;
    const points = column.percentScale === 'points';
    if (typeof cell === 'number') {
      if (Number.isNaN(cell)) return null;
      return points ? cell / 100 : cell;
    }
    if (typeof cell !== 'string') {
      this.tally('NOT_A_NUMBER', column, rowNumber, cellText(cell));
      return null;
    }
    const reading = readNumberText(cell, column.decimal);
    switch (reading.kind) {
      case 'blank':
        return null;
      case 'error':
        this.tally('CELL_ERROR', column, rowNumber, reading.text);
        return null;
      case 'invalid':
        this.tally('NOT_A_NUMBER', column, rowNumber, reading.text);
        return null;
      case 'number':
        if (reading.ambiguous && !column.decimalProven && !this.ambiguousNumbers.has(column.info.index)) {
          this.ambiguousNumbers.set(column.info.index, { column, example: cellText(cell), reading: reading.value });
        }
        return points && !reading.percent ? reading.value / 100 : reading.value;
    }
  }

  private date(cell: RawCell, column: PlannedColumn, rowNumber: number): SerialDay | null {
    const reading = readDateCell(cell, column.dateOrder, this.zone);
    if (reading.kind === 'blank') return null;
    if (reading.kind === 'invalid') {
      this.tally('NOT_A_DATE', column, rowNumber, reading.text);
      return null;
    }
    if (reading.ambiguous && !column.dateOrderProven && !this.ambiguousDates.has(column.info.index)) {
      this.ambiguousDates.set(column.info.index, { column, example: cellText(cell), reading: reading.serial });
    }
    this.seeDate(reading.serial);
    return reading.serial;
  }

  /**
   * Tenure cells: a whole number 1900–2100 is the year the relationship started, a larger one an
   * Excel serial date, a smaller one (under 150) a number of years; dates and date text are the
   * start date; "12 years" / "12 años" are years.
   */
  private tenure(cell: RawCell, column: PlannedColumn, rowNumber: number): Tenure | null {
    if (cell === null || cell === undefined) return null;
    let value: number | null = null;
    if (cell instanceof Date) {
      // A year typed into a date-formatted cell is stored as serial 2015 and shows as a 1905 date:
      // the serial is the year the user meant.
      value = serialFromDate(cell, this.zone);
    } else if (typeof cell === 'number') value = Number.isNaN(cell) ? null : cell;
    else if (typeof cell === 'string') {
      const text = cell.replace(/\s*(?:years?|yrs?|años|anos|a)\.?\s*$/i, '');
      const reading = readNumberText(text, column.decimal);
      if (reading.kind === 'blank') return null;
      if (reading.kind === 'number') value = reading.value;
      else {
        const date = readDateText(cell, column.dateOrder);
        if (date.kind === 'date') {
          this.seeDate(date.serial);
          return { sinceSerial: date.serial };
        }
      }
    }
    if (value !== null) {
      if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
        // A start year counts as its last day when finding the latest date, so it is never in the future.
        this.seeDate(serialFromYmd(value, 12, 31)!);
        return { sinceYear: value };
      }
      if (value > 2100 && value <= MAX_SERIAL) {
        this.seeDate(Math.floor(value));
        return { sinceSerial: Math.floor(value) };
      }
      if (value >= 0 && value < 150) return { years: value };
    }
    this.tally(column.info.valueType === 'date' ? 'NOT_A_DATE' : 'NOT_A_NUMBER', column, rowNumber, cellText(cell));
    return null;
  }

  private seeDate(serial: SerialDay): void {
    if (this.latestDate === null || serial > this.latestDate) this.latestDate = serial;
  }

  private tally(code: Tally['code'], column: PlannedColumn, rowNumber: number, example: string): void {
    const key = `${code}:${column.info.index}`;
    const tally = this.tallies.get(key) ?? { code, column, count: 0, rows: [], example };
    tally.count++;
    if (tally.rows.length < TALLY_ROWS) tally.rows.push(rowNumber);
    this.tallies.set(key, tally);
  }

  issues(): IngestIssue[] {
    const source = this.source;
    const found: IngestIssue[] = [];
    for (const t of this.tallies.values()) {
      found.push(issue(t.code, 'warning', { source, column: t.column.ref, rows: t.rows, count: t.count, example: t.example }, { rows: t.rows, column: t.column.info.letter }));
    }
    for (const a of this.ambiguousNumbers.values()) {
      found.push(issue('AMBIGUOUS_DECIMAL', 'warning', { source, column: a.column.ref, example: a.example, separator: a.column.decimal, reading: a.reading }, { column: a.column.info.letter }));
    }
    for (const a of this.ambiguousDates.values()) {
      found.push(issue('AMBIGUOUS_DATE_ORDER', 'warning', { source, column: a.column.ref, example: a.example, order: a.column.dateOrder }, { column: a.column.info.letter }));
    }
    return found;
  }
}
