// What the wizard asks a workbook to do, as plain data: the sheets and cells to write, the named
// ranges, the chart; plus the workbook interface each host implements, and the ownership rules.
import type { FormulaHost } from '../functions/function-ids';
import { columnLetter } from '../ingest/raw-cell';
import { english, type Language, type Translate } from '../i18n';

/** A cell to write: a value (text stays text, whatever it looks like), or a formula in the host's spelling. */
export type PlanCell = string | number | boolean | null | { formula: string };

/** A rectangle of cells written in one call. Rows and columns are 1-based, as A1 addresses count them. */
export interface PlanBlock {
  row: number;
  column: number;
  cells: PlanCell[][];
  /**
   * Number format per column of the block, for its number, formula and blank cells (null: the host's
   * General). Text cells are always written as text, whatever their column's format.
   */
  formats?: (string | null)[];
  /** Header rows: shown bold. */
  bold?: boolean;
  /** A note for the first cell (e.g. "rolled up from the transaction export"). */
  note?: string;
}

/** A number format for cells that a formula fills (a spilled result), written without values. */
export interface PlanFormat {
  row: number;
  column: number;
  rows: number;
  columns: number;
  format: string;
}

export interface PlanSheet {
  name: string;
  blocks: PlanBlock[];
  /** Rows kept in view while scrolling. */
  freezeRows?: number;
  /** Number formats for the cells the sheet's formulas spill into. */
  numberFormats?: PlanFormat[];
  /** Columns hidden from view (helper data the chart reads), 1-based. */
  hiddenColumns?: { column: number; count: number }[];
  /**
   * Written into without clearing it first: what is already on the sheet stays (KAM History adds a snapshot below
   * the earlier ones). Its blocks must land on rows the sheet does not use yet.
   */
  keep?: boolean;
}

export interface PlanName {
  name: string;
  sheet: string;
  /** A1 range on that sheet without the sheet name, e.g. "B8:F8". */
  range: string;
}

/**
 * The columns of the chart's data, in the order a Sheets bubble chart reads them: the bubble's label,
 * X, Y, the series (one colour per position), then the bubble size (Google's bubble chart data format).
 */
export const CHART_COLUMNS = ['Account', 'Relative strength', 'Attractiveness', 'Position', 'Revenue'] as const;
/** 0-based offsets of the chart columns by role. */
export const CHART_COLUMN = { label: 0, x: 1, y: 2, series: 3, size: 4 } as const;
/** The chart columns' headers in the reader's language (helper columns: nothing reads them back). */
export const chartColumns = (t: Translate): string[] => (['label', 'x', 'y', 'series', 'size'] as const).map((role) => t(`plan.chartColumn.${role}`));

/**
 * A line through x–y points (the cumulative-profit curve), drawn by each host's scatter chart with lines: Excel's
 * "XYScatterLinesNoMarkers", Sheets' SCATTER with a line width and no points. Points whose y is #N/A are not drawn.
 */
export interface CurveChartSpec {
  sheet: string;
  title: string;
  /** The x values and the y values, each a one-column A1 range of data rows (no header). */
  xRange: string;
  yRange: string;
  xTitle: string;
  yTitle: string;
  /** Number formats of the axes' labels (e.g. "0%"), and the x axis's range. */
  xFormat: string;
  yFormat: string;
  xMin: number;
  xMax: number;
  /** Top-left cell the chart is placed at. */
  anchor: string;
}

/** The portfolio matrix as a native bubble chart, as far as each host's chart API allows. */
export interface ChartSpec {
  sheet: string;
  title: string;
  /** The chart's data: a header row, then one row per account, in the CHART_COLUMNS order. */
  dataRange: string;
  rows: number;
  xTitle: string;
  yTitle: string;
  /** Top-left cell the chart is placed at. */
  anchor: string;
  cuts: { attractiveness: number | string; strength: number | string };
}

export interface WorkbookPlan {
  host: FormulaHost;
  /** The language the plan's words are in; the host says its own notes and progress in it (English when absent). */
  language?: Language;
  /** In writing order; every one is created by, or already owned by, the add-in. */
  sheets: PlanSheet[];
  /**
   * Sheets of ours the build deletes when they are present and carry the owner marker: the command
   * line's matrix picture, which a live workbook replaces with a chart. Anyone else's sheet is left alone.
   */
  retire?: string[];
  names: PlanName[];
  chart: ChartSpec | null;
  /** Line charts beside the matrix (the cumulative-profit curve on KAM Profit). */
  curves?: CurveChartSpec[];
}

/** Sheets the add-in creates, by role. */
export const SHEET_NAMES = {
  model: 'KAM Model',
  portfolio: 'KAM Portfolio',
  keyAccounts: 'Key accounts',
  rewards: 'KAM Rewards',
  profit: 'KAM Profit',
} as const;

/** Sheets only the command line writes: the matrix as a picture and the copy of the source rows (never owned). */
export const COMMAND_LINE_SHEETS = {
  matrix: 'KAM Matrix',
  source: 'Source data',
  /** The segments, by value (the wizard shows them in its review instead). */
  segments: 'KAM Segments',
  /** The cumulative-profit curve as a picture (a live chart on KAM Profit replaces it). */
  profitPicture: 'KAM Profit curve',
} as const;

/** Every owned sheet has this token in its marker cell; a sheet without it is never written to. */
export const OWNER_TOKEN = '[kam-portfolio:owned]';
/** The marker cell of an owned sheet (row 2, column A): text both hosts keep in the file. */
export const MARKER_CELL = { row: 2, column: 1, address: 'A2' } as const;
/** The marker in the reader's language; the token in it is the same in every language (isOwned looks for it). */
export const markerText = (t: Translate = english): string => t('plan.marker', { token: OWNER_TOKEN });
export const MARKER_TEXT = markerText();
/** The same marker on the sheets the command line writes: the wizard treats them as its own and may rebuild them. */
export const commandLineMarkerText = (t: Translate = english): string => t('plan.markerCommandLine', { token: OWNER_TOKEN });
export const COMMAND_LINE_MARKER_TEXT = commandLineMarkerText();

export interface SheetInfo {
  name: string;
  /** The text of the sheet's marker cell (A2), "" when blank. */
  marker: string;
}

export interface Ownership {
  create: string[];
  update: string[];
  /** Owned sheets the plan retires: deleted by the build. */
  retire: string[];
  /** Sheets with one of our names that the add-in did not create: nothing is written until they are renamed. */
  conflicts: string[];
}

export const isOwned = (sheet: SheetInfo): boolean => typeof sheet.marker === 'string' && sheet.marker.includes(OWNER_TOKEN);

/** Which of the plan's sheets are new, which are ours to update, and which belong to the user. */
export function checkOwnership(existing: readonly SheetInfo[], plan: Pick<WorkbookPlan, 'sheets' | 'retire'>): Ownership {
  const result: Ownership = { create: [], update: [], retire: [], conflicts: [] };
  for (const sheet of plan.sheets) {
    // Both hosts compare sheet names without regard to case.
    const found = existing.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (!found) result.create.push(sheet.name);
    else if (isOwned(found)) result.update.push(found.name);
    else result.conflicts.push(found.name);
  }
  for (const name of plan.retire ?? []) {
    const found = existing.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (found && isOwned(found)) result.retire.push(found.name);
  }
  return result;
}

export function conflictMessage(conflicts: readonly string[], t: Translate = english): string {
  return t('plan.conflict', { count: conflicts.length, names: conflicts.map((n) => `"${n}"`).join(', ') });
}

/** A sheet name as formulas quote it: 'KAM Model' ('' inside for an apostrophe). Both hosts accept it. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Spreadsheet column letters for a 1-based column (1 → A, 27 → AA). */
export const letters = (column: number): string => columnLetter(column - 1);

export function a1(row: number, column: number, absolute = false): string {
  return absolute ? `$${letters(column)}$${row}` : `${letters(column)}${row}`;
}

export function a1Range(row: number, column: number, rows: number, columns: number, absolute = false): string {
  const first = a1(row, column, absolute);
  return rows === 1 && columns === 1 ? first : `${first}:${a1(row + rows - 1, column + columns - 1, absolute)}`;
}

/** Parses "B8", "$B$8:F10" (no sheet) into 1-based row, column and size. */
export function parseRange(range: string): { row: number; column: number; rows: number; columns: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) throw new Error(`Not an A1 range: ${range}`);
  const col = (s: string): number => s.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const column = col(m[1]);
  const lastRow = m[4] ? Number(m[4]) : row;
  const lastColumn = m[3] ? col(m[3]) : column;
  return { row: Math.min(row, lastRow), column: Math.min(column, lastColumn), rows: Math.abs(lastRow - row) + 1, columns: Math.abs(lastColumn - column) + 1 };
}

/**
 * A block as the host's write call takes it. Text is forced to stay text — an account called
 * "=HYPERLINK(…)", "+cmd", "-1+2" or "00123" is never read as a formula or a number: Excel gets the
 * number format "@" (Text) on that cell in the same batch; Sheets, whose setValues reads strings as if
 * typed, gets a leading apostrophe, which it keeps out of the stored value.
 */
export function encodeBlock(block: PlanBlock, host: FormulaHost): { input: (string | number | boolean)[][]; formats: string[][] | null } {
  const textFormat = '@';
  const formatOf = (column: number): string => block.formats?.[column] ?? 'General';
  const width = Math.max(0, ...block.cells.map((r) => r.length));
  const formats: string[][] = [];
  // Every row as wide as the widest: both hosts need a full rectangle.
  const input = block.cells.map((short) => {
    const row: PlanCell[] = short.length < width ? [...short, ...Array<PlanCell>(width - short.length).fill(null)] : short;
    const formatRow: string[] = [];
    formats.push(formatRow);
    return row.map((cell, j) => {
      if (cell === null || cell === undefined) {
        formatRow.push(formatOf(j));
        return '';
      }
      if (typeof cell === 'object') {
        formatRow.push(formatOf(j));
        return cell.formula;
      }
      if (typeof cell === 'string') {
        formatRow.push(textFormat);
        if (host === 'excel') return cell;
        return cell === '' ? '' : `'${cell}`;
      }
      formatRow.push(formatOf(j));
      return cell;
    });
  });
  // Sheets gets its number formats by column (formatRuns), so text cells keep their apostrophe and
  // never need a format of their own.
  return { input, formats: host === 'excel' ? formats : null };
}

/**
 * A block's number formats as runs of neighbouring columns with the same format, over all its rows:
 * one call each in Sheets (Range.setNumberFormat). Absolute 1-based columns.
 */
export function formatRuns(block: PlanBlock): { row: number; column: number; rows: number; columns: number; format: string }[] {
  const runs: { row: number; column: number; rows: number; columns: number; format: string }[] = [];
  (block.formats ?? []).forEach((format, j) => {
    if (!format) return;
    const last = runs[runs.length - 1];
    if (last && last.format === format && last.column + last.columns === block.column + j) last.columns++;
    else runs.push({ row: block.row, column: block.column + j, rows: block.cells.length, columns: 1, format });
  });
  return runs;
}

export interface ApplyProgress {
  step: number;
  steps: number;
  label: string;
}

export interface ApplyResult {
  created: string[];
  updated: string[];
  /** Retired sheets that were deleted. */
  removed: string[];
  names: number;
  chart: boolean;
  /** Things the host could not do (e.g. a chart feature), in words for the user. */
  notes: string[];
  /** The whole build is one step of the host's undo (Excel with grouped undo); otherwise "Remove" takes it out. */
  oneUndoStep?: boolean;
}

/** What "Remove what the wizard built" took out of the workbook. */
export interface RemoveResult {
  /** Sheets deleted: only sheets carrying the wizard's marker. */
  sheets: string[];
  /** Named ranges deleted (the wizard's KAM_… names). */
  names: number;
}

export interface RewriteSummary {
  /** Cells whose formula changed. */
  cells: number;
  sheets: number;
  host: FormulaHost;
  /** Spill cells of a workbook exported by Sheets that were cleared so a KAM result can spill again. */
  cleared?: number;
}

/** What a rewrite did, in words: the same sentence in the Sheets menu, the Excel ribbon and the wizard. */
export function describeRewrite(r: RewriteSummary, t: Translate = english): string {
  const names = t('plan.rewrite.names', { host: r.host });
  const cleared = r.cleared ? ` ${t('plan.rewrite.cleared', { count: r.cleared })}` : '';
  if (r.cells) return `${t('plan.rewrite.changed', { cells: r.cells, sheets: r.sheets, names })}${cleared}`;
  return cleared ? `${t('plan.rewrite.already', { names })}${cleared}` : t('plan.rewrite.nothing', { names });
}

/** The customer data the user pointed at: its sheet, where it starts, and the raw values. */
export interface SourceRegion {
  sheet: string;
  /** A1 range without the sheet name, e.g. "A1:H40". */
  range: string;
  /** Sheet row and 1-based column of values[0][0]. */
  row: number;
  column: number;
  /** Raw cell values; dates come as ISO text or serial numbers (google.script.run cannot pass a Date). */
  values: (string | number | boolean | null)[][];
  /**
   * Number formats of the first rows (up to FORMAT_ROWS), aligned with values: enough to tell a column's
   * unit (money, %) and to keep its look on the sheets the wizard builds. Absent when the host gave none.
   */
  formats?: (string | null)[][];
}

/** Rows of number formats a host reads with the customer data. */
export const FORMAT_ROWS = 200;

export type RegionScope = 'table' | 'region' | 'used';

/** The workbook operations the wizard needs; implemented for Excel, Sheets and in memory. */
export interface WorkbookHost {
  readonly host: FormulaHost;
  /** The language the host says its own errors and progress in (the wizard's; English until set). */
  setLanguage?(language: Language): void;
  /** The table around the selection, the current region, or the sheet's used range. */
  readSelection(scope: RegionScope): Promise<SourceRegion>;
  /** A sheet's used range (or a given range of it); null when there is no such sheet. */
  readSheet(sheet: string, range?: string): Promise<SourceRegion | null>;
  listSheets(): Promise<SheetInfo[]>;
  /** Writes the plan; refuses (throws) before writing anything if a sheet would be replaced that is not ours. */
  applyPlan(plan: WorkbookPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult>;
  /** Rewrites every formula in the workbook for this host's spelling of the KAM functions. */
  rewriteFormulas(): Promise<RewriteSummary>;
  /**
   * Deletes every sheet that carries the wizard's marker and the wizard's named ranges (`names`);
   * nothing else. The way back from a build where the host cannot undo it in one step.
   */
  removeBuilt(names: readonly string[]): Promise<RemoveResult>;
}

/** An error meant for the user as it stands (the wizard shows its message in the alert region). */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}
