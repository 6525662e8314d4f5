// Deciding, from the header row and a sample of data rows, how every column will be read.

import type { SourceName } from './messages';
import type { RawCell } from './raw-cell';
import { cellText, columnLetter } from './raw-cell';
import { foldText } from './fold-text';
import type { ColumnProfile, ValueType } from './column-profile';
import { decideDateOrder, decideDecimalSeparator, emptyProfile, percentScaleOf, profileCell, valueTypeOf } from './column-profile';
import type { ColumnRole, RoleMapping } from './column-roles';
import { ADDITIVE_ROLES, PERCENT_ROLES, TEXT_ROLES, assignRoles } from './column-roles';
import { accountKey } from './account-names';
import type { ColumnRef, IngestIssue } from './messages';
import { issue } from './messages';
import type { DecimalSeparator } from './parse-number';
import type { DateOrder } from './parse-date';
import type { BufferedRow } from './header-row';
import type { ColumnInfo, IngestOptions, TableKind } from './types';

export interface PlannedColumn {
  info: ColumnInfo;
  ref: ColumnRef;
  decimal: DecimalSeparator;
  decimalProven: boolean;
  dateOrder: DateOrder;
  dateOrderProven: boolean;
  percentScale: 'fraction' | 'points';
}

export interface ColumnPlan {
  kind: TableKind;
  columns: PlannedColumn[];
  /** Column index per role. */
  roleColumn: Partial<Record<ColumnRole, number>>;
  /** Columns kept as factors, and the names they go by in AccountRecord.factors. */
  factorColumns: number[];
  factorNames: string[];
  /** Columns with additive roles, checked against totals rows. */
  additiveColumns: number[];
  /** The header cells folded, to recognise a header row repeated inside the data. */
  foldedHeaders: string[];
  notes: IngestIssue[];
}

/** A customer list repeats few names; an order export repeats them a lot (see detectKind). */
const REPEAT_SHARE_FOR_TRANSACTIONS = 0.2;

/**
 * Transaction export when the table has a date column and at least a fifth of the sampled rows
 * (and at least two) repeat an account already seen; otherwise a customer list, where the odd
 * repeated name is a duplicate to merge.
 */
function detectKind(sample: readonly BufferedRow[], accountColumn: number, hasDate: boolean): TableKind {
  if (!hasDate) return 'customers';
  const seen = new Set<string>();
  let named = 0;
  for (const row of sample) {
    const name = cellText(row.cells[accountColumn]);
    if (name === '') continue;
    named++;
    seen.add(accountKey(name));
  }
  const repeats = named - seen.size;
  return repeats >= Math.max(2, REPEAT_SHARE_FOR_TRANSACTIONS * named) ? 'transactions' : 'customers';
}

/**
 * A column with no header that counts the rows (0, 1, 2, … or 1, 2, 3, …) numbers them, as the
 * index pandas' DataFrame.to_excel writes in column A by default: not a measure to score accounts by.
 */
function isRowIndex(header: string, sample: readonly BufferedRow[], index: number): boolean {
  if (header !== '' || sample.length < 2) return false;
  const first = sample[0]!.cells[index];
  if (first !== 0 && first !== 1) return false;
  return sample.every((row, i) => row.cells[index] === first + i);
}

export function planColumns(
  header: BufferedRow,
  sample: readonly BufferedRow[],
  options: IngestOptions,
  source: SourceName,
): { plan: ColumnPlan } | { errors: IngestIssue[]; columns: ColumnInfo[] } {
  const firstColumn = options.firstColumn ?? 0;
  const width = Math.max(
    lastFilled(header.cells),
    ...sample.map((row) => lastFilled(row.cells)),
  );
  const headers: string[] = [];
  const letters: string[] = [];
  const profiles: ColumnProfile[] = [];
  for (let index = 0; index < width; index++) {
    headers.push(cellText(header.cells[index]));
    letters.push(columnLetter(index + firstColumn));
    profiles.push(emptyProfile());
  }
  for (const row of sample) {
    for (let index = 0; index < width; index++) profileCell(profiles[index]!, row.cells[index] as RawCell);
  }
  const types: ValueType[] = profiles.map(valueTypeOf);
  const refs: ColumnRef[] = headers.map((header, index) => ({ letter: letters[index]!, header }));
  const headerRow = header.rowNumber;
  const shownHeaders = headers.filter((h) => h !== '');

  const { roles, issues: roleIssues } = assignRoles(headers, types, letters, options.mapping);
  const errors: IngestIssue[] = [];
  const notes: IngestIssue[] = [];
  for (const problem of roleIssues) {
    if (problem.kind === 'mappingNotFound') {
      errors.push(issue('MAPPING_NOT_FOUND', 'error', { source, role: problem.role, header: problem.header, headerRow, headers: shownHeaders }, { rows: [headerRow] }));
    } else if (problem.kind === 'conflict') {
      notes.push(issue('ROLE_CONFLICT', 'warning', { source, role: problem.role, used: refs[problem.used]!, notUsed: problem.notUsed.map((i) => refs[i]!) }, { column: letters[problem.used]! }));
    } else {
      notes.push(issue('ROLE_WRONG_TYPE', 'warning', { source, role: problem.role, column: refs[problem.column]! }, { column: letters[problem.column]! }));
    }
  }

  // A "Margin" column of amounts is a margin in money: profit, unless the table has a profit column.
  const marginAt = roles.indexOf('margin');
  if (marginAt !== -1 && percentScaleOf(profiles[marginAt]!) === 'amount') {
    const where = { column: letters[marginAt]! };
    if (roles.includes('profit')) {
      roles[marginAt] = null;
      notes.push(issue('ROLE_WRONG_TYPE', 'warning', { source, role: 'margin', column: refs[marginAt]! }, where));
    } else {
      roles[marginAt] = 'profit';
      notes.push(issue('MARGIN_AS_AMOUNT', 'info', { source, column: refs[marginAt]! }, where));
    }
  }
  // With no account-name column, an account-number column names the accounts.
  if (!roles.includes('account') && roles.includes('accountId')) roles[roles.indexOf('accountId')] = 'account';

  const accountColumn = roles.indexOf('account') === -1 ? undefined : roles.indexOf('account');
  if (accountColumn === undefined && errors.length === 0) {
    errors.push(issue('NO_ACCOUNT_COLUMN', 'error', { source, headerRow, headers: shownHeaders }, { rows: [headerRow] }));
  }

  const forcedKind = options.kind === 'customers' || options.kind === 'transactions' ? options.kind : undefined;
  const kind = forcedKind ?? (accountColumn === undefined ? 'customers' : detectKind(sample, accountColumn, roles.includes('date')));
  if (accountColumn !== undefined) notes.push(...settleSegment(roles, refs, letters, sample, accountColumn, kind, source, options.mapping ?? {}));

  const roleColumn: Partial<Record<ColumnRole, number>> = {};
  roles.forEach((role, index) => {
    if (role !== null) roleColumn[role] = index;
  });

  const numericRoleAt = roles.findIndex((role) => role !== null && !TEXT_ROLES.has(role) && role !== 'date' && role !== 'tenure');
  const factorColumns = kind === 'customers'
    ? types.flatMap((type, index) => (type === 'number' && roles[index] === null && !isRowIndex(headers[index]!, sample, index) ? [index] : []))
    : [];
  if (errors.length === 0 && kind === 'transactions' && roleColumn.revenue === undefined) {
    errors.push(issue('NO_AMOUNT_COLUMN', 'error', { source, headerRow, headers: shownHeaders }, { rows: [headerRow] }));
  }
  if (errors.length === 0 && kind === 'customers' && numericRoleAt === -1 && factorColumns.length === 0 && roleColumn.tenure === undefined) {
    errors.push(issue('NO_NUMERIC_DATA', 'error', { source, headerRow, headers: shownHeaders }, { rows: [headerRow] }));
  }

  const fileEvidence = sumEvidence(profiles);
  const columns: PlannedColumn[] = headers.map((header, index) => {
    const profile = profiles[index]!;
    const role = roles[index] ?? null;
    const decimal = options.decimalSeparator
      ? { separator: options.decimalSeparator, proven: true }
      : decideDecimalSeparator(profile, fileEvidence, options.defaultDecimalSeparator ?? '.');
    const order = options.dateOrder ? { order: options.dateOrder, proven: true } : decideDateOrder(profile, fileEvidence, options.defaultDateOrder ?? 'DMY');
    const scale = role !== null && PERCENT_ROLES.has(role) && percentScaleOf(profile) !== 'fraction' ? 'points' : 'fraction';
    const info: ColumnInfo = { index, letter: letters[index]!, header, role, factor: factorColumns.includes(index), valueType: types[index]! };
    if ((info.valueType === 'number' || info.role !== null) && profile.dotDecimal + profile.commaDecimal + profile.ambiguousNumbers > 0) {
      info.decimalSeparator = decimal.separator;
    }
    if (profile.dayFirst + profile.monthFirst + profile.ambiguousDates > 0) info.dateOrder = order.order;
    if (role !== null && PERCENT_ROLES.has(role)) info.percentScale = scale;
    if (scale === 'points') {
      const example = profile.plainMagnitudes.find((value) => value > 1) ?? 0;
      notes.push(issue('PERCENT_POINTS', 'info', { source, column: refs[index]!, example }, { column: letters[index]! }));
    }
    return {
      info,
      ref: refs[index]!,
      decimal: decimal.separator,
      decimalProven: decimal.proven,
      dateOrder: order.order,
      dateOrderProven: order.proven,
      percentScale: scale,
    };
  });

  if (errors.length > 0) return { errors, columns: columns.map((c) => c.info) };

  const unused = columns.filter((c) => c.info.role === null && !c.info.factor && c.info.valueType !== 'empty');
  if (unused.length > 0) notes.push(issue('COLUMNS_NOT_USED', 'info', { source, columns: unused.map((c) => c.ref) }));
  if (kind === 'transactions' && roleColumn.date === undefined) notes.push(issue('NO_DATE_COLUMN', 'warning', { source }));
  if (forcedKind === undefined) notes.push(issue('KIND_DETECTED', 'info', { source, kind }));

  return {
    plan: {
      kind,
      columns,
      roleColumn,
      factorColumns,
      factorNames: factorNamesOf(factorColumns, headers, letters),
      additiveColumns: roles.flatMap((role, index) => (role !== null && ADDITIVE_ROLES.has(role) ? [index] : [])),
      foldedHeaders: headers.map(foldText),
      notes,
    },
  };
}

/**
 * A segment column in an order export must describe the customer: among the sampled customers with at
 * least two lines holding a value, more than this share having two different values means the column
 * describes the lines (what was bought), not the customer.
 */
const VARYING_SHARE = 0.2;
/** Customers with two or more valued lines needed in the sample before the segment check can judge. */
const VARYING_MIN_CUSTOMERS = 3;

/** Whether a text column's values change within one customer's rows in the sample. */
function variesWithinCustomers(sample: readonly BufferedRow[], accountColumn: number, column: number): boolean {
  const seen = new Map<string, string>();
  const varying = new Set<string>();
  const repeated = new Set<string>();
  for (const row of sample) {
    const name = cellText(row.cells[accountColumn]);
    const value = foldText(cellText(row.cells[column]));
    if (name === '' || value === '') continue;
    const key = accountKey(name);
    const before = seen.get(key);
    if (before === undefined) seen.set(key, value);
    else {
      repeated.add(key);
      if (before !== value) varying.add(key);
    }
  }
  return repeated.size >= VARYING_MIN_CUSTOMERS && varying.size > VARYING_SHARE * repeated.size;
}

/**
 * The customer's segment. A header that names a segment wins over a product attribute. In a customer list
 * (one row per customer) a "Category" column describes the customer, so it stands in for the segment when
 * no column names one. In an order export a category describes the line, and a "segment" whose values
 * change within one customer's orders does too: such a column feeds the breadth of what the customer buys
 * instead. A column the user mapped keeps its role. Returns the notes saying what was chosen and why.
 */
function settleSegment(
  roles: (ColumnRole | null)[],
  refs: readonly ColumnRef[],
  letters: readonly string[],
  sample: readonly BufferedRow[],
  accountColumn: number,
  kind: TableKind,
  source: SourceName,
  mapping: RoleMapping,
): IngestIssue[] {
  const notes: IngestIssue[] = [];
  let segment = roles.indexOf('segment');
  const category = roles.indexOf('category');
  if (kind === 'customers') {
    if (category !== -1 && mapping.category === undefined) {
      if (segment === -1) {
        roles[category] = 'segment';
        segment = category;
        notes.push(issue('CATEGORY_AS_SEGMENT', 'info', { source, column: refs[category]! }, { column: letters[category]! }));
      } else roles[category] = null;
    }
    return notes;
  }
  if (segment !== -1 && mapping.segment === undefined && variesWithinCustomers(sample, accountColumn, segment)) {
    notes.push(issue('SEGMENT_VARIES', 'warning', { source, column: refs[segment]!, breadth: category === -1 }, { column: letters[segment]! }));
    roles[segment] = category === -1 ? 'category' : null;
    segment = -1;
  }
  if (segment !== -1) notes.push(issue('SEGMENT_CHOSEN', 'info', { source, column: refs[segment]! }, { column: letters[segment]! }));
  const breadth = roles.indexOf('category');
  if (breadth !== -1) notes.push(issue('CATEGORY_FOR_BREADTH', 'info', { source, column: refs[breadth]! }, { column: letters[breadth]! }));
  return notes;
}

function lastFilled(cells: readonly RawCell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cellText(cells[i]) !== '') return i + 1;
  return 0;
}

function sumEvidence(profiles: readonly ColumnProfile[]): { dotDecimal: number; commaDecimal: number; dayFirst: number; monthFirst: number } {
  const total = { dotDecimal: 0, commaDecimal: 0, dayFirst: 0, monthFirst: 0 };
  for (const p of profiles) {
    total.dotDecimal += p.dotDecimal;
    total.commaDecimal += p.commaDecimal;
    total.dayFirst += p.dayFirst;
    total.monthFirst += p.monthFirst;
  }
  return total;
}

/** Factors go by their header; a blank header by its column letter, a repeated one with its letter added. */
function factorNamesOf(factorColumns: readonly number[], headers: readonly string[], letters: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const index of factorColumns) counts.set(headers[index]!, (counts.get(headers[index]!) ?? 0) + 1);
  return factorColumns.map((index) => {
    const header = headers[index]!;
    if (header === '') return `Column ${letters[index]}`;
    return (counts.get(header) ?? 0) > 1 ? `${header} (${letters[index]})` : header;
  });
}
