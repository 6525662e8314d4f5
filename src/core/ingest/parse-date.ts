// Reading dates from cells: serial numbers, Date objects and the text forms exports use (EN/ES).

import { foldText } from './fold-text';
import type { RawCell } from './raw-cell';
import { trimCellText } from './raw-cell';
import type { SerialDay } from './excel-serial';
import { MAX_SERIAL, serialFromDate, serialFromYmd } from './excel-serial';

/** Which number comes first in "03/04/2024": the day (most of the world) or the month (US). */
export type DateOrder = 'DMY' | 'MDY';

export type DateReading =
  | {
      kind: 'date';
      serial: SerialDay;
      /** "03/04/2024" could be either order; it was read with the order the caller passed. */
      ambiguous: boolean;
      /** The order this text proves: "15/03/2024" proves DMY, "03/15/2024" proves MDY. */
      reveals: DateOrder | null;
    }
  | { kind: 'blank' }
  | { kind: 'invalid'; text: string };

const MONTHS: ReadonlyMap<string, number> = new Map([
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map(
    (name, i) => [name, i + 1] as const,
  ),
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, i) => [name, i + 1] as const),
  ['sept', 9],
  ...['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'].map(
    (name, i) => [name, i + 1] as const,
  ),
  ...['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'].map((name, i) => [name, i + 1] as const),
  ['setiembre', 9],
  ['set', 9],
]);

/** Words that may surround a date without changing it: weekdays and Spanish "de"/"del". */
const FILLER_WORDS = new Set([
  'de', 'del', 'the', 'of',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
  'lun', 'mie', 'jue', 'vie', 'sab', 'dom',
]);

const BLANK_WORDS = new Set(['-', '--', '–', '—', 'n/a', 'na', 'n.a.', 'nd', 'n.d.', 's/d', 'null', 'none', '?']);

/** Two-digit years follow Excel's rule: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function date(serial: SerialDay | null, ambiguous: boolean, reveals: DateOrder | null, text: string): DateReading {
  return serial === null ? { kind: 'invalid', text } : { kind: 'date', serial, ambiguous, reveals };
}

/**
 * Read one cell as a date. Numbers are Excel serials (whole days; a bare integer 1900–2100 is taken
 * as 1 January of that year, because nobody's business data starts in 1905). `order` is used only
 * for text where both day and month are 12 or less.
 */
export function readDateCell(cell: RawCell, order: DateOrder, zone: 'utc' | 'local' = 'utc'): DateReading {
  if (cell === null || cell === undefined) return { kind: 'blank' };
  if (cell instanceof Date) return date(serialFromDate(cell, zone), false, null, String(cell));
  if (typeof cell === 'number') return readSerialNumber(cell);
  if (typeof cell === 'boolean') return { kind: 'invalid', text: String(cell) };
  return readDateText(cell, order);
}

function readSerialNumber(value: number): DateReading {
  if (Number.isNaN(value)) return { kind: 'blank' };
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) return date(serialFromYmd(value, 1, 1), false, null, String(value));
  if (value >= 1 && value <= MAX_SERIAL) return { kind: 'date', serial: Math.floor(value), ambiguous: false, reveals: null };
  return { kind: 'invalid', text: String(value) };
}

export function readDateText(text: string, order: DateOrder): DateReading {
  const s = trimCellText(text);
  if (s === '' || BLANK_WORDS.has(s.toLowerCase())) return { kind: 'blank' };

  // ISO and year-first: 2024-03-15, 2024/03/15, with an optional time after it.
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (m) return date(serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])), false, null, s);

  // Day and month in either order: 15/03/2024, 03-15-24, 15.03.2024.
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[T\s].*)?$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]!);
    if (a > 12 && b <= 12) return date(serialFromYmd(year, b, a), false, 'DMY', s);
    if (b > 12 && a <= 12) return date(serialFromYmd(year, a, b), false, 'MDY', s);
    const ambiguous = a !== b;
    return order === 'DMY'
      ? date(serialFromYmd(year, b, a), ambiguous, null, s)
      : date(serialFromYmd(year, a, b), ambiguous, null, s);
  }

  // Month and year only: 03/2018 → 1 March 2018.
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return date(serialFromYmd(Number(m[2]), Number(m[1]), 1), false, null, s);

  // Compact ERP form: 20240315.
  m = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) return date(serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])), false, null, s);

  // A serial or a bare year typed as text in a date column: "45366", "2024".
  if (/^\d{4,5}(?:\.\d+)?$/.test(s)) return readSerialNumber(Number(s));

  return readMonthNameDate(s);
}

/** "15-Mar-2024", "Mar 15, 2024", "15 de marzo de 2024", "Friday, March 15 2024", "mar-2024". */
function readMonthNameDate(s: string): DateReading {
  const words = foldText(s)
    .split(/[\s,./-]+/)
    .filter((word) => word !== '' && !FILLER_WORDS.has(word) && !word.includes(':'));
  let month: number | undefined;
  const numbers: string[] = [];
  for (const word of words) {
    const asMonth = MONTHS.get(word);
    if (asMonth !== undefined && month === undefined) month = asMonth;
    else if (/^\d{1,4}(?:st|nd|rd|th)?$/.test(word)) numbers.push(word.replace(/\D+$/, ''));
    else return { kind: 'invalid', text: s };
  }
  if (month === undefined) return { kind: 'invalid', text: s };
  if (numbers.length === 1 && numbers[0]!.length === 4) return date(serialFromYmd(Number(numbers[0]), month, 1), false, null, s);
  if (numbers.length !== 2) return { kind: 'invalid', text: s };
  const [first, second] = numbers as [string, string];
  // The four-digit number is the year whichever side it is on; otherwise day comes first.
  const [dayText, yearText] = second.length === 4 || first.length <= 2 ? [first, second] : [second, first];
  return date(serialFromYmd(fullYear(yearText), month, Number(dayText)), false, null, s);
}
