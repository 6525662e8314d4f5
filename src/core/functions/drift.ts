// Drift: how accounts moved between two portfolios — a 4×4 table of previous position against current position.
import { Cell, CellError, Grid, KamError, OutGrid, isBlank } from './cells';
import { readColumn, requireSameRows } from './args';
import { messages } from './messages';
import { POSITIONS, positionName, readPosition } from './position-names';
import { english, type Translate } from '../i18n';

/** The table's top-left cell in English: rows are the previous position, columns the current one. */
export const DRIFT_CORNER = english('fn.drift.corner');

/**
 * Accounts per move, counts[4·from + to], positions as indices into POSITIONS (Strategic, Star, Status,
 * Streamline). A pair with a negative index (an account new or lost) is not a move and is not counted.
 */
export function countMoves(previous: ArrayLike<number>, current: ArrayLike<number>): number[] {
  const counts = new Array<number>(POSITIONS.length * POSITIONS.length).fill(0);
  for (let i = 0; i < previous.length; i++) {
    if (previous[i] >= 0 && current[i] >= 0) counts[POSITIONS.length * previous[i] + current[i]]++;
  }
  return counts;
}

/** The counts with a header row and a header column, as KAM_DRIFT spills them, in the reader's language. */
export function driftTable(counts: readonly number[], t: Translate = english): OutGrid {
  const names = POSITIONS.map((p) => positionName(p, t));
  // The top-left cell says which way to read: rows are the previous position, columns the current one.
  const table: OutGrid = [[t('fn.drift.corner'), ...names]];
  names.forEach((from, p) => table.push([from, ...counts.slice(POSITIONS.length * p, POSITIONS.length * (p + 1))]));
  return table;
}

/** One position cell: its index, -1 when blank, or the error that fails the call (the table has no row for it). */
function readCell(cell: Cell, arg: string, row: number): number {
  if (isBlank(cell) || (typeof cell === 'string' && cell.trim() === '')) return -1;
  const position = readPosition(cell, row, arg);
  if (position instanceof CellError) {
    throw new KamError(position.kind, messages.rowProblemInDrift(position.text === '' ? messages.errorInCell(arg, row, 1, position.kind) : position.text));
  }
  return position;
}

/**
 * KAM_DRIFT: the transition table of two position columns, row by row (the same account in the same row of both).
 * Rows: the previous position; columns: the current one, each in the order Strategic, Star, Status, Streamline.
 * A row blank in both is ignored; a row with only one position (a new or a lost account) is not a move and is not
 * counted. Position words are read as KAM_REWARD reads them; anything else fails the call, naming the row.
 */
export function drift(previousArg: Grid | Cell | undefined, currentArg: Grid | Cell | undefined, t: Translate = english): OutGrid {
  const previous = readColumn(previousArg, 'previous_positions');
  const current = readColumn(currentArg, 'positions');
  requireSameRows(previous, 'previous_positions', current, 'positions');
  const from = new Int8Array(previous.length);
  const to = new Int8Array(previous.length);
  for (let i = 0; i < previous.length; i++) {
    from[i] = readCell(previous[i][0], 'previous_positions', i + 1);
    to[i] = readCell(current[i][0], 'positions', i + 1);
  }
  return driftTable(countMoves(from, to), t);
}
