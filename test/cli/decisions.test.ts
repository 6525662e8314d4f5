// Issue 15 in the command line, end to end through the built kam: fragile placements (checked by running kam again
// with the weights moved as the sentence says), the capacity facts (checked by running kam at the capacities they name),
// the whale curve's headline (recounted by hand from the accounts' profits) and sheet, the segments and their warning,
// and the pictures beside and inside the workbook.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kam, readWorkbook, tempDir, workbookImages } from '../support/cli';
import { ROOT } from '../support/dist';

type Json = any;
const SAMPLE = path.join(ROOT, 'samples/customers.xlsx');

function run(args: string[]): Json {
  const r = kam(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('kam portfolio: the facts beyond the matrix', () => {
  let dir: string;
  let out: string;
  let json: Json;
  let summary: string;
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;

  beforeAll(async () => {
    dir = tempDir('kam-decisions-');
    out = path.join(dir, 'sample.xlsx');
    json = run(['portfolio', SAMPLE, '--out', out, '--json']);
    const text = kam(['portfolio', SAMPLE, '--out', path.join(dir, 'text.xlsx')]);
    expect(text.status).toBe(0);
    summary = text.stdout;
    sheets = await readWorkbook(out);
  }, 120_000);

  it('marks fragile placements, and moving the weights as the sentence says does change the placement', () => {
    const limit = json.model.review.fragilePoints;
    expect(limit).toBe(5);
    const fragile = json.accounts.filter((a: Json) => a.fragile);
    expect(fragile.length).toBeGreaterThan(0);
    for (const a of json.accounts) expect(a.fragile).toBe(a.stability !== null && a.stability.points <= limit);
    expect(json.decisions.fragile.accounts.map((a: Json) => a.account).sort()).toEqual(fragile.map((a: Json) => a.account).sort());
    // The summary line counts them and lists the first five sentences.
    expect(summary).toContain(`Fragile placements: ${fragile.length} placements`);
    for (const a of json.decisions.fragile.accounts.slice(0, 5)) expect(summary).toContain(`  - ${a.sentence}`);
    // The portfolio sheet marks the same accounts in its "Fragile placement?" column.
    const grid = sheets['KAM Portfolio'];
    const col = grid[4].indexOf('Fragile placement?');
    expect(grid.slice(5).filter((r) => r[col] === true).map((r) => r[0]).sort()).toEqual(fragile.map((a: Json) => a.account).sort());

    // Move the weight a little beyond the points named (others scaled in proportion, total kept): the account crosses
    // the attractiveness cut; a little short of them, it does not.
    for (const a of json.decisions.fragile.accounts.slice(0, 2)) {
      const shifted = (points: number): Json => {
        const factors = json.model.factors.map((f: Json) => ({ ...f }));
        const total = factors.reduce((sum: number, f: Json) => sum + f.weight, 0);
        const target = factors.find((f: Json) => f.name === a.factor);
        const moved = target.weight + (a.direction === 'onto' ? points : -points);
        const scale = (total - moved) / (total - target.weight);
        for (const f of factors) f.weight = f === target ? moved : f.weight * scale;
        const model = path.join(dir, `model-${a.account.replace(/\W+/g, '-')}-${points}.json`);
        fs.writeFileSync(model, JSON.stringify({ factors }));
        const again = run(['portfolio', SAMPLE, '--model', model, '--out', path.join(dir, 'shifted.xlsx'), '--json']);
        return again.accounts.find((r: Json) => r.account === a.account);
      };
      const high = (p: string): boolean => p === 'Strategic' || p === 'Star';
      expect(high(shifted(a.points + 0.05).position)).toBe(!high(a.position));
      if (a.points > 0.1) expect(shifted(a.points - 0.05).position).toBe(a.position);
    }
  }, 120_000);

  it('prints the three capacity facts, and kam at the capacities they name agrees', () => {
    const c = json.decisions.capacity;
    expect(c.capacity).toBe(json.selection.capacity);
    expect(c.value).toBeCloseTo(json.selection.totalValue, 9);
    expect(summary).toContain('What more or fewer days would change:');
    for (const sentence of c.sentences) expect(summary).toContain(`  - ${sentence}`);
    // The marginal value: at the next step's capacity the optimum is worth `gain` more, and the named accounts are in.
    const up = run(['portfolio', SAMPLE, '--capacity', String(c.next.capacity), '--out', path.join(dir, 'up.xlsx'), '--json', '--no-source']);
    expect(up.selection.totalValue).toBeCloseTo(c.next.value, 9);
    expect(up.selection.totalValue - json.selection.totalValue).toBeCloseTo(c.next.gain, 9);
    expect(c.next.perDay).toBeCloseTo(c.next.gain / c.next.days, 12);
    for (const name of c.next.in) expect(up.selection.accounts).toContain(name);
    // Just below the days the selection uses, the first account out is gone and the value drops by `loss`.
    const down = run(['portfolio', SAMPLE, '--capacity', String(c.firstOut.below - 0.5), '--out', path.join(dir, 'down.xlsx'), '--json', '--no-source']);
    for (const name of c.firstOut.out) expect(down.selection.accounts).not.toContain(name);
    expect(json.selection.totalValue - down.selection.totalValue).toBeCloseTo(c.firstOut.loss, 9);
  }, 120_000);

  it('says who makes the money, as recounted by hand from the accounts\' profits', () => {
    const profits = json.accounts.map((a: Json) => a.profit).filter((p: unknown) => typeof p === 'number').sort((a: number, b: number) => b - a);
    const total = profits.reduce((s: number, p: number) => s + p, 0);
    const top = Math.round(profits.length * 0.2);
    const topProfit = profits.slice(0, top).reduce((s: number, p: number) => s + p, 0);
    const losers = profits.filter((p: number) => p < 0);
    const p = json.decisions.profit;
    expect(p.customers).toBe(profits.length);
    expect(p.top.accounts).toBe(top);
    expect(p.top.profit).toBeCloseTo(topProfit, 4);
    expect(p.top.shareOfProfit).toBeCloseTo(topProfit / total, 12);
    expect(p.losing.accounts).toBe(losers.length);
    expect(p.losing.loss).toBeCloseTo(-losers.reduce((s: number, x: number) => s + x, 0), 4);
    const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
    expect(summary).toContain(`  - The top 20.0% of customers (${top} customers) make ${pct(topProfit / total)} of the profit (${Math.round(topProfit).toLocaleString('en-US')}).`);
    expect(summary).toContain(`  - ${losers.length} customers lose money: ${Math.round(-losers.reduce((s: number, x: number) => s + x, 0)).toLocaleString('en-US')} in all.`);

    // The KAM Profit sheet: the headline, then the ranking with its cumulative profit, every account named.
    const sheet = sheets['KAM Profit'];
    expect(sheet[0]).toEqual(['KAM Profit']);
    expect(sheet[1][0]).toContain('[kam-portfolio:owned]');
    expect(sheet[4]).toEqual(['Customers with a profit figure', profits.length]);
    expect(sheet[6]).toEqual(['Customers in the top 20 %', top]);
    expect(sheet[7][1]).toBeCloseTo(topProfit / total, 12);
    expect(sheet[8]).toEqual(['Customers losing money', losers.length]);
    const header = sheet.findIndex((r) => r[0] === 'Rank');
    const ranking = sheet.slice(header + 2).filter((r) => typeof r[0] === 'number');
    expect(ranking).toHaveLength(profits.length);
    expect(ranking.map((r) => r[1])).toEqual(profits);
    expect(ranking[ranking.length - 1]![2]).toBeCloseTo(total, 4);
    expect(ranking.map((r) => r[5])).toEqual(p.ranking.map((x: Json) => x.account));
  });

  it('saves the whale curve beside the matrix and inside the workbook', async () => {
    const base = out.replace(/\.xlsx$/, '');
    expect(json.output.profitSvg).toBe(`${base}-profit.svg`);
    expect(json.output.profitPng).toBe(`${base}-profit.png`);
    const svg = fs.readFileSync(`${base}-profit.svg`, 'utf8');
    expect(svg).toContain('Cumulative share of profit');
    const png = fs.readFileSync(`${base}-profit.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
    expect(Object.keys(sheets)).toContain('KAM Profit curve');
    expect(await workbookImages(out)).toBe(2);
    expect(summary).toContain(`Profit curve: ${path.join(dir, 'text-profit.svg')} and ${path.join(dir, 'text-profit.png')}`);
  });

  it('writes the segments as recounted from the accounts, and every segment is covered in the sample', () => {
    const sheet = sheets['KAM Segments'];
    const header = sheet[4];
    expect(header.slice(0, 6)).toEqual(['Segment', 'Accounts', 'Key accounts', 'Revenue', 'Share of revenue', 'Profit']);
    const rows = sheet.slice(5).filter((r) => typeof r[1] === 'number');
    const bySegment = new Map<string, Json[]>();
    for (const a of json.accounts) bySegment.set(a.segment, [...(bySegment.get(a.segment) ?? []), a]);
    expect(rows).toHaveLength(bySegment.size);
    for (const r of rows) {
      const accounts = bySegment.get(r[0] as string)!;
      expect(r[1]).toBe(accounts.length);
      expect(r[2]).toBe(accounts.filter((a) => a.key).length);
      expect(r[3]).toBeCloseTo(accounts.reduce((s, a) => s + (a.revenue ?? 0), 0), 4);
    }
    expect(summary).toContain('Segments (7): every segment that holds the threshold share of revenue or of attractive accounts has a key account.');
  });
});

describe('kam portfolio: a segment without key accounts', () => {
  it('warns in the summary, in --json and on KAM Segments, at the model\'s threshold', async () => {
    const dir = tempDir('kam-segments-');
    const out = path.join(dir, 'few.xlsx');
    // One key account's worth of days: most segments with a large share of revenue hold none.
    const json = run(['portfolio', fixture('clientes-etapas.csv'), '--capacity', '30', '--out', out, '--json']);
    const review = json.decisions.segments;
    expect(review.threshold).toBe(0.15);
    const uncovered = review.segments.filter((s: Json) => s.uncovered);
    expect(uncovered.length).toBeGreaterThan(0);
    for (const s of review.segments) {
      expect(s.uncovered).toBe(s.keyAccounts === 0 && (s.revenueShare >= 0.15 || s.attractiveShare >= 0.15));
    }
    expect(review.warnings).toHaveLength(uncovered.length);
    const text = kam(['portfolio', fixture('clientes-etapas.csv'), '--capacity', '30', '--out', path.join(dir, 'text.xlsx')]).stdout;
    for (const w of review.warnings) expect(text).toContain(`  - ${w}`);
    const sheet = (await readWorkbook(out))['KAM Segments'];
    const flagged = sheet.slice(5).filter((r) => r[12] === true).map((r) => r[0]);
    expect(flagged).toEqual(uncovered.map((s: Json) => s.segment));
    for (const w of review.warnings) expect(sheet.some((r) => r[0] === `Warning: ${w}`)).toBe(true);
    // A lower threshold in the model flags at least as many.
    fs.writeFileSync(path.join(dir, 'm.json'), JSON.stringify({ review: { segmentShare: 0.05 } }));
    const lower = run(['portfolio', fixture('clientes-etapas.csv'), '--capacity', '30', '--model', path.join(dir, 'm.json'), '--out', path.join(dir, 'low.xlsx'), '--json']);
    expect(lower.decisions.segments.segments.filter((s: Json) => s.uncovered).length).toBeGreaterThanOrEqual(uncovered.length);
  }, 120_000);
});

describe('kam portfolio without profit figures', () => {
  it('says who makes the money cannot be told, and writes no whale picture', async () => {
    const dir = tempDir('kam-noprofit-');
    const input = path.join(dir, 'accounts.csv');
    fs.writeFileSync(input, ['Customer,Revenue,Growth %,Stage', ...Array.from({ length: 12 }, (_, i) => `Account ${i + 1},${(i + 1) * 10000},${i - 4} %,${['Basic', 'Cooperative', 'Interdependent'][i % 3]}`)].join('\n'));
    const out = path.join(dir, 'accounts-portfolio.xlsx');
    const r = kam(['portfolio', input]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No account has a profit figure');
    expect(r.stdout).not.toContain('Profit curve:');
    const sheets = await readWorkbook(out);
    expect(Object.keys(sheets)).not.toContain('KAM Profit curve');
    expect(sheets['KAM Profit'][4]![0]).toMatch(/No account has a profit figure/);
    expect(fs.existsSync(path.join(dir, 'accounts-portfolio-profit.svg'))).toBe(false);
    expect(await workbookImages(out)).toBe(1);
  });
});
