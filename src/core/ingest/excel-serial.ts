// Calendar dates as Excel serial day numbers (1900 date system), the form both hosts store.

/**
 * Dates are carried as whole Excel serial days: 1 = 1900-01-01, 45366 = 2024-03-15. Excel (and
 * Sheets) count days from 1899-12-30 but keep Lotus's phantom 1900-02-29 (serial 60), so serials
 * below 61 sit one day lower than a plain day count; the helpers here hide that.
 */
export type SerialDay = number;

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts (9999-12-31). */
export const MAX_SERIAL = 2_958_465;

export function serialFromYmd(year: number, month: number, day: number): SerialDay | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const days = Math.round((ms - EPOCH_1899_12_30) / MS_PER_DAY);
  const serial = days < 61 ? days - 1 : days;
  return serial >= 1 && serial <= MAX_SERIAL ? serial : null;
}

export function ymdFromSerial(serial: SerialDay): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  const date = new Date(EPOCH_1899_12_30 + days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function yearOfSerial(serial: SerialDay): number {
  return ymdFromSerial(serial).year;
}

export function isoFromSerial(serial: SerialDay): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A Date object as a serial day. exceljs builds Dates at UTC midnight, so 'utc' (the default) reads
 * the UTC calendar date; Apps Script builds them in the script's time zone, so its adapter passes
 * 'local'. Any time of day is dropped.
 */
export function serialFromDate(date: Date, zone: 'utc' | 'local'): SerialDay | null {
  if (Number.isNaN(date.getTime())) return null;
  return zone === 'utc'
    ? serialFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
    : serialFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
