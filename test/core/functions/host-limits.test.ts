// Host limits: beyond the largest input a host can pass one call, a clear error instead of a time-out.
import { describe, expect, it } from 'vitest';
import { EXCEL_WEB_MAX_INPUT_CELLS, MAX_CAPACITY_PAIRS, SHEETS_MAX_INPUT_CELLS, inputCells } from '../../../src/core/functions/host-limits';
import vm from 'node:vm';
import { loadExcelBundle, loadSheetsBundle, readDist } from '../../support/dist';

/** A tall range without allocating its cells: only the row count and the first row are read. */
const tall = (rows: number, cols: number): number[][] => {
  const row = new Array(cols).fill(5);
  return new Array(rows).fill(row);
};

describe('inputCells', () => {
  it('counts rows × columns of every range and 1 per single value', () => {
    expect(inputCells([tall(10, 3), [[1, 2]], 5, undefined, null])).toBe(33);
  });
});

describe('Sheets limit', () => {
  it('refuses more cells than Sheets can process in one call, saying how to split', () => {
    const gas = loadSheetsBundle();
    const rows = Math.floor(SHEETS_MAX_INPUT_CELLS / 10) + 1;
    expect(() => gas.KAM_SCORE(tall(rows, 10), [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]])).toThrow(
      `The ranges given hold ${(rows * 10 + 10).toLocaleString('en-US')} cells; Google Sheets can pass at most about 5,000,000 cells to one function call. Split the accounts over several formulas of fewer rows each.`,
    );
  });

  it('accepts a whole column of Excel\'s row limit at 4 factors', () => {
    const gas = loadSheetsBundle();
    expect(gas.KAM_SCORE(tall(1_048_576, 4), [[1, 1, 1, 1]])).toHaveLength(1_048_576);
  });
});

describe('Excel on the web limit', () => {
  /** functions.js with Office.context.platform set, as the shared runtime has it. */
  function loadAs(onWeb: boolean) {
    const associated: Record<string, (...args: unknown[]) => unknown> = {};
    const context = vm.createContext({
      CustomFunctions: { associate: (id: string, fn: (...a: unknown[]) => unknown) => (associated[id] = fn), Error: class extends Error { code: string; constructor(code: string, message?: string) { super(message); this.code = code; } } },
      Office: { context: { platform: onWeb ? 'OfficeOnline' : 'PC' } },
    });
    new vm.Script(readDist('excel/functions.js')).runInContext(context);
    return associated;
  }

  it('refuses on the web what would exceed the ~5 MB a call can carry', () => {
    const fns = loadAs(true);
    const rows = EXCEL_WEB_MAX_INPUT_CELLS / 10 + 1;
    expect(() => fns.SCORE(tall(rows, 10), [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]], null)).toThrow(/Excel on the web can pass at most about 250,000 cells.*Use Excel for desktop/);
  });

  it('leaves Excel desktop and callers outside Office unlimited', () => {
    const rows = EXCEL_WEB_MAX_INPUT_CELLS / 10 + 1;
    expect(loadAs(false).SCORE(tall(rows, 10), [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]], null)).toHaveLength(rows);
    expect(loadExcelBundle().SCORE(tall(rows, 10), [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]], null)).toHaveLength(rows);
  });
});

describe('KAM_CAPACITY work limit (accounts × capacities), in both built hosts', () => {
  it('refuses more account-capacity pairs than a call can solve in time, saying what to do', () => {
    const capacities = Array.from({ length: 60 }, (_, i) => [100 * (i + 1)]);
    const accounts = Math.floor(MAX_CAPACITY_PAIRS / 60) + 1;
    const expected = /KAM_CAPACITY was given [\d,]+ accounts and 60 capacities; one call can solve at most 10,000,000 account-capacity pairs in time\. Give fewer capacities/;
    expect(() => loadSheetsBundle().KAM_CAPACITY(tall(accounts, 1), tall(accounts, 1), capacities)).toThrow(expected);
    expect(() => loadExcelBundle().CAPACITY(tall(accounts, 1), tall(accounts, 1), capacities)).toThrow(expected);
  });
});
