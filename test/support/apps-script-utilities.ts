// Test support: Apps Script's Utilities.formatDate and the spreadsheet time zone, for code that runs as a
// Sheets custom function. formatDate follows Java's SimpleDateFormat (Google's reference for
// Utilities.formatDate); the letters our code uses are implemented, any other pattern is refused.
const FIELDS = {
  yyyy: 'year', MM: 'month', dd: 'day', HH: 'hour', mm: 'minute', ss: 'second',
} as const;

/** Utilities.formatDate(date, timeZone, pattern): the wall-clock time of `date` in an IANA time zone. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Number.isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  let out = '';
  for (let i = 0; i < pattern.length;) {
    if (pattern[i] === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    const token = Object.keys(FIELDS).find((t) => pattern.startsWith(t, i)) as keyof typeof FIELDS | undefined;
    if (token) {
      out += token === 'yyyy' ? parts.year.padStart(4, '0') : parts[FIELDS[token]];
      i += token.length;
    } else if (pattern.startsWith('SSS', i)) {
      out += String(date.getUTCMilliseconds()).padStart(3, '0');
      i += 3;
    } else if (/[A-Za-z]/.test(pattern[i])) {
      throw new Error(`formatDate stand-in: pattern letter "${pattern[i]}" in "${pattern}" is not implemented`);
    } else out += pattern[i++];
  }
  return out;
}

/** The services a custom function may use here (read-only Spreadsheet, Utilities), for a spreadsheet in `timeZone`. */
export function customFunctionServices(timeZone = 'Etc/UTC'): Record<string, unknown> {
  const spreadsheet = { getSpreadsheetTimeZone: () => timeZone };
  return {
    SpreadsheetApp: { getActive: () => spreadsheet, getActiveSpreadsheet: () => spreadsheet },
    Utilities: { formatDate },
  };
}

/**
 * The Date Sheets passes for a date-time cell in a spreadsheet set to `timeZone`: the instant at which
 * the wall clock there reads the cell's serial number (days since 1899-12-30). `DateCtor` is the
 * Date of the realm the script runs in.
 */
export function sheetsDate(serial: number, timeZone: string, DateCtor: DateConstructor = Date): Date {
  const wall = Math.round(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  const wallOf = (t: number): number => {
    const text = formatDate(new Date(t), timeZone, "yyyy-MM-dd'T'HH:mm:ss.SSS");
    const [y, mo, d, h, mi, s, ms] = text.split(/[-T:.]/).map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  };
  // The zone's offset at the guess, applied twice so a daylight-saving change in between is followed.
  let t = wall;
  for (let i = 0; i < 3; i++) t += wall - wallOf(t);
  return new DateCtor(t);
}
