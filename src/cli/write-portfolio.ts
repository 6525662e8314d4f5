// Writes the portfolio workbook in the add-in's format: "KAM Portfolio", "Key accounts", "KAM Rewards" and
// the wizard's own "KAM Model" sheet (same layout, labels, owner marker and named ranges), the matrix
// picture and a copy of the source rows. Cells hold values (an account named "=Acme" is text, never a
// formula), so the workbook needs no add-in to read; the wizard can rebuild it as live formulas.
import ExcelJS from 'exceljs';
import type { KamModel } from '../core/model/model';
import { objectiveLabel, type Portfolio } from '../core/portfolio/portfolio';
import { modelSheetBlocks, planInLanguage, type SourceMapping } from '../core/model/model-sheet';
import { planMetrics, previousEntries, rewardsHeader, stabilityHeaders } from '../core/workbook/portfolio-plan';
import { writeProfitPicture, writeProfitSheet, writeSegmentsSheet, type DecisionSheets } from './write-decisions';
import { commandLineMarkerText, COMMAND_LINE_SHEETS, type PlanBlock, SHEET_NAMES, type SourceRegion } from '../core/workbook/plan';
import { reward } from '../core/functions/reward';
import { CellError } from '../core/functions/cells';
import { NUMBER_FORMATS } from '../core/format/number-formats';
import type { RawCell } from '../core/ingest';
import { render, type Translate } from '../core/i18n';
import type { Position } from '../core/functions/position-names';

export interface SourceCopy {
  /** Streams the source rows, in order, to `onRow`, each with its row number in the source sheet. */
  rows: (onRow: (cells: RawCell[], rowNumber: number) => void) => Promise<void>;
}

export interface PortfolioWorkbook {
  portfolio: Portfolio;
  model: KamModel;
  /** The reward plan table (header row first), written on the model sheet and used for payouts. */
  rewardPlan: (string | number)[][];
  /** A previous portfolio's "KAM Rewards" sheet: actuals and targets typed there are kept by account. */
  previousRewards: SourceRegion | null;
  /** Where the data is and how its columns were read, for the model sheet (the wizard reads it back). */
  mapping: SourceMapping;
  /** One line saying where the figures came from, for the sheets' notes. */
  origin: string;
  matrixPng: Buffer | null;
  copy: SourceCopy | null;
  /** Who makes the money and the segments, with the words for their sheets and the profit curve's picture. */
  decisions: DecisionSheets;
  /** The language of the words kam writes (headers, notes, positions); sheet names stay the same in every language. */
  t: Translate;
}

/** Every sheet the command line writes, in order; the wizard rebuilds all but the source copy. */
export const WRITTEN_SHEETS = [
  SHEET_NAMES.portfolio, SHEET_NAMES.keyAccounts, SHEET_NAMES.rewards, SHEET_NAMES.profit, COMMAND_LINE_SHEETS.segments, SHEET_NAMES.model,
  COMMAND_LINE_SHEETS.matrix, COMMAND_LINE_SHEETS.profitPicture, COMMAND_LINE_SHEETS.source,
];

/** Where the table of each sheet starts, as in the wizard's sheets: title, marker, note, a blank row, the header. */
export const HEADER_ROW = 5;

/**
 * Above this many cells (about 20,000 accounts) the workbook is streamed to disk: exceljs's in-memory
 * workbook costs about 1 KB per cell and most of the time in garbage collection. Its streaming writer
 * cannot place pictures, so the matrix is then only saved beside the workbook, and it is used without
 * styles (see below).
 */
export const STREAMING_CELLS = 300_000;

export type Sheet = ExcelJS.Worksheet;
export type Book = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5E9' } };

/** Writes one row at its number (rows must come in increasing order: the streaming writer commits them). */
export function putRow(sheet: Sheet, rowNumber: number, values: unknown[], style: 'header' | 'bold' | null = null, formats: readonly (string | null)[] = []): void {
  const row = sheet.getRow(rowNumber);
  row.values = values as ExcelJS.CellValue[];
  formats.forEach((format, j) => {
    if (format && typeof values[j] === 'number') row.getCell(j + 1).numFmt = format;
  });
  if (style) row.font = BOLD;
  if (style === 'header') row.eachCell((cell) => (cell.fill = HEADER_FILL));
  (row as { commit?: () => void }).commit?.();
}

/** In the streaming writer a finished sheet is committed, so its XML leaves memory. */
export function finishSheet(sheet: Sheet): void {
  (sheet as { commit?: () => void }).commit?.();
}

/** Rows 1-3 of every owned sheet: its title, the owner marker the wizard looks for (its token in every language), and a note. */
export function putHead(sheet: Sheet, title: string, note: string, t: Translate): void {
  putRow(sheet, 1, [title], 'bold');
  putRow(sheet, 2, [commandLineMarkerText(t)]);
  putRow(sheet, 3, [note]);
}

/** Number formats by unit, as the add-in's build writes them (values stay full precision underneath). */
const F = NUMBER_FORMATS as Record<keyof typeof NUMBER_FORMATS, string>;

/** KAM Portfolio's columns: the wizard's headers (read back in either language), widths and number formats. */
function portfolioColumns(t: Translate): { header: string; width: number; numFmt?: string }[] {
  const [shiftPoints, shiftFactor, fragile] = stabilityHeaders(t);
  return [
    { header: t('sheet.column.account'), width: 32 },
    { header: t('sheet.column.segment'), width: 16 },
    { header: t('sheet.column.manager'), width: 16 },
    { header: t('sheet.column.stage'), width: 14 },
    { header: t('sheet.column.revenue'), width: 14, numFmt: F.money },
    { header: t('sheet.column.profit'), width: 14, numFmt: F.money },
    { header: t('sheet.column.attractiveness'), width: 14, numFmt: F.score },
    { header: t('sheet.column.strength'), width: 10, numFmt: F.ratio },
    { header: t('sheet.column.position'), width: 12 },
    { header: t('sheet.column.key'), width: 12 },
    { header: t('sheet.column.whyNot'), width: 48 },
    { header: t('sheet.column.daysAsKey'), width: 11, numFmt: F.days },
    { header: t('sheet.column.flags'), width: 28 },
    { header: t('sheet.column.lifetime'), width: 15, numFmt: F.money },
    { header: t('cli.column.strengthFrom'), width: 40 },
    { header: t('cli.column.problem'), width: 48 },
    // How firm the placement is (KAM_STABILITY), as the wizard's columns of the same names.
    { header: shiftPoints!, width: 14, numFmt: '0.0' },
    { header: shiftFactor!, width: 18 },
    { header: fragile!, width: 12 },
  ];
}

/** A position as the page shows it in the reader's language (read back in any: positionIndex). */
const positionText = (t: Translate, p: Position | null): string => (p ? t(`position.${p}`) : '');

function writePortfolioSheet(book: Book, { portfolio, origin, t }: PortfolioWorkbook): void {
  const columns = portfolioColumns(t);
  const sheet = book.addWorksheet(SHEET_NAMES.portfolio, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = columns.map(({ width, numFmt }) => ({ width, style: numFmt ? { numFmt } : {} }));
  putHead(sheet, SHEET_NAMES.portfolio, t('cli.portfolioSheet.note', { origin }), t);
  putRow(sheet, HEADER_ROW, columns.map((c) => c.header), 'header');
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  portfolio.rows.forEach((r, i) => {
    putRow(sheet, HEADER_ROW + 1 + i, [
      r.account, r.segment, r.manager, r.stage, r.revenue, r.profit, r.attractiveness, r.strength, positionText(t, r.position), r.key, r.whyNotKey, r.cost, r.flags, r.lifetimeValue, r.strengthFrom, r.problem ?? '',
      r.stability?.points ?? '', r.stability?.factor ?? '', r.fragile,
    ]);
  });
  finishSheet(sheet);
}

function writeKeyAccountsSheet(book: Book, { portfolio, model, t }: PortfolioWorkbook): void {
  const sheet = book.addWorksheet(SHEET_NAMES.keyAccounts, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = [
    { width: 6 }, { width: 32 }, { width: 16 }, { width: 16 }, { width: 12 },
    { width: 14, style: { numFmt: model.capacity.value === 'attractiveness' || model.capacity.value.startsWith('column:') ? F.score : F.money } }, { width: 11, style: { numFmt: F.days } }, { width: 15, style: { numFmt: F.days } },
    { width: 13, style: { numFmt: F.percent } }, { width: 28 },
  ];
  putHead(sheet, t('sheet.keyAccounts.title'), t('cli.keyAccounts.note'), t);
  putRow(sheet, HEADER_ROW, [
    t('sheet.profit.column.rank'), t('sheet.column.account'), t('sheet.column.segment'), t('sheet.column.manager'), t('sheet.column.position'), objectiveLabel(model, t),
    t('sheet.column.days'), t('sheet.column.cumulativeDays'), t('cli.column.ofCapacity'), t('sheet.column.flags'),
  ], 'header');
  let row = HEADER_ROW + 1;
  let cumulative = 0;
  portfolio.selection.chosen.forEach((index, rank) => {
    const r = portfolio.rows[index];
    cumulative += r.cost;
    const value = r.value;
    putRow(sheet, row++, [rank + 1, r.account, r.segment, r.manager, positionText(t, r.position), value, r.cost, cumulative, cumulative / portfolio.selection.capacity, r.flags]);
  });
  row++;
  putRow(sheet, row++, ['', t('cli.keyAccounts.capacity'), '', '', '', '', portfolio.selection.capacity], 'header');
  putRow(sheet, row++, ['', t('cli.keyAccounts.used'), '', '', '', '', portfolio.selection.totalCost]);
  putRow(sheet, row++, ['', t('cli.keyAccounts.unused'), '', '', '', '', portfolio.selection.capacity - portfolio.selection.totalCost]);
  for (const warning of portfolio.warnings) putRow(sheet, row++, ['', `${t('segments.warningPrefix')} ${warning.message}`]);
  finishSheet(sheet);
}

/**
 * "KAM Rewards" as the wizard lays it out: today's key accounts, their position, actual and target per plan
 * metric (kept by account from a previous portfolio given with --model), and the payout KAM_REWARD gives
 * for every account whose actuals and targets are all filled in.
 */
function writeRewardsSheet(book: Book, { portfolio, rewardPlan: plan, previousRewards, t }: PortfolioWorkbook): void {
  // The plan in the reader's language, as the model sheet shows it; what was typed is matched by metric in any language.
  const rewardPlan = planInLanguage(plan, t);
  const metrics = planMetrics(rewardPlan);
  const m = metrics.length;
  const sheet = book.addWorksheet(SHEET_NAMES.rewards, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = [{ width: 32 }, { width: 12 }, ...Array.from({ length: 2 * m }, () => ({ width: 14 })), { width: 14, style: { numFmt: F.ratio } }];
  const chosen = portfolio.selection.chosen.map((i) => portfolio.rows[i]);
  putHead(
    sheet,
    SHEET_NAMES.rewards,
    chosen.length ? t('cli.rewards.note') : t('cli.rewards.noKeyAccounts'),
    t,
  );
  putRow(sheet, HEADER_ROW, rewardsHeader(metrics, t), 'header');
  const kept = previousEntries(previousRewards, metrics);
  const entries = chosen.map((r) => kept.get(r.account.toLowerCase()) ?? Array<number | null>(2 * m).fill(null));
  const complete = entries.map((e) => e.every((v) => v !== null));
  const filled = chosen.filter((_, i) => complete[i]);
  const payouts = filled.length
    ? reward(
        filled.map((r) => [r.position ?? '']),
        entries.filter((_, i) => complete[i]).map((e) => e.slice(0, m)),
        entries.filter((_, i) => complete[i]).map((e) => e.slice(m)),
        rewardPlan,
      ).map((row) => row[0])
    : [];
  let next = 0;
  chosen.forEach((r, i) => {
    const payout = complete[i] ? payouts[next++] : null;
    const shown = payout instanceof CellError ? `#${payout.kind}! ${render(payout.text, t)}` : payout;
    putRow(sheet, HEADER_ROW + 1 + i, [r!.account, positionText(t, r!.position), ...entries[i]!, shown ?? null]);
  });
  finishSheet(sheet);
}

/** The wizard's model sheet, block by block, with its named ranges; rows go out in order for the streaming writer. */
function writeModelSheet(book: Book, data: PortfolioWorkbook): void {
  const sheet = book.addWorksheet(SHEET_NAMES.model);
  sheet.columns = [{ width: 44 }, ...Array.from({ length: 8 }, () => ({ width: 16 }))];
  const { blocks, names } = modelSheetBlocks(
    data.model,
    data.mapping,
    data.rewardPlan,
    WRITTEN_SHEETS.filter((n) => n !== COMMAND_LINE_SHEETS.source),
    { note: data.t('cli.modelSheet.note'), t: data.t },
  );
  const rows = new Map<number, { cells: unknown[]; formats: (string | null)[]; bold: boolean }>();
  const place = (block: PlanBlock): void => {
    block.cells.forEach((cells, i) => {
      const at = rows.get(block.row + i) ?? { cells: [], formats: [], bold: false };
      cells.forEach((cell, j) => {
        at.cells[block.column - 1 + j] = cell !== null && typeof cell === 'object' ? null : cell;
        at.formats[block.column - 1 + j] = block.formats?.[j] ?? null;
      });
      at.bold ||= Boolean(block.bold);
      rows.set(block.row + i, at);
    });
  };
  blocks.forEach(place);
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const { cells, formats, bold } = rows.get(r)!;
    // With the model sheet's own number formats (scales in each factor's unit, rates as percentages, …).
    putRow(sheet, r, cells, bold ? 'bold' : null, formats);
  }
  for (const n of names) book.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!${n.range}`, n.name);
  finishSheet(sheet);
}

function writeMatrixSheet(book: ExcelJS.Workbook, png: Buffer, t: Translate): void {
  const sheet = book.addWorksheet(COMMAND_LINE_SHEETS.matrix);
  putHead(sheet, COMMAND_LINE_SHEETS.matrix, t('cli.matrixSheet.note'), t);
  const imageId = book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(imageId, { tl: { col: 0, row: HEADER_ROW - 1 }, ext: { width: 800, height: 600 } });
}

/** The source rows at their own row numbers, so the header row and range on the model sheet point at them. */
async function writeSourceCopy(book: Book, copy: SourceCopy): Promise<void> {
  const sheet = book.addWorksheet(COMMAND_LINE_SHEETS.source);
  await copy.rows((cells, rowNumber) => putRow(sheet, rowNumber, cells));
  finishSheet(sheet);
}

/**
 * Writes the workbook to `file` (the caller writes to a temporary name and renames it). Returns whether
 * the matrix picture went inside the workbook.
 */
export async function writePortfolioWorkbook(file: string, data: PortfolioWorkbook, sourceCells: number): Promise<{ pictureInside: boolean }> {
  const cells = data.portfolio.rows.length * portfolioColumns(data.t).length + sourceCells;
  const streaming = cells > STREAMING_CELLS;
  // Fast compression: on big outputs deflate's top level costs seconds for a few percent of size. No styles:
  // exceljs runs every cell through its style registry (about 2.5 s per 100,000 portfolio rows), so very
  // large portfolios are written without number formats or bold headers.
  const book: Book = streaming
    ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0])
    : new ExcelJS.Workbook();
  book.creator = CREATOR;
  writePortfolioSheet(book, data);
  writeKeyAccountsSheet(book, data);
  writeRewardsSheet(book, data);
  writeProfitSheet(book, data.decisions);
  writeSegmentsSheet(book, data.decisions);
  writeModelSheet(book, data);
  const pictureInside = !streaming && data.matrixPng !== null;
  if (pictureInside) writeMatrixSheet(book as ExcelJS.Workbook, data.matrixPng!, data.t);
  if (pictureInside && data.decisions.profitPng) writeProfitPicture(book as ExcelJS.Workbook, data.decisions);
  if (data.copy) await writeSourceCopy(book, data.copy);
  if (streaming) await (book as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  else await (book as ExcelJS.Workbook).xlsx.writeFile(file);
  return { pictureInside };
}

/** The workbook's author property: how the command line recognises a file it may replace. */
export const CREATOR = 'kam command line (KAM Portfolio)';
