// Finding the header row under a title block: the row that reads most like column names.

import type { RawCell } from './raw-cell';
import { isBlankCell, trimCellText } from './raw-cell';
import { foldText } from './fold-text';
import { readNumberText } from './parse-number';
import { readDateText } from './parse-date';
import { matchRole } from './column-roles';

export interface BufferedRow {
  cells: readonly RawCell[];
  rowNumber: number;
}

interface RowShape {
  /** Distinct texts that are neither numbers nor dates: what column names look like. */
  names: number;
  repeatedNames: number;
  /** Names that are known column headers (Customer, Ventas, …). */
  knownHeaders: number;
  /** Whole years such as 2023: headers of revenue-per-year columns, or data. */
  years: number;
  /** Numbers, dates and booleans: what data rows look like. */
  values: number;
  filled: number;
}

function shapeOf(cells: readonly RawCell[]): RowShape {
  const shape: RowShape = { names: 0, repeatedNames: 0, knownHeaders: 0, years: 0, values: 0, filled: 0 };
  const seen = new Set<string>();
  for (const cell of cells) {
    if (isBlankCell(cell)) continue;
    shape.filled++;
    if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2100) {
      shape.years++;
      continue;
    }
    if (typeof cell !== 'string') {
      shape.values++;
      continue;
    }
    const text = trimCellText(cell);
    if (/^(?:19|20)\d{2}$/.test(text)) {
      shape.years++;
      continue;
    }
    if (readNumberText(text, '.').kind === 'number' || readDateText(text, 'DMY').kind === 'date') {
      shape.values++;
      continue;
    }
    const folded = foldText(text);
    if (seen.has(folded)) shape.repeatedNames++;
    else {
      seen.add(folded);
      shape.names++;
      if (matchRole(text) !== null) shape.knownHeaders++;
    }
  }
  return shape;
}

/**
 * Index (in `rows`) of the most header-like row, or -1 when no row has at least two names and a
 * positive score (a table without headers is reported, not guessed at). Score:
 * one point per distinct name, a bonus for known headers, half a point per year, minus two per
 * number or date (data rows have them, header rows do not), plus two when the next row carries
 * numbers or dates (data follows). A merged title is one cell, so it never wins; ties go to the
 * earlier row.
 */
export function findHeaderRow(rows: readonly BufferedRow[]): number {
  const shapes = rows.map((row) => shapeOf(row.cells));
  let best = -1;
  let bestScore = 0;
  shapes.forEach((shape, index) => {
    if (shape.names + shape.years < 2) return;
    let score = shape.names + 1.5 * shape.knownHeaders + 0.5 * shape.years - 2 * shape.values - shape.repeatedNames;
    const next = shapes[index + 1];
    if (next !== undefined && next.values > 0 && next.filled >= 2) score += 2;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
