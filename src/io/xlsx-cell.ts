// Turning an exceljs cell value (rich text, formula, hyperlink, error) into a plain raw cell.

import type { RawCell } from '../core/ingest/raw-cell';

/** Same test exceljs applies: a number format with y, m, d, h, s outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * exceljs gives plain values for plain cells, and objects for the rest: { richText: [...] },
 * { formula, result }, { text, hyperlink }, { error }. A formula counts as its cached result (the
 * value the user last saw); a date-formatted numeric result becomes a Date, as exceljs does for
 * plain cells; an error becomes its text ("#N/A"), which ingest reports.
 */
export function rawCellOf(value: unknown, numberFormat: string | undefined, date1904: boolean): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) return (object.richText as { text?: string }[]).map((run) => run.text ?? '').join('');
  if ('formula' in object || 'sharedFormula' in object) {
    const result = object.result;
    if (typeof result === 'number' && isDateFormat(numberFormat)) return dateFromSerial(result, date1904);
    return rawCellOf(result, numberFormat, date1904);
  }
  if (typeof object.error === 'string') return object.error;
  if ('text' in object) return rawCellOf(object.text, numberFormat, date1904);
  return null;
}
