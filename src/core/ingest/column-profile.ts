// What a column holds, judged from a sample of its cells: its value type and how it writes them.

import type { RawCell } from './raw-cell';
import type { DecimalSeparator } from './parse-number';
import { readNumberText } from './parse-number';
import type { DateOrder } from './parse-date';
import { readDateText } from './parse-date';

export type ValueType = 'number' | 'date' | 'text' | 'empty';

/** Counts gathered from a column's cells; cheap enough to keep updating for every row. */
export interface ColumnProfile {
  numbers: number;
  dates: number;
  texts: number;
  /** Blank cells, placeholders ("-", "n/a") and spreadsheet errors. */
  blanks: number;
  /** Texts proving "." or "," as decimal separator. */
  dotDecimal: number;
  commaDecimal: number;
  /** Texts like "1,234" that read differently under the two conventions. */
  ambiguousNumbers: number;
  /** Texts proving day-first or month-first dates. */
  dayFirst: number;
  monthFirst: number;
  ambiguousDates: number;
  /** Absolute values of numbers written without a % sign, for the percentage-points rule. */
  plainMagnitudes: number[];
  /** Numbers written with a % sign. */
  percentTexts: number;
}

/** How many plain magnitudes to keep: enough for a median, bounded for huge files. */
const MAGNITUDE_SAMPLE = 1000;

export function emptyProfile(): ColumnProfile {
  return {
    numbers: 0, dates: 0, texts: 0, blanks: 0,
    dotDecimal: 0, commaDecimal: 0, ambiguousNumbers: 0,
    dayFirst: 0, monthFirst: 0, ambiguousDates: 0,
    plainMagnitudes: [], percentTexts: 0,
  };
}

export function profileCell(profile: ColumnProfile, cell: RawCell): void {
  if (cell === null || cell === undefined) {
    profile.blanks++;
  } else if (cell instanceof Date) {
    profile.dates++;
  } else if (typeof cell === 'number') {
    if (Number.isNaN(cell)) profile.blanks++;
    else {
      profile.numbers++;
      if (profile.plainMagnitudes.length < MAGNITUDE_SAMPLE) profile.plainMagnitudes.push(Math.abs(cell));
    }
  } else if (typeof cell === 'boolean') {
    profile.texts++;
  } else {
    profileText(profile, cell);
  }
}

function profileText(profile: ColumnProfile, text: string): void {
  const number = readNumberText(text, '.');
  if (number.kind === 'blank' || number.kind === 'error') {
    profile.blanks++;
    return;
  }
  if (number.kind === 'number') {
    profile.numbers++;
    if (number.reveals === '.') profile.dotDecimal++;
    if (number.reveals === ',') profile.commaDecimal++;
    if (number.ambiguous) profile.ambiguousNumbers++;
    if (number.percent) profile.percentTexts++;
    else if (profile.plainMagnitudes.length < MAGNITUDE_SAMPLE) profile.plainMagnitudes.push(Math.abs(number.value));
    return;
  }
  const date = readDateText(text, 'DMY');
  if (date.kind === 'date') {
    profile.dates++;
    if (date.reveals === 'DMY') profile.dayFirst++;
    if (date.reveals === 'MDY') profile.monthFirst++;
    if (date.ambiguous) profile.ambiguousDates++;
    return;
  }
  profile.texts++;
}

/** A column is of a type when at least 60 % of its non-blank cells are; a few typos do not flip it. */
export function valueTypeOf(profile: ColumnProfile): ValueType {
  const filled = profile.numbers + profile.dates + profile.texts;
  if (filled === 0) return 'empty';
  if (profile.numbers >= 0.6 * filled) return 'number';
  if (profile.dates >= 0.6 * filled) return 'date';
  if (profile.numbers + profile.dates >= 0.6 * filled) return profile.numbers >= profile.dates ? 'number' : 'date';
  return 'text';
}

/**
 * The decimal separator of a column: the one its unambiguous values prove, by majority; with no
 * proof in the column, the one the rest of the file proves; with none at all, the fallback.
 */
export function decideDecimalSeparator(
  profile: ColumnProfile,
  file: { dotDecimal: number; commaDecimal: number },
  fallback: DecimalSeparator,
): { separator: DecimalSeparator; proven: boolean } {
  if (profile.dotDecimal !== profile.commaDecimal) {
    return { separator: profile.dotDecimal > profile.commaDecimal ? '.' : ',', proven: true };
  }
  if (file.dotDecimal !== file.commaDecimal) {
    return { separator: file.dotDecimal > file.commaDecimal ? '.' : ',', proven: true };
  }
  return { separator: fallback, proven: false };
}

/** The date order of a column, by the same majority rule as the decimal separator. */
export function decideDateOrder(
  profile: ColumnProfile,
  file: { dayFirst: number; monthFirst: number },
  fallback: DateOrder,
): { order: DateOrder; proven: boolean } {
  if (profile.dayFirst !== profile.monthFirst) {
    return { order: profile.dayFirst > profile.monthFirst ? 'DMY' : 'MDY', proven: true };
  }
  if (file.dayFirst !== file.monthFirst) {
    return { order: file.dayFirst > file.monthFirst ? 'DMY' : 'MDY', proven: true };
  }
  return { order: fallback, proven: false };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How a percentage column (margin, growth, share of wallet) writes its plain numbers. Percent-
 * formatted cells reach us as fractions (0.325) and "32.5 %" text is divided by 100 on reading;
 * plain numbers are ambiguous, so the column's median decides: a median of at most 1 means
 * fractions, above 1 means percentage points (32.5 → 0.325), above 100 means money, not a ratio.
 */
export function percentScaleOf(profile: ColumnProfile): 'fraction' | 'points' | 'amount' {
  const middle = median(profile.plainMagnitudes);
  if (middle === null || middle <= 1) return 'fraction';
  return middle <= 100 ? 'points' : 'amount';
}
