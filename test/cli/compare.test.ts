// `kam compare` end to end through the built kam, on two portfolio workbooks it wrote with known moves: the same
// Spanish customer list a year apart — one customer gone, one new, names rewritten (case and spaces, a legal form
// written without dots, two look-alike companies both rewritten) — scored with different weights. The expected moves
// are worked out from the two portfolios' own --json, pairing the names by hand.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kam, tempDir } from '../support/cli';

type Json = any;
const POSITIONS = ['Strategic', 'Star', 'Status', 'Streamline'];

/** Current name → previous name, as a person would pair them. */
const RENAMED: Record<string, string> = {
  'PAPELERA DEL SUR  S.L.U.': 'Papelera del Sur S.L.U.',
  'Maderas del Sur SA': 'Maderas del Sur S.A.',
};
/** Two companies the reader keeps apart, both rewritten: no single pairing exists, so they are new and lost. */
const AMBIGUOUS: Record<string, string> = {
  'Envases del Sur SA': 'Envases del Sur S.A.',
  'Envases del Sur SL': 'Envases del Sur S.L.',
};

function run(args: string[], lang = 'en_US.UTF-8'): { status: number | null; stdout: string; stderr: string } {
  return kam(args, { lang });
}

describe('kam compare on two portfolios with known moves', () => {
  let dir: string;
  let previous: Json;
  let current: Json;
  let json: Json;
  let text: string;

  beforeAll(() => {
    dir = tempDir('kam-compare-');
    const source = fs.readFileSync(fixture('clientes-etapas.csv'), 'utf8').replace(/^\uFEFF/, '');
    fs.writeFileSync(path.join(dir, 'clientes-2024.csv'), source);
    const rows = source.split('\n').filter((l) => !l.startsWith('Aceros Levante S.L.;'));
    const renamed = rows.map((l) => {
      for (const [now, before] of Object.entries({ ...RENAMED, ...AMBIGUOUS })) if (l.startsWith(`${before};`)) return now + l.slice(before.length);
      return l;
    });
    renamed.splice(2, 0, 'Nueva Cerámica S.L.;Industria;Ana Ruiz;Básica;250.000,00 €;30,0 %;5,0 %;10.000,00 €;8');
    fs.writeFileSync(path.join(dir, 'clientes-2025.csv'), renamed.join('\n'));
    const first = run(['portfolio', path.join(dir, 'clientes-2024.csv'), '--out', path.join(dir, 'cartera-2024.xlsx'), '--json']);
    expect(first.status).toBe(0);
    previous = JSON.parse(first.stdout);
    // This year growth weighs most: accounts cross the attractiveness cut both ways.
    const factors = previous.model.factors.map((f: Json) => ({ ...f, weight: ({ Revenue: 5, Profit: 15, 'Gross margin': 15, Growth: 45 } as Record<string, number>)[f.name] ?? 20 }));
    fs.writeFileSync(path.join(dir, 'pesos.json'), JSON.stringify({ factors }));
    const second = run(['portfolio', path.join(dir, 'clientes-2025.csv'), '--model', path.join(dir, 'pesos.json'), '--out', path.join(dir, 'cartera-2025.xlsx'), '--json']);
    expect(second.status).toBe(0);
    current = JSON.parse(second.stdout);
    const compared = run(['compare', path.join(dir, 'cartera-2024.xlsx'), path.join(dir, 'cartera-2025.xlsx'), '--json', '--out', path.join(dir, 'movimientos')]);
    expect(compared.stderr).toBe('');
    expect(compared.status).toBe(0);
    json = JSON.parse(compared.stdout);
    const plain = run(['compare', path.join(dir, 'cartera-2024.xlsx'), path.join(dir, 'cartera-2025.xlsx')]);
    expect(plain.status).toBe(0);
    text = plain.stdout;
  }, 120_000);

  it('pairs every account as a person would, and reports each move', () => {
    const before = new Map<string, Json>(previous.accounts.map((a: Json) => [a.account, a]));
    const expected: { account: string; previousName: string; from: string; to: string }[] = [];
    for (const a of current.accounts) {
      if (a.account in AMBIGUOUS || a.account === 'Nueva Cerámica S.L.') continue;
      const previousName = RENAMED[a.account] ?? a.account;
      const p = before.get(previousName);
      expect(p, previousName).toBeDefined();
      expected.push({ account: a.account, previousName, from: p.position, to: a.position });
    }
    expect(json.accounts.map((m: Json) => ({ account: m.account, previousName: m.previousName, from: m.previous.position, to: m.current.position }))).toEqual(expected);
    const moved = expected.filter((m) => m.from !== m.to);
    expect(moved.length).toBeGreaterThan(5);
    expect(json.accounts.filter((m: Json) => m.moved).map((m: Json) => m.account)).toEqual(moved.map((m) => m.account));
    // Case and spaces are the same name; a legal form without its dots is a near variant, and says so.
    expect(json.accounts.find((m: Json) => m.account === 'PAPELERA DEL SUR  S.L.U.').matchedBy).toBe('name');
    expect(json.accounts.find((m: Json) => m.account === 'Maderas del Sur SA').matchedBy).toBe('near');
    for (const m of json.accounts.filter((x: Json) => x.moved)) expect(text).toContain(`  - ${m.sentence}`);
    expect(text).toContain('(was “Maderas del Sur S.A.”)');
  });

  it('lists the accounts new and lost, never pairing two look-alike companies by guess', () => {
    expect(json.added.map((a: Json) => a.account).sort()).toEqual(['Envases del Sur SA', 'Envases del Sur SL', 'Nueva Cerámica S.L.']);
    expect(json.lost.map((a: Json) => a.account).sort()).toEqual(['Aceros Levante S.L.', 'Envases del Sur S.A.', 'Envases del Sur S.L.']);
    expect(text).toMatch(/^New accounts \(3\): /m);
    expect(text).toMatch(/^Lost accounts \(3\): .*Aceros Levante S\.L\./m);
    expect(json.summary).toBe(`${json.accounts.length} accounts are in both portfolios: ${json.accounts.filter((m: Json) => m.moved).length} moved, ${json.accounts.filter((m: Json) => !m.moved).length} kept their position; 3 new, 3 lost.`);
  });

  it('counts the 4×4 table row by row, as KAM_DRIFT does, and prints it aligned', () => {
    const counts = POSITIONS.map((from) => POSITIONS.map((to) => json.accounts.filter((m: Json) => m.previous.position === from && m.current.position === to).length));
    expect(json.table).toEqual({ positions: POSITIONS, rows: counts });
    const lines = text.split('\n');
    const at = lines.indexOf('Accounts by previous position (rows) and current position (columns):');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {2}Before ↓ {2}Now → +Strategic {2}Star {2}Status {2}Streamline$/);
    // Numbers right-aligned under their position: every line of the table ends at the same column.
    expect(new Set(lines.slice(at + 1, at + 6).map((l) => l.length)).size).toBe(1);
    POSITIONS.forEach((p, i) => expect(lines[at + 2 + i]!.trim().split(/\s+/)).toEqual([p, ...counts[i]!.map(String)]));
  });

  it('draws an arrow (or, for a move of a few pixels, a ring) for every move, in SVG and PNG at --out', () => {
    expect(json.output).toEqual({ svg: path.join(dir, 'movimientos.svg'), png: path.join(dir, 'movimientos.png') });
    const svg = fs.readFileSync(json.output.svg, 'utf8');
    const drawn = [...svg.matchAll(/data-move="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(drawn.sort()).toEqual(json.accounts.filter((m: Json) => m.moved).map((m: Json) => m.account).sort());
    expect(svg).toContain('marker-end="url(#arrow-');
    expect(fs.readFileSync(json.output.png).subarray(1, 4).toString()).toBe('PNG');
    // Without --out the picture goes beside the current workbook.
    expect(text).toContain(`Moves picture: ${path.join(dir, 'cartera-2025-moves.svg')} and ${path.join(dir, 'cartera-2025-moves.png')}`);
    expect(fs.existsSync(path.join(dir, 'cartera-2025-moves.png'))).toBe(true);
  });

  it('labels strength as the portfolios measured it: parity for stages, the middle relationship for a behaviour proxy', () => {
    expect(fs.readFileSync(json.output.svg, 'utf8')).toContain('1 = parity with the best rival');
    const orders = fixture('transactions.csv');
    for (const [name, capacity] of [['orders-a', '300'], ['orders-b', '600']]) {
      expect(run(['portfolio', orders, '--capacity', capacity, '--out', path.join(dir, `${name}.xlsx`)]).status).toBe(0);
    }
    const r = run(['compare', path.join(dir, 'orders-a.xlsx'), path.join(dir, 'orders-b.xlsx'), '--out', path.join(dir, 'orders-moves')]);
    expect(r.status).toBe(0);
    const svg = fs.readFileSync(path.join(dir, 'orders-moves.svg'), 'utf8');
    expect(svg).toContain('Relative strength from buying behaviour (1 = the middle relationship)');
    expect(svg).not.toContain('parity');
  });

  it('says so when the cuts differ between the two portfolios', () => {
    fs.writeFileSync(path.join(dir, 'corte.json'), JSON.stringify({ cuts: { attractiveness: 5.5 } }));
    expect(run(['portfolio', path.join(dir, 'clientes-2024.csv'), '--model', path.join(dir, 'corte.json'), '--out', path.join(dir, 'corte.xlsx')]).status).toBe(0);
    const r = run(['compare', path.join(dir, 'cartera-2024.xlsx'), path.join(dir, 'corte.xlsx'), '--out', path.join(dir, 'corte.svg')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The cuts changed (attractiveness 5.00 → 5.50, strength 1.00 → 1.00)');
    // Same accounts, same weights: every move comes from the cut, and goes down out of Strategic or Star.
    const j = JSON.parse(run(['compare', path.join(dir, 'cartera-2024.xlsx'), path.join(dir, 'corte.xlsx'), '--json', '--out', path.join(dir, 'corte')]).stdout);
    for (const m of j.accounts.filter((x: Json) => x.moved)) {
      expect(m.previous.attractiveness).toBeGreaterThanOrEqual(5);
      expect(m.current.attractiveness).toBeLessThan(5.5);
    }
  }, 60_000);
});

describe('kam compare with the wrong files', () => {
  let dir: string;
  let portfolio: string;
  beforeAll(() => {
    dir = tempDir('kam-compare-bad-');
    portfolio = path.join(dir, 'cartera.xlsx');
    expect(run(['portfolio', fixture('clientes-etapas.csv'), '--out', portfolio]).status).toBe(0);
  }, 60_000);

  it.each([
    ['a customer list, not a portfolio', () => fixture('messy-customers.xlsx'), /^kam: messy-customers\.xlsx is not a portfolio workbook: it has no "KAM Portfolio" sheet\. kam compare reads .*kam portfolio customers\.xlsx writes one/],
    ['a CSV file', () => fixture('clientes-etapas.csv'), /^kam: clientes-etapas\.csv is not a portfolio workbook: it is not an \.xlsx or \.xlsm workbook\./],
    ['a file that does not exist', () => path.join(dir, 'nope.xlsx'), /^kam: Cannot find .*nope\.xlsx: check the path\./],
    ['a damaged workbook', () => fixture('corrupt.xlsx'), /corrupt\.xlsx" is damaged/],
  ])('names the file when the previous one is %s (exit 1, one line, nothing written)', (_, previous, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = run(['compare', previous(), portfolio]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('names the current file too when it is the wrong one', () => {
    const r = run(['compare', portfolio, fixture('six-accounts.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kam: six-accounts\.xlsx is not a portfolio workbook/);
  });

  it.each([
    [['compare', 'one.xlsx'], /kam compare takes two portfolio workbooks, the previous one first \(got 1\)/],
    [['compare', 'a.xlsx', 'b.xlsx', '--capacity', '300'], /--capacity is an option of kam portfolio; kam compare takes only --out, --json and --lang\./],
    [['compare', 'a.xlsx', 'b.xlsx', '--out', 'moves.xlsx'], /--out moves\.xlsx must end in \.svg or \.png, or have no ending/],
  ])('%j → exit 2', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
