// What the build writes, read as a spreadsheet would: number formats on every figure (values kept at full
// precision underneath), the chart's helper columns hidden, and — calculated by HyperFormula — the same
// attractiveness as the wizard's preview, and KAM Rewards blank (not #VALUE!) until actuals are typed.
import { describe, expect, it } from 'vitest';
import { DetailedCellError } from 'hyperformula';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import fs from 'node:fs';
import path from 'node:path';
import { evaluateWorkbook, loadWorkbook, saveWorkbook } from '../support/workbook-files';
import { kam, tempDir } from '../support/cli';
import { WizardSession } from '../../taskpane/wizard/session';
import { CHART_COLUMNS, letters, SHEET_NAMES } from '../../src/core/workbook/plan';
import { LABELS } from '../../src/core/model/model-sheet';
import { customerBook } from '../support/customer-books';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';
import { CATALOGS, english, translator, type Language, type MessageId } from '../../src/core/i18n';
import { positionIndex, positionName, POSITIONS } from '../../src/core/functions/position-names';
import { defaultMetrics } from '../../src/core/functions/reward';
import { whyNot } from '../../src/core/portfolio/portfolio';

/** The customer list with the number formats its owner gave it: dollars and a percentage. */
function formattedBook(): MemoryWorkbook {
  const book = customerBook();
  book.setFormat('Customers', 'E4:E9', '"$"#,##0.00');
  book.setFormat('Customers', 'F4:F9', '0.0%');
  return book;
}

const columnOf = (book: MemoryWorkbook, sheet: string, row: number, header: string): number => {
  const found = [...book.sheet(sheet)!.cells].find(([k, c]) => k.startsWith(`${row},`) && c.value === header);
  if (!found) throw new Error(`no "${header}" in row ${row} of ${sheet}`);
  return Number(found[0].split(',')[1]);
};
const formatAt = (book: MemoryWorkbook, sheet: string, row: number, column: number): string | undefined => book.sheet(sheet)!.cells.get(`${row},${column}`)?.format;

describe.each(['sheets', 'excel'] as const)('the sheets the build writes (%s)', (host) => {
  it('formats every figure for people, in the data\'s own units, and hides the chart\'s helper columns', async () => {
    const book = formattedBook();
    const session = new WizardSession(new MemoryHost(book, host));
    await session.pick('region');
    await session.build();
    const P = SHEET_NAMES.portfolio;
    const col = (header: string): number => columnOf(book, P, 5, header);
    // The source's own formats where the data shows its unit; ours elsewhere.
    expect(formatAt(book, P, 6, col('Revenue'))).toBe('"$"#,##0.00');
    expect(formatAt(book, P, 9, col('Gross margin'))).toBe('0.0%');
    expect(formatAt(book, P, 6, col('Attractiveness (0-10)'))).toBe('0.00');
    expect(formatAt(book, P, 11, col('Attractiveness (0-10)'))).toBe('0.00'); // the spilled rows too
    expect(formatAt(book, P, 6, col('Relative strength'))).toBe('0.00');
    expect(formatAt(book, P, 6, col('Days a year as key account'))).toBe('#,##0');
    expect(formatAt(book, P, 6, col('Lifetime value'))).toBe('#,##0');
    // Values stay whole underneath: the link to the source cell, not a rounded copy.
    expect(book.get(P, `E6`)?.formula).toBe("='Customers'!E4");
    // Text stays text: Excel gets the Text format, Sheets the apostrophe (no format of its own).
    expect(formatAt(book, P, 6, 1)).toBe(host === 'excel' ? '@' : undefined);

    // The chart's helper columns start one column after the last column of the table.
    const helper = col('Fragile placement?') + 2;
    expect(book.get(P, `${letters(helper)}5`)?.value).toBe('Account');
    expect([...book.sheet(P)!.hidden].sort((a, b) => a - b)).toEqual(CHART_COLUMNS.map((_, k) => helper + k));

    const K = SHEET_NAMES.keyAccounts;
    expect([formatAt(book, K, 6, 2), formatAt(book, K, 10, 3), formatAt(book, K, 10, 4)]).toEqual(['0.00', '#,##0', '#,##0']);

    // The model sheet: each factor's scale in its unit, cuts and strengths to two decimals, rates in %.
    const M = SHEET_NAMES.model;
    const rowOf = (label: string): number => Number([...book.sheet(M)!.cells].find(([, c]) => c.value === label)![0].split(',')[0]);
    const factors = [...book.sheet(M)!.cells].filter(([k]) => k.startsWith(`${rowOf(LABELS.factor)},`)).map(([k, c]) => [Number(k.split(',')[1]), c.value] as const);
    const factorColumn = (name: string): number => factors.find(([, v]) => v === name)![0];
    expect(formatAt(book, M, rowOf(LABELS.worst), factorColumn('Revenue'))).toBe('#,##0');
    expect(formatAt(book, M, rowOf(LABELS.best), factorColumn('Gross margin'))).toBe('0.0%');
    expect(formatAt(book, M, rowOf(LABELS.strengthCut), 2)).toBe('0.00');
    expect(formatAt(book, M, rowOf(LABELS.capacity), 2)).toBe('#,##0');
    expect(formatAt(book, M, rowOf(LABELS.retention), 2)).toBe('0.0%');
    expect(formatAt(book, M, rowOf(LABELS.years), 2)).not.toBe('0.0%');

    const R = SHEET_NAMES.rewards;
    const rcol = (header: string): number => columnOf(book, R, 5, header);
    expect(formatAt(book, R, 6, rcol('Actual: revenue growth'))).toBe('0.0%');
    expect(formatAt(book, R, 6, rcol('Target: cost to serve'))).toBe('#,##0');
    expect(formatAt(book, R, 6, rcol('Payout (x target incentive)'))).toBe('0.00');
  });

  it('calculates to the preview, with blank payouts and a note on where to type actuals until they are in', async () => {
    const book = formattedBook();
    const session = new WizardSession(new MemoryHost(book, host));
    await session.pick('region');
    await session.build();
    const preview = session.portfolio();
    const hf = evaluateWorkbook(book).engine;
    const id = (name: string): number => hf.getSheetId(name)!;
    const P = SHEET_NAMES.portfolio;
    const attractiveness = columnOf(book, P, 5, 'Attractiveness (0-10)') - 1;
    preview.rows.forEach((r, i) => {
      expect(hf.getCellValue({ sheet: id(P), row: 5 + i, col: attractiveness })).toBeCloseTo(r.attractiveness!, 9);
    });

    const R = SHEET_NAMES.rewards;
    const payout = columnOf(book, R, 5, 'Payout (x target incentive)') - 1;
    const keyCount = preview.selection.chosen.length;
    expect(keyCount).toBeGreaterThan(0);
    for (let i = 0; i < keyCount; i++) {
      const value = hf.getCellValue({ sheet: id(R), row: 5 + i, col: payout });
      expect(value instanceof DetailedCellError ? value.value : value).toBe('');
    }
    expect(String(book.get(R, 'A3')?.value)).toMatch(/^Type each key account's actual results in columns C–F .* targets in columns G–J/);
    expect(book.get(R, 'C5')?.note).toMatch(/Type the actual results here/);

    // Once a row's actuals and targets are typed, its payout is a number.
    const actualsAndTargets = [0.1, 0.3, 0.35, 50, 0.08, 0.25, 0.3, 60];
    actualsAndTargets.forEach((v, j) => hf.setCellContents({ sheet: id(R), row: 5, col: 2 + j }, v));
    expect(typeof hf.getCellValue({ sheet: id(R), row: 5, col: payout })).toBe('number');
    expect(hf.getCellValue({ sheet: id(R), row: 6, col: payout })).toBe('');
  });
});

/**
 * A customer list as a Spanish sales-ops team keeps it: Spanish headers, stages and numbers, a loss-maker (a negative
 * margin, KAM_FLAGS's Difficult) on the attractive side, enough accounts for some to be key and some not.
 */
function spanishBook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet('Clientes', [
    ['Cliente', 'Segmento', 'Gestor', 'Etapa', 'Ventas', 'Margen bruto', 'Encaje estratégico'],
    ['Aceros del Norte', 'Industria', 'Ana', 'Integrada', 900000, 0.32, 9],
    ['Bodegas Ribera', 'Alimentación', 'Luis', 'Cooperativa', 420000, 0.28, 8],
    ['Cementos Levante', 'Industria', 'Ana', 'Básica', 760000, -0.06, 9],
    ['Distribuciones Sur', 'Distribución', 'Marta', 'Exploratoria', 150000, 0.12, 4],
    ['Electro Galicia', 'Industria', 'Luis', 'Interdependiente', 610000, 0.25, 7],
    ['Farmacia Central', 'Salud', 'Marta', 'Básica', 95000, 0.4, 3],
    ['Gráficas Lema', 'Industria', 'Ana', 'Cooperativa', 230000, 0.18, 6],
    ['Hoteles Mar', 'Turismo', 'Luis', 'Exploratoria', 330000, 0.09, 5],
    ['Ibérica de Envases', 'Industria', 'Marta', 'Integrada', 540000, 0.22, 8],
    ['Juguetes Lúdicos', 'Distribución', 'Ana', 'En desintegración', 60000, 0.05, 2],
    ['Klima Servicios', 'Servicios', 'Luis', 'Cooperativa', 280000, 0.3, 7],
    ['Lácteos Montaña', 'Alimentación', 'Marta', 'Básica', 470000, 0.15, 6],
  ]);
  book.selection = { sheet: 'Clientes', row: 2, column: 2 };
  return book;
}

/** The sheets the wizard owns, as the build leaves them. */
const OWNED = [SHEET_NAMES.model, SHEET_NAMES.portfolio, SHEET_NAMES.keyAccounts, SHEET_NAMES.rewards, SHEET_NAMES.profit, HISTORY_SHEET];

const clock = (): Date => new Date(2026, 10, 30, 14, 5);

async function buildIn(book: MemoryWorkbook, host: 'sheets' | 'excel', language: Language): Promise<WizardSession> {
  const session = new WizardSession(new MemoryHost(book, host), { language, clock });
  await session.pick('region');
  await session.build();
  return session;
}

/** What a calculated portfolio says per account: position (by index, any language), key account, the payout of typed rows. */
function outcome(book: MemoryWorkbook, language: Language) {
  const t = translator(language);
  const hf = evaluateWorkbook(book, language);
  const P = SHEET_NAMES.portfolio;
  const R = SHEET_NAMES.rewards;
  const col = (header: string): number => columnOf(book, P, 5, header);
  const rows = [...book.sheet(P)!.cells.keys()].filter((k) => k.endsWith(',1')).map((k) => Number(k.split(',')[0])).filter((r) => r > 5).sort((a, b) => a - b);
  const accounts = rows.map((r) => {
    const position = hf.value(P, `${letters(col(t('sheet.column.position')))}${r}`);
    return {
      account: book.get(P, `A${r}`)!.value,
      positionWord: position,
      position: positionIndex(String(position)),
      key: hf.value(P, `${letters(col(t('sheet.column.key')))}${r}`),
      whyNot: hf.value(P, `${letters(col(t('sheet.column.whyNot')))}${r}`),
      flags: hf.value(P, `${letters(col(t('sheet.column.flags')))}${r}`),
    };
  });
  const payoutColumn = letters(columnOf(book, R, 5, t('sheet.rewards.payout')));
  const payouts = new Map<unknown, unknown>();
  for (let r = 6; book.get(R, `A${r}`)?.value; r++) payouts.set(book.get(R, `A${r}`)!.value, hf.value(R, `${payoutColumn}${r}`));
  return { accounts, payouts };
}

/** Types an account's actuals and targets on KAM Rewards, under the headers of whichever language it was built in. */
function typeResults(book: MemoryWorkbook, language: Language, account: string, values: number[]): void {
  const R = SHEET_NAMES.rewards;
  let row = 6;
  while (book.get(R, `A${row}`)?.value !== account) row++;
  const first = columnOf(book, R, 5, translator(language)('sheet.rewards.actual', { metric: defaultMetrics(translator(language))[0]! }));
  values.forEach((v, j) => book.sheet(R)!.cells.set(`${row},${first + j}`, { value: v }));
}

describe.each(['sheets', 'excel'] as const)('a workbook built in one language, continued in the other (%s)', (host) => {
  it.each([['es', 'en'], ['en', 'es']] as const)('built in %s, read back, rebuilt and recalculated in %s: same positions, key accounts and payouts', async (first, second) => {
    const book = spanishBook();
    const before = await buildIn(book, host, first);
    const preview = before.portfolio();
    const key = preview.selection.chosen.map((i) => preview.rows[i]!.account);
    expect(key.length).toBeGreaterThan(1);
    expect(preview.rows.length - key.length).toBeGreaterThan(1);
    // The first reader calculates it in the build's language: the functions' words are that language's.
    const typed = [0.12, 0.3, 0.33, 40, 0.1, 0.25, 0.3, 50];
    typeResults(book, first, key[0]!, typed);
    const was = outcome(book, first);
    const t1 = translator(first);
    was.accounts.forEach((a, i) => {
      expect(a.account).toBe(preview.rows[i]!.account);
      expect(a.positionWord).toBe(positionName(preview.rows[i]!.position!, t1));
      expect(a.key, a.account as string).toBe(preview.rows[i]!.key);
    });
    // The loss-maker on the attractive side is flagged Difficult and kept out, in the reader's words.
    const loser = was.accounts.find((a) => a.account === 'Cementos Levante')!;
    expect(String(loser.flags)).toContain(t1('flag.difficult'));
    expect(loser.key).toBe(false);
    expect(typeof was.payouts.get(key[0])).toBe('number');

    // Someone working in the other language opens the same workbook: the wizard reads its model sheet back…
    const after = new WizardSession(new MemoryHost(book, host), { language: second, clock });
    expect(await after.open()).toEqual({ reopened: true });
    const reread = after.portfolio();
    expect(reread.rows.map((r) => [r.account, r.position, r.key, r.strength])).toEqual(preview.rows.map((r) => [r.account, r.position, r.key, r.strength]));
    expect(after.model().cuts).toEqual(before.model().cuts);
    expect(after.model().capacity.days).toBe(before.model().capacity.days);
    // …and the sheet's history has the first build's snapshot, positions read from the first language's words.
    const history = await after.history();
    expect(history.snapshots.map((s) => s.placements.map((p) => [p.account, p.position, p.key]))).toEqual([preview.rows.map((r) => [r.account, r.position, r.key])]);

    // Rebuilt in the second language and calculated by a reader of that language: the same portfolio, the payout
    // typed under the first language's headers kept by account.
    await after.build();
    const now = outcome(book, second);
    expect(now.accounts.map((a) => [a.account, a.position, a.key])).toEqual(was.accounts.map((a) => [a.account, a.position, a.key]));
    expect(now.accounts.every((a) => a.positionWord === positionName(POSITIONS[a.position]!, translator(second)))).toBe(true);
    expect([...now.payouts.keys()]).toEqual([...was.payouts.keys()]);
    expect(now.payouts.get(key[0])).toBeCloseTo(was.payouts.get(key[0]) as number, 12);
    // The sheets now speak the second language; KAM History keeps the first snapshot and adds the second below it.
    const t2 = translator(second);
    expect(columnOf(book, SHEET_NAMES.portfolio, 5, t2('sheet.column.position'))).toBeGreaterThan(0);
    expect(book.get(SHEET_NAMES.model, 'A1')?.value).toBe('KAM Model');
    const again = await after.history();
    expect(again.snapshots.map((s) => s.number)).toEqual([1, 2]);
    expect(again.snapshots[1]!.placements.map((p) => p.position)).toEqual(again.snapshots[0]!.placements.map((p) => p.position));
    // A third build, back in the first language, reads the second's sheets just as well.
    const third = new WizardSession(new MemoryHost(book, host), { language: first, clock });
    expect(await third.open()).toEqual({ reopened: true });
    await third.build();
    expect(outcome(book, first).payouts.get(key[0])).toBeCloseTo(was.payouts.get(key[0]) as number, 12);
  });

  it('leaves no English word in a Spanish build: every text that reads the same in both builds is a fixed name, data or a keyword', async () => {
    const es = spanishBook();
    const en = spanishBook();
    await buildIn(es, host, 'es');
    await buildIn(en, host, 'en');
    // Data: every text of the customer sheet (names, segments, managers, stages, headers) and what is derived from it.
    const data = new Set([...es.sheet('Clientes')!.cells.values()].map((c) => String(c.value)));
    // Factor names are the user's to edit; their defaults are named by the wizard's session (taskpane/wizard/session.ts
    // gives defaultModel its translator: until it does, a Spanish build names them in English), so they count as data.
    for (const f of (await buildIn(spanishBook(), host, 'es')).model().factors) data.add(f.name);
    // Documented fixed names (docs/wizard.md, "Languages"): sheet titles that are the sheets' fixed names, the setting
    // keywords the model sheet's values are read as, and the words spelled the same in both catalogs.
    const fixed = new Set<string>([
      'KAM Model', 'KAM Portfolio', 'KAM Rewards', 'KAM Profit', 'KAM History', 'Clientes', 'A1:G13',
      'customers', 'linear', 'log', 'stage', 'equal', 'attractiveness', 'median', 'top', 'tenure', 'cut',
      '2026-11-30 14:05',
      ...Object.keys(CATALOGS.en).filter((id) => CATALOGS.en[id as MessageId] === CATALOGS.es[id as MessageId]).map((id) => CATALOGS.en[id as MessageId]!),
    ]);
    const same: string[] = [];
    const texts = (book: MemoryWorkbook, sheet: string, k: string): string[] => {
      const cell = book.sheet(sheet)!.cells.get(k);
      return [typeof cell?.value === 'string' ? cell.value : '', cell?.note ?? ''];
    };
    for (const sheet of OWNED) {
      for (const k of es.sheet(sheet)!.cells.keys()) {
        const [value, note] = texts(es, sheet, k);
        const [enValue, enNote] = texts(en, sheet, k);
        for (const [a, b] of [[value, enValue], [note, enNote]] as const) {
          if (a === '' || a !== b || data.has(a) || fixed.has(a)) continue;
          // A list of roles or sheets: each item a fixed name.
          if (a.split(', ').every((item) => fixed.has(item) || data.has(item) || OWNED.includes(item as never) || /^[a-z]+$/.test(item))) continue;
          if (/^column:|^Columna para [a-z]+$|^Column for/.test(a)) continue;
          same.push(`${sheet}!${k}: ${a}`);
        }
      }
      // No sentence of the English build is left in a formula of the Spanish one (the "Why not key" reasons).
      for (const [k, cell] of es.sheet(sheet)!.cells) {
        if (!cell.formula) continue;
        for (const reason of Object.values(whyNot(english)).filter((r) => typeof r === 'string')) expect(cell.formula, `${sheet}!${k}`).not.toContain(reason as string);
      }
    }
    expect(same).toEqual([]);
    // The charts' titles and axes too.
    expect(es.sheet(SHEET_NAMES.portfolio)!.charts[0]!.title).toMatch(/^Matriz de la cartera \(cortes: atractivo [\d,]+, fortaleza [\d,]+\)$/);
    expect(es.sheet(SHEET_NAMES.profit)!.charts[0]!.title).toBe(translator('es')('whale.title'));

    // Calculated by a Spanish reader, the functions' words are Spanish too: positions, warnings, reasons.
    const englishWords = new Set([...POSITIONS, english('flag.difficult'), english('flag.bigName'), english('flag.oldFriend'), ...Object.values(whyNot(english)).filter((r) => typeof r === 'string')]);
    for (const a of outcome(es, 'es').accounts) {
      for (const v of [a.positionWord, a.whyNot, ...String(a.flags ?? '').split(', ')]) expect(englishWords.has(String(v)), `${a.account}: ${v}`).toBe(false);
    }
  });
});

describe('a workbook the wizard built in Spanish, given to the command line in English', () => {
  it('is read with its own model, to the positions, key accounts and payouts its formulas compute', async () => {
    const dir = tempDir('kam-es-book-');
    const book = spanishBook();
    const session = await buildIn(book, 'excel', 'es');
    const preview = session.portfolio();
    const key = preview.selection.chosen.map((i) => preview.rows[i]!.account);
    typeResults(book, 'es', key[0]!, [0.12, 0.3, 0.33, 40, 0.1, 0.25, 0.3, 50]);
    const live = outcome(book, 'es');
    const file = path.join(dir, 'cartera.xlsx');
    await saveWorkbook(book, file);

    const out = path.join(dir, 'again.xlsx');
    const run = kam(['portfolio', file, '--json', '--out', out]);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.output.notes.join(' ')).toMatch(/read from the workbook's own "KAM Model" sheet/);
    expect(json.accounts.map((a: { account: string; position: string; key: boolean }) => [a.account, positionIndex(a.position), a.key]))
      .toEqual(live.accounts.map((a) => [a.account, a.position, a.key]));
    // The command line keeps what was typed under the Spanish headers, by account, and pays the same.
    const written = await loadWorkbook(out);
    const header = written.grid(SHEET_NAMES.rewards, 'A5:Z5')[0]!;
    const payoutColumn = header.findIndex((h) => typeof h === 'string' && (h === english('sheet.rewards.payout') || h === translator('es')('sheet.rewards.payout')));
    const row = written.grid(SHEET_NAMES.rewards, 'A6:Z30').find((r) => r[0] === key[0])!;
    expect(row[payoutColumn]).toBeCloseTo(live.payouts.get(key[0]) as number, 9);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
