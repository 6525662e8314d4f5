// `kam compare previous.xlsx current.xlsx`: how accounts moved between two portfolio workbooks (made by kam portfolio
// or the add-in's wizard) — each account's move, the accounts new and lost, the 4×4 table, and a picture with an arrow
// from each account's old place to its new one.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbookReadError } from '../io';
import type { RawCell } from '../core/ingest';
import { median } from '../core/ingest/column-profile';
import { comparePortfolios, type DriftReport, type Placement } from '../core/portfolio/drift-report';
import { driftSummary, keyChanges, moveSentence, nameList, positionName, type Speech } from '../core/portfolio/decision-texts';
import { readPortfolioPlacements } from '../core/workbook/placement-sheets';
import { driftChartSvg } from '../core/workbook/drift-chart';
import { readModelSheet } from '../core/model/model-sheet';
import { SHEET_NAMES } from '../core/workbook/plan';
import { POSITIONS } from '../core/functions/position-names';
import { formatNumber } from '../core/format/display';
import { CliError, EXIT, endSentences } from './cli-error';
import { svgToPng } from './chart-png';
import { writeAtomically } from './portfolio-command';
import { readSheetGrid } from './model-source';

export interface CompareOptions {
  previous: string;
  current: string;
  /** Where the picture goes: FILE.svg and FILE.png (an .svg or .png ending is dropped); default beside the current workbook. */
  out?: string;
  speech: Speech;
}

/** One portfolio as read back: its file, its placements, the cuts its matrix was drawn with and what its strength is. */
export interface ReadPortfolio {
  file: string;
  placements: Placement[];
  cuts: { attractiveness: number; strength: number };
  /** Its strength is the behavioural proxy (1 = the middle relationship, not parity with a rival). */
  strengthProxy: boolean;
}

export interface CompareOutcome {
  previous: ReadPortfolio;
  current: ReadPortfolio;
  report: DriftReport;
  pictures: { svg: string; png: string };
}

/** Moves listed in the summary before "and N more" (--json has them all). */
const MOVES_SHOWN = 40;
/** New and lost accounts named in the summary. */
const NAMES_SHOWN = 10;

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** The placements on a portfolio workbook's KAM Portfolio sheet, and its cuts; a clear error naming the file otherwise. */
export async function readPortfolioWorkbook(file: string, s: Speech): Promise<ReadPortfolio> {
  const name = path.basename(file);
  const notPortfolio = (why: string): CliError => new CliError(s.t('cli.compare.notPortfolio', { file: name, why, sheet: SHEET_NAMES.portfolio }), EXIT.input);
  if (!fs.existsSync(file)) throw new CliError(s.t('cli.compare.missing', { file }), EXIT.input);
  if (!WORKBOOK.test(file)) throw notPortfolio(s.t('cli.compare.whyNotXlsx'));
  let grid: RawCell[][];
  try {
    grid = await readSheetGrid(file, SHEET_NAMES.portfolio);
  } catch (error) {
    if (error instanceof WorkbookReadError && (error.code === 'SHEET_NOT_FOUND' || error.code === 'SHEET_AMBIGUOUS')) throw notPortfolio(s.t('cli.compare.whyNoSheet', { sheet: SHEET_NAMES.portfolio }));
    if (error instanceof WorkbookReadError) throw new CliError(error.message, EXIT.input);
    throw error;
  }
  const placements = readPortfolioPlacements(grid);
  if (!placements) throw notPortfolio(s.t('cli.compare.whyNoHeader', { sheet: SHEET_NAMES.portfolio }));
  if (!placements.some((p) => p.position !== null)) throw notPortfolio(s.t('cli.compare.whyNoPositions', { sheet: SHEET_NAMES.portfolio }));
  return { file, placements, ...(await matrixOf(file, placements)) };
}

/**
 * The cuts the portfolio's matrix was drawn with — the KAM Model sheet's, a median cut worked out over the accounts
 * as the build does; the method's defaults (5 and 1) when the workbook has no readable model sheet — and whether its
 * strength is the behavioural proxy.
 */
async function matrixOf(file: string, placements: Placement[]): Promise<Pick<ReadPortfolio, 'cuts' | 'strengthProxy'>> {
  let cuts: { attractiveness: number | 'median'; strength: number | 'median' } = { attractiveness: 5, strength: 1 };
  let strengthProxy = false;
  try {
    const { model } = readModelSheet(await readSheetGrid(file, SHEET_NAMES.model));
    cuts = model.cuts;
    strengthProxy = model.strength.kind === 'behaviour';
  } catch {
    // No model sheet, or one that cannot be read: the picture still needs lines, and the defaults are the method's.
  }
  const mid = (values: (number | null)[], fallback: number): number => median(values.filter((v): v is number => v !== null)) ?? fallback;
  return {
    cuts: {
      attractiveness: cuts.attractiveness === 'median' ? mid(placements.map((p) => p.attractiveness), 5) : cuts.attractiveness,
      strength: cuts.strength === 'median' ? mid(placements.map((p) => p.strength), 1) : cuts.strength,
    },
    strengthProxy,
  };
}

/** The pictures' paths: --out without its .svg/.png ending, else "<current>-moves" beside the current workbook. */
export function picturePaths(current: string, out: string | undefined, s: Speech): { svg: string; png: string } {
  let base: string;
  if (out === undefined) base = path.join(path.dirname(current), `${path.parse(current).name}-moves`);
  else {
    const ext = path.extname(out).toLowerCase();
    if (ext !== '' && ext !== '.svg' && ext !== '.png') throw new CliError(s.t('cli.compare.badOut', { out }), EXIT.usage);
    base = ext ? out.slice(0, -ext.length) : out;
  }
  base = path.resolve(base);
  return { svg: `${base}.svg`, png: `${base}.png` };
}

export async function runCompare(options: CompareOptions): Promise<CompareOutcome> {
  const s = options.speech;
  const previousFile = path.resolve(options.previous);
  const currentFile = path.resolve(options.current);
  const pictures = picturePaths(currentFile, options.out, s);
  for (const file of [previousFile, currentFile]) {
    if (file === pictures.svg || file === pictures.png) throw new CliError(s.t('cli.compare.outIsInput', { out: options.out ?? file }), EXIT.usage);
  }
  const previous = await readPortfolioWorkbook(previousFile, s);
  const current = await readPortfolioWorkbook(currentFile, s);
  const report = comparePortfolios(previous.placements, current.placements);
  const svg = driftChartSvg(report, {
    speech: s,
    cuts: current.cuts,
    strengthProxy: current.strengthProxy,
    title: `${s.t('drift.title')} — ${path.basename(previousFile)} → ${path.basename(currentFile)}`,
  });
  try {
    writeAtomically(pictures.svg, svg);
    writeAtomically(pictures.png, svgToPng(svg));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new CliError(s.t('cli.error.cannotWrite', { file: pictures.svg, code }), EXIT.output);
    throw error;
  }
  return { previous, current, report, pictures };
}

/** The 4×4 table as rows of text: a header row of current positions, a row per previous position, aligned. */
export function driftTableLines(s: Speech, counts: readonly number[]): string[] {
  const names = POSITIONS.map((p) => positionName(s, p));
  const cell = (n: number): string => formatNumber(n, 'count', s.locale);
  const first = Math.max(...names.map((n) => n.length), s.t('cli.compare.tableCorner').length);
  const widths = names.map((n, j) => Math.max(n.length, ...POSITIONS.map((_, i) => cell(counts[4 * i + j]!).length)));
  const row = (label: string, cells: string[]): string => `  ${label.padEnd(first)}  ${cells.map((c, j) => c.padStart(widths[j]!)).join('  ')}`.trimEnd();
  return [row(s.t('cli.compare.tableCorner'), names), ...names.map((n, i) => row(n, POSITIONS.map((_, j) => cell(counts[4 * i + j]!))))];
}

/** The cuts of the two portfolios differ: some moves come from the cuts, not from the accounts. */
function cutsChanged(s: Speech, { previous, current }: CompareOutcome): string | null {
  const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
  if (same(previous.cuts.attractiveness, current.cuts.attractiveness) && same(previous.cuts.strength, current.cuts.strength)) return null;
  return s.t('drift.cutsChanged', {
    attractivenessBefore: formatNumber(previous.cuts.attractiveness, 'ratio', s.locale),
    attractivenessAfter: formatNumber(current.cuts.attractiveness, 'ratio', s.locale),
    strengthBefore: formatNumber(previous.cuts.strength, 'ratio', s.locale),
    strengthAfter: formatNumber(current.cuts.strength, 'ratio', s.locale),
  });
}

/** The key-account changes of accounts that kept their position, in words. */
function keyChangeSentences(s: Speech, report: DriftReport): string[] {
  return keyChanges(report).map((m) => s.t('drift.keyChanged', { account: m.account, position: positionName(s, m.current.position!), key: m.current.key ? 'now' : 'no' }));
}

export function compareText(outcome: CompareOutcome, s: Speech): string {
  const { previous, current, report, pictures } = outcome;
  const lines: string[] = [];
  lines.push(s.t('cli.compare.read', {
    previous: path.basename(previous.file), previousCount: previous.placements.length,
    current: path.basename(current.file), currentCount: current.placements.length,
  }));
  lines.push(driftSummary(s, report));
  const changed = cutsChanged(s, outcome);
  if (changed) lines.push(changed);
  const moves = report.matched.filter((m) => m.moved);
  if (moves.length) {
    lines.push(`${s.t('cli.compare.moves')}:`);
    for (const m of moves.slice(0, MOVES_SHOWN)) lines.push(`  - ${moveSentence(s, m)}`);
    if (moves.length > MOVES_SHOWN) lines.push(`  ${s.t('drift.moreMoves', { count: moves.length - MOVES_SHOWN })} ${s.t('cli.compare.allInJson')}`);
  }
  const keyChanged = keyChangeSentences(s, report);
  if (keyChanged.length) {
    lines.push(`${s.t('cli.compare.keyChanges')}:`);
    for (const line of keyChanged.slice(0, MOVES_SHOWN)) lines.push(`  - ${line}`);
    if (keyChanged.length > MOVES_SHOWN) lines.push(`  ${s.t('list.andMore', { names: '…', count: keyChanged.length - MOVES_SHOWN })}`);
  }
  const near = report.matched.filter((m) => m.matchedBy === 'near' && !m.moved);
  if (near.length) lines.push(s.t('cli.compare.nearNames', { count: near.length, pairs: nameList(s, near.map((m) => `“${m.previousName}” → “${m.account}”`), 5) }));
  if (report.added.length) lines.push(s.t('cli.compare.new', { count: report.added.length, accounts: nameList(s, report.added.map((a) => a.account), NAMES_SHOWN) }));
  if (report.lost.length) lines.push(s.t('cli.compare.lost', { count: report.lost.length, accounts: nameList(s, report.lost.map((a) => a.account), NAMES_SHOWN) }));
  lines.push(`${s.t('drift.tableCaption')}:`, ...driftTableLines(s, report.counts));
  lines.push(s.t('cli.compare.pictures', { svg: pictures.svg, png: pictures.png }));
  return endSentences(lines);
}

/** For scripts: every matched account with both places, the new and lost accounts, the table, and the sentences. */
export function compareJson(outcome: CompareOutcome, s: Speech): unknown {
  const { previous, current, report, pictures } = outcome;
  const place = (p: Placement): object => ({ position: p.position, attractiveness: p.attractiveness, strength: p.strength, key: p.key });
  return {
    previous: { file: previous.file, accounts: previous.placements.length, cuts: previous.cuts },
    current: { file: current.file, accounts: current.placements.length, cuts: current.cuts },
    summary: driftSummary(s, report),
    cutsChanged: cutsChanged(s, outcome),
    accounts: report.matched.map((m) => ({
      account: m.account,
      previousName: m.previousName,
      matchedBy: m.matchedBy,
      moved: m.moved,
      previous: place(m.previous),
      current: place(m.current),
      ...(m.moved ? { sentence: moveSentence(s, m) } : {}),
    })),
    keyChanges: keyChangeSentences(s, report),
    added: report.added.map((a) => ({ account: a.account, ...place(a) })),
    lost: report.lost.map((a) => ({ account: a.account, ...place(a) })),
    // KAM_DRIFT's table: rows the previous position, columns the current one, in the order of `positions`.
    table: { positions: [...POSITIONS], rows: POSITIONS.map((_, i) => report.counts.slice(4 * i, 4 * i + 4)) },
    output: pictures,
  };
}
