// Dates reaching the BUILT dist/sheets/Code.js as Sheets passes them: a Date at the cell's wall-clock
// time in the SPREADSHEET's time zone (midnight in New York for a plain date there), which must read as
// the serial number the sheet shows, not that instant counted from a UTC epoch.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { customFunctionServices, formatDate, sheetsDate } from '../support/apps-script-utilities';
import { loadSheetsBundle } from '../support/dist';

function sheetsIn(timeZone: string): { gas: Record<string, any>; SheetsDate: DateConstructor; lookups: () => number; formats: () => number } {
  let lookups = 0;
  let formats = 0;
  const spreadsheet = { getSpreadsheetTimeZone: () => (lookups++, timeZone) };
  const gas = loadSheetsBundle({
    ...customFunctionServices(timeZone),
    SpreadsheetApp: { getActive: () => spreadsheet, getActiveSpreadsheet: () => spreadsheet },
    Utilities: { formatDate: (date: Date, zone: string, pattern: string) => (formats++, formatDate(date, zone, pattern)) },
  });
  return { gas, SheetsDate: vm.runInContext('Date', gas as vm.Context) as DateConstructor, lookups: () => lookups, formats: () => formats };
}

/** KAM_SELECT's table shows each chosen account's value as read: here, the date's serial number. */
function valuesRead(gas: Record<string, any>, dates: Date[]): number[] {
  const table = gas.KAM_SELECT(dates.map((_, i) => [`Account ${i + 1}`]), dates.map((d) => [d]), dates.length, '', 'table') as unknown[][];
  return table.map((row) => row[1] as number).sort((a, b) => a - b);
}

describe('Date arguments in Sheets custom functions', () => {
  it.each([
    ['America/New_York', 45292],
    ['Asia/Tokyo', 45292],
    ['Europe/Madrid', 45292],
    ['Etc/UTC', 45292],
    ['America/Los_Angeles', 45361.5], // noon on the day daylight saving starts there (10 March 2024)
    ['Australia/Lord_Howe', 45566.25], // a half-hour daylight-saving zone, 6:00 on 6 October 2024
  ])('reads a date in a %s spreadsheet as the serial the sheet shows (%s)', (zone, serial) => {
    const { gas, SheetsDate } = sheetsIn(zone);
    const date = sheetsDate(serial, zone, SheetsDate);
    expect(valuesRead(gas, [date])).toEqual([serial]);
  });

  it('does not shift a New York date by the zone offset (45292.208 counted from UTC)', () => {
    const { gas, SheetsDate } = sheetsIn('America/New_York');
    const newYearMidnight = sheetsDate(45292, 'America/New_York', SheetsDate);
    expect(newYearMidnight.toISOString()).toBe('2024-01-01T05:00:00.000Z');
    expect(valuesRead(gas, [newYearMidnight, sheetsDate(45293, 'America/New_York', SheetsDate)])).toEqual([45292, 45293]);
  });

  it('looks the time zone up once per call, and only when a date is passed', () => {
    const { gas, SheetsDate, lookups } = sheetsIn('America/New_York');
    gas.KAM_SCORE([[1, 2], [3, 4]], [[1, 1]]);
    expect(lookups()).toBe(0);
    valuesRead(gas, [sheetsDate(45292, 'America/New_York', SheetsDate), sheetsDate(45300, 'America/New_York', SheetsDate)]);
    expect(lookups()).toBe(1);
  });

  it('reads a column of repeated dates with one formatDate call per distinct date', () => {
    const { gas, SheetsDate, formats } = sheetsIn('Europe/Madrid');
    const dates = Array.from({ length: 600 }, (_, i) => sheetsDate(45292 + (i % 12) * 30, 'Europe/Madrid', SheetsDate));
    const out = gas.KAM_CLV(dates.map((d) => [d]), 0.5, 0) as number[][];
    expect(out[13][0]).toBe((45292 + 30) * 0.5 / 0.5);
    expect(formats()).toBe(12);
  });

  it('names the cell of a date that is not valid', () => {
    const { gas, SheetsDate } = sheetsIn('America/New_York');
    const out = gas.KAM_SCORE([[new SheetsDate(NaN), 2]], [[1, 1]]) as string[][];
    expect(out[0][0]).toBe('#VALUE! scores: row 1, column 1 holds a date that is not valid. Type a number or a real date there (or clear the cell).');
  });
});
