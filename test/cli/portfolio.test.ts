// `kam portfolio` end to end through the built command line: golden outputs re-read cell by cell,
// exit codes and messages for bad input, inputs never changed, outputs written atomically.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kam, readWorkbook, tempDir, workbookImages } from '../support/cli';
import { ROOT } from '../support/dist';

const GOLDEN = path.join(ROOT, 'test/fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('kam portfolio on fixtures (golden outputs)', () => {
  it.each([
    ['messy-customers.xlsx', []],
    ['title-and-totals.xlsx', []],
    ['spanish-customers.csv', []],
    ['spanish-customers.xlsx', []],
    ['transactions.csv', []],
    ['transactions.xlsx', ['--capacity', '45']],
  ])('%s %j', async (name, extra) => {
    const dir = tempDir();
    const input = path.join(dir, name);
    fs.copyFileSync(fixture(name), input);
    const before = sha(input);
    const out = path.join(dir, 'out.xlsx');
    const run = kam(['portfolio', input, '--out', out, ...extra]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(sha(input)).toBe(before);
    const sheets = await readWorkbook(out);
    // The whale curve's picture sheet only when some account has a profit figure (every fixture here has one).
    expect(Object.keys(sheets)).toEqual(['KAM Portfolio', 'Key accounts', 'KAM Rewards', 'KAM Profit', 'KAM Segments', 'KAM Model', 'KAM Matrix', 'KAM Profit curve', 'Source data']);
    const golden = path.join(GOLDEN, `${name}.json`);
    const actual = JSON.parse(JSON.stringify(sheets));
    if (UPDATE || !fs.existsSync(golden)) {
      if (!UPDATE) throw new Error(`No golden file ${golden}: run with UPDATE_GOLDEN=1 once and review it`);
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(golden, `${JSON.stringify(actual, null, 1)}\n`);
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(golden, 'utf8')));
    expect(fs.existsSync(out.replace(/\.xlsx$/, '-matrix.svg'))).toBe(true);
    expect(fs.readFileSync(out.replace(/\.xlsx$/, '-matrix.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('kam portfolio output', () => {
  let dir: string;
  let out: string;
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  let json: any;

  beforeAll(async () => {
    dir = tempDir();
    out = path.join(dir, 'sample-portfolio.xlsx');
    const run = kam(['portfolio', path.join(ROOT, 'samples/customers.xlsx'), '--out', out, '--json']);
    expect(run.status).toBe(0);
    json = JSON.parse(run.stdout);
    sheets = await readWorkbook(out);
  });

  it('has one portfolio row per account with the columns the method needs, under the add-in\'s title, marker and note', () => {
    const portfolio = sheets['KAM Portfolio'];
    expect(portfolio[0]).toEqual(['KAM Portfolio']);
    expect(portfolio[1][0]).toContain('[kam-portfolio:owned]');
    const header = portfolio[4];
    expect(header).toEqual(['Account', 'Segment', 'Manager', 'Stage', 'Revenue', 'Profit', 'Attractiveness (0-10)', 'Relative strength', 'Position', 'Key account?', 'Why not key', 'Days a year as key account', 'Portfolio warnings', 'Lifetime value', 'Strength from', 'Problem', 'Weight shift that changes the placement (points)', 'Factor to shift', 'Fragile placement?']);
    expect(portfolio).toHaveLength(json.accounts.length + 5);
    for (const row of portfolio.slice(5)) {
      expect(['Strategic', 'Star', 'Status', 'Streamline']).toContain(row[8]);
      expect([true, false]).toContain(row[9]);
    }
  });

  it('keeps accounts named like formulas as text, never as formulas', () => {
    const names = sheets['KAM Portfolio'].map((r) => r[0]);
    expect(names).toContain('=Acme');
    expect(names).toContain('+Corp');
    for (const sheet of Object.values(sheets)) for (const row of sheet) for (const cell of row) expect(typeof cell === 'object' && cell !== null && 'formula' in cell).toBe(false);
  });

  it('lists the key accounts best first with cumulative cost within capacity', () => {
    const key = sheets['Key accounts'];
    const chosen = key.slice(5).filter((r) => typeof r[0] === 'number');
    expect(chosen.map((r) => r[1])).toEqual(json.selection.accounts);
    const values = chosen.map((r) => r[5] as number);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const last = chosen[chosen.length - 1];
    expect(last[7]).toBe(json.selection.totalCost);
    expect(json.selection.totalCost).toBeLessThanOrEqual(json.selection.capacity);
  });

  it('writes every model setting on the add-in\'s KAM Model sheet, and --model with the workbook reproduces the portfolio', () => {
    const labels = sheets['KAM Model'].map((r) => r[0]);
    for (const label of ['Attractiveness factors', 'Relative strength', 'Portfolio matrix and capacity', 'Lifetime value', 'Reward plan (KAM_REWARD)', 'Customer data']) expect(labels).toContain(label);
    const again = kam(['portfolio', path.join(ROOT, 'samples/customers.xlsx'), '--model', out, '--out', path.join(dir, 'again.xlsx'), '--json']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).accounts).toEqual(json.accounts);
    expect(JSON.parse(again.stdout).model).toEqual(json.model);
  });

  it('puts the matrix and the whale curve inside the workbook and beside it', async () => {
    expect(await workbookImages(out)).toBe(2);
    expect(json.output.matrixPng).toBe(out.replace(/\.xlsx$/, '-matrix.png'));
  });

  it('chooses the most attractive healthy accounts, and says why not for every other one (issue 10)', () => {
    const rows: { account: string; key: boolean; eligible: boolean; attractiveness: number; flags: string; whyNotKey: string; position: string }[] = json.accounts;
    const key = rows.filter((r) => r.key);
    expect(key).toHaveLength(20); // 600 team days at 30 days each
    expect(json.selection.accounts.length).toBeLessThanOrEqual(50);
    const weakest = Math.min(...key.map((r) => r.attractiveness));
    for (const r of rows.filter((x) => !x.key)) {
      expect(r.whyNotKey).not.toBe('');
      if (r.eligible) expect(r.attractiveness).toBeLessThanOrEqual(weakest);
    }
    for (const r of key) expect(r.flags).not.toContain('Difficult');
    // Olivo Steel, among the five most attractive healthy accounts, left out before this issue.
    expect(key.map((r) => r.account)).toContain('Olivo Steel');
  });

  it('says in --json where the capacity and the days per key account came from, and the inputs of each account', () => {
    expect(json.selection).toMatchObject({
      objective: 'attractiveness',
      capacityFrom: 'the default team of 4 key account managers × 150 days (the data names 10 managers; the team is capped at 4)',
      costsFrom: '30 for every account (the same for all: days by stage are only a guess, and the data has no effort column)',
    });
    const olivo = json.accounts.find((r: { account: string }) => r.account === 'Olivo Steel');
    expect(Object.keys(olivo.inputs)).toEqual(['revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'orders', 'ordersPerYear', 'daysSinceLastOrder', 'categories', 'trend', 'effort']);
    expect(olivo.strengthFrom).toMatch(/^stage /);
    expect(olivo.costFrom).toBe('the same for every key account');
    expect(typeof olivo.inputs.revenue).toBe('number');
  });

  it('copies the source rows untouched into "Source data"', () => {
    const copy = sheets['Source data'];
    expect(copy.length).toBeGreaterThan(json.accounts.length);
    expect(copy.some((r) => r.includes('Total'))).toBe(true);
  });
});

describe('kam portfolio with bad input', () => {
  it.each([
    ['missing.xlsx', 1, /missing\.xlsx" does not exist|cannot be found|not found/i],
    ['empty.csv', 1, /empty\.csv" is empty \(0 bytes\)/],
    ['empty.xlsx', 1, /empty\.xlsx" has no data/],
    ['blank-lines.csv', 1, /blank-lines\.csv" has no data/],
    ['corrupt.xlsx', 1, /corrupt\.xlsx" is damaged/],
    ['not-a-workbook.xlsx', 1, /not-a-workbook\.xlsx" is not an Excel workbook/],
    ['password-protected.xlsx', 1, /password-protected\.xlsx" is password-protected/],
    ['no-account-column.xlsx', 1, /No column in no-account-column\.xlsx, sheet "Regions" holds the account names/],
    ['no-numeric-data.xlsx', 1, /no-numeric-data\.xlsx, sheet "Contacts" holds numbers/],
  ])('%s → exit %i with one clear line', (name, code, message) => {
    const dir = tempDir();
    const input = path.join(dir, name);
    if (fs.existsSync(fixture(name))) fs.copyFileSync(fixture(name), input);
    const before = fs.existsSync(input) ? sha(input) : null;
    const run = kam(['portfolio', input, '--out', path.join(dir, 'out.xlsx')]);
    expect(run.status).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => f !== name)).toEqual([]);
    if (before) expect(sha(input)).toBe(before);
  });

  it.each([
    [['portfolio'], 2, /Name the workbook to read/],
    [['report', 'x.xlsx'], 2, /Unknown command "report"/],
    [['portfolio', 'x.xlsx', '--capacity', 'lots'], 2, /--capacity must be a positive number/],
    [['portfolio', 'x.xlsx', '--bogus'], 2, /Unknown option '--bogus'/],
  ])('%j → exit %i', (args, code, message) => {
    const run = kam(args);
    expect(run.status).toBe(code);
    expect(run.stderr).toMatch(message);
  });

  it('refuses an unknown sheet, naming the sheets there are', () => {
    const run = kam(['portfolio', fixture('messy-customers.xlsx'), '--sheet', 'Nope', '--out', path.join(tempDir(), 'o.xlsx')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Nope/);
    expect(run.stderr).toMatch(/Customers/);
  });

  it('refuses a bad model file with the setting and what to do', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'm.json'), JSON.stringify({ capacity: { days: 0 } }));
    const run = kam(['portfolio', fixture('messy-customers.xlsx'), '--model', path.join(dir, 'm.json'), '--out', path.join(dir, 'o.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kam: m.json.capacity.days must be more than 0 (it is 0).\n');
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ capacity: ');
    expect(kam(['portfolio', fixture('messy-customers.xlsx'), '--model', path.join(dir, 'bad.json')]).stderr).toMatch(/is not valid JSON/);
  });

  it('never overwrites the input, nor a workbook it did not write', () => {
    const dir = tempDir();
    const input = path.join(dir, 'customers.xlsx');
    fs.copyFileSync(fixture('messy-customers.xlsx'), input);
    const before = sha(input);
    expect(kam(['portfolio', input, '--out', input]).stderr).toMatch(/is the input file/);
    const other = path.join(dir, 'budget.xlsx');
    fs.copyFileSync(fixture('title-and-totals.xlsx'), other);
    const otherBefore = sha(other);
    const run = kam(['portfolio', input, '--out', other]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/budget\.xlsx already exists and is not a portfolio written by kam/);
    expect(sha(other)).toBe(otherBefore);
    expect(sha(input)).toBe(before);
    // A previous portfolio is replaced on the next run, as a monthly refresh expects.
    const out = path.join(dir, 'customers-portfolio.xlsx');
    expect(kam(['portfolio', input]).status).toBe(0);
    expect(kam(['portfolio', input]).status).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('leaves no half-written workbook when the output folder cannot be written', () => {
    const dir = tempDir();
    const run = kam(['portfolio', fixture('messy-customers.xlsx'), '--out', path.join(dir, 'no-such-folder', 'o.xlsx')]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/Cannot write .*o\.xlsx/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('kam portfolio on a big transaction export', () => {
  it('rolls 200,001 order lines up per account and does not copy them into the portfolio', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'orders.csv');
    const lines = ['Date,Invoice,Customer,Amount,Profit'];
    for (let i = 0; i < 200_001; i++) {
      const day = 1 + (i % 28);
      const month = 1 + (Math.floor(i / 28) % 12);
      const year = 2021 + (i % 4);
      lines.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},INV-${i},Customer ${i % 40},${100 + (i % 900)},${10 + (i % 90)}`);
    }
    fs.writeFileSync(input, `${lines.join('\n')}\n`);
    const out = path.join(dir, 'orders-portfolio.xlsx');
    const run = kam(['portfolio', input, '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.source.kind).toBe('transactions');
    expect(json.accounts).toHaveLength(40);
    expect(json.output.notes).toEqual(['The 200,002 source rows (header included) were not copied into the portfolio (more than 200,000); they stay in orders.csv.']);
    expect(Object.keys(await readWorkbook(out))).not.toContain('Source data');
  }, 120_000);
});

describe('kam --help', () => {
  it('documents the command and options', () => {
    const run = kam(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--sheet', '--model', '--capacity', '--out', '--json', '--no-source']) expect(run.stdout).toContain(option);
  });
});
