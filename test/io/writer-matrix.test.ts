// The writer matrix: the same customer list and order export as each common tool writes them
// (test/fixtures/writers, made by build/make-writer-fixtures.mjs) read to the same accounts, sheet
// names, dates and portfolio as the Excel-shaped (exceljs) file; --sheet on every multi-sheet one.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawCell } from '../../src/core/ingest/raw-cell';
import { readAccounts, readTableRows, WorkbookReadError } from '../../src/io';
import type { WorkbookIngestResult } from '../../src/io';
import { kam, tempDir } from '../support/cli';

const WRITERS = path.join(import.meta.dirname, '..', 'fixtures', 'writers');
const file = (name: string) => (path.isAbsolute(name) ? name : path.join(WRITERS, name));

/** Every writer in the matrix; the first is the reference. */
const WRITER_NAMES = ['exceljs', 'openpyxl', 'pandas', 'libreoffice', 'google-sheets', 'numbers-1904', 'openxml-sdk', 'minimal-inline', 'strict'];
const extensionOf = (writer: string) => (writer === 'libreoffice-xlsm' ? 'xlsm' : 'xlsx');
const CUSTOMER_FILES = [...WRITER_NAMES, 'pandas-index', 'libreoffice-xlsm'].map((w) => `customers-${w.replace('-xlsm', '')}.${extensionOf(w)}`);
const ORDER_FILES = [...WRITER_NAMES, 'libreoffice-xlsm'].filter((w) => w !== 'pandas-index').map((w) => `orders-${w.replace('-xlsm', '')}.${extensionOf(w)}`);

const SHEETS = ['Clientes 2026', 'Notas'];
/** "Cliente desde" of each account, as written (every file stores these days, in its own way). */
const SINCE = ['2015-03-01', '2019-11-15', '2010-06-30', '2021-01-04', '2012-09-10', '2017-05-22', '2008-02-29', '2023-10-01'];
const ORDER_DATES = ['2025-01-15', '2025-02-03', '2025-03-20', '2025-05-11', '2025-07-01', '2025-09-09', '2025-11-30', '2026-01-12', '2026-02-14', '2026-03-03', '2026-04-18', '2026-05-25'];

async function rowsOf(name: string, sheet?: string): Promise<{ rows: RawCell[][]; sheet: string | null; sheets: string[] }> {
  const rows: RawCell[][] = [];
  const source = await readTableRows(file(name), (cells) => rows.push([...cells]), sheet === undefined ? {} : { sheet });
  return { rows, sheet: source.sheet, sheets: source.sheets };
}

/** The values of the column headed `header`, below the header row. */
function column(rows: RawCell[][], header: string): RawCell[] {
  const at = rows[0]!.indexOf(header);
  expect(at, `no column "${header}" in ${JSON.stringify(rows[0])}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[at]);
}

/** What must not differ between writers: the result without the file's name in messages. */
function comparable(result: WorkbookIngestResult, name: string) {
  const strip = (text: string) => text.replaceAll(name, 'FILE');
  return {
    kind: result.kind,
    headerRow: result.headerRow,
    asOf: result.asOf,
    growthYears: result.growthYears,
    accounts: result.accounts,
    skippedRows: result.skippedRows,
    warnings: result.warnings.filter((w) => w.code !== 'COLUMNS_NOT_USED').map((w) => ({ code: w.code, message: strip(w.message) })),
    errors: result.errors,
    sheet: result.source.sheet,
    sheets: result.source.sheets,
  };
}

describe('customer lists as each tool writes them', () => {
  let reference: ReturnType<typeof comparable>;
  beforeAll(async () => {
    reference = comparable(await readAccounts(file('customers-exceljs.xlsx')), 'customers-exceljs.xlsx');
    expect(reference.accounts).toHaveLength(8);
    expect(reference.errors).toEqual([]);
    expect(reference.sheet).toBe('Clientes 2026');
    expect(reference.accounts[0]).toMatchObject({ account: 'Distribuciones Peña S.L.', revenue: 120000, margin: 0.25, profit: 30000, costToServe: 8000, stage: 'Cooperative' });
  });

  it.each(CUSTOMER_FILES)('%s reads to the same accounts, sheet names and warnings', async (name) => {
    const result = await readAccounts(file(name));
    expect(comparable(result, name)).toEqual(reference);
  });

  it.each(CUSTOMER_FILES)('%s gives the same dates and formula values, the sheet names from the workbook', async (name) => {
    const { rows, sheet, sheets } = await rowsOf(name);
    expect(sheet).toBe('Clientes 2026');
    expect(sheets).toEqual(SHEETS);
    expect(column(rows, 'Cliente desde')).toEqual(SINCE.map((day) => new Date(`${day}T00:00:00Z`)));
    // Beneficio is a formula (=Ventas*Margen) where the writer keeps formulas: its cached value is read.
    expect(column(rows, 'Beneficio')).toEqual([30000, 18000, 31250, 18000, 22500, 24000, 18750, 18000]);
    expect(column(rows, 'Cliente')).toContain('Ñandú Logística S.A.');
  });

  it.each(CUSTOMER_FILES)('%s: --sheet finds each sheet exactly and ignoring case and accents', async (name) => {
    for (const [asked, expected] of [
      ['Clientes 2026', 'Clientes 2026'],
      ['Notas', 'Notas'],
      ['clientes 2026', 'Clientes 2026'],
      ['CLIENTÉS  2026', 'Clientes 2026'],
      ['notás', 'Notas'],
    ] as const) {
      const { rows, sheet } = await rowsOf(name, asked);
      expect(sheet).toBe(expected);
      if (expected === 'Notas') expect(rows[0]![0]).toBe('Notas');
      else expect(rows[0]![rows[0]!.indexOf('Cliente')]).toBe('Cliente');
    }
    const missing = await readAccounts(file(name), { sheet: 'Sheet1' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(WorkbookReadError);
    expect((missing as WorkbookReadError).message).toContain('has no sheet named "Sheet1". Its sheets are "Clientes 2026", "Notas".');
  });
});

describe('order exports as each tool writes them', () => {
  let reference: ReturnType<typeof comparable>;
  beforeAll(async () => {
    reference = comparable(await readAccounts(file('orders-exceljs.xlsx')), 'orders-exceljs.xlsx');
    expect(reference.kind).toBe('transactions');
    expect(reference.accounts.map((a) => [a.account, a.revenue, a.orders])).toEqual([
      ['Distribuciones Peña S.L.', 4500, 3],
      ['Café del Sur', 2100, 3],
      ['Ñandú Logística S.A.', 15300, 3],
      ['Frutas García', 3000, 3],
    ]);
  });

  it.each(ORDER_FILES)('%s rolls up to the same accounts with the same order dates', async (name) => {
    expect(comparable(await readAccounts(file(name)), name)).toEqual(reference);
    const { rows, sheet, sheets } = await rowsOf(name);
    expect([sheet, sheets]).toEqual(['Pedidos', ['Pedidos']]);
    expect(column(rows, 'Fecha')).toEqual(ORDER_DATES.map((day) => new Date(`${day}T00:00:00Z`)));
  });
});

describe('formats out of reach say what they are and how to convert', () => {
  const folder = tempDir('kam-formats-');
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  async function zipOf(name: string, parts: Record<string, string>): Promise<string> {
    const zip = new JSZip();
    for (const [part, text] of Object.entries(parts)) zip.file(part, text);
    const target = path.join(folder, name);
    fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer' }));
    return target;
  }

  it.each([
    ['customers-libreoffice.xls', 'UNSUPPORTED_FORMAT', /is an old-style Excel 97-2003 workbook \(\.xls\).*Save As › Excel Workbook \(\.xlsx\).*soffice --headless --convert-to xlsx/],
    ['customers-libreoffice.ods', 'UNSUPPORTED_FORMAT', /is an OpenDocument spreadsheet \(\.ods\).*Excel 2007-365 \(\.xlsx\)/],
    ['customers-encrypted.xlsx', 'PASSWORD_PROTECTED', /is password-protected \(encrypted\).*remove the password/],
  ])('%s gives %s', async (name, code, message) => {
    const error = await readAccounts(file(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe(code);
    expect((error as WorkbookReadError).message).toMatch(message);
    expect((error as WorkbookReadError).message).not.toContain('\n');
  });

  it('names an .xlsb (binary workbook) and an Apple Numbers document', async () => {
    const xlsb = await zipOf('book.xlsb', {
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      'xl/workbook.bin': 'binary',
    });
    const numbers = await zipOf('book.numbers', { 'Index/Document.iwa': 'iwa', 'Metadata/Properties.plist': 'plist' });
    for (const [target, text] of [[xlsb, 'is an Excel binary workbook (.xlsb)'], [numbers, 'is an Apple Numbers document']] as const) {
      const error = (await readAccounts(target).catch((e: unknown) => e)) as WorkbookReadError;
      expect(error.code).toBe('UNSUPPORTED_FORMAT');
      expect(error.message).toContain(text);
    }
  });
});

describe('--sheet when two sheets differ only by accents or case', () => {
  const folder = tempDir('kam-sheets-');
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads the exact name, and asks for it when the loose match is ambiguous', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notas').addRow(['primera']);
    book.addWorksheet('Notás').addRow(['segunda']);
    const target = path.join(folder, 'notas.xlsx');
    await book.xlsx.writeFile(target);
    expect((await rowsOf(target, 'Notás')).rows).toEqual([['segunda']]);
    expect((await rowsOf(target, 'Notas')).rows).toEqual([['primera']]);
    const error = (await readAccounts(target, { sheet: 'NOTAS' }).catch((e: unknown) => e)) as WorkbookReadError;
    expect(error.code).toBe('SHEET_AMBIGUOUS');
    expect(error.message).toBe(`More than one sheet of the workbook "${target}" matches "NOTAS" when case and accents are ignored: "Notas", "Notás". Name the sheet exactly as it is written.`);
  });
});

describe('the command line gives the same portfolio for every writer', () => {
  const folder = tempDir('kam-matrix-');
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** The portfolio JSON without what names the files (paths and the file name in messages). rowsRead counts the header row. */
  function portfolioOf(name: string, extra: string[] = []): unknown {
    const out = path.join(folder, `${name}-portfolio.xlsx`);
    const run = kam(['portfolio', file(name), '--out', out, '--json', ...extra]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout.replaceAll(name, 'FILE').replaceAll(JSON.stringify(WRITERS).slice(1, -1), 'DIR').replaceAll(JSON.stringify(folder).slice(1, -1), 'OUT'));
    // pandas' index column shifts the other columns one letter right: compare what the method computes.
    const { source, output, ...portfolio } = json;
    delete portfolio.model.source;
    portfolio.warnings = portfolio.warnings.filter((w: { code?: string }) => w.code !== 'COLUMNS_NOT_USED');
    return { sheet: source.sheet, kind: source.kind, rowsRead: source.rowsRead, ...portfolio };
  }

  it('customer lists', () => {
    const reference = portfolioOf('customers-exceljs.xlsx');
    expect(reference).toMatchObject({ sheet: 'Clientes 2026', kind: 'customers', rowsRead: 9 });
    for (const name of CUSTOMER_FILES.slice(1)) expect(portfolioOf(name), name).toEqual(reference);
  });

  it('order exports', () => {
    const reference = portfolioOf('orders-exceljs.xlsx');
    expect(reference).toMatchObject({ sheet: 'Pedidos', kind: 'transactions', rowsRead: 13 });
    for (const name of ORDER_FILES.slice(1)) expect(portfolioOf(name), name).toEqual(reference);
  });

  it('takes --sheet "Clientes 2026" on the openpyxl workbook (issue 16) and names the sheet in its summary', () => {
    const out = path.join(folder, 'openpyxl-sheet.xlsx');
    const run = kam(['portfolio', file('customers-openpyxl.xlsx'), '--sheet', 'Clientes 2026', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('from customers-openpyxl.xlsx, sheet "Clientes 2026"');
    const loose = kam(['portfolio', file('customers-openpyxl.xlsx'), '--sheet', 'clientes 2026', '--out', out, '--json']);
    expect(JSON.parse(loose.stdout).source.sheet).toBe('Clientes 2026');
  });

  it('says in one line how to convert an .xls', () => {
    const run = kam(['portfolio', file('customers-libreoffice.xls'), '--out', path.join(folder, 'x.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/old-style Excel 97-2003 workbook \(\.xls\)/);
  });
});
