// `--model`: a JSON model file, or a portfolio workbook (made by the command line or the add-in's wizard)
// whose "KAM Model" sheet holds the model and whose "KAM Rewards" sheet holds the actuals and targets typed there.
import fs from 'node:fs';
import path from 'node:path';
import { readTableRows, WorkbookReadError } from '../io';
import { ModelSheetError, readModelSheet, type ModelSheet } from '../core/model/model-sheet';
import { isOwned, MARKER_CELL, SHEET_NAMES, type SourceRegion } from '../core/workbook/plan';
import type { RawCell } from '../core/ingest';
import { CliError, EXIT } from './cli-error';
import { english, render, type Translate } from '../core/i18n';

export type ModelSource =
  /** Overrides merged onto the default model for the data. */
  | { kind: 'json'; overrides: unknown }
  /**
   * A whole model read from a portfolio workbook, with its reward plan and what was typed on its rewards
   * sheet. `own` when it is the input workbook's own model sheet: its column mapping then applies too.
   */
  | { kind: 'workbook'; saved: ModelSheet; previousRewards: SourceRegion | null; own: boolean };

const WORKBOOK = /\.(xlsx|xlsm)$/i;

export async function readModelSource(file: string, t: Translate = english): Promise<ModelSource> {
  if (!fs.existsSync(file)) throw new CliError(t('cli.model.missing', { file }), EXIT.usage);
  return WORKBOOK.test(file) ? readModelWorkbook(file, t) : { kind: 'json', overrides: readModelJson(file, t) };
}

function readModelJson(file: string, t: Translate): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(t('cli.model.missing', { file }), EXIT.usage);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(t('cli.model.badJson', { file, problem: (error as Error).message, sheet: SHEET_NAMES.model }), EXIT.usage);
  }
}

/** A sheet's values from A1, rows at their own numbers (blank rows stay blank). */
export async function readSheetGrid(file: string, sheet: string): Promise<RawCell[][]> {
  const grid: RawCell[][] = [];
  await readTableRows(file, (cells, rowNumber) => {
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = cells;
  }, { sheet });
  return grid;
}

/**
 * The input workbook's own model: a "KAM Model" sheet built by the add-in's wizard or the command line
 * (it carries the owner marker). Null when there is none, or when the sheet is someone else's.
 */
export async function ownModel(file: string, t: Translate = english): Promise<ModelSource | null> {
  if (!WORKBOOK.test(file)) return null;
  let grid: RawCell[][];
  try {
    grid = await readSheetGrid(file, SHEET_NAMES.model);
  } catch (error) {
    if (error instanceof WorkbookReadError) return null;
    throw error;
  }
  const marker = grid[MARKER_CELL.row - 1]?.[MARKER_CELL.column - 1];
  if (!isOwned({ name: SHEET_NAMES.model, marker: typeof marker === 'string' ? marker : '' })) return null;
  return { ...(await modelFromGrid(file, grid, t)), own: true };
}

async function readModelWorkbook(file: string, t: Translate): Promise<ModelSource> {
  const name = path.basename(file);
  let grid: RawCell[][];
  try {
    grid = await readSheetGrid(file, SHEET_NAMES.model);
  } catch (error) {
    if (error instanceof WorkbookReadError && error.code === 'SHEET_NOT_FOUND') {
      throw new CliError(t('cli.model.noSheet', { file: name, sheet: SHEET_NAMES.model }), EXIT.usage);
    }
    if (error instanceof WorkbookReadError) throw new CliError(t('cli.model.unreadable', { file: name, problem: render(error.text, t) }), EXIT.usage);
    throw error;
  }
  return { ...(await modelFromGrid(file, grid, t)), own: false };
}

async function modelFromGrid(file: string, grid: RawCell[][], t: Translate): Promise<{ kind: 'workbook'; saved: ModelSheet; previousRewards: SourceRegion | null }> {
  const name = path.basename(file);
  let saved: ModelSheet;
  try {
    saved = readModelSheet(grid);
  } catch (error) {
    if (error instanceof ModelSheetError) throw new CliError(t('cli.model.sheetError', { sheet: SHEET_NAMES.model, file: name, problems: error.problemsIn(t).join(' ') }), EXIT.usage);
    throw error;
  }
  let previousRewards: SourceRegion | null = null;
  try {
    const values = await readSheetGrid(file, SHEET_NAMES.rewards);
    previousRewards = { sheet: SHEET_NAMES.rewards, range: '', row: 1, column: 1, values: values.map((r) => r.map(plainValue)) };
  } catch (error) {
    // A model sheet without a rewards sheet beside it is still a model: there is just nothing typed to keep.
    if (!(error instanceof WorkbookReadError)) throw error;
  }
  return { kind: 'workbook', saved, previousRewards };
}

/** Rewards cells as the workbook interface carries them: numbers, text, booleans or blank. */
function plainValue(cell: RawCell): string | number | boolean | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  return null;
}
