// Number formats for the cells the build writes, per unit: people read "2,084,470" and "14.7%" while
// the cell keeps its full value. Codes use the invariant syntax both hosts take ("," groups, "."
// marks decimals); each spreadsheet shows them in its own locale (1.234,5 in a Spanish workbook).
import { unitOfFormat, type Unit } from './units';

/** The format per unit; null leaves the host's General format (weights, plain numbers of any size). */
export const NUMBER_FORMATS: Record<Unit, string | null> = {
  money: '#,##0',
  percent: '0.0%',
  days: '#,##0',
  years: '0.0',
  count: '#,##0',
  score: '0.00',
  ratio: '0.00',
  points: null,
  number: null,
};

/** Formats that say nothing about the number: the host's default, text, or none. */
const NEUTRAL = /^(?:general|@|0\.#+|)$/i;
/** Date and time formats: a number shown as a date is not a measure to re-use. */
const DATE_LIKE = /[dmyhs]/i;

/**
 * The number format for cells of a unit. A column linked to the source keeps the source's own format
 * when it shows the same unit (its currency, its decimals); a plain number column gets grouping and
 * decimals for its typical size (`typical`, e.g. the median of its values).
 */
export function numberFormatFor(unit: Unit, options: { source?: string | null; typical?: number } = {}): string | null {
  const source = options.source?.trim();
  if (source && !NEUTRAL.test(source) && !DATE_LIKE.test(source.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) {
    const shown = unitOfFormat(source);
    if (shown === unit || (shown === null && unit === 'number')) return source;
  }
  if (unit === 'number' && options.typical !== undefined && Number.isFinite(options.typical)) {
    const size = Math.abs(options.typical);
    if (size >= 1000) return '#,##0';
    if (size > 0 && size < 1) return '0.000';
  }
  return NUMBER_FORMATS[unit];
}
