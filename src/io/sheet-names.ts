// Finding the sheet a user named (--sheet): exactly, else ignoring case and accents when only one matches.

import { foldText } from '../core/ingest/fold-text';

export type SheetNameMatch =
  | { found: string }
  | { ambiguous: string[] }
  | { none: true };

/**
 * "Clientes 2026" finds "Clientes 2026"; "clientes 2026", "CLIENTES  2026" and "Clientés 2026"
 * find it too unless another sheet folds to the same text ("Notas" and "Notás"), in which case the
 * candidates come back so the user can be asked for the exact name.
 */
export function matchSheetName(sheets: readonly string[], wanted: string): SheetNameMatch {
  if (sheets.includes(wanted)) return { found: wanted };
  const folded = foldText(wanted);
  const matches = sheets.filter((sheet) => foldText(sheet) === folded);
  if (matches.length === 1) return { found: matches[0]! };
  if (matches.length > 1) return { ambiguous: matches };
  return { none: true };
}
