// `--model`: a JSON model file, or a portfolio workbook (made by the command line or the add-in's wizard)
// whose "KAM Model" sheet holds the model and whose "KAM Rewards" sheet holds the actuals and targets typed there.
import fs from 'node:fs';
import path from 'node:path';
import { readTableRows, WorkbookReadError } from '../io';
import { ModelSheetError, readModelSheet, type ModelSheet } from '../core/model/model-sheet';
import { isOwned, MARKER_CELL, SHEET_NAMES, type SourceRegion } from '../core/workbook/plan';
import type { RawCell } from '../core/ingest';
import { CliError, EXIT } from './cli-error';

export type ModelSource =
  /** Overrides merged onto the default model for the data. */
  | { kind: 'json'; overrides: unknown }
  /**
   * A whole model read from a portfolio workbook, with its reward plan and what was typed on its rewards
   * sheet. `own` when it is the input workbook's own model sheet: its column mapping then applies too.
   */
  | { kind: 'workbook'; saved: ModelSheet; previousRewards: SourceRegion | null; own: boolean };

const WORKBOOK = /\.(xlsx|xlsm)$/i;

export async function readModelSource(file: string): Promise<ModelSource> {
  if (!fs.existsSync(file)) throw new CliError(`Cannot read the model file ${file}: check the path.`, EXIT.usage);
  return WORKBOOK.test(file) ? readModelWorkbook(file) : { kind: 'json', overrides: readModelJson(file) };
}

function readModelJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read the model file ${file}: check the path.`, EXIT.usage);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`The model file ${file} is not valid JSON (${(error as Error).message}). Fix it, or give --model a portfolio workbook: its "KAM Model" sheet holds the whole model.`, EXIT.usage);
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
export async function ownModel(file: string): Promise<ModelSource | null> {
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
  return { ...(await modelFromGrid(file, grid)), own: true };
}

async function readModelWorkbook(file: string): Promise<ModelSource> {
  const name = path.basename(file);
  let grid: RawCell[][];
  try {
    grid = await readSheetGrid(file, SHEET_NAMES.model);
  } catch (error) {
    if (error instanceof WorkbookReadError && error.code === 'SHEET_NOT_FOUND') {
      throw new CliError(`${name} has no "${SHEET_NAMES.model}" sheet, so it holds no model. Give --model a portfolio workbook made by kam or by the add-in's wizard, or a JSON model file.`, EXIT.usage);
    }
    if (error instanceof WorkbookReadError) throw new CliError(`Cannot read the model from ${name}: ${error.message}`, EXIT.usage);
    throw error;
  }
  return { ...(await modelFromGrid(file, grid)), own: false };
}

async function modelFromGrid(file: string, grid: RawCell[][]): Promise<{ kind: 'workbook'; saved: ModelSheet; previousRewards: SourceRegion | null }> {
  const name = path.basename(file);
  let saved: ModelSheet;
  try {
    saved = readModelSheet(grid);
  } catch (error) {
    if (error instanceof ModelSheetError) throw new CliError(`The "${SHEET_NAMES.model}" sheet of ${name} could not be read: ${error.problems.join(' ')} Fix that row, or build the portfolio again.`, EXIT.usage);
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
