// The four boxes of the KAM portfolio matrix: stable words that KAM_POSITION writes and KAM_REWARD and KAM_DRIFT read.
import { Cell, CellError, errorFromText } from './cells';
import { cellText } from './args';
import { messages } from './messages';

/** In this order everywhere: index 0..3 is used as a compact position code. */
export const POSITIONS = ['Strategic', 'Star', 'Status', 'Streamline'] as const;
export type Position = (typeof POSITIONS)[number];

const INDEX_BY_KEY = new Map<string, number>(POSITIONS.map((word, i) => [word.toLowerCase(), i]));

/** The index of a position word in POSITIONS (any case, surrounding spaces ignored), or -1. */
export function positionIndex(text: string): number {
  // Exact words, as KAM_POSITION writes them, take the fast path.
  switch (text) {
    case 'Strategic': return 0;
    case 'Star': return 1;
    case 'Status': return 2;
    case 'Streamline': return 3;
  }
  return INDEX_BY_KEY.get(text.trim().toLowerCase()) ?? -1;
}

/**
 * A position cell as KAM_REWARD and KAM_DRIFT read it: the index of its word (any case, surrounding spaces
 * ignored), or the row's error — an error value or error text passed through, anything else named in a message.
 */
export function readPosition(cell: Cell, row: number, arg = 'positions'): number | CellError {
  if (typeof cell === 'string') {
    const index = positionIndex(cell);
    if (index >= 0) return index;
    return errorFromText(cell) ?? new CellError('VALUE', messages.positionUnknown(row, cell, arg));
  }
  if (cell instanceof CellError) return cell;
  return new CellError('VALUE', messages.positionUnknown(row, cellText(cell), arg));
}
