// The four boxes of the KAM portfolio matrix: stable words that KAM_POSITION writes and KAM_REWARD reads.

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
