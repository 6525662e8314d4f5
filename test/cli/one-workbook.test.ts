// One workbook format: a portfolio the command line wrote opens in the wizard (its KAM Model sheet read back),
// rebuilds in place as live formulas that a real engine recalculates to the same positions and key accounts,
// and goes back to the command line (--model the workbook) with the same positions, key accounts and payouts.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, kam, tempDir } from '../support/cli';
import { ROOT } from '../support/dist';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { evaluateWorkbook, loadWorkbook, saveWorkbook } from '../support/workbook-files';
import { WizardSession } from '../../taskpane/wizard/session';
import { COMMAND_LINE_SHEETS, SHEET_NAMES } from '../../src/core/workbook/plan';
import { LABELS, NAMES } from '../../src/core/model/model-sheet';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';

interface Row { account: string; position: string | null; key: boolean }

/** The header row (5) of a sheet as text, to find columns by their header. */
function headers(book: MemoryWorkbook, sheet: string): string[] {
  return book.grid(sheet, 'A5:BZ5')[0].map((v) => (v === null ? '' : String(v)));
}

/** The rows under a sheet's header, as the engine computes them. */
function computedRows(book: MemoryWorkbook, sheet: string, rows: number): unknown[][] {
  return evaluateWorkbook(book).grid(sheet, `A6:BZ${5 + rows}`);
}

/** Typed actuals and targets for every key account, so payouts can be compared (different per account). */
function typeRewards(book: MemoryWorkbook): void {
  const head = headers(book, SHEET_NAMES.rewards);
  const sheet = book.sheet(SHEET_NAMES.rewards)!;
  for (let r = 6; book.get(SHEET_NAMES.rewards, `A${r}`)?.value; r++) {
    head.forEach((h, j) => {
      if (h.startsWith('Actual: ')) sheet.cells.set(`${r},${j + 1}`, { value: 0.8 + ((r * 7 + j) % 9) / 10 });
      if (h.startsWith('Target: ')) sheet.cells.set(`${r},${j + 1}`, { value: 1 });
    });
  }
}

describe('a command-line portfolio in the wizard and back', () => {
  it.each([
    ['customer list (xlsx)', path.join(ROOT, 'samples/customers.xlsx')],
    ['transaction export (xlsx)', fixture('transactions.xlsx')],
    ['customer list (CSV, decimal commas)', fixture('spanish-customers.csv')],
  ])('%s', async (_, input) => {
    const dir = tempDir('kam-one-book-');
    const out1 = path.join(dir, 'cli.xlsx');
    const first = kam(['portfolio', input, '--out', out1, '--json']);
    expect(first.stderr).toBe('');
    const json1 = JSON.parse(first.stdout);
    const cli: Row[] = json1.accounts.map((a: Row) => ({ account: a.account, position: a.position, key: a.key }));

    // The wizard opens it: the model is read back from the command line's KAM Model sheet, named ranges included.
    const book = await loadWorkbook(out1);
    // Named only when there is something to name: years, rating weights, accounts with days of their own, and
    // stage names when the data has stages.
    const optional: string[] = [NAMES.years, NAMES.strengthWeights, NAMES.accountDays, ...(Object.keys(json1.model.stageNames).length ? [] : [NAMES.stageNames])];
    for (const name of Object.values(NAMES)) {
      if (optional.includes(name)) continue;
      expect(book.names.get(name)?.sheet, name).toBe(SHEET_NAMES.model);
    }
    const session = new WizardSession(new MemoryHost(book, 'excel'));
    expect(await session.open()).toEqual({ reopened: true });
    expect(JSON.parse(JSON.stringify(session.model()))).toEqual(json1.model);
    expect(session.state.mapping?.sheet).toBe(COMMAND_LINE_SHEETS.source);
    expect(session.accounts().map((a) => a.account)).toEqual(cli.map((r) => r.account));

    // A planner types actuals and targets on the rewards sheet, then rebuilds in place as live formulas.
    typeRewards(book);
    const built = await session.build();
    // The wizard starts its history of snapshots, makes KAM Profit live, and retires the command line's pictures and
    // its segments sheet (the wizard shows segments in its review).
    expect(built.created).toEqual([HISTORY_SHEET]);
    expect(built.updated).toEqual([SHEET_NAMES.model, SHEET_NAMES.portfolio, SHEET_NAMES.keyAccounts, SHEET_NAMES.rewards, SHEET_NAMES.profit]);
    const retired = [COMMAND_LINE_SHEETS.matrix, ...(json1.decisions.profit ? [COMMAND_LINE_SHEETS.profitPicture] : []), COMMAND_LINE_SHEETS.segments];
    expect(built.removed).toEqual(retired);
    expect(book.sheets.map((s) => s.name)).toEqual([SHEET_NAMES.portfolio, SHEET_NAMES.keyAccounts, SHEET_NAMES.rewards, SHEET_NAMES.profit, SHEET_NAMES.model, COMMAND_LINE_SHEETS.source, HISTORY_SHEET]);
    expect(book.get(SHEET_NAMES.portfolio, 'G6')?.formula ?? book.sheet(SHEET_NAMES.portfolio)!.cells.size).toBeTruthy();

    // The same labels in column A of the model sheet, whichever path wrote it (the note in row 3 aside).
    const cliLabels = (await loadWorkbook(out1)).grid(SHEET_NAMES.model, 'A1:A120').map((r) => r[0]);
    const wizardLabels = book.grid(SHEET_NAMES.model, 'A1:A120').map((r) => r[0]);
    expect(wizardLabels.filter((_, i) => i !== 2 && i !== 1)).toEqual(cliLabels.filter((_, i) => i !== 2 && i !== 1));
    expect(cliLabels).toContain(LABELS.capacity);
    // … and the same number formats on its settings (read from the file the command line wrote).
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out1);
    const modelSheet = written.getWorksheet(SHEET_NAMES.model)!;
    const rowOf = (label: string): number => cliLabels.indexOf(label) + 1;
    expect(modelSheet.getCell(rowOf(LABELS.retention), 2).numFmt).toBe('0.0%');
    expect(modelSheet.getCell(rowOf(LABELS.capacity), 2).numFmt).toBe('#,##0');
    expect(book.sheet(SHEET_NAMES.model)!.cells.get(`${wizardLabels.indexOf(LABELS.retention) + 1},2`)?.format).toBe('0.0%');

    // Recalculated by a real engine, the live portfolio gives the command line's positions and key accounts.
    const head = headers(book, SHEET_NAMES.portfolio);
    const computed = computedRows(book, SHEET_NAMES.portfolio, cli.length);
    const live: Row[] = computed.map((r) => ({ account: String(r[0]), position: (r[head.indexOf('Position')] as string) ?? null, key: r[head.indexOf('Key account?')] === true }));
    expect(live.filter((r, i) => JSON.stringify(r) !== JSON.stringify(cli[i])).map((r) => [r, cli.find((c) => c.account === r.account), json1.accounts.find((a: Row) => a.account === r.account)])).toEqual([]);
    expect(live).toEqual(cli);

    const rewardHead = headers(book, SHEET_NAMES.rewards);
    const keyCount = cli.filter((r) => r.key).length;
    const livePayouts = computedRows(book, SHEET_NAMES.rewards, keyCount).map((r) => [r[0], r[rewardHead.indexOf('Payout (x target incentive)')]]);
    for (const [, payout] of livePayouts) expect(typeof payout).toBe('number');

    // Saved and given back to the command line as --model: the same model, positions, key accounts and payouts.
    const out2 = path.join(dir, 'wizard.xlsx');
    await saveWorkbook(book, out2);
    const out3 = path.join(dir, 'again.xlsx');
    const again = kam(['portfolio', input, '--model', out2, '--out', out3, '--json']);
    expect(again.stderr).toBe('');
    const json3 = JSON.parse(again.stdout);
    expect(json3.model).toEqual(json1.model);
    expect(json3.accounts.map((a: Row) => ({ account: a.account, position: a.position, key: a.key }))).toEqual(cli);
    const cliRewards = await loadWorkbook(out3);
    const cliPayouts = cliRewards.grid(SHEET_NAMES.rewards, `A6:Z${5 + keyCount}`).map((r) => [r[0], r[rewardHead.indexOf('Payout (x target incentive)')]]);
    // HyperFormula rounds what it shows to 10 significant digits (its precisionRounding); the command line keeps 15.
    expect(cliPayouts.map(([name]) => name)).toEqual(livePayouts.map(([name]) => name));
    cliPayouts.forEach(([, payout], i) => expect(payout).toBeCloseTo(livePayouts[i][1] as number, 9));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a portfolio the command line wrote in Spanish opens in an English wizard and rebuilds to the same positions and key accounts', async () => {
    const dir = tempDir('kam-one-book-');
    const out = path.join(dir, 'cartera.xlsx');
    const run = kam(['portfolio', fixture('clientes-etapas.csv'), '--out', out, '--json', '--lang', 'es']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    const book = await loadWorkbook(out);
    expect(book.grid(SHEET_NAMES.portfolio, 'A5:I5')[0]).toEqual(['Cuenta', 'Segmento', 'Gestor', 'Etapa', 'Ventas', 'Beneficio', 'Atractivo (0-10)', 'Fortaleza relativa', 'Posición']);
    const session = new WizardSession(new MemoryHost(book, 'excel'));
    expect(await session.open()).toEqual({ reopened: true });
    expect(JSON.parse(JSON.stringify(session.model()))).toEqual(json.model);
    await session.build();
    const head = headers(book, SHEET_NAMES.portfolio);
    const live: Row[] = computedRows(book, SHEET_NAMES.portfolio, json.accounts.length)
      .map((r) => ({ account: String(r[0]), position: (r[head.indexOf('Position')] as string) ?? null, key: r[head.indexOf('Key account?')] === true }));
    expect(live).toEqual(json.accounts.map((a: Row) => ({ account: a.account, position: a.position, key: a.key })));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a wizard-built workbook with its own model and column mapping, to the positions its formulas compute', async () => {
    const dir = tempDir('kam-one-book-');
    const book = await loadWorkbook(fixture('title-and-totals.xlsx'));
    const data = book.sheets[0].name;
    const session = new WizardSession(new MemoryHost(book, 'sheets'));
    await session.pick('used');
    const model = session.model();
    model.capacity.days = 60;
    model.factors[0].weight += 15;
    session.setModel(model);
    await session.build();
    const file = path.join(dir, 'built-by-the-wizard.xlsx');
    await saveWorkbook(book, file);

    const head = headers(book, SHEET_NAMES.portfolio);
    const n = session.accounts().length;
    const live: Row[] = computedRows(book, SHEET_NAMES.portfolio, n).map((r) => ({ account: String(r[0]), position: (r[head.indexOf('Position')] as string) ?? null, key: r[head.indexOf('Key account?')] === true }));

    const run = kam(['portfolio', file, '--json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.output.notes.join(' ')).toMatch(/Model and column mapping read from the workbook's own "KAM Model" sheet/);
    expect(json.source.sheet).toBe(data);
    expect(json.model).toEqual(JSON.parse(JSON.stringify(model)));
    expect(json.accounts.map((a: Row) => ({ account: a.account, position: a.position, key: a.key }))).toEqual(live);
  });

  it('says where the rows are when the command line did not copy them', async () => {
    const dir = tempDir('kam-one-book-');
    const out = path.join(dir, 'cli.xlsx');
    expect(kam(['portfolio', fixture('title-and-totals.xlsx'), '--out', out, '--no-source']).status).toBe(0);
    const session = new WizardSession(new MemoryHost(await loadWorkbook(out), 'sheets'));
    const opened = await session.open();
    expect(opened.reopened).toBe(false);
    expect(opened.problem).toMatch(/made by the kam command line from "title-and-totals\.xlsx".*Pick the customer data/);
  });

  it('refuses --model with a workbook that holds no model, and names what to give instead', () => {
    const dir = tempDir('kam-one-book-');
    const run = kam(['portfolio', fixture('title-and-totals.xlsx'), '--model', fixture('messy-customers.xlsx'), '--out', path.join(dir, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/messy-customers\.xlsx has no "KAM Model" sheet.*portfolio workbook made by kam or by the add-in's wizard, or a JSON model file/);
  });

  it('never replaces a workbook the wizard built inside the user\'s own data', async () => {
    const dir = tempDir('kam-one-book-');
    const book = new MemoryWorkbook();
    book.addSheet('Customers', [
      ['Customer', 'Revenue', 'Gross margin'],
      ['Acme', 500000, 0.3],
      ['Borde', 120000, 0.1],
      ['Cima', 300000, 0.25],
    ]);
    const session = new WizardSession(new MemoryHost(book, 'excel'));
    await session.pick('region');
    await session.build();
    const mine = path.join(dir, 'mine.xlsx');
    await saveWorkbook(book, mine);
    const before = fs.readFileSync(mine);
    const run = kam(['portfolio', fixture('title-and-totals.xlsx'), '--out', mine]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/already exists and is not a portfolio written by kam/);
    expect(fs.readFileSync(mine).equals(before)).toBe(true);
  });
});
