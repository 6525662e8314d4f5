// Reading numbers that people typed as text: currency signs, grouping, decimal commas, %, (1,200).

import { trimCellText } from './raw-cell';

export type DecimalSeparator = '.' | ',';

export type NumberReading =
  | {
      kind: 'number';
      value: number;
      /** The text carried a % sign; value is already divided by 100. */
      percent: boolean;
      /**
       * True when the text alone cannot tell the decimal separator ("1,234", "1.234"): the value
       * was read with the separator the caller passed.
       */
      ambiguous: boolean;
      /** The decimal separator this text proves, if any: "1,5" proves ",", "1,234.5" proves ".". */
      reveals: DecimalSeparator | null;
    }
  | { kind: 'blank' }
  /** A spreadsheet error such as #DIV/0! or #N/A. */
  | { kind: 'error'; text: string }
  | { kind: 'invalid'; text: string };

const BLANK: NumberReading = { kind: 'blank' };

/** Placeholders people type for "no value"; folded to lower case before the lookup. */
const BLANK_WORDS = new Set(['-', '--', '---', '–', '—', 'n/a', 'na', 'n.a.', 'n.d.', 'nd', 's/d', 'null', 'none', '?']);

const SPREADSHEET_ERRORS = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)$/i;

/** Multi-letter currency signs first so "US$" is not read as "US" + "$". */
const LEADING_CURRENCY = /^(?:US\$|R\$|C\$|A\$|NZ\$|HK\$|S\/|[$€£¥₹₩₽¢]|(?:USD|EUR|GBP|MXN|ARS|CLP|COP|PEN|CHF|JPY|CAD|AUD|BRL|UYU)(?![A-Za-z]))/i;
const TRAILING_CURRENCY = /(?:[$€£¥₹₩₽¢]|(?<![A-Za-z])(?:USD|EUR|GBP|MXN|ARS|CLP|COP|PEN|CHF|JPY|CAD|AUD|BRL|UYU))$/i;
const MINUS_SIGNS = '-\u2212\u2013';
/** Spaces and apostrophes used to group thousands: "1 234,50", "1'234.50". */
const GROUP_SPACES = /[ \u00a0\u2007\u2009\u202f']/;

/**
 * Read a text as a number. `decimal` is used only for ambiguous text ("1,234"); everything else
 * decides for itself: with both "." and "," present the last one is the decimal separator; a
 * separator repeated ("1,234,567") or followed by exactly three digits after 1–3 digits is
 * ambiguous, otherwise it is decimal ("1,5", "0,125", "1234,567").
 */
export function readNumberText(text: string, decimal: DecimalSeparator): NumberReading {
  let s = trimCellText(text);
  if (s === '' || BLANK_WORDS.has(s.toLowerCase())) return BLANK;
  if (SPREADSHEET_ERRORS.test(s)) return { kind: 'error', text: s };

  let negative = false;
  let percent = false;
  let bracketed = false;
  // Peel signs, currency, % and accounting brackets from both ends in any order: "-$1,234", "$-1,234",
  // "1.234 €-", and a negative in brackets with its unit outside, as ledgers print them: "(10,0) %", "(1.200,00) €".
  for (let changed = true; changed; ) {
    changed = false;
    const before = s;
    s = trimCellText(s);
    if (!bracketed && s.startsWith('(') && s.endsWith(')')) {
      bracketed = true;
      negative = !negative;
      s = s.slice(1, -1);
      changed = true;
      continue;
    }
    if (s !== '' && MINUS_SIGNS.includes(s[0]!)) {
      negative = !negative;
      s = s.slice(1);
    } else if (s.startsWith('+')) {
      s = s.slice(1);
    }
    if (s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1);
    } else if (s.startsWith('%')) {
      percent = true;
      s = s.slice(1);
    }
    s = s.replace(LEADING_CURRENCY, '').replace(TRAILING_CURRENCY, '');
    if (s.length > 1 && MINUS_SIGNS.includes(s[s.length - 1]!)) {
      // Trailing minus, as SAP and some ledgers write credits: "1.234,50-".
      negative = !negative;
      s = s.slice(0, -1);
    }
    changed = s !== before;
  }
  s = trimCellText(s);

  const magnitude = readMagnitude(s, decimal);
  if (magnitude === null) return { kind: 'invalid', text: trimCellText(text) };
  let value = negative ? -magnitude.value : magnitude.value;
  if (percent) value /= 100;
  if (Object.is(value, -0)) value = 0;
  return { kind: 'number', value, percent, ambiguous: magnitude.ambiguous, reveals: magnitude.reveals };
}

interface Magnitude {
  value: number;
  ambiguous: boolean;
  reveals: DecimalSeparator | null;
}

function readMagnitude(s: string, decimal: DecimalSeparator): Magnitude | null {
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(s)) return { value: Number(s), ambiguous: false, reveals: null };
  if (!/^[\d.,]/.test(s) || !/^[\d.,]+(?:[ \u00a0\u2007\u2009\u202f'][\d.,]+)*$/.test(s)) return null;

  // Space/apostrophe grouping must sit between groups of three digits in the integer part.
  if (GROUP_SPACES.test(s)) {
    const integerEnd = s.search(/[.,]\d*$/);
    const integerPart = integerEnd === -1 ? s : s.slice(0, integerEnd);
    if (!/^\d{1,3}(?:[ \u00a0\u2007\u2009\u202f']\d{3})+$/.test(integerPart)) return null;
    const rest = integerEnd === -1 ? '' : s.slice(integerEnd);
    return readSeparators(integerPart.replace(/[^\d]/g, '') + rest, decimal, true);
  }
  return readSeparators(s, decimal, false);
}

function readSeparators(s: string, decimal: DecimalSeparator, spaceGrouped: boolean): Magnitude | null {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot === -1 && lastComma === -1) {
    return /^\d+$/.test(s) ? { value: Number(s), ambiguous: false, reveals: null } : null;
  }
  if (lastDot !== -1 && lastComma !== -1) {
    const sep: DecimalSeparator = lastDot > lastComma ? '.' : ',';
    return grouped(s, sep, true);
  }
  const sep: DecimalSeparator = lastDot !== -1 ? '.' : ',';
  const count = s.split(sep).length - 1;
  if (count > 1) {
    // "1,234,567": the separator groups thousands, so the other one is the decimal separator.
    const value = grouped(s + (sep === '.' ? ',0' : '.0'), sep === '.' ? ',' : '.', false);
    return value && { ...value, reveals: sep === '.' ? ',' : '.' };
  }
  const [integerPart = '', fraction = ''] = s.split(sep);
  if (!/^\d*$/.test(integerPart) || !/^\d*$/.test(fraction) || integerPart + fraction === '') return null;
  // Only "d,ddd" / "dd,ddd" / "ddd,ddd" with a non-zero lead can be thousands grouping.
  const couldGroup = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integerPart) && !spaceGrouped;
  if (!couldGroup) {
    return { value: Number(`${integerPart || '0'}.${fraction || '0'}`), ambiguous: false, reveals: fraction === '' ? null : sep };
  }
  const value = sep === decimal ? Number(`${integerPart}.${fraction}`) : Number(integerPart + fraction);
  return { value, ambiguous: true, reveals: null };
}

/** Digits grouped by the non-decimal separator, with an optional fraction after `sep`. */
function grouped(s: string, sep: DecimalSeparator, reveals: boolean): Magnitude | null {
  const group = sep === '.' ? ',' : '.';
  const at = s.lastIndexOf(sep);
  const integerPart = s.slice(0, at);
  const fraction = s.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  const groupPattern = group === ',' ? /^\d{1,3}(?:,\d{3})*$/ : /^\d{1,3}(?:\.\d{3})*$/;
  if (integerPart !== '' && !groupPattern.test(integerPart)) return null;
  const digits = integerPart.split(group).join('');
  return { value: Number(`${digits || '0'}.${fraction || '0'}`), ambiguous: false, reveals: reveals ? sep : null };
}
