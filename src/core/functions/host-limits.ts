// The largest inputs each host can hand one function call, and the clear error beyond them (instead of a
// time-out or a host failure with no explanation). See docs/functions.md, "Host limits".
import { KamError } from './cells';
import { messages } from './messages';
import type { Phrase } from '../i18n';
import type { Arg } from './catalogue';

/**
 * Sheets stops a custom function after 30 s. Our functions take about 0.1 s per million cells under
 * Node's V8 (npm run bench); Apps Script's V8 and the transfer of the cells are slower by a factor we
 * cannot measure here, so the limit keeps a margin of more than 50× on that rate. It is also half the
 * 10 million cells a whole spreadsheet may hold.
 */
export const SHEETS_MAX_INPUT_CELLS = 5_000_000;

/**
 * Excel on the web passes at most about 5 MB between the workbook and an add-in's function. A number
 * travels as up to ~20 bytes of JSON, so ~250,000 cells of input fit with room for the result.
 * Excel desktop has no such limit.
 */
export const EXCEL_WEB_MAX_INPUT_CELLS = 250_000;

/** Cells in the arguments of one call (ranges are rectangular: rows × columns of the first row). */
export function inputCells(args: readonly (Arg | undefined)[]): number {
  let cells = 0;
  for (const arg of args) {
    if (Array.isArray(arg)) cells += arg.length * (Array.isArray(arg[0]) ? arg[0].length : 1);
    else if (arg !== undefined && arg !== null) cells += 1;
  }
  return cells;
}

export function checkInputSize(args: readonly (Arg | undefined)[], limit: number, host: string, advice: Phrase): void {
  const cells = inputCells(args);
  if (cells > limit) throw new KamError('VALUE', messages.inputTooLarge(cells, host, limit, advice));
}

/**
 * KAM_CAPACITY solves one knapsack per capacity, so its time grows with accounts × capacities rather than with the
 * cells passed. On one shared sort a capacity usually takes a few milliseconds per 100,000 accounts (50 capacities
 * over 100,000 accounts: about 0.1-0.4 s, npm run bench job 6). At small capacities on fine-grained costs the exact
 * search itself is hard and grows faster than the accounts (about 0.2-0.5 s per capacity at 1,000,000 accounts with
 * costs in hundredths, as for KAM_SELECT). This many account-capacity pairs keep such a call within a few seconds
 * in Node's V8, inside Sheets' 30 s, and allow 100 capacities over 100,000 accounts or 9 over 1,048,576. It applies
 * in every host: Excel runs the function on the thread its taskpane needs too.
 */
export const MAX_CAPACITY_PAIRS = 10_000_000;
