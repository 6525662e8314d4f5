// Writes the portfolio workbook: "KAM Portfolio", "Key accounts", "KAM Model", the matrix picture and a
// copy of the source rows. Cells hold values (an account named "=Acme" is text, never a formula).
import ExcelJS from 'exceljs';
import type { KamModel } from '../core/model/model';
import { objectiveLabel, type Portfolio } from '../core/portfolio/portfolio';
import { sourceLabel } from '../core/model/account-values';
import { defaultRewardPlan } from '../core/functions/reward';
import type { RawCell } from '../core/ingest';

export interface SourceCopy {
  /** Sheet title for the copy, e.g. "Source data". */
  title: string;
  /** Streams the source rows, in order, to `onRow`. */
  rows: (onRow: (cells: RawCell[], rowNumber: number) => void) => Promise<void>;
}

export interface PortfolioWorkbook {
  portfolio: Portfolio;
  model: KamModel;
  /** How the source was read, for the model sheet: file, sheet, table kind, header row, column roles. */
  source: { file: string; sheet: string | null; kind: string; headerRow: number; columns: { letter: string; header: string; role: string | null }[] };
  matrixPng: Buffer | null;
  copy: SourceCopy | null;
}

/**
 * Above this many cells (about 20,000 accounts) the workbook is streamed to disk: exceljs's in-memory
 * workbook costs about 1 KB per cell and most of the time in garbage collection. Its streaming writer
 * cannot place pictures, so the matrix is then only saved beside the workbook, and it is used without
 * styles (see below).
 */
export const STREAMING_CELLS = 300_000;

type Sheet = ExcelJS.Worksheet;
type Book = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5E9' } };

function addRow(sheet: Sheet, values: unknown[], header = false): void {
  const row = sheet.addRow(values);
  if (header) {
    row.font = BOLD;
    row.eachCell((cell) => (cell.fill = HEADER_FILL));
  }
  (row as { commit?: () => void }).commit?.();
}

/** In the streaming writer a finished sheet is committed, so its XML leaves memory. */
function finishSheet(sheet: Sheet): void {
  (sheet as { commit?: () => void }).commit?.();
}

const PORTFOLIO_COLUMNS: { header: string; key: string; width: number; numFmt?: string }[] = [
  { header: 'Account', key: 'account', width: 32 },
  { header: 'Segment', key: 'segment', width: 16 },
  { header: 'Manager', key: 'manager', width: 16 },
  { header: 'Stage', key: 'stage', width: 14 },
  { header: 'Revenue', key: 'revenue', width: 14, numFmt: '#,##0' },
  { header: 'Profit', key: 'profit', width: 14, numFmt: '#,##0' },
  { header: 'Attractiveness', key: 'attractiveness', width: 14, numFmt: '0.00' },
  { header: 'Strength', key: 'strength', width: 10, numFmt: '0.00' },
  { header: 'Position', key: 'position', width: 12 },
  { header: 'Key account', key: 'key', width: 12 },
  { header: 'Why not key', key: 'whyNotKey', width: 48 },
  { header: 'Cost (days)', key: 'cost', width: 11, numFmt: '0.##' },
  { header: 'Flags', key: 'flags', width: 28 },
  { header: 'Lifetime value', key: 'lifetimeValue', width: 15, numFmt: '#,##0' },
  { header: 'Strength from', key: 'strengthFrom', width: 40 },
  { header: 'Problem', key: 'problem', width: 48 },
];

function writePortfolioSheet(book: Book, { portfolio }: PortfolioWorkbook): void {
  const sheet = book.addWorksheet('KAM Portfolio', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PORTFOLIO_COLUMNS.map(({ key, width, numFmt }) => ({ key, width, style: numFmt ? { numFmt } : {} }));
  addRow(sheet, PORTFOLIO_COLUMNS.map((c) => c.header), true);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PORTFOLIO_COLUMNS.length } };
  for (const r of portfolio.rows) {
    addRow(sheet, [r.account, r.segment, r.manager, r.stage, r.revenue, r.profit, r.attractiveness, r.strength, r.position ?? '', r.key ? 'Yes' : 'No', r.whyNotKey, r.cost, r.flags, r.lifetimeValue, r.strengthFrom, r.problem ?? '']);
  }
  finishSheet(sheet);
}

function writeKeyAccountsSheet(book: Book, { portfolio, model }: PortfolioWorkbook): void {
  const sheet = book.addWorksheet('Key accounts', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 6 }, { width: 32 }, { width: 16 }, { width: 16 }, { width: 12 },
    { width: 14, style: { numFmt: '0.00' } }, { width: 11, style: { numFmt: '0.##' } }, { width: 15, style: { numFmt: '0.##' } }, { width: 13, style: { numFmt: '0.0%' } }, { width: 28 },
  ];
  addRow(sheet, ['Rank', 'Account', 'Segment', 'Manager', 'Position', objectiveLabel(model), 'Cost (days)', 'Cumulative days', 'Of capacity', 'Flags'], true);
  let cumulative = 0;
  portfolio.selection.chosen.forEach((index, rank) => {
    const r = portfolio.rows[index];
    cumulative += r.cost;
    const value = r.value;
    addRow(sheet, [rank + 1, r.account, r.segment, r.manager, r.position ?? '', value, r.cost, cumulative, cumulative / portfolio.selection.capacity, r.flags]);
  });
  addRow(sheet, []);
  addRow(sheet, ['', 'Capacity (team days a year)', '', '', '', '', portfolio.selection.capacity], true);
  addRow(sheet, ['', 'Used by key accounts', '', '', '', '', portfolio.selection.totalCost]);
  addRow(sheet, ['', 'Left unused', '', '', '', '', portfolio.selection.capacity - portfolio.selection.totalCost]);
  for (const warning of portfolio.warnings) addRow(sheet, ['', `Warning: ${warning.message}`]);
  finishSheet(sheet);
}

function writeModelSheet(book: Book, { model, source, portfolio }: PortfolioWorkbook): void {
  const sheet = book.addWorksheet('KAM Model');
  sheet.columns = [{ width: 34 }, { width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }];
  const section = (title: string): void => {
    addRow(sheet, []);
    addRow(sheet, [title], true);
  };
  addRow(sheet, ['KAM Model — every setting behind this portfolio'], true);
  addRow(sheet, ['Source file', source.file]);
  addRow(sheet, ['Sheet', source.sheet ?? '(CSV file)']);
  addRow(sheet, ['Table read as', source.kind === 'transactions' ? 'transaction export, rolled up per account' : 'customer list, one row per account']);
  addRow(sheet, ['Header row', source.headerRow]);
  section('Columns');
  addRow(sheet, ['Column', 'Header', 'Read as'], true);
  for (const c of source.columns) addRow(sheet, [c.letter, c.header, c.role ?? '(not used)']);
  section('Attractiveness factors');
  addRow(sheet, ['Factor', 'From', 'Weight (points)', 'Value scoring 0', 'Value scoring 10', 'Direction'], true);
  for (const f of model.factors) {
    addRow(sheet, [f.name, sourceLabel(f.source), f.weight, f.worst, f.best, `${f.worst > f.best ? 'lower is better' : 'higher is better'}${f.scale === 'log' ? ', log scale' : ''}`]);
  }
  section('Relative strength');
  if (model.strength.kind === 'column') {
    addRow(sheet, ['From column', sourceLabel(model.strength.source)]);
  } else if (model.strength.kind === 'ratings') {
    addRow(sheet, ['From', "your ratings against your best rival's (KAM_STRENGTH)"]);
    addRow(sheet, ['Criterion', 'Your rating from', "Best rival's rating from", 'Weight'], true);
    for (const c of model.strength.criteria) addRow(sheet, [c.name, sourceLabel(c.yours), sourceLabel(c.rival), c.weight]);
    addRow(sheet, ['Stage', 'Days a year as key account'], true);
    for (const [stage, days] of Object.entries(model.capacity.costByStage)) addRow(sheet, [stage, days]);
    addRow(sheet, ['(no or unknown stage)', model.capacity.otherwise]);
  } else if (model.strength.kind === 'behaviour') {
    addRow(sheet, ['From', 'buying behaviour (a proxy; see the model JSON below for its signals)']);
  } else {
    addRow(sheet, ['From', 'relationship stage (proxy)']);
    addRow(sheet, ['Stage', 'Relative strength', 'Days a year as key account'], true);
    const stages = new Set([...Object.keys(model.strength.byStage), ...Object.keys(model.capacity.costByStage)]);
    for (const stage of stages) addRow(sheet, [stage, model.strength.byStage[stage] ?? '', model.capacity.costByStage[stage] ?? '']);
    addRow(sheet, ['(no or unknown stage)', model.strength.unknown, model.capacity.otherwise]);
  }
  section('Matrix cut-lines (a value equal to the cut counts as high)');
  addRow(sheet, ['Attractiveness cut', model.cuts.attractiveness, model.cuts.attractiveness === 'median' ? `= ${portfolio.cuts.attractiveness}` : '']);
  addRow(sheet, ['Strength cut', model.cuts.strength, model.cuts.strength === 'median' ? `= ${portfolio.cuts.strength}` : '']);
  section('Capacity');
  addRow(sheet, ['Team days a year for key accounts', model.capacity.days]);
  addRow(sheet, ['Selection maximises', objectiveLabel(model).toLowerCase()]);
  addRow(sheet, ['Warn above key accounts in all', model.limits.keyAccounts]);
  addRow(sheet, ['Warn above key accounts per manager', model.limits.perManager]);
  section('Lifetime value');
  addRow(sheet, ['Retention (share kept each year)', model.lifetimeValue.retention]);
  addRow(sheet, ['Discount rate', model.lifetimeValue.discountRate]);
  addRow(sheet, ['Years', model.lifetimeValue.years ?? 'no limit']);
  section('Hygiene flags');
  addRow(sheet, ['Big name: top share of revenue', model.flags.bigNameTopShare]);
  addRow(sheet, ['Old friend: years as a customer', model.flags.oldFriendYears]);
  addRow(sheet, ['Low attractiveness below', model.flags.attractivenessCut]);
  section('Reward plan (KAM_REWARD default, edit to suit)');
  defaultRewardPlan().forEach((row, i) => addRow(sheet, row, i === 0));
  section('Model as JSON (give this to kam portfolio --model to reproduce the portfolio)');
  addRow(sheet, [JSON.stringify(model)]);
  finishSheet(sheet);
}

async function writeSourceCopy(book: Book, copy: SourceCopy): Promise<void> {
  const sheet = book.addWorksheet(copy.title);
  await copy.rows((cells) => addRow(sheet, cells));
  finishSheet(sheet);
}

function writeMatrixSheet(book: ExcelJS.Workbook, png: Buffer): void {
  const sheet = book.addWorksheet('KAM Matrix');
  const imageId = book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(imageId, { tl: { col: 0, row: 0 }, ext: { width: 800, height: 600 } });
}

/**
 * Writes the workbook to `file` (the caller writes to a temporary name and renames it). Returns whether
 * the matrix picture went inside the workbook.
 */
export async function writePortfolioWorkbook(file: string, data: PortfolioWorkbook, sourceCells: number): Promise<{ pictureInside: boolean }> {
  const cells = data.portfolio.rows.length * PORTFOLIO_COLUMNS.length + sourceCells;
  if (cells > STREAMING_CELLS) {
    // Fast compression: on big outputs deflate's top level costs seconds for a few percent of size. No styles:
    // exceljs runs every cell through its style registry (about 2.5 s per 100,000 portfolio rows), so very
    // large portfolios are written without number formats or bold headers.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
    writePortfolioSheet(book, data);
    writeKeyAccountsSheet(book, data);
    writeModelSheet(book, data);
    if (data.copy) await writeSourceCopy(book, data.copy);
    await book.commit();
    return { pictureInside: false };
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'KAM Portfolio';
  writePortfolioSheet(book, data);
  writeKeyAccountsSheet(book, data);
  writeModelSheet(book, data);
  if (data.matrixPng) writeMatrixSheet(book, data.matrixPng);
  if (data.copy) await writeSourceCopy(book, data.copy);
  await book.xlsx.writeFile(file);
  return { pictureInside: data.matrixPng !== null };
}
