// Writes the checked-in sample workbooks (samples/) and test fixtures (test/fixtures/), deterministically.
//
// Run with `node build/make-samples.mjs`. Every random choice comes from a seeded PRNG and every
// date is fixed, and the zip timestamps exceljs stamps are overwritten, so a rerun writes the
// same bytes: the outputs are checked in and a diff shows exactly what a change to this script did.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { prng } from './prng.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const FIXED_TIME = new Date(Date.UTC(2025, 0, 1));

// ---------------------------------------------------------------------------------------------
// Determinism helpers

/** Overwrite the DOS date/time of every zip entry (local headers and central directory). */
function fixZipTimestamps(buffer) {
  const bytes = Buffer.from(buffer);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const dosTime = 0; // 00:00:00
  const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 1; // 2025-01-01
  for (let i = 0; i < entries; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    bytes.writeUInt16LE(dosTime, at + 12);
    bytes.writeUInt16LE(dosDate, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    bytes.writeUInt16LE(dosTime, local + 10);
    bytes.writeUInt16LE(dosDate, local + 12);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'make-samples';
  workbook.lastModifiedBy = 'make-samples';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  return workbook;
}

async function saveWorkbook(workbook, path) {
  await mkdir(dirname(path), { recursive: true });
  const bytes = fixZipTimestamps(await workbook.xlsx.writeBuffer());
  await writeFile(path, bytes);
  return bytes;
}

async function saveText(path, text, encoding = 'utf8') {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, encoding === 'windows-1252' ? toWindows1252(text) : Buffer.from(text, 'utf8'));
}

/** Latin-1 plus the Windows-1252 euro sign (0x80), which is what Excel writes on Windows. */
function toWindows1252(text) {
  return Buffer.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const iso = (date) => date.toISOString().slice(0, 10);
const csvField = (value) => (/[",\n\r;]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

// ---------------------------------------------------------------------------------------------
// Names

const NAME_HEADS = [
  'Atlas', 'Boreal', 'Cedar', 'Delta', 'Everest', 'Fjord', 'Granite', 'Harbor', 'Iberia', 'Juniper', 'Keystone', 'Lumen',
  'Meridian', 'Nordic', 'Orion', 'Pioneer', 'Quantum', 'Riverside', 'Summit', 'Tundra', 'Unity', 'Vertex', 'Willow',
  'Zenith', 'Aurora', 'Beacon', 'Cobalt', 'Dynamo', 'Ember', 'Falcon', 'Galicia', 'Horizon', 'Mistral', 'Navarra',
  'Olivo', 'Prisma', 'Sierra', 'Tajo', 'Vega', 'Castilla',
];
const NAME_TAILS = [
  'Foods', 'Logistics', 'Retail', 'Pharma', 'Energy', 'Hotels', 'Telecom', 'Steel', 'Textiles', 'Motors', 'Health',
  'Systems', 'Farms', 'Packaging', 'Chemicals', 'Distribución', 'Alimentación', 'Construcciones', 'Bodegas', 'Labs',
];
const LEGAL = ['Inc.', 'Ltd', 'GmbH', 'S.L.', 'S.A.', 'LLC', 'plc', 'S.A.U.', '', ''];

/** Distinct companies: each name stem once, so the only near-duplicates are the planted ones. */
function accountNames(random, count) {
  const stems = new Set();
  const names = [];
  while (names.length < count) {
    const stem = `${random.pick(NAME_HEADS)} ${random.pick(NAME_TAILS)}`;
    if (stems.has(stem)) continue;
    stems.add(stem);
    const legal = random.pick(LEGAL);
    names.push(legal ? `${stem} ${legal}` : stem);
  }
  return names;
}

const SEGMENTS = ['Retail', 'Industry', 'Healthcare', 'Public sector', 'Energy', 'Hospitality', 'Telecom'];
const MANAGERS = [
  'Ana Ruiz', 'Bob Lee', 'Carla Gómez', 'David Chen', 'Elena Petrova', 'Farid Haddad', 'Grace Okafor', 'Hugo Martín',
  'Irene Sato', 'Jonas Berg',
];
const STAGES = ['Exploratory', 'Basic', 'Cooperative', 'Interdependent', 'Integrated', 'Disintegrating'];
const STAGE_WEIGHTS = [0.12, 0.33, 0.3, 0.13, 0.05, 0.07];

function weighted(random, items, weights) {
  let r = random.next();
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

// ---------------------------------------------------------------------------------------------
// samples/customers.xlsx: a realistic messy customer list of ~300 accounts

const money = (value) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

async function makeCustomerSample() {
  const random = prng(20240315);
  const names = accountNames(random, 294);
  // Planted problems: near-duplicates, formula-like names, exact duplicates added below.
  names.splice(10, 0, 'Acme Inc.');
  names.splice(57, 0, 'ACME, Inc');
  names.splice(120, 0, '=Acme');
  names.splice(200, 0, '+Corp');
  const rows = names.map((name, i) => {
    const big = i % 37 === 5; // a few very large accounts, some of which lose money
    const revenue = Math.round(Math.exp(random.normal(big ? 14.2 : 11.2, big ? 0.3 : 1.0)) * 100) / 100;
    const margin = Math.min(0.6, Math.max(0.04, random.normal(big ? 0.14 : 0.3, 0.07)));
    const cts = Math.round(revenue * (big ? random.next() * 0.12 + 0.08 : random.next() * 0.1 + 0.01) + random.int(500, 4000));
    const growth = Math.round(random.normal(0.04, 0.12) * 1000) / 1000;
    const year = random.int(1998, 2024);
    const since = random.chance(0.6) ? year : random.chance(0.5) ? utc(year, random.int(1, 12), random.int(1, 28)) : `${String(random.int(13, 28)).padStart(2, '0')}/${String(random.int(1, 12)).padStart(2, '0')}/${year}`;
    return {
      name,
      segment: random.pick(SEGMENTS),
      manager: random.pick(MANAGERS),
      revenue,
      margin: Math.round(margin * 1000) / 1000,
      cts,
      growth,
      since,
      stage: weighted(random, STAGES, STAGE_WEIGHTS),
      fit: random.chance(0.05) ? null : random.int(0, 10),
    };
  });
  // Exact duplicates: the same customer entered twice, once with different capitals and spaces.
  rows.splice(150, 0, { ...rows[30], name: `  ${rows[30].name.toUpperCase()} `, revenue: 12500, growth: 0.02 });
  rows.splice(240, 0, { ...rows[90], revenue: 3100.5 });

  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Customers');
  sheet.columns = [
    { width: 34 }, { width: 14 }, { width: 16 }, { width: 14, style: { numFmt: '#,##0.00' } },
    { width: 15, style: { numFmt: '0.0%' } }, { width: 14, style: { numFmt: '#,##0' } },
    { width: 10, style: { numFmt: '0.0%' } }, { width: 15 }, { width: 18 }, { width: 20 },
  ];
  sheet.addRow(['Key account portfolio review — FY2024']);
  sheet.mergeCells('A1:J1');
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.addRow(['Source: CRM export of 31 Dec 2024. Amounts in USD; margin and growth as percentages.']);
  sheet.mergeCells('A2:J2');
  sheet.addRow([]);
  const header = sheet.addRow([
    'Customer', 'Segment', 'Account manager', 'Revenue', 'Gross margin %', 'Cost to serve', 'Growth %', 'Customer since',
    'Relationship stage', 'Strategic fit (0-10)',
  ]);
  header.font = { bold: true };
  const firstData = sheet.rowCount + 1;
  rows.forEach((row, i) => {
    if (i === 100 || i === 210) sheet.addRow([]); // blank rows left inside the table
    let revenue = row.revenue;
    if (i % 41 === 7) revenue = money(row.revenue); // typed as text with a currency sign
    if (i === 77) revenue = '(1,200)'; // a net credit, accountant style
    let margin = row.margin;
    if (i % 53 === 11) margin = `${(row.margin * 100).toFixed(1)} %`;
    let growth = row.growth;
    if (i % 47 === 3) growth = `${Math.round(row.growth * 100)}%`;
    const added = sheet.addRow([row.name, row.segment, row.manager, revenue, margin, row.cts, growth, row.since, row.stage, row.fit]);
    if (row.since instanceof Date) added.getCell(8).numFmt = 'dd/mm/yyyy';
  });
  const last = sheet.rowCount;
  const total = (column) => {
    let sum = 0;
    for (let r = firstData; r <= last; r++) {
      const value = sheet.getCell(`${column}${r}`).value;
      if (typeof value === 'number') sum += value;
    }
    return Math.round(sum * 100) / 100;
  };
  const totals = sheet.addRow([
    'Total', null, null, { formula: `SUM(D${firstData}:D${last})`, result: total('D') }, null,
    { formula: `SUM(F${firstData}:F${last})`, result: total('F') },
  ]);
  totals.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  await saveWorkbook(workbook, join(SAMPLES, 'customers.xlsx'));
}

// ---------------------------------------------------------------------------------------------
// samples/transactions.csv: ~20,000 order lines over four years for ~250 customers

async function makeTransactionSample() {
  const random = prng(4242);
  const customers = accountNames(random, 250).map((name, i) => ({
    name: i === 17 ? 'Smith, Jones & Co' : name,
    manager: random.pick(MANAGERS),
    weight: Math.exp(random.normal(0, 1.1)), // a few customers buy most
    start: i < 200 ? 0 : random.int(200, 1300), // later customers start during the period
    trend: random.normal(0.05, 0.15),
    margin: Math.min(0.5, Math.max(0.02, random.normal(0.25, 0.08))),
  }));
  const totalWeight = customers.reduce((sum, c) => sum + c.weight, 0);
  const biggest = customers.reduce((a, b) => (b.weight > a.weight ? b : a));
  const first = Date.UTC(2021, 0, 1);
  const days = 1461; // 2021-01-01 .. 2024-12-31
  const lines = [];
  let invoice = 100000;
  while (lines.length < 20000) {
    const day = random.int(0, days - 1);
    let pick = random.next() * totalWeight;
    let customer = customers[0];
    for (const c of customers) {
      pick -= c.weight;
      if (pick < 0) {
        customer = c;
        break;
      }
    }
    if (day < customer.start) continue;
    const years = day / 365.25;
    const items = random.int(1, 3);
    invoice++;
    for (let k = 0; k < items && lines.length < 20000; k++) {
      const credit = random.chance(0.01);
      const amount = Math.round(Math.exp(random.normal(6.5, 0.9)) * (1 + customer.trend) ** years * 100) / 100;
      const profit = Math.round(amount * (customer.margin + random.normal(0, 0.05)) * 100) / 100;
      // The biggest customer is now and then keyed in capitals, as happens in real ledgers.
      const name = customer === biggest && random.chance(0.05) ? customer.name.toUpperCase() : customer.name;
      lines.push({ day, invoice: `INV-${invoice}`, customer, name, amount: credit ? -amount : amount, profit: credit ? -profit : profit });
    }
  }
  lines.sort((a, b) => a.day - b.day || a.invoice.localeCompare(b.invoice));
  const text = ['Date,Invoice,Customer,Account manager,Amount,Profit']
    .concat(lines.map((l) => [iso(new Date(first + l.day * 86400000)), l.invoice, l.name, l.customer.manager, l.amount.toFixed(2), l.profit.toFixed(2)].map(csvField).join(',')))
    .join('\r\n');
  await saveText(join(SAMPLES, 'transactions.csv'), `${text}\r\n`);
}

// ---------------------------------------------------------------------------------------------
// test/fixtures: small files whose expected values are worked out by hand in the tests

async function makeMessyCustomers() {
  const workbook = newWorkbook();
  workbook.addWorksheet('Cover'); // an empty first sheet: the reader must move on to the data
  const sheet = workbook.addWorksheet('Customers');
  sheet.addRow(['Key account review — FY2024']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['Amounts in USD. Source: CRM export.']);
  sheet.mergeCells('A2:I2');
  sheet.addRow([]);
  sheet.addRow(['Customer', 'Segment', 'Account manager', 'Revenue', 'Gross margin %', 'Cost to serve', 'Customer since', 'Relationship stage', 'Strategic fit (0-10)']);
  const rows = [
    ['Acme Inc.', 'Retail', 'Ana Ruiz', '$1,234.50', 0.3, 100, 2015, 'Basic', 7],
    ['ACME, Inc', 'Retail', 'Ana Ruiz', 5000, '25%', 200, utc(2018, 3, 1), 'Cooperative', 5],
    [],
    ['=Acme', 'Industry', 'Bob Lee', '(1,200)', 0.1, 50, '15/03/2019', 'Exploratory', null],
    // Rich text, a hyperlink and a formula: cells that exceljs hands over as objects.
    ['+Corp', { richText: [{ text: 'Indus' }, { font: { bold: true }, text: 'try' }] }, 'Bob Lee', 8000, 0.2, 2500, 2020, 'Interdependent', 8],
    ['Northwind Traders', 'Public sector', 'Carla Gómez', 10000, 0.2, 3000, 2010, 'Integrated', 9],
    ['NORTHWIND TRADERS ', 'Public sector', 'Carla Gómez', 2000, 0.4, 100, 2012, 'Integrated', 9],
    [],
    [{ text: 'Globex', hyperlink: 'https://globex.example' }, 'Retail', 'Ana Ruiz', 'n/a', 0.35, { formula: '40*2', result: 80 }, 2022, 'Basic', 4],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(5).numFmt = '0%';
  sheet.getCell('G6').numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Total', null, null, { formula: 'SUM(D5:D13)', result: 25034.5 }, null, { formula: 'SUM(F5:F13)', result: 6030 }]);
  const lists = workbook.addWorksheet('Lists');
  lists.addRow(['Stage']);
  for (const stage of STAGES) lists.addRow([stage]);
  return saveWorkbook(workbook, join(FIXTURES, 'messy-customers.xlsx'));
}

const LEDGER = [
  ['2023-01-05', 'INV-001', 'Acme', 1000, 200],
  ['2023-01-05', 'INV-001', 'Acme', 500, 50],
  ['2023-03-10', 'INV-002', 'Beta Ltd', 2000, 300],
  ['2023-06-15', 'INV-003', 'Acme', 1500, 250],
  ['2023-11-30', 'INV-004', 'Gamma', 800, -100],
  ['2024-02-01', 'INV-005', 'Beta Ltd', 2500, 400],
  ['2024-05-20', 'INV-006', 'acme', 3000, 600],
  ['2024-07-07', 'INV-007', 'Beta Ltd', -200, -200],
  ['2024-09-09', 'INV-008', 'Delta', 1200, 100],
  ['2024-12-20', 'INV-009', 'Beta Ltd', 1000, 150],
  ['2024-03-03', 'INV-010', 'Omega, Inc.', 700, 70],
];

async function makeTransactionFixtures() {
  const csv = ['Date,Invoice,Customer,Amount,Profit']
    .concat(LEDGER.map(([date, id, customer, amount, profit]) => [date, id, customer, amount.toFixed(2), profit.toFixed(2)].map(csvField).join(',')))
    .join('\n');
  await saveText(join(FIXTURES, 'transactions.csv'), `${csv}\n`);

  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Ledger');
  sheet.addRow(['Sales ledger export']);
  sheet.addRow(['Date', 'Invoice', 'Customer', 'Amount', 'Profit']);
  for (const [date, id, customer, amount, profit] of LEDGER) {
    const [y, m, d] = date.split('-').map(Number);
    sheet.addRow([utc(y, m, d), id, customer, amount, profit]);
  }
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(4).numFmt = '#,##0.00';
  const last = sheet.rowCount;
  sheet.addRow(['Total', null, null, { formula: `SUM(D3:D${last})`, result: 14000 }, { formula: `SUM(E3:E${last})`, result: 1820 }]);
  await saveWorkbook(workbook, join(FIXTURES, 'transactions.xlsx'));
}

const SPANISH = [
  ['Cliente', 'Ventas', 'Margen', 'Fecha'],
  ['Distribuciones Peña S.L.', '1.234,50 €', '12,5 %', '15/03/2024'],
  ['Café del Sur', '€ 2.000', '8 %', '01/02/2024'],
  ['Ñandú Logística S.A.', '10.500,75 €', '15 %', '28/02/2024'],
  ['Hostelería Martínez', '950 €', '-3,5 %', '05/01/2024'],
  ['Frutas García', '1 100,00 €', '10 %', '13/12/2023'],
  ['Totales', '15.785,25 €', '', ''],
];

async function makeSpanishFixtures() {
  const csv = SPANISH.map((row) => row.join(';')).join('\r\n');
  await saveText(join(FIXTURES, 'spanish-customers.csv'), `\ufeff${csv}\r\n`);
  await saveText(join(FIXTURES, 'spanish-customers-latin1.csv'), `${csv}\r\n`, 'windows-1252');

  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Clientes');
  sheet.addRow(SPANISH[0]);
  for (const [name, sales, margin, date] of SPANISH.slice(1, -1)) {
    const [d, m, y] = date.split('/').map(Number);
    // Sales pasted as text, margins as real percentages, dates as real dates: what such files hold.
    sheet.addRow([name, sales, Number(margin.replace(' %', '').replace(',', '.')) / 100, utc(y, m, d)]);
  }
  sheet.addRow(['Totales', SPANISH[SPANISH.length - 1][1]]);
  sheet.getColumn(3).numFmt = '0.0%';
  sheet.getColumn(4).numFmt = 'dd/mm/yyyy';
  await saveWorkbook(workbook, join(FIXTURES, 'spanish-customers.xlsx'));
}

async function makeTitleAndTotals() {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Summary');
  sheet.addRow(['Regional sales summary']);
  sheet.mergeCells('A1:D1');
  sheet.addRow(['Prepared by: Finance', 'Date:', utc(2024, 12, 31)]);
  sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
  sheet.addRow([]);
  sheet.addRow(['Account', 'Region', 'Sales', 'Profit']);
  sheet.addRow(['Total Energies', 'Europe', 5000, 500]);
  sheet.addRow(['Siemens', 'Europe', 3000, 300]);
  sheet.addRow(['Total Europe', null, { formula: 'SUM(C5:C6)', result: 8000 }, { formula: 'SUM(D5:D6)', result: 800 }]);
  sheet.addRow(['Walmart', 'Americas', 7000, 350]);
  sheet.addRow(['Target', 'Americas', 2000, 100]);
  sheet.addRow(['Total Americas', null, { formula: 'SUM(C8:C9)', result: 9000 }, { formula: 'SUM(D8:D9)', result: 450 }]);
  sheet.addRow([]);
  sheet.addRow([null, null, { formula: 'C7+C10', result: 17000 }, { formula: 'D7+D10', result: 1250 }]);
  sheet.addRow(['Average', null, 4250, 312.5]);
  await saveWorkbook(workbook, join(FIXTURES, 'title-and-totals.xlsx'));
}

async function makeBadFiles(messyBytes) {
  const empty = newWorkbook();
  empty.addWorksheet('Sheet1');
  await saveWorkbook(empty, join(FIXTURES, 'empty.xlsx'));

  await writeFile(join(FIXTURES, 'corrupt.xlsx'), messyBytes.subarray(0, Math.floor(messyBytes.length / 2)));

  // An encrypted .xlsx is an OLE compound file: its signature followed by sectors of data.
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  const random = prng(7);
  for (let i = 8; i < ole.length; i++) ole[i] = random.int(0, 255);
  await writeFile(join(FIXTURES, 'password-protected.xlsx'), ole);

  await saveText(join(FIXTURES, 'not-a-workbook.xlsx'), 'This is a plain text note, saved with the wrong extension.\n');
  await saveText(join(FIXTURES, 'empty.csv'), '');
  await saveText(join(FIXTURES, 'blank-lines.csv'), '\n \n;;\n');

  const noAccount = newWorkbook();
  const a = noAccount.addWorksheet('Regions');
  a.addRow(['Region', 'Revenue', 'Margin']);
  a.addRow(['North', 120000, 0.25]);
  a.addRow(['South', 95000, 0.21]);
  await saveWorkbook(noAccount, join(FIXTURES, 'no-account-column.xlsx'));

  const noNumbers = newWorkbook();
  const b = noNumbers.addWorksheet('Contacts');
  b.addRow(['Customer', 'Segment', 'Account manager']);
  b.addRow(['Acme', 'Retail', 'Ana Ruiz']);
  b.addRow(['Globex', 'Industry', 'Bob Lee']);
  await saveWorkbook(noNumbers, join(FIXTURES, 'no-numeric-data.xlsx'));
}

await makeCustomerSample();
await makeTransactionSample();
const messy = await makeMessyCustomers();
await makeTransactionFixtures();
await makeSpanishFixtures();
await makeTitleAndTotals();
await makeBadFiles(messy);
console.log('samples/ and test/fixtures/ written');
