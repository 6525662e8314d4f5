// Numbers as the wizard shows them to people, in the user's locale (Intl): grouped thousands, the
// data's units (money, %, days), scores to one or two decimals; and reading back what people type.
// The one place these rules live, so a Spanish or English wizard only passes another locale.
import { readNumberText, type DecimalSeparator } from '../ingest/parse-number';
import type { Unit } from './units';

type Digits = { min: number; max: number };

/** Decimals per unit; money and plain numbers also depend on the size of the value. */
function digitsFor(value: number, unit: Unit): Digits {
  const size = Math.abs(value);
  switch (unit) {
    case 'percent': return { min: 1, max: 1 };
    case 'score': return { min: 1, max: 1 };
    case 'ratio': return { min: 2, max: 2 };
    case 'count': return { min: 0, max: 0 };
    case 'days':
    case 'points':
    case 'years': return { min: 0, max: 1 };
    case 'money': return size >= 100 || Number.isInteger(value) ? { min: 0, max: 0 } : { min: 2, max: 2 };
    default:
      if (size >= 1000 || Number.isInteger(value)) return { min: 0, max: 0 };
      if (size >= 100) return { min: 0, max: 1 };
      if (size >= 1) return { min: 0, max: 2 };
      // Small fractions keep three significant digits: 0.0202, not 0.02.
      return { min: 0, max: Math.min(8, 2 - Math.floor(Math.log10(size || 1))) };
  }
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, unit: Unit, digits: Digits): Intl.NumberFormat {
  const key = `${locale ?? ''}|${unit}|${digits.min}|${digits.max}`;
  let f = cache.get(key);
  if (!f) {
    // Grouped always: Intl's Spanish default leaves 1234 ungrouped, where a spreadsheet's #,##0 shows 1.234 (as i18n/index.ts).
    const options: Intl.NumberFormatOptions = { minimumFractionDigits: digits.min, maximumFractionDigits: digits.max, useGrouping: 'always' as unknown as boolean };
    if (unit === 'percent') options.style = 'percent';
    f = new Intl.NumberFormat(safeLocale(locale), options);
    cache.set(key, f);
  }
  return f;
}

/** A locale Intl accepts: the user's, or the runtime's default when it is malformed or missing. */
function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : undefined;
  } catch {
    return undefined;
  }
}

/** A number for people: "2,084,470", "2.0%", "7.9", "1.25" ("2.084.470", "1.234", "2,0 %" in Spanish); "–" when there is none. */
export function formatNumber(value: number | null | undefined, unit: Unit, locale?: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return formatter(locale, unit, digitsFor(value, unit)).format(value);
}

/** "12 key accounts", "1 key account": a count with its noun (plural by adding "s" unless given). */
export function formatCount(count: number, noun: string, locale?: string, plural = `${noun}s`): string {
  return `${formatNumber(count, 'count', locale)} ${count === 1 ? noun : plural}`;
}

/** The decimal mark of a locale: "." in English, "," in Spanish. */
export function decimalMark(locale?: string): DecimalSeparator {
  const part = new Intl.NumberFormat(safeLocale(locale)).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/**
 * What a person typed in a number field: the number, null for an empty field, or NaN when it is not a
 * number. Grouping, currency signs and the locale's decimal mark are accepted ("17,573", "1.234,5 €");
 * a percent field takes "2", "2 %" and "2,0 %" alike as 2 % (the fraction 0.02).
 */
export function parseTypedNumber(text: string, unit: Unit, locale?: string): number | null {
  const reading = readNumberText(text, decimalMark(locale));
  if (reading.kind === 'blank') return null;
  if (reading.kind !== 'number') return NaN;
  if (unit === 'percent' && !reading.percent) return reading.value / 100;
  return reading.value;
}
