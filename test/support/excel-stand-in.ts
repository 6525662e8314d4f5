// Test support: Excel as the built taskpane page meets it, for browser tests (Excel cannot run here).
// Installed with page.addInitScript before the page's scripts: Office (host Excel, ribbon actions,
// showAsTaskpane), CustomFunctions (functions.js shares the page) and Excel.run over the given sheets,
// recording every formula written and every range cleared in window.__writes.

/** A sheet as Excel's range.formulas and range.values present its used range. */
export interface StandInSheet { name: string; formulas: unknown[][]; values: unknown[][] }

/** One write the page made: a formula set, or a range cleared (applyTo as passed, e.g. "Contents"). */
export type StandInWrite = { sheet: string; r: number; c: number; formula?: string; clear?: string };

/** Must stay self-contained: Playwright serialises it into the page. */
export function standInExcel(sheets: StandInSheet[]): void {
  const w = window as unknown as Record<string, any>;
  w.__writes = [] as unknown[];
  w.__actions = {};
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel' }),
    actions: { associate: (name: string, fn: unknown) => (w.__actions[name] = fn) },
    addin: { showAsTaskpane: () => ((w.__shown = true), Promise.resolve()) },
  };
  w.CustomFunctions = { associate() {}, Error: class {}, ErrorCode: {} };
  const items = sheets.map((sheet) => ({
    name: sheet.name,
    getUsedRangeOrNullObject: () => ({ isNullObject: false, rowIndex: 0, columnIndex: 0, formulas: sheet.formulas, values: sheet.values, load() {} }),
    getRangeByIndexes: (r: number, c: number) => ({
      set formulas(v: string[][]) { w.__writes.push({ sheet: sheet.name, r, c, formula: v[0][0] }); },
      clear(applyTo: string) { w.__writes.push({ sheet: sheet.name, r, c, clear: applyTo }); },
    }),
  }));
  w.Excel = { run: (batch: (context: unknown) => Promise<unknown>) => batch({ workbook: { worksheets: { load() {}, items } }, sync: () => Promise.resolve() }) };
}
