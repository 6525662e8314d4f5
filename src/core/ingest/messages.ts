// Every message ingest shows a user, in one table: what is wrong, where, and what to do.

/** A column as messages name it: its letter and, when it has one, its header. */
export interface ColumnRef {
  letter: string;
  header: string;
}

function col(column: ColumnRef): string {
  return column.header === '' ? `column ${column.letter}` : `column ${column.letter} ("${column.header}")`;
}

/** The same, to open a sentence. */
function Col(column: ColumnRef): string {
  return `C${col(column).slice(1)}`;
}

/** "row 4 holds" / "rows 4 and 9 hold": the verb agrees with the count. */
function rowsVerb(rows: readonly number[], count: number, singular: string, plural: string): string {
  return `${describeRows(rows, count)} ${count === 1 ? singular : plural}`;
}

/** "row 7", "rows 7 and 9", "rows 7, 9, 12 and 3 more". */
export function describeRows(rows: readonly number[], total = rows.length): string {
  if (rows.length === 0) return 'no rows';
  if (total === 1) return `row ${rows[0]}`;
  const shown = rows.slice(0, 5);
  const more = total - shown.length;
  if (more > 0) return `rows ${shown.join(', ')} and ${more} more`;
  return `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A money figure for a sentence: whole units, thousands grouped ("1,234"). */
function roundFigure(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** A fraction as a signed percentage for a sentence: 1950 → "+195,000 %". */
function percentText(x: number): string {
  const points = Math.round(x * 100);
  return `${points >= 0 ? '+' : '−'}${Math.abs(points).toLocaleString('en-US')} %`;
}

function list(items: readonly string[], max = 12): string {
  const quoted = items.slice(0, max).map((item) => `"${item}"`);
  return items.length > max ? `${quoted.join(', ')} and ${items.length - max} more` : quoted.join(', ');
}

/** What becomes of a cell left blank, said wherever one is: never scored as average without saying so. */
const BLANK_SCORED = '(an attractiveness factor scores a blank at the middle of its scale, and the portfolio names those accounts)';

/** How roles are named to users. */
export const ROLE_LABELS = {
  account: 'the account name',
  accountId: 'the account number',
  segment: 'the segment',
  manager: 'the account manager',
  revenue: 'revenue',
  profit: 'profit',
  margin: 'margin',
  costToServe: 'cost to serve',
  growth: 'growth',
  tenure: 'tenure (years as a customer, or customer since)',
  stage: 'the relationship stage',
  date: 'the date',
  orders: 'the number of orders',
  orderId: 'the order or invoice number',
  potential: 'potential (the account\'s total spend)',
  shareOfWallet: 'share of wallet',
  category: 'the product category (what is bought)',
  effort: 'the days a year the account needs as a key account',
} as const;

type RoleName = keyof typeof ROLE_LABELS;

export const MESSAGES = {
  // ---- The table cannot be read (errors) ----
  EMPTY_TABLE: (p: { source: string }) =>
    `Every row of ${p.source} is blank, so there is nothing to read. Check that you picked the right sheet or range.`,
  NO_HEADER_ROW: (p: { source: string; rowsSearched: number }) =>
    `No header row was found in the first ${p.rowsSearched} rows of ${p.source}. A header row names each column ` +
    `(for example Customer, Revenue, Margin); add one above the data, or say which row holds the headers.`,
  NO_DATA_ROWS: (p: { source: string; headerRow: number }) =>
    `The headers of ${p.source} are in row ${p.headerRow}, but no rows below them name an account. Put one account ` +
    `(or one order line) per row under the headers, or pick another sheet.`,
  NO_ACCOUNT_COLUMN: (p: { source: string; headerRow: number; headers: readonly string[] }) =>
    `No column in ${p.source} holds the account names (the headers in row ${p.headerRow} are ${list(p.headers)}). ` +
    `Name that column "Customer" or "Cliente", or map it to the account role.`,
  NO_NUMERIC_DATA: (p: { source: string; headerRow: number; headers: readonly string[] }) =>
    `No column of ${p.source} holds numbers (the headers in row ${p.headerRow} are ${list(p.headers)}), so there is ` +
    `nothing to compare accounts on. Add a column such as Revenue or Margin, or check that its numbers are typed as numbers.`,
  NO_AMOUNT_COLUMN: (p: { source: string; headerRow: number; headers: readonly string[] }) =>
    `The rows of ${p.source} look like a list of orders, but no column holds the order amount (the headers in row ${p.headerRow} ` +
    `are ${list(p.headers)}). Name that column "Amount" or "Revenue" ("Importe", "Ventas"), or map it to the revenue role.`,
  MAPPING_NOT_FOUND: (p: { source: string; role: RoleName; header: string; headerRow: number; headers: readonly string[] }) =>
    `The column mapping asks for "${p.header}" as ${ROLE_LABELS[p.role]}, but row ${p.headerRow} of ${p.source} has no ` +
    `such header (it has ${list(p.headers)}). Correct the header name in the mapping.`,

  // ---- Rows left out of the accounts (skipped rows) ----
  BLANK_ROW: (p: { row: number; lastRow: number }) =>
    p.row === p.lastRow ? `Row ${p.row} is blank and was skipped.` : `Rows ${p.row} to ${p.lastRow} are blank and were skipped.`,
  TOTALS_ROW: (p: { row: number; label: string }) =>
    p.label === ''
      ? `Row ${p.row} adds up the rows above it, so it was read as a totals row and left out.`
      : `Row ${p.row} ("${p.label}") is a totals row and was left out, so amounts are not counted twice.`,
  SUMMARY_ROW: (p: { row: number; label: string }) => `Row ${p.row} ("${p.label}") is a summary row and was left out.`,
  NO_ACCOUNT_NAME: (p: { row: number; column: ColumnRef }) =>
    `Row ${p.row} has values but no account name in ${col(p.column)}, so it was left out. Type the account name if it belongs to one.`,
  REPEATED_HEADER: (p: { row: number }) => `Row ${p.row} repeats the header row and was skipped.`,

  // ---- Read, with something to check (warnings) ----
  DUPLICATE_ACCOUNT_MERGED: (p: { source: string; account: string; rows: readonly number[] }) =>
    `"${p.account}" appears in ${describeRows(p.rows)} of ${p.source}; the rows were merged into one account ` +
    `(revenue, profit, cost to serve, orders and potential added up; margin and growth averaged by revenue; ` +
    `other values taken from the first row). If they are different customers, give them different names.`,
  NEAR_DUPLICATE_ACCOUNTS: (p: { source: string; groups: readonly { names: readonly string[]; rows: readonly number[] }[] }) =>
    p.groups.length === 1
      ? `The names ${list(p.groups[0]!.names)} in ${describeRows(p.groups[0]!.rows)} of ${p.source} look like the same customer ` +
        `written differently; they were kept as separate accounts. If they are one customer, write the name the same way in every row.`
      : `In ${p.source}, ${p.groups.length} sets of names differ only in legal form (S.A., S.L., Inc., LLC, GmbH…), punctuation ` +
        `or capitals and were kept as separate accounts: ` +
        p.groups.slice(0, 4).map((g) => `${g.names.map((n) => `"${n}"`).join(' / ')} (${describeRows(g.rows)})`).join('; ') +
        (p.groups.length > 4 ? `; and ${p.groups.length - 4} more` : '') +
        `. If any of them is one customer, write its name the same way in every row.`,
  SPELLING_VARIANTS_MERGED: (p: { source: string; names: readonly string[] }) =>
    `The names ${list(p.names)} in ${p.source} differ only in capitals or spaces and were read as one account.`,
  NOT_A_NUMBER: (p: { source: string; column: ColumnRef; rows: readonly number[]; count: number; example: string }) =>
    `${Col(p.column)} of ${p.source} should hold numbers, but ${rowsVerb(p.rows, p.count, 'holds', 'hold')} text such ` +
    `as "${p.example}"; those cells were left blank ${BLANK_SCORED}. Correct them if they should count.`,
  CELL_ERROR: (p: { source: string; column: ColumnRef; rows: readonly number[]; count: number; example: string }) =>
    `${Col(p.column)} of ${p.source} has spreadsheet errors (such as ${p.example}) in ${describeRows(p.rows, p.count)}; ` +
    `those cells were left blank ${BLANK_SCORED}. Fix the formulas if the values should count.`,
  NOT_A_DATE: (p: { source: string; column: ColumnRef; rows: readonly number[]; count: number; example: string }) =>
    `${Col(p.column)} of ${p.source} should hold dates, but ${rowsVerb(p.rows, p.count, 'holds', 'hold')} ` +
    `"${p.example}" or similar, which is not a date; those cells were left blank. Write dates like 2024-03-15.`,
  UNDATED_ORDERS: (p: { source: string; column: ColumnRef; rows: readonly number[]; count: number }) =>
    `In ${p.source}, ${rowsVerb(p.rows, p.count, 'has', 'have')} no valid date in ${col(p.column)}: the amounts on ` +
    `${p.count === 1 ? 'that row count' : 'those rows count'} in the totals but not in any year, growth or tenure. ` +
    `Fill in the dates to include them.`,
  AMBIGUOUS_DECIMAL: (p: { source: string; column: ColumnRef; example: string; separator: '.' | ','; reading: number }) =>
    `${Col(p.column)} of ${p.source} has values like "${p.example}" that could use "," or "." as the decimal ` +
    `separator, and nothing in the file settles it; they were read with "${p.separator}" as decimal separator ` +
    `("${p.example}" = ${p.reading}). If that is wrong, choose the decimal separator explicitly.`,
  AMBIGUOUS_DATE_ORDER: (p: { source: string; column: ColumnRef; example: string; order: 'DMY' | 'MDY' }) =>
    `${Col(p.column)} of ${p.source} has dates like "${p.example}" that could be day/month or month/day, and nothing ` +
    `in the file settles it; they were read as ${p.order === 'DMY' ? 'day/month/year' : 'month/day/year'}. ` +
    `If that is wrong, choose the date order explicitly.`,
  ROLE_CONFLICT: (p: { source: string; role: RoleName; used: ColumnRef; notUsed: readonly ColumnRef[] }) =>
    `Several columns of ${p.source} look like ${ROLE_LABELS[p.role]}: ${col(p.used)} was used, ` +
    `${p.notUsed.map(col).join(', ')} ${p.notUsed.length === 1 ? 'was' : 'were'} not. Map the role to another column if needed.`,
  ROLE_WRONG_TYPE: (p: { source: string; role: RoleName; column: ColumnRef }) =>
    `${Col(p.column)} of ${p.source} is named like ${ROLE_LABELS[p.role]} but most of its cells do not fit, so it ` +
    `was not used as ${ROLE_LABELS[p.role]}. Check its values, or map the role to the right column.`,
  GROWTH_NOT_COMPUTED: (p: { source: string; first: string; last: string }) =>
    `The orders in ${p.source} run from ${p.first} to ${p.last}; growth compares two full calendar years, so it was ` +
    `left blank. Export at least two full years of orders to get growth.`,
  SEGMENT_VARIES: (p: { source: string; column: ColumnRef; breadth: boolean }) =>
    `${Col(p.column)} of ${p.source} is named like a segment, but its values change within one customer's orders, so ` +
    `it describes what was bought, not the customer: it was not used as the segment` +
    (p.breadth ? ' (it counts towards the breadth of what each customer buys).' : '.') +
    ` If it is the customer's segment, map it to the segment role.`,
  GROWTH_SMALL_BASE: (p: { source: string; count: number; names: readonly string[]; years: readonly [number, number]; smallBase: number; largest: number }) =>
    `Growth ${p.years[0]}–${p.years[1]} was left blank for ${p.count === 1 ? 'one account' : `${p.count} accounts`} ` +
    `(${list(p.names, 5)}): ${p.years[0]} is too small a base, because ${p.count === 1 ? 'it' : 'they'} started buying after ` +
    `March ${p.years[0]} or bought less than ${roundFigure(p.smallBase)} that year (a tenth of the median account's). ` +
    `A rise from such a base (up to ${percentText(p.largest)}) says nothing, so there is no growth figure: ` +
    `${p.count === 1 ? 'it is' : 'they are'} scored at the middle of the growth scale.`,
  SEGMENT_MIXED: (p: { source: string; column: ColumnRef; count: number }) =>
    `In ${p.source}, ${p.count === 1 ? 'one customer has' : `${p.count} customers have`} more than one value in ${col(p.column)} ` +
    `across ${p.count === 1 ? 'its' : 'their'} orders; the value on the latest order was used. Check the segment of those customers.`,
  NO_DATE_COLUMN: (p: { source: string }) =>
    `The rows of ${p.source} were read as a list of orders, but there is no date column, so revenue per year, growth ` +
    `and tenure were left blank. Add the order date column (Date, Fecha) to get them.`,

  // ---- For information: how the table was read ----
  PROFIT_DERIVED: (p: { revenue: ColumnRef; margin: ColumnRef; costToServe: ColumnRef | null }) =>
    `There is no profit column, so profit was worked out as ${col(p.revenue)} × ${col(p.margin)}` +
    (p.costToServe ? ` − ${col(p.costToServe)}.` : '.'),
  MARGIN_AS_AMOUNT: (p: { source: string; column: ColumnRef }) =>
    `${Col(p.column)} of ${p.source} holds amounts rather than percentages, so it was read as profit (margin in money).`,
  PERCENT_POINTS: (p: { source: string; column: ColumnRef; example: number }) =>
    `${Col(p.column)} of ${p.source} holds percentages written as plain numbers (such as ${p.example}), so they ` +
    `were divided by 100.`,
  SEGMENT_CHOSEN: (p: { source: string; column: ColumnRef }) =>
    `The customer's segment comes from ${col(p.column)} of ${p.source}: its header names a segment and each customer keeps one value in its orders.`,
  CATEGORY_AS_SEGMENT: (p: { source: string; column: ColumnRef }) =>
    `No column of ${p.source} is named like a segment, so ${col(p.column)} (one value per customer) was read as the customer's segment.`,
  CATEGORY_FOR_BREADTH: (p: { source: string; column: ColumnRef }) =>
    `${Col(p.column)} of ${p.source} says what each order line bought; the number of different values a customer buys ` +
    `measures the breadth of the relationship (used by the strength proxy), not the customer's segment.`,
  COLUMNS_NOT_USED: (p: { source: string; columns: readonly ColumnRef[] }) =>
    `These columns of ${p.source} were not used: ${p.columns.map(col).join(', ')}.`,
  KIND_DETECTED: (p: { source: string; kind: 'customers' | 'transactions' }) =>
    p.kind === 'transactions'
      ? `The rows of ${p.source} were read as a list of orders (the same customer appears on many dated rows) and rolled up per account.`
      : `The rows of ${p.source} were read as a customer list (one row per account).`,

  // ---- The file cannot be read (file errors, raised by the Node reader) ----
  FILE_NOT_FOUND: (p: { file: string }) => `The file "${p.file}" does not exist. Check the name and the folder.`,
  FILE_UNREADABLE: (p: { file: string; reason: string }) =>
    `The file "${p.file}" cannot be opened (${p.reason}). Check that it is a file you are allowed to read, and not a folder.`,
  EMPTY_FILE: (p: { file: string }) => `The file "${p.file}" is empty (0 bytes). Save the workbook again and retry.`,
  PASSWORD_PROTECTED: (p: { file: string }) =>
    `The file "${p.file}" is password-protected (encrypted), so it cannot be read. Open it in Excel, remove the ` +
    `password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and try again.`,
  UNSUPPORTED_FORMAT: (p: { file: string; format: 'xls' | 'xlsb' | 'ods' | 'numbers' | 'ole' }) =>
    ({
      xls: `The file "${p.file}" is an old-style Excel 97-2003 workbook (.xls), which cannot be read. Open it in Excel and use ` +
        `File › Save As › Excel Workbook (.xlsx), or convert it with LibreOffice (soffice --headless --convert-to xlsx "${p.file}"), and try again.`,
      xlsb: `The file "${p.file}" is an Excel binary workbook (.xlsb), which cannot be read. Open it in Excel and use ` +
        `File › Save As › Excel Workbook (.xlsx), and try again.`,
      ods: `The file "${p.file}" is an OpenDocument spreadsheet (.ods), which cannot be read. Open it in LibreOffice Calc and use ` +
        `File › Save As › Excel 2007-365 (.xlsx), or run soffice --headless --convert-to xlsx "${p.file}", and try again.`,
      numbers: `The file "${p.file}" is an Apple Numbers document, which cannot be read. Open it in Numbers and use ` +
        `File › Export To › Excel (.xlsx), and try again.`,
      ole: `The file "${p.file}" is password-protected or is an old-style .xls workbook. Open it in Excel, remove the ` +
        `password (File › Info › Protect Workbook) or use File › Save As › Excel Workbook (.xlsx), and try again.`,
    })[p.format],
  NOT_A_WORKBOOK: (p: { file: string }) =>
    `The file "${p.file}" is not an Excel workbook (.xlsx) or a CSV file. Save it from Excel as .xlsx or .csv and try again.`,
  CORRUPT_WORKBOOK: (p: { file: string; detail: string }) =>
    `The workbook "${p.file}" is damaged and cannot be read (${p.detail}). Open it in Excel, save a new copy, and try again.`,
  SHEET_NOT_FOUND: (p: { file: string; sheet: string; sheets: readonly string[] }) =>
    `The workbook "${p.file}" has no sheet named "${p.sheet}". Its sheets are ${list(p.sheets)}.`,
  SHEET_AMBIGUOUS: (p: { file: string; sheet: string; matches: readonly string[] }) =>
    `More than one sheet of the workbook "${p.file}" matches "${p.sheet}" when case and accents are ignored: ` +
    `${list(p.matches)}. Name the sheet exactly as it is written.`,
  NO_DATA: (p: { file: string; sheet: string | null }) =>
    p.sheet === null
      ? `The file "${p.file}" has no data: every sheet (or line) is blank. Check that you picked the right file.`
      : `Sheet "${p.sheet}" of "${p.file}" has no data: every row is blank. Pick another sheet.`,
  ENCODING_FALLBACK: (p: { file: string }) =>
    `The file "${p.file}" is not valid UTF-8 text, so it was read as Windows-1252 (Latin-1), the encoding Excel uses ` +
    `for CSV on Windows. If accented letters look wrong, save it as "CSV UTF-8" and try again.`,
  UNCLOSED_QUOTE: (p: { file: string; row: number }) =>
    `In "${p.file}", a quote opened in row ${p.row} is never closed, so the rest of the file was read as one value. ` +
    `Check that row for a stray " character.`,
} as const;

export type IssueCode = keyof typeof MESSAGES;

export type Severity = 'error' | 'warning' | 'info';

/** A problem or note for the user, as a value: hosts show `message`; code and position are for tools. */
export interface IngestIssue {
  code: IssueCode;
  severity: Severity;
  message: string;
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
  const message = (MESSAGES[code] as (p: typeof params) => string)(params);
  return { code, severity, message, ...where };
}
