// Job 3: the command line end to end on big inputs, against exceljs' streaming read of the same file alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { prng } from './lib/prng.mjs';
import { BENCH, runNode } from './lib/child.mjs';
import { DIST } from './lib/bundles.mjs';
import { report } from './lib/timing.mjs';
import { count, mb, median, ms, ratio, table } from './lib/stats.mjs';

const DATA = path.join(os.tmpdir(), 'kam-bench-data');
const SEGMENTS = ['Retail', 'Industry', 'Healthcare', 'Public sector', 'Energy', 'Hospitality', 'Telecom'];
const MANAGERS = ['Ana Ruiz', 'Bob Lee', 'Carla Gómez', 'David Chen', 'Elena Petrova', 'Farid Haddad', 'Grace Okafor', 'Hugo Martín', 'Irene Sato', 'Jonas Berg'];
const STAGES = ['Exploratory', 'Basic', 'Cooperative', 'Interdependent', 'Integrated', 'Disintegrating'];
const HEADS = ['Atlas', 'Boreal', 'Cedar', 'Delta', 'Everest', 'Fjord', 'Granite', 'Harbor', 'Iberia', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nordic', 'Orion', 'Pioneer'];
const TAILS = ['Foods', 'Logistics', 'Retail', 'Pharma', 'Energy', 'Hotels', 'Telecom', 'Steel', 'Textiles', 'Motors', 'Health', 'Systems'];
const name = (i) => `${HEADS[i % HEADS.length]} ${TAILS[(i >> 4) % TAILS.length]} ${i + 1}`;

async function writeRows(file, sheetName, header, rowCount, makeRow, numFmts = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.part`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = header.map((h, j) => ({ header: h, key: `c${j}`, width: 16, style: numFmts[j] ? { numFmt: numFmts[j] } : undefined }));
  for (let i = 0; i < rowCount; i++) sheet.addRow(makeRow(i)).commit();
  sheet.commit();
  await workbook.commit();
  fs.renameSync(tmp, file);
}

/** A customer list like samples/customers.xlsx, at scale (deterministic; cached under the temp dir). */
export async function customerFile(accounts) {
  const file = path.join(DATA, `customers-${accounts}.xlsx`);
  if (fs.existsSync(file)) return file;
  const random = prng(20240315);
  await writeRows(file, 'Customers', ['Customer', 'Segment', 'Account manager', 'Revenue', 'Gross margin %', 'Cost to serve', 'Growth %', 'Customer since', 'Relationship stage', 'Strategic fit (0-10)'], accounts, (i) => {
    const revenue = Math.round(Math.exp(random.normal(11.2, 1.0)) * 100) / 100;
    return [name(i), random.pick(SEGMENTS), random.pick(MANAGERS), revenue, Math.round(Math.min(0.6, Math.max(0.04, random.normal(0.3, 0.07))) * 1000) / 1000,
      Math.round(revenue * (random.next() * 0.1 + 0.01) + random.int(500, 4000)), Math.round(random.normal(0.04, 0.12) * 1000) / 1000,
      random.int(1998, 2024), random.pick(STAGES), random.int(0, 10)];
  }, { 3: '#,##0.00', 4: '0.0%', 5: '#,##0', 6: '0.0%' });
  return file;
}

/** A transaction export like samples/transactions.csv, as .xlsx: dated order lines for `customers` accounts. */
export async function transactionFile(lines, customers) {
  const file = path.join(DATA, `transactions-${lines}.xlsx`);
  if (fs.existsSync(file)) return file;
  const random = prng(4242);
  const first = Date.UTC(2021, 0, 1);
  const step = (4 * 365) / lines;
  await writeRows(file, 'Ledger', ['Date', 'Invoice', 'Customer', 'Account manager', 'Amount', 'Profit'], lines, (i) => {
    const c = Math.floor(customers * random.next() ** 2); // a few customers buy most
    const amount = Math.round(Math.exp(random.normal(6.5, 0.9)) * 100) / 100;
    return [new Date(first + Math.floor(i * step) * 86_400_000), `INV-${100000 + (i >> 1)}`, name(c), MANAGERS[c % MANAGERS.length], amount,
      Math.round(amount * (0.25 + random.normal(0, 0.05)) * 100) / 100];
  }, { 0: 'yyyy-mm-dd', 4: '#,##0.00', 5: '#,##0.00' });
  return file;
}

export const cases = {
  /** The I/O floor: exceljs' streaming reader over every row and cell of the file, as the CLI configures it. */
  async floor({ file }) {
    const t0 = performance.now();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
      worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
    });
    let rows = 0;
    let cells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows++;
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.value !== undefined) cells++;
        });
      }
      break;
    }
    report({ inProcessMs: performance.now() - t0, rows, cells });
  },
};

async function cliOnce(file, extra, out) {
  fs.rmSync(out, { force: true });
  const res = await runNode(['--max-old-space-size=4096', path.join(BENCH, 'lib', 'rusage.cjs'), path.join(DIST, 'cli', 'kam.cjs'), 'portfolio', file, '--out', out, '--force', ...extra], 900_000);
  if (res.exitCode !== 0 && !res.failure) res.failure = `exit ${res.exitCode}: ${(res.stderr || '').trim().split('\n').slice(-2).join(' | ')}`;
  return res;
}

export async function run({ quick, reps: repsOverride, runCase, note }) {
  const accounts = quick ? 10_000 : 100_000;
  const lines = quick ? 100_000 : 1_000_000;
  const reps = repsOverride ?? 2;
  const t0 = performance.now();
  const inputs = [
    [`customer list, ${count(accounts)} accounts`, await customerFile(accounts)],
    [`transaction export, ${count(lines)} lines`, await transactionFile(lines, Math.round(lines / 50))],
  ];
  note(`Job 3 inputs (generated once, cached in ${DATA}; ${((performance.now() - t0) / 1000).toFixed(0)} s this run): ${inputs.map(([, f]) => `${path.basename(f)} ${mb(fs.statSync(f).size)}`).join(', ')}`);
  const rows = [];
  const out = path.join(DATA, 'out', 'portfolio.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  for (const [label, file] of inputs) {
    const floors = [];
    const variants = { '--no-source': [], 'default (copies source rows)': [] };
    // Interleaved, so a noisy neighbour slows every variant alike.
    for (let r = 0; r < reps; r++) {
      floors.push(await runCase('3', 'floor', { file }, { heapMB: 4096, timeoutMs: 900_000 }));
      variants['--no-source'].push(await cliOnce(file, ['--no-source'], out));
      variants['default (copies source rows)'].push(await cliOnce(file, [], out));
    }
    const f = median(floors.map((x) => x.wallMs));
    const fRSS = Math.max(...floors.map((x) => x.maxRSS ?? NaN));
    for (const [variant, results] of Object.entries(variants)) {
      const failed = results.find((x) => x.failure);
      const w = failed ? failed.failure : median(results.map((x) => x.wallMs));
      const rss = Math.max(...results.map((x) => x.maxRSS ?? NaN));
      rows.push([label, variant, ms(w), ms(f), ratio(w, f), mb(rss), mb(fRSS), rss < 2 ** 30 ? 'yes' : 'NO', `${results.length} runs`]);
    }
  }
  return [table('Job 3 — kam portfolio end to end (wall time of the process, peak RSS) vs exceljs streaming read alone; goals ≤ 1.5×, < 1 GB',
    ['input', 'CLI variant', 'CLI (median)', 'floor (median)', 'ratio', 'peak RSS CLI', 'peak RSS floor', '< 1 GB', 'runs'], rows)];
}
