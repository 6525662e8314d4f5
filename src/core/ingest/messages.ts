// Every message ingest shows a user, in one table: what is wrong, where, and what to do. Each is a phrase whose
// words are in the catalogs (ingest.<CODE>): the host says it in the user's language.
import { english, exact, list, phrase, render, type MessageId, type Phrase, type Translate } from '../i18n';

/** A column as messages name it: its letter and, when it has one, its header. */
export interface ColumnRef {
  letter: string;
  header: string;
}

/** How messages name the table read: 'customers.xlsx, sheet "Accounts"', 'sheet "Orders" (A1:H40)', … */
export type SourceName = string | Phrase;

const col = (column: ColumnRef): Phrase => phrase('ingest.column', { named: column.header === '' ? 'no' : 'yes', letter: column.letter, header: column.header });

/** The same, to open a sentence. */
const Col = (column: ColumnRef): Phrase => phrase('ingest.Column', { named: column.header === '' ? 'no' : 'yes', letter: column.letter, header: column.header });

/** "row 7", "rows 7 and 9", "rows 7, 9, 12 and 3 more". */
export function describeRows(rows: readonly number[], total = rows.length): Phrase {
  const count = rows.length === 0 ? 0 : total;
  return phrase('ingest.rows', { count, rows: list(rows.slice(0, count === 1 ? 1 : rows.length).map(String), { max: 5, total }) });
}

/** A fraction as a signed percentage for a sentence: 1950 → "+195,000 %". */
function percentText(x: number): Phrase {
  const points = Math.round(x * 100);
  return phrase('ingest.percent', { sign: points >= 0 ? '+' : '−', points: Math.abs(points) });
}

const quoted = (items: readonly string[], max = 12): Phrase => list(items.map((item) => `"${item}"`), { max, and: false });

/** What becomes of a cell left blank, said wherever one is: never scored as average without saying so. */
const BLANK_SCORED = phrase('ingest.blankScored');

/** The roles ingest recognises, as messages and the wizard name them (role.<name> in the catalogs). */
export const ROLE_NAMES = [
  'account', 'accountId', 'segment', 'manager', 'revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'stage', 'date', 'orders', 'orderId',
  'potential', 'shareOfWallet', 'category', 'effort',
] as const;
type RoleName = (typeof ROLE_NAMES)[number];

/** How a role is named to users, in their language ("the account name", "el nombre de la cuenta"). */
export const roleLabel = (role: RoleName, t: Translate): string => t(`role.${role}` as MessageId);
const role = (name: RoleName): Phrase => phrase(`role.${name}` as MessageId);

/** How roles are named to users, in English. */
export const ROLE_LABELS = Object.fromEntries(ROLE_NAMES.map((name) => [name, roleLabel(name, english)])) as Record<RoleName, string>;

export const MESSAGES = {
  // ---- The table cannot be read (errors) ----
  EMPTY_TABLE: (p: { source: SourceName }) => phrase('ingest.EMPTY_TABLE', p),
  NO_HEADER_ROW: (p: { source: SourceName; rowsSearched: number }) => phrase('ingest.NO_HEADER_ROW', p),
  NO_DATA_ROWS: (p: { source: SourceName; headerRow: number }) => phrase('ingest.NO_DATA_ROWS', { ...p, headerRow: String(p.headerRow) }),
  NO_ACCOUNT_COLUMN: (p: { source: SourceName; headerRow: number; headers: readonly string[] }) =>
    phrase('ingest.NO_ACCOUNT_COLUMN', { source: p.source, headerRow: String(p.headerRow), headers: quoted(p.headers) }),
  NO_NUMERIC_DATA: (p: { source: SourceName; headerRow: number; headers: readonly string[] }) =>
    phrase('ingest.NO_NUMERIC_DATA', { source: p.source, headerRow: String(p.headerRow), headers: quoted(p.headers) }),
  NO_AMOUNT_COLUMN: (p: { source: SourceName; headerRow: number; headers: readonly string[] }) =>
    phrase('ingest.NO_AMOUNT_COLUMN', { source: p.source, headerRow: String(p.headerRow), headers: quoted(p.headers) }),
  MAPPING_NOT_FOUND: (p: { source: SourceName; role: RoleName; header: string; headerRow: number; headers: readonly string[] }) =>
    phrase('ingest.MAPPING_NOT_FOUND', { source: p.source, role: role(p.role), header: p.header, headerRow: String(p.headerRow), headers: quoted(p.headers) }),

  // ---- Rows left out of the accounts (skipped rows) ----
  BLANK_ROW: (p: { row: number; lastRow: number }) =>
    phrase('ingest.BLANK_ROW', { single: p.row === p.lastRow ? 'yes' : 'no', row: String(p.row), lastRow: String(p.lastRow) }),
  TOTALS_ROW: (p: { row: number; label: string }) => phrase('ingest.TOTALS_ROW', { labelled: p.label === '' ? 'no' : 'yes', row: String(p.row), label: p.label }),
  SUMMARY_ROW: (p: { row: number; label: string }) => phrase('ingest.SUMMARY_ROW', { row: String(p.row), label: p.label }),
  NO_ACCOUNT_NAME: (p: { row: number; column: ColumnRef }) => phrase('ingest.NO_ACCOUNT_NAME', { row: String(p.row), column: col(p.column) }),
  REPEATED_HEADER: (p: { row: number }) => phrase('ingest.REPEATED_HEADER', { row: String(p.row) }),

  // ---- Read, with something to check (warnings) ----
  DUPLICATE_ACCOUNT_MERGED: (p: { source: SourceName; account: string; rows: readonly number[] }) =>
    phrase('ingest.DUPLICATE_ACCOUNT_MERGED', { source: p.source, account: p.account, rows: describeRows(p.rows) }),
  NEAR_DUPLICATE_ACCOUNTS: (p: { source: SourceName; groups: readonly { names: readonly string[]; rows: readonly number[] }[] }) =>
    p.groups.length === 1
      ? phrase('ingest.NEAR_DUPLICATE_ACCOUNTS.one', { source: p.source, names: quoted(p.groups[0]!.names), rows: describeRows(p.groups[0]!.rows) })
      : phrase('ingest.NEAR_DUPLICATE_ACCOUNTS.many', {
          source: p.source,
          count: p.groups.length,
          groups: (t) => p.groups.slice(0, 4).map((g) => phrase('ingest.nameGroup', { names: g.names.map((n) => `"${n}"`).join(' / '), rows: describeRows(g.rows) })(t)).join('; '),
          more: Math.max(0, p.groups.length - 4),
        }),
  SPELLING_VARIANTS_MERGED: (p: { source: SourceName; names: readonly string[] }) => phrase('ingest.SPELLING_VARIANTS_MERGED', { source: p.source, names: quoted(p.names) }),
  NOT_A_NUMBER: (p: { source: SourceName; column: ColumnRef; rows: readonly number[]; count: number; example: string }) =>
    phrase('ingest.NOT_A_NUMBER', { column: Col(p.column), source: p.source, rows: describeRows(p.rows, p.count), count: p.count, example: p.example, blankScored: BLANK_SCORED }),
  CELL_ERROR: (p: { source: SourceName; column: ColumnRef; rows: readonly number[]; count: number; example: string }) =>
    phrase('ingest.CELL_ERROR', { column: Col(p.column), source: p.source, rows: describeRows(p.rows, p.count), example: p.example, blankScored: BLANK_SCORED }),
  NOT_A_DATE: (p: { source: SourceName; column: ColumnRef; rows: readonly number[]; count: number; example: string }) =>
    phrase('ingest.NOT_A_DATE', { column: Col(p.column), source: p.source, rows: describeRows(p.rows, p.count), count: p.count, example: p.example }),
  UNDATED_ORDERS: (p: { source: SourceName; column: ColumnRef; rows: readonly number[]; count: number }) =>
    phrase('ingest.UNDATED_ORDERS', { source: p.source, rows: describeRows(p.rows, p.count), count: p.count, column: col(p.column) }),
  AMBIGUOUS_DECIMAL: (p: { source: SourceName; column: ColumnRef; example: string; separator: '.' | ','; reading: number }) =>
    phrase('ingest.AMBIGUOUS_DECIMAL', { column: Col(p.column), source: p.source, example: p.example, separator: p.separator, reading: exact(p.reading) }),
  AMBIGUOUS_DATE_ORDER: (p: { source: SourceName; column: ColumnRef; example: string; order: 'DMY' | 'MDY' }) =>
    phrase('ingest.AMBIGUOUS_DATE_ORDER', { column: Col(p.column), source: p.source, example: p.example, order: p.order }),
  ROLE_CONFLICT: (p: { source: SourceName; role: RoleName; used: ColumnRef; notUsed: readonly ColumnRef[] }) =>
    phrase('ingest.ROLE_CONFLICT', { source: p.source, role: role(p.role), used: col(p.used), notUsed: (t) => p.notUsed.map((c) => col(c)(t)).join(', '), count: p.notUsed.length }),
  ROLE_WRONG_TYPE: (p: { source: SourceName; role: RoleName; column: ColumnRef }) =>
    phrase('ingest.ROLE_WRONG_TYPE', { column: Col(p.column), source: p.source, role: role(p.role) }),
  GROWTH_NOT_COMPUTED: (p: { source: SourceName; first: string; last: string }) => phrase('ingest.GROWTH_NOT_COMPUTED', p),
  SEGMENT_VARIES: (p: { source: SourceName; column: ColumnRef; breadth: boolean }) =>
    phrase('ingest.SEGMENT_VARIES', { column: Col(p.column), source: p.source, breadth: p.breadth ? 'yes' : 'no' }),
  GROWTH_SMALL_BASE: (p: { source: SourceName; count: number; names: readonly string[]; years: readonly [number, number]; smallBase: number; largest: number }) =>
    phrase('ingest.GROWTH_SMALL_BASE', {
      from: String(p.years[0]), to: String(p.years[1]), count: p.count, names: quoted(p.names, 5), smallBase: Math.round(p.smallBase), largest: percentText(p.largest),
    }),
  SEGMENT_MIXED: (p: { source: SourceName; column: ColumnRef; count: number }) => phrase('ingest.SEGMENT_MIXED', { source: p.source, count: p.count, column: col(p.column) }),
  NO_DATE_COLUMN: (p: { source: SourceName }) => phrase('ingest.NO_DATE_COLUMN', p),

  // ---- For information: how the table was read ----
  PROFIT_DERIVED: (p: { revenue: ColumnRef; margin: ColumnRef; costToServe: ColumnRef | null }) =>
    phrase('ingest.PROFIT_DERIVED', {
      revenue: col(p.revenue), margin: col(p.margin), withCost: p.costToServe ? 'yes' : 'no', costToServe: p.costToServe ? col(p.costToServe) : '',
    }),
  MARGIN_AS_AMOUNT: (p: { source: SourceName; column: ColumnRef }) => phrase('ingest.MARGIN_AS_AMOUNT', { column: Col(p.column), source: p.source }),
  PERCENT_POINTS: (p: { source: SourceName; column: ColumnRef; example: number }) =>
    phrase('ingest.PERCENT_POINTS', { column: Col(p.column), source: p.source, example: exact(p.example) }),
  SEGMENT_CHOSEN: (p: { source: SourceName; column: ColumnRef }) => phrase('ingest.SEGMENT_CHOSEN', { column: col(p.column), source: p.source }),
  CATEGORY_AS_SEGMENT: (p: { source: SourceName; column: ColumnRef }) => phrase('ingest.CATEGORY_AS_SEGMENT', { source: p.source, column: col(p.column) }),
  CATEGORY_FOR_BREADTH: (p: { source: SourceName; column: ColumnRef }) => phrase('ingest.CATEGORY_FOR_BREADTH', { column: Col(p.column), source: p.source }),
  COLUMNS_NOT_USED: (p: { source: SourceName; columns: readonly ColumnRef[] }) =>
    phrase('ingest.COLUMNS_NOT_USED', { source: p.source, columns: (t) => p.columns.map((c) => col(c)(t)).join(', ') }),
  KIND_DETECTED: (p: { source: SourceName; kind: 'customers' | 'transactions' }) => phrase('ingest.KIND_DETECTED', p),

  // ---- The file cannot be read (file errors, raised by the Node reader) ----
  FILE_NOT_FOUND: (p: { file: string }) => phrase('ingest.FILE_NOT_FOUND', p),
  FILE_UNREADABLE: (p: { file: string; reason: string }) => phrase('ingest.FILE_UNREADABLE', p),
  EMPTY_FILE: (p: { file: string }) => phrase('ingest.EMPTY_FILE', p),
  PASSWORD_PROTECTED: (p: { file: string }) => phrase('ingest.PASSWORD_PROTECTED', p),
  UNSUPPORTED_FORMAT: (p: { file: string; format: 'xls' | 'xlsb' | 'ods' | 'numbers' | 'ole' }) =>
    phrase(`ingest.UNSUPPORTED_FORMAT.${p.format}` as MessageId, { file: p.file }),
  NOT_A_WORKBOOK: (p: { file: string }) => phrase('ingest.NOT_A_WORKBOOK', p),
  CORRUPT_WORKBOOK: (p: { file: string; detail: string }) => phrase('ingest.CORRUPT_WORKBOOK', p),
  SHEET_NOT_FOUND: (p: { file: string; sheet: string; sheets: readonly string[] }) =>
    phrase('ingest.SHEET_NOT_FOUND', { file: p.file, sheet: p.sheet, sheets: quoted(p.sheets) }),
  SHEET_AMBIGUOUS: (p: { file: string; sheet: string; matches: readonly string[] }) =>
    phrase('ingest.SHEET_AMBIGUOUS', { file: p.file, sheet: p.sheet, matches: quoted(p.matches) }),
  NO_DATA: (p: { file: string; sheet: string | null }) => phrase('ingest.NO_DATA', { whole: p.sheet === null ? 'yes' : 'no', file: p.file, sheet: p.sheet ?? '' }),
  ENCODING_FALLBACK: (p: { file: string }) => phrase('ingest.ENCODING_FALLBACK', p),
  UNCLOSED_QUOTE: (p: { file: string; row: number }) => phrase('ingest.UNCLOSED_QUOTE', { file: p.file, row: String(p.row) }),
} as const;

export type IssueCode = keyof typeof MESSAGES;

export type Severity = 'error' | 'warning' | 'info';

/** A problem or note for the user, as a value: hosts say `text` in the user's language (`message` is the English); code and position are for tools. */
export interface IngestIssue {
  code: IssueCode;
  severity: Severity;
  message: string;
  text: Phrase;
  /** 1-based sheet rows the issue is about (the first few when there are many). */
  rows?: number[];
  /** Column letter the issue is about. */
  column?: string;
}

export function issue<C extends IssueCode>(
  code: C,
  severity: Severity,
  params: Parameters<(typeof MESSAGES)[C]>[0],
  where: { rows?: number[]; column?: string } = {},
): IngestIssue {
  const text = (MESSAGES[code] as (p: typeof params) => Phrase)(params);
  return { code, severity, message: render(text, english), text, ...where };
}

/** An issue in the reader's language. */
export const sayIssue = (issue: Pick<IngestIssue, 'text'>, t: Translate): string => issue.text(t);
