// The command line in Spanish and in English (issue 14), through the built kam: a Spanish customer list as a Spanish
// team keeps it (title rows, Spanish headers, amounts typed as "194.516,01 €", stages such as Básica or Cooperativa,
// a totals row) gives a summary, errors, --json and a workbook with no English sentence in them; an English list
// gives English; --lang wins over the environment's locale, which wins over English; an unknown --lang is refused.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kam, readWorkbook, tempDir } from '../support/cli';
import { ROOT } from '../support/dist';

type Json = any;

/**
 * English words that a sentence in English cannot do without and a Spanish sentence never uses. A Spanish line
 * that still holds one of them has English left in it.
 */
const ENGLISH = [
  'the', 'and', 'of', 'with', 'from', 'would', 'which', 'is', 'are', 'was', 'were', 'be', 'for', 'more', 'than', 'have', 'has', 'by',
  'not', 'this', 'that', 'their', 'its', 'account', 'accounts', 'days', 'sheet', 'key', 'customer', 'customers', 'profit',
  'revenue', 'strength', 'attractiveness', 'position', 'positions', 'moved', 'new', 'lost', 'wrote', 'read', 'row', 'rows',
  'column', 'capacity', 'team', 'weight', 'points', 'notes', 'fragile', 'segment', 'segments', 'warning', 'below', 'above',
  'make', 'lose', 'money', 'picture', 'value', 'share', 'options', 'usage', 'exit', 'help', 'unknown', 'must', 'give',
];
const ENGLISH_WORD = new RegExp(`(^|[^\\p{L}])(${ENGLISH.join('|')})(?=[^\\p{L}]|$)`, 'iu');

/**
 * The English words left in a Spanish text once what is not a sentence is taken out: names the data gave (accounts,
 * segments, factors, stages, headers), quoted names («…», "…"), sheet names that stay the same in every language,
 * file paths, option names and the kam commands.
 */
function englishIn(text: string, names: readonly string[]): string[] {
  let rest = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) if (n) rest = rest.split(n).join(' ');
  rest = rest
    .replace(/«[^»]*»/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/(\/[\w.-]+)+/g, ' ')
    .replace(/\b[\w-]+\.(xlsx|xlsm|csv|json|svg|png)\b/g, ' ')
    .replace(/--[a-z-]+/g, ' ')
    .replace(/\bkam (portfolio|compare)\b/g, ' ')
    .replace(/\b(KAM (Portfolio|Model|Rewards|Profit curve|Profit|Segments|Matrix|History)|Key accounts|Source data|Cranfield|KAM_[A-Z]+|KAM)\b/g, ' ');
  return rest.split('\n').filter((line) => ENGLISH_WORD.test(line)).map((line) => line.trim());
}

/** A Spanish customer list as a workbook: a title block, Spanish headers, amounts typed as Spanish text, a totals row. */
async function spanishWorkbook(file: string): Promise<void> {
  const lines = fs.readFileSync(fixture('clientes-etapas.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(';'));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Clientes');
  sheet.addRow(['Cartera de clientes 2024 — Dirección comercial']);
  sheet.addRow(['Importes en euros; datos a 31/12/2024']);
  sheet.addRow([]);
  for (const row of lines) sheet.addRow(row);
  sheet.addRow(['Total', '', '', '', '33.210.447,12 €']);
  await book.xlsx.writeFile(file);
}

describe('kam in Spanish on a Spanish customer list', () => {
  let dir: string;
  let input: string;
  let out: string;
  let text: string;
  let json: Json;
  let names: string[];

  beforeAll(async () => {
    dir = tempDir('kam-es-');
    input = path.join(dir, 'clientes.xlsx');
    await spanishWorkbook(input);
    out = path.join(dir, 'cartera.xlsx');
    const run = kam(['portfolio', input, '--out', out, '--lang', 'es']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    text = run.stdout;
    const j = kam(['portfolio', input, '--out', path.join(dir, 'cartera-json.xlsx'), '--json'], { lang: 'es_ES.UTF-8' });
    expect(j.status).toBe(0);
    json = JSON.parse(j.stdout);
    // What the data names: accounts, segments, managers, stages, factor and column names, and the input's headers.
    names = [
      ...json.accounts.flatMap((a: Json) => [a.account, a.segment, a.manager, a.stage]),
      ...json.model.factors.map((f: Json) => f.name),
      'Oro', 'Pendiente', 'Ventas 2024', 'Margen %', 'Coste de servicio', 'Clientes',
    ];
  }, 120_000);

  it('reads the list and says everything in Spanish, with Spanish numbers', () => {
    expect(text).toMatch(/^Leídas 60 cuentas de clientes\.xlsx, hoja «Clientes»: lista de clientes, encabezado en la fila 4\./);
    expect(text).toContain('Posiciones: Estratégica ');
    expect(text).toContain('Cuentas clave: 15, por atractivo, con 450 de 450 días de equipo.');
    expect(text).toContain('Posiciones frágiles: ');
    expect(text).toContain('Qué cambiaría con más o menos días:');
    expect(text).toContain('Quién genera el beneficio:');
    // Spanish conventions: decimal comma, a space before %, thousands with a dot.
    expect(text).toMatch(/El 20,0\s% de los clientes más rentables \(12 clientes\) genera el \d+,\d\s% del beneficio \(\d{1,3}(\.\d{3})+\)\./);
    expect(text).not.toMatch(/\d\.\d%|\d,\d{3}\b(?! %)/);
    expect(text).toMatch(/Libro escrito: .*cartera\.xlsx/);
    expect(englishIn(text, names)).toEqual([]);
  });

  it('gives --json\'s sentences in Spanish (values and ids stay as data)', () => {
    const sentences: string[] = [
      json.selection.capacityFrom, json.selection.costsFrom,
      ...json.warnings.map((w: Json) => w.message),
      ...json.accounts.flatMap((a: Json) => [a.whyNotKey, a.flags, a.strengthFrom, a.costFrom, a.problem ?? '']),
      json.decisions.fragile.summary, ...json.decisions.fragile.accounts.map((a: Json) => a.sentence),
      ...json.decisions.capacity.sentences, ...json.decisions.profit.sentences, ...json.decisions.segments.warnings,
      ...json.output.notes,
    ];
    expect(sentences.filter((s) => englishIn(s, names).length)).toEqual([]);
    // Positions and the objective are data, the same in every language, so scripts do not depend on it.
    expect(new Set(json.accounts.map((a: Json) => a.position))).toEqual(new Set(['Strategic', 'Star', 'Status', 'Streamline']));
    expect(json.selection.objective).toBe('attractiveness');
  });

  it('writes the workbook\'s words in Spanish, under the sheet names that stay the same in every language', async () => {
    const sheets = await readWorkbook(out);
    expect(Object.keys(sheets)).toEqual(['KAM Portfolio', 'Key accounts', 'KAM Rewards', 'KAM Profit', 'KAM Segments', 'KAM Model', 'KAM Matrix', 'KAM Profit curve', 'Source data']);
    expect(sheets['KAM Portfolio']![4]!.slice(0, 10)).toEqual(['Cuenta', 'Segmento', 'Gestor', 'Etapa', 'Ventas', 'Beneficio', 'Atractivo (0-10)', 'Fortaleza relativa', 'Posición', '¿Cuenta clave?']);
    expect(new Set(sheets['KAM Portfolio']!.slice(5).map((r) => r[8]))).toEqual(new Set(['Estratégica', 'Estrella', 'Estatus', 'Racionalizar']));
    // A title that is not a sheet name is said in the language, as the wizard's build says it.
    expect(sheets['Key accounts']![0]![0]).toBe('Cuentas clave');
    const left: string[] = [];
    for (const [name, grid] of Object.entries(sheets)) {
      if (name === 'Source data') continue;
      grid.forEach((row, r) => row.forEach((cell, c) => {
        if (typeof cell !== 'string') return;
        // The model sheet is the wizard's own (its labels name the keywords its settings are typed in, which stay the same
        // in every language: test/core/model covers it); the command line writes its title, marker and note.
        if (name === 'KAM Model' && r > 2) return;
        for (const line of englishIn(cell, names)) left.push(`${name}!R${r + 1}C${c + 1}: ${line}`);
      }));
    }
    expect(left).toEqual([]);
  });

  it('is read back by kam in English: the same model and positions, and kam compare in either language', () => {
    const again = kam(['portfolio', input, '--model', out, '--out', path.join(dir, 'again.xlsx'), '--json']);
    expect(again.stderr).toBe('');
    const j = JSON.parse(again.stdout);
    expect(j.model).toEqual(json.model);
    expect(j.accounts.map((a: Json) => [a.account, a.position, a.key])).toEqual(json.accounts.map((a: Json) => [a.account, a.position, a.key]));
    const en = kam(['compare', out, path.join(dir, 'again.xlsx'), '--json', '--out', path.join(dir, 'mov')]);
    expect(en.status).toBe(0);
    expect(JSON.parse(en.stdout).summary).toBe('60 accounts are in both portfolios: 0 moved, 60 kept their position; 0 new, 0 lost.');
    const es = kam(['compare', path.join(dir, 'again.xlsx'), out, '--out', path.join(dir, 'mov')], { lang: 'es_ES.UTF-8' });
    expect(es.stdout).toContain('60 cuentas están en las dos carteras: 0 cambiaron de posición y 60 la mantuvieron; 0 nuevas y 0 perdidas.');
    expect(englishIn(es.stdout, names)).toEqual([]);
  });

  it('says its errors in Spanish: a missing file, a bad model file, a file that is not a portfolio', () => {
    const missing = kam(['portfolio', path.join(dir, 'no-existe.xlsx')], { lang: 'es_ES.UTF-8' });
    expect(missing.status).toBe(1);
    fs.writeFileSync(path.join(dir, 'modelo.json'), '{ "capacity": ');
    const model = kam(['portfolio', input, '--model', path.join(dir, 'modelo.json'), '--out', path.join(dir, 'x.xlsx')], { lang: 'es_ES.UTF-8' });
    expect(model.status).toBe(2);
    expect(model.stderr).toMatch(/^kam: El archivo de modelo .*modelo\.json no es un JSON válido/);
    fs.writeFileSync(path.join(dir, 'dias.json'), JSON.stringify({ capacity: { days: 0 }, review: { fragilePoints: 'cinco' } }));
    const setting = kam(['portfolio', input, '--model', path.join(dir, 'dias.json'), '--out', path.join(dir, 'x.xlsx')], { lang: 'es_ES.UTF-8' });
    expect(setting.status).toBe(2);
    expect(setting.stderr).toBe('kam: dias.json.capacity.days debe ser mayor que 0 (es 0).\ndias.json.review.fragilePoints debe ser un número (es "cinco").\n');
    const compare = kam(['compare', input, out], { lang: 'es_ES.UTF-8' });
    expect(compare.status).toBe(1);
    expect(compare.stderr).toMatch(/^kam: clientes\.xlsx no es un libro de cartera: no tiene hoja «KAM Portfolio»\./);
    const usage = kam(['portfolio', input, '--capacity', 'muchos'], { lang: 'es_ES.UTF-8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('kam: --capacity debe ser un número positivo de días de equipo (se ha indicado «muchos»).\n');
    for (const r of [missing, model, compare, usage]) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(englishIn(r.stderr.replace(/\([^)]*JSON[^)]*\)/, ''), names)).toEqual([]);
    }
  });

  it('takes team days as Spanish writes them with --lang es ("1.200" is twelve hundred)', () => {
    const r = kam(['portfolio', input, '--capacity', '1.200', '--out', path.join(dir, 'mil.xlsx'), '--json', '--lang', 'es']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).selection.capacity).toBe(1200);
  });
});

describe('choosing the language', () => {
  const sample = path.join(ROOT, 'samples/customers.xlsx');
  const first = (args: string[], options: { lang?: string; env?: Record<string, string> }): string => kam(args, options).stdout.split('\n')[0]!;
  let dir: string;
  beforeAll(() => {
    dir = tempDir('kam-lang-');
  });

  it('speaks English on an English workbook in an English environment', () => {
    const r = kam(['portfolio', sample, '--out', path.join(dir, 'en.xlsx')]);
    expect(r.stdout).toMatch(/^Read 298 accounts from customers\.xlsx, sheet "Customers" — customer list, header on row 4\./);
    expect(r.stdout).toContain('Key accounts: 20 by attractiveness, using 600 of 600 team days.');
    expect(r.stdout).not.toMatch(/Leídas|cuentas|días/);
    // The check the Spanish tests rely on does find English: every line of this summary but a few names and paths.
    expect(englishIn(r.stdout, []).length).toBeGreaterThan(20);
  });

  it('follows the environment (LC_ALL, then LC_MESSAGES, then LANG), and --lang wins over it', () => {
    const args = ['portfolio', sample, '--out', path.join(dir, 'x.xlsx')];
    expect(first(args, { lang: 'es_ES.UTF-8' })).toMatch(/^Leídas 298 cuentas/);
    expect(first(args, { lang: 'es_ES.UTF-8', env: { LC_ALL: 'en_GB.UTF-8' } })).toMatch(/^Read 298 accounts/);
    expect(first(args, { lang: 'en_US.UTF-8', env: { LC_MESSAGES: 'es_MX.UTF-8' } })).toMatch(/^Leídas 298 cuentas/);
    expect(first(args, { lang: 'C' })).toMatch(/^Read 298 accounts/);
    expect(first(args, { lang: 'fr_FR.UTF-8' })).toMatch(/^Read 298 accounts/);
    expect(first([...args, '--lang', 'en'], { lang: 'es_ES.UTF-8' })).toMatch(/^Read 298 accounts/);
    expect(first([...args, '--lang=es'], { lang: 'en_US.UTF-8' })).toMatch(/^Leídas 298 cuentas/);
    expect(first([...args, '--lang', 'ES'], { lang: 'en_US.UTF-8' })).toMatch(/^Leídas 298 cuentas/);
  }, 60_000);

  it('refuses an unknown --lang, saying which values there are, in the environment\'s language', () => {
    const en = kam(['portfolio', sample, '--lang', 'fr']);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('kam: --lang must be one of en, es (got "fr"). Without --lang, kam speaks the language of the environment (LANG).\n');
    const es = kam(['portfolio', sample, '--lang', 'português'], { lang: 'es_ES.UTF-8' });
    expect(es.status).toBe(2);
    expect(es.stderr).toBe('kam: --lang debe ser uno de estos valores: en, es (se ha indicado «português»). Sin --lang, kam usa el idioma del entorno (LANG).\n');
    expect(kam(['portfolio', sample, '--lang']).stderr).toMatch(/Option --lang needs a value/);
  });

  it('has --help in both languages, each naming every option', () => {
    const en = kam(['--help']);
    const es = kam(['--help', '--lang', 'es']);
    expect(en.status).toBe(0);
    expect(es.status).toBe(0);
    expect(en.stdout).toMatch(/^kam — key account management from the command line/);
    expect(es.stdout).toMatch(/^kam — gestión de cuentas clave desde la línea de comandos/);
    for (const option of ['--sheet', '--model', '--capacity', '--kind', '--out', '--force', '--no-source', '--json', '--lang', '--help', 'kam compare']) {
      expect(en.stdout).toContain(option);
      expect(es.stdout).toContain(option);
    }
    // Option values stay as typed (customers | transactions, en|es); everything else is Spanish.
    expect(englishIn(es.stdout.replace(/customers \| transactions|en\|es/g, ''), [])).toEqual([]);
  });
});
