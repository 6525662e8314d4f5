// The judgement `kam portfolio` makes on realistic workbooks nobody on the team wrote (issue 10): positions
// spread on both axes, which accounts are key, and why the others are not. The same golden files are checked
// through the wizard (test/taskpane/judgement.test.ts), so the command line and the wizard agree.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kam, tempDir } from '../support/cli';
import { expectExpertSelection, expectGoldenJudgement, judgement, JudgedRow, JUDGEMENT_CASES, JudgementCase } from '../support/judgement';

interface Run {
  json: { accounts: (JudgedRow & { profit: number | null; revenue: number | null; methodStage: string | null; inputs: Record<string, number | null>; strengthFrom: string; costFrom: string })[]; warnings: { code: string; message: string }[]; selection: Record<string, unknown>; model: Record<string, unknown> };
}

const runs = new Map<JudgementCase, Run>();
let dir = '';

beforeAll(() => {
  dir = tempDir();
  for (const [name, c] of Object.entries(JUDGEMENT_CASES) as [JudgementCase, (typeof JUDGEMENT_CASES)[JudgementCase]][]) {
    const run = kam(['portfolio', fixture(c.file), '--out', path.join(dir, `${name}.xlsx`), '--json', ...c.args]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    runs.set(name, { json: JSON.parse(run.stdout) });
  }
}, 120_000);

describe('the judgement on each fixture, from the command line', () => {
  it.each(Object.keys(JUDGEMENT_CASES) as JudgementCase[])('%s matches its reviewed golden judgement, and passes the expert checks', (name) => {
    const { json } = runs.get(name)!;
    expectGoldenJudgement(name, judgement(json.accounts), { write: true });
    expectExpertSelection(json.accounts, { equalCosts: name !== 'six-accounts-days-by-stage' });
  });
});

describe('a real order export: 800 customers, ~10,000 lines', () => {
  const rows = (): Run['json']['accounts'] => runs.get('orders-export')!.json.accounts;

  it('spreads the accounts on both axes: strength is a behavioural proxy, never one value', () => {
    const j = judgement(rows());
    expect(j.distinct.strength).toBeGreaterThan(300);
    for (const count of Object.values(j.positions)) expect(count).toBeGreaterThan(50);
    expect(rows()[0].strengthFrom).toMatch(/^behaviour proxy \(/);
    const json = runs.get('orders-export')!.json;
    expect(json.model.strength).toMatchObject({ kind: 'behaviour' });
    expect(json.warnings.map((w) => w.code)).not.toContain('strength-flat');
    // The picture does not call the proxy parity with a rival (1 is the middle relationship here).
    const svg = fs.readFileSync(path.join(dir, 'orders-export-matrix.svg'), 'utf8');
    expect(svg).toContain('Relative strength from buying behaviour (1 = the middle relationship)');
    expect(svg).not.toContain('parity');
  });

  it("takes each customer's segment from Segment, not from the product Category", () => {
    expect(new Set(rows().map((r) => r.segment))).toEqual(new Set(['Consumer', 'Corporate', 'Home Office']));
    expect(rows().every((r) => (r.inputs.categories ?? 0) >= 1)).toBe(true);
  });

  it('gives no growth figure from a tiny first year, and says so naming the accounts', () => {
    for (const name of ['Matt Carroll', 'Nora Kriz', 'Sean Wolfe', 'Lena ODonnell', 'Emily Sayre', 'Jorge Ramos']) {
      expect(rows().find((r) => r.account === name)?.inputs.growth, name).toBeNull();
    }
    const note = runs.get('orders-export')!.json.warnings.find((w) => w.code === 'GROWTH_SMALL_BASE')!;
    expect(note.message).toMatch(/^Growth 2023–2024 was left blank for \d+ accounts \("Jorge Ramos", "Nora Kriz"/);
  });

  it('keeps the big loss-makers out, flagged, with the reason; takes the most profitable healthy customers', () => {
    for (const name of ['Maria Grove', 'Steve Maddox', 'Janet Hoffmann', 'Ines Eaton']) {
      const r = rows().find((x) => x.account === name)!;
      expect(r.profit!, name).toBeLessThan(0);
      expect(r.flags).toContain('Difficult');
      expect(r.whyNotKey).toMatch(/^loses money \(Difficult\)/);
    }
    const healthy = rows().filter((r) => !r.flags.includes('Difficult')).sort((a, b) => (b.profit ?? 0) - (a.profit ?? 0));
    expect(healthy.slice(0, 4).filter((r) => r.key).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a Spanish customer list with stage words and (x) % negatives', () => {
  const json = (): Run['json'] => runs.get('clientes-etapas')!.json;
  const text = (): string[][] => fs.readFileSync(fixture('clientes-etapas.csv'), 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(';'));

  it('reads every stage word, and lists by name with counts the values that are no stage', () => {
    const unread = json().accounts.filter((r) => r.methodStage === null).map((r) => r.account);
    expect(unread).toHaveLength(3);
    expect(json().warnings.find((w) => w.code === 'stages-not-recognised')?.message).toMatch(/^3 accounts' stages are not a stage the method knows: "Oro" \(2 accounts\), "Pendiente" \(1 account\)\./);
    const read = Object.fromEntries(json().accounts.map((r) => [(r as unknown as { stage: string }).stage, r.methodStage]));
    expect(read).toMatchObject({ Básica: 'Basic', BÁSICA: 'Basic', 'Etapa 2 – básica': 'Basic', 'Etapa 3 - Cooperativa': 'Cooperative', 'fase: integrada': 'Integrated', 'En desintegración': 'Disintegrating', Exploratoria: 'Exploratory', Interdependiente: 'Interdependent' });
    expect(judgement(json().accounts).distinct.strength).toBeGreaterThanOrEqual(5);
  });

  it('reads every (x) % negative as written: no cell dropped, none scored as the midpoint', () => {
    const codes = json().warnings.map((w) => w.code);
    expect(codes).not.toContain('NOT_A_NUMBER');
    expect(codes).not.toContain('missing-factor-values');
    const file = text();
    const growthInFile = new Map(file.map((cells) => [cells[0], cells[6]]));
    for (const r of json().accounts) {
      const written = growthInFile.get(r.account)!;
      const negative = written.startsWith('(');
      expect(r.inputs.growth! < 0, `${r.account}: ${written}`).toBe(negative);
      expect(Math.abs(r.inputs.growth!)).toBeCloseTo(Number(written.replace(/[()% ]/g, '').replace(',', '.')) / 100, 9);
    }
    expect(file.filter((cells) => cells[5].startsWith('(') || cells[6].startsWith('('))).not.toHaveLength(0);
  });
});

describe('six accounts with an obvious answer', () => {
  const rows = (name: JudgementCase): Run['json']['accounts'] => runs.get(name)!.json.accounts;
  const key = (name: JudgementCase): string[] => rows(name).filter((r) => r.key).map((r) => r.account);

  it('takes the two attractive, well-developed accounts and the attractive Star, never the customer losing 400,000', () => {
    expect(key('six-accounts')).toEqual(['Atlas Industrial', 'Boreal Foods', 'Delta Labs']);
    const colossus = rows('six-accounts').find((r) => r.account === 'Colossus Retail')!;
    expect(colossus.profit).toBe(-400000);
    expect(colossus.whyNotKey).toMatch(/^loses money \(Difficult\)/);
  });

  it('with less capacity drops the weakest, never the best', () => {
    expect(key('six-accounts-60-days')).toEqual(['Atlas Industrial', 'Boreal Foods']);
    expect(rows('six-accounts-60-days').find((r) => r.account === 'Delta Labs')?.whyNotKey).toBe('worth less than every chosen account, and needs 30 with 0 left');
  });

  it('trades days off only when the model sets days by stage, and says what the trade is', () => {
    const run = runs.get('six-accounts-days-by-stage')!.json;
    expect(run.selection.costsFrom).toMatch(/^by relationship stage \(set by the model file six-days-by-stage\.json\): Exploratory 20/);
    expect(key('six-accounts-days-by-stage')).toEqual(['Atlas Industrial', 'Delta Labs']);
    expect(rows('six-accounts-days-by-stage').find((r) => r.account === 'Boreal Foods')?.whyNotKey).toMatch(
      /^needs 45; to fit it in, Atlas Industrial \(worth [\d.]+\) would have to go, against [\d.]+ for it$/,
    );
  });
});
