// End-to-end tests of reading fixture files from disk: exact accounts, file errors, and no writes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/ingest/types';
import { readAccounts, readTableRows, WorkbookReadError } from '../../src/io';
import type { ReadProgress } from '../../src/io';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const skipped = (result: { skippedRows: { row: number; code: string }[] }) => result.skippedRows.map((s) => [s.row, s.code]);

async function readError(file: string, options = {}): Promise<WorkbookReadError> {
  try {
    await readAccounts(file, options);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error(`reading ${file} did not fail`);
}

describe('messy-customers.xlsx', () => {
  it('skips the empty first sheet and reads every account with its problems reported', async () => {
    const result = await readAccounts(fixture('messy-customers.xlsx'));
    expect(result.source).toMatchObject({ format: 'xlsx', sheet: 'Customers', sheets: ['Cover', 'Customers', 'Lists'] });
    expect(result.errors).toEqual([]);
    expect(result.headerRow).toBe(4);
    expect(result.asOf).toBe('2022-12-31');
    const fit = 'Strategic fit (0-10)';
    expect(result.accounts).toEqual<AccountRecord[]>([
      { account: 'Acme Inc.', segment: 'Retail', manager: 'Ana Ruiz', stage: 'Basic', revenue: 1234.5, profit: 270.35, margin: 0.3, costToServe: 100, tenure: 7, factors: { [fit]: 7 }, sourceRows: [5] },
      { account: 'ACME, Inc', segment: 'Retail', manager: 'Ana Ruiz', stage: 'Cooperative', revenue: 5000, profit: 1050, margin: 0.25, costToServe: 200, tenure: 4.84, factors: { [fit]: 5 }, sourceRows: [6] },
      { account: '=Acme', segment: 'Industry', manager: 'Bob Lee', stage: 'Exploratory', revenue: -1200, profit: -170, margin: 0.1, costToServe: 50, tenure: 3.8, factors: { [fit]: null }, sourceRows: [8] },
      { account: '+Corp', segment: 'Industry', manager: 'Bob Lee', stage: 'Interdependent', revenue: 8000, profit: -900, margin: 0.2, costToServe: 2500, tenure: 2, factors: { [fit]: 8 }, sourceRows: [9] },
      { account: 'Northwind Traders', segment: 'Public sector', manager: 'Carla Gómez', stage: 'Integrated', revenue: 12000, profit: -300, margin: 0.233333, costToServe: 3100, tenure: 12, factors: { [fit]: 9 }, sourceRows: [10, 11] },
      { account: 'Globex', segment: 'Retail', manager: 'Ana Ruiz', stage: 'Basic', margin: 0.35, costToServe: 80, tenure: 0, factors: { [fit]: 4 }, sourceRows: [13] },
    ]);
    expect(skipped(result)).toEqual([[7, 'BLANK_ROW'], [12, 'BLANK_ROW'], [14, 'TOTALS_ROW']]);
    expect(result.warnings.map((w) => w.code)).toEqual(['KIND_DETECTED', 'DUPLICATE_ACCOUNT_MERGED', 'PROFIT_DERIVED', 'NEAR_DUPLICATE_ACCOUNTS']);
    expect(result.warnings[1]!.message).toMatch(/^"Northwind Traders" appears in rows 10 and 11 of messy-customers\.xlsx, sheet "Customers"; /);
  });

  it('reads another sheet by name, ignoring case', async () => {
    const result = await readAccounts(fixture('messy-customers.xlsx'), { sheet: 'lists' });
    expect(result.source.sheet).toBe('Lists');
    // One column of stage names: a header needs at least two names, so no header is found.
    expect(result.errors.map((e) => e.code)).toEqual(['NO_HEADER_ROW']);
    expect(result.errors[0]!.message).toContain('messy-customers.xlsx, sheet "Lists"');
  });

  it('streams rows with their sheet row numbers and reports progress', async () => {
    const rows: [number, unknown[]][] = [];
    const progress: ReadProgress[] = [];
    const source = await readTableRows(fixture('messy-customers.xlsx'), (cells, rowNumber) => rows.push([rowNumber, cells]), {
      onProgress: (p) => progress.push(p),
      progressEvery: 5,
    });
    expect(source.sheet).toBe('Customers');
    expect(rows.map(([n]) => n)).toEqual([1, 2, 4, 5, 6, 8, 9, 10, 11, 13, 14]);
    expect(rows[0]![1]).toEqual(['Key account review — FY2024']);
    expect(rows[4]![1]).toEqual(['ACME, Inc', 'Retail', 'Ana Ruiz', 5000, '25%', 200, new Date(Date.UTC(2018, 2, 1)), 'Cooperative', 5]);
    expect(rows[10]![1]).toEqual(['Total', undefined, undefined, 25034.5, undefined, 6030]);
    expect(progress).toEqual([
      { rowsRead: 5, sheet: 'Customers', done: false },
      { rowsRead: 10, sheet: 'Customers', done: false },
      { rowsRead: 11, sheet: 'Customers', done: true },
    ]);
  });
});

describe('transaction exports', () => {
  const accounts = (rows: number[][]): AccountRecord[] => [
    { account: 'Acme', revenue: 6000, profit: 1100, margin: 0.183333, growth: 0, tenure: 1.96, orders: 3, ordersPerYear: 1.532517, daysSinceLastOrder: 214, trend: 0, revenueByYear: { 2023: 3000, 2024: 3000 }, firstOrder: '2023-01-05', lastOrder: '2024-05-20', factors: {}, sourceRows: rows[0]! },
    { account: 'Beta Ltd', revenue: 5300, profit: 650, margin: 0.122642, growth: 0.65, tenure: 1.78, orders: 4, ordersPerYear: 2.24424, daysSinceLastOrder: 0, trend: 0.245283, revenueByYear: { 2023: 2000, 2024: 3300 }, firstOrder: '2023-03-10', lastOrder: '2024-12-20', factors: {}, sourceRows: rows[1]! },
    { account: 'Gamma', revenue: 800, profit: -100, margin: -0.125, growth: -1, tenure: 1.06, orders: 1, ordersPerYear: 0.946244, daysSinceLastOrder: 386, trend: -1, revenueByYear: { 2023: 800 }, firstOrder: '2023-11-30', lastOrder: '2023-11-30', factors: {}, sourceRows: rows[2]! },
    { account: 'Delta', revenue: 1200, profit: 100, margin: 0.083333, tenure: 0.28, orders: 1, ordersPerYear: 1, daysSinceLastOrder: 102, trend: 1, revenueByYear: { 2024: 1200 }, firstOrder: '2024-09-09', lastOrder: '2024-09-09', factors: {}, sourceRows: rows[3]! },
    { account: 'Omega, Inc.', revenue: 700, profit: 70, margin: 0.1, tenure: 0.8, orders: 1, ordersPerYear: 1, daysSinceLastOrder: 292, trend: 1, revenueByYear: { 2024: 700 }, firstOrder: '2024-03-03', lastOrder: '2024-03-03', factors: {}, sourceRows: rows[4]! },
  ];

  it.each([
    ['transactions.csv', [[2, 3, 5, 8], [4, 7, 9, 11], [6], [10], [12]], []],
    ['transactions.xlsx', [[3, 4, 6, 9], [5, 8, 10, 12], [7], [11], [13]], [[14, 'TOTALS_ROW']]],
  ] as const)('%s rolls up per account', async (file, rows, skippedRows) => {
    const result = await readAccounts(fixture(file));
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('transactions');
    expect(result.growthYears).toEqual([2023, 2024]);
    expect(result.asOf).toBe('2024-12-20');
    expect(result.accounts).toEqual(accounts(rows as unknown as number[][]));
    expect(skipped(result)).toEqual(skippedRows);
    expect(result.warnings.map((w) => w.code)).toEqual(['KIND_DETECTED', 'SPELLING_VARIANTS_MERGED']);
  });
});

describe('Spanish customer lists', () => {
  const expected: AccountRecord[] = [
    { account: 'Distribuciones Peña S.L.', revenue: 1234.5, profit: 154.3125, margin: 0.125, date: '2024-03-15', factors: {}, sourceRows: [2] },
    { account: 'Café del Sur', revenue: 2000, profit: 160, margin: 0.08, date: '2024-02-01', factors: {}, sourceRows: [3] },
    { account: 'Ñandú Logística S.A.', revenue: 10500.75, profit: 1575.1125, margin: 0.15, date: '2024-02-28', factors: {}, sourceRows: [4] },
    { account: 'Hostelería Martínez', revenue: 950, profit: -33.25, margin: -0.035, date: '2024-01-05', factors: {}, sourceRows: [5] },
    { account: 'Frutas García', revenue: 1100, profit: 110, margin: 0.1, date: '2023-12-13', factors: {}, sourceRows: [6] },
  ];

  it.each([
    ['spanish-customers.csv', { delimiter: ';', encoding: 'utf-8' }, []],
    ['spanish-customers-latin1.csv', { delimiter: ';', encoding: 'windows-1252' }, ['ENCODING_FALLBACK']],
    ['spanish-customers.xlsx', { sheet: 'Clientes' }, []],
  ] as const)('%s reads "1.234,50 €", "12,5 %" and day-first dates', async (file, source, extraWarnings) => {
    const result = await readAccounts(fixture(file));
    expect(result.source).toMatchObject(source);
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('customers');
    expect(result.accounts).toEqual(expected);
    expect(skipped(result)).toEqual([[7, 'TOTALS_ROW']]);
    expect(result.warnings.map((w) => w.code)).toEqual([...extraWarnings, 'KIND_DETECTED', 'PROFIT_DERIVED']);
  });
});

describe('title-and-totals.xlsx', () => {
  it('skips subtotals, the unlabelled grand total, the average and the blank row, but keeps "Total Energies"', async () => {
    const result = await readAccounts(fixture('title-and-totals.xlsx'));
    expect(result.headerRow).toBe(4);
    expect(result.accounts.map((a) => [a.account, a.revenue, a.profit])).toEqual([
      ['Total Energies', 5000, 500],
      ['Siemens', 3000, 300],
      ['Walmart', 7000, 350],
      ['Target', 2000, 100],
    ]);
    expect(skipped(result)).toEqual([[7, 'TOTALS_ROW'], [10, 'TOTALS_ROW'], [11, 'BLANK_ROW'], [12, 'TOTALS_ROW'], [13, 'SUMMARY_ROW']]);
  });
});

describe('tables that cannot be read come back as errors in the result', () => {
  it.each([
    ['no-account-column.xlsx', 'NO_ACCOUNT_COLUMN', 'No column in no-account-column.xlsx, sheet "Regions" holds the account names'],
    ['no-numeric-data.xlsx', 'NO_NUMERIC_DATA', 'No column of no-numeric-data.xlsx, sheet "Contacts" holds numbers'],
  ])('%s gives %s', async (file, code, message) => {
    const result = await readAccounts(fixture(file));
    expect(result.errors.map((e) => e.code)).toEqual([code]);
    expect(result.errors[0]!.message).toContain(message);
    expect(result.accounts).toEqual([]);
  });
});

describe('files that cannot be read throw WorkbookReadError', () => {
  it.each([
    ['missing.xlsx', {}, 'FILE_NOT_FOUND', 'does not exist'],
    ['empty.csv', {}, 'EMPTY_FILE', 'is empty'],
    // An OLE compound file whose directory cannot be followed: either an encrypted workbook or an .xls.
    ['password-protected.xlsx', {}, 'UNSUPPORTED_FORMAT', 'password-protected or is an old-style .xls'],
    ['not-a-workbook.xlsx', {}, 'NOT_A_WORKBOOK', 'is not an Excel workbook'],
    ['corrupt.xlsx', {}, 'CORRUPT_WORKBOOK', 'is damaged'],
    ['empty.xlsx', {}, 'NO_DATA', 'has no data'],
    ['blank-lines.csv', {}, 'NO_DATA', 'has no data'],
    ['messy-customers.xlsx', { sheet: 'Cover' }, 'NO_DATA', 'Sheet "Cover" of'],
    ['messy-customers.xlsx', { sheet: 'Nope' }, 'SHEET_NOT_FOUND', 'has no sheet named "Nope". Its sheets are "Cover", "Customers", "Lists".'],
  ])('%s %j gives %s', async (name, options, code, text) => {
    const error = await readError(fixture(name), options);
    expect(error.code).toBe(code);
    expect(error.file).toBe(fixture(name));
    expect(error.message).toContain(name);
    expect(error.message).toContain(text);
  });

  it('reports a folder as unreadable', async () => {
    const error = await readError(FIXTURES);
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('it is a folder');
  });
});

describe('reading never changes the input', () => {
  const files = readdirSync(FIXTURES).filter((name) => /\.(xlsx|csv)$/.test(name));
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it.each(files)('%s is byte-for-byte the same after reading', async (name) => {
    const before = digest(fixture(name));
    await readAccounts(fixture(name)).catch((error: unknown) => {
      if (!(error instanceof WorkbookReadError)) throw error;
    });
    expect(digest(fixture(name))).toBe(before);
  });
});

describe('text files in other shapes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kam-read-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, content: Buffer | string) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    return file;
  };

  it('reads "1.234" as a thousand in a ";"-separated file where nothing else settles it', async () => {
    const result = await readAccounts(write('ventas.csv', 'Cliente;Ventas\nA;1.234\nB;2.500\n'));
    expect(result.accounts.map((a) => a.revenue)).toEqual([1234, 2500]);
  });

  it('reads Excel\'s "Unicode text" export: UTF-16 with tabs', async () => {
    const text = 'Customer\tRevenue\r\nPeña\t1,234.50\r\nSur\t99\r\n';
    const result = await readAccounts(write('export.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(result.source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(result.accounts.map((a) => [a.account, a.revenue])).toEqual([['Peña', 1234.5], ['Sur', 99]]);
  });

  it('honours a "sep=" line and reports a quote never closed', async () => {
    const result = await readAccounts(write('odd.csv', 'sep=|\nCustomer|Revenue\nA|5\n"B|6\n'));
    expect(result.source.delimiter).toBe('|');
    expect(result.accounts.map((a) => a.account)).toEqual(['A', 'B|6']);
    expect(result.warnings[0]).toMatchObject({ code: 'UNCLOSED_QUOTE', rows: [3] });
  });
});
