// The four boxes of the KAM portfolio matrix: KAM_POSITION writes them in the reader's language, and KAM_REWARD
// and KAM_DRIFT read them in any language the product speaks (a workbook built in Spanish, read in English).
import { Cell, CellError, errorFromText } from './cells';
import { cellText } from './args';
import { messages } from './messages';
import { foldText } from '../ingest/fold-text';
import { LANGUAGES, CATALOGS, phrase, type MessageId, type Phrase, type Translate } from '../i18n';

/** In this order everywhere: index 0..3 is used as a compact position code. The core keeps these English keys. */
export const POSITIONS = ['Strategic', 'Star', 'Status', 'Streamline'] as const;
export type Position = (typeof POSITIONS)[number];

const ids = POSITIONS.map((p) => `position.${p}` as MessageId);

/** A position's word in the reader's language ("Estratégica" in Spanish). */
export const positionName = (position: Position | number, t: Translate): string => t(ids[typeof position === 'number' ? position : POSITIONS.indexOf(position)]);

/** The same, as a phrase for a message. */
export const positionPhrase = (position: number): Phrase => phrase(ids[position]);

/** Every language's words, folded (case and accents ignored), to the position's index. */
const INDEX_BY_KEY = new Map<string, number>();
for (const language of LANGUAGES) ids.forEach((id, i) => INDEX_BY_KEY.set(foldText(CATALOGS[language][id] ?? POSITIONS[i]), i));

/** The index of a position word in any language (any case or accents, surrounding spaces ignored), or -1. */
export function positionIndex(text: string): number {
  // Exact English words, as the core and an English Excel write them, take the fast path.
  switch (text) {
    case 'Strategic': return 0;
    case 'Star': return 1;
    case 'Status': return 2;
    case 'Streamline': return 3;
  }
  return INDEX_BY_KEY.get(foldText(text)) ?? -1;
}

/**
 * A position cell as KAM_REWARD and KAM_DRIFT read it: the index of its word (any language, any case, surrounding
 * spaces ignored), or the row's error — an error value or error text passed through, anything else named in a message.
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
