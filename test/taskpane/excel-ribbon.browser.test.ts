// The Excel ribbon's "Rewrite KAM formulas" button as the built taskpane page runs it: the page registers
// the action in its (shared) runtime, the action rewrites Sheets spellings through Excel.run, reports in
// the taskpane and completes the event. Office and Excel are stand-ins: Excel itself cannot run here.
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';

const env = useBrowser();

/** Installed before the page's scripts: an Excel host with one sheet of formulas, recording what is written. */
function fakeExcel(): void {
  const w = window as unknown as Record<string, any>;
  const formulas = [['=KAM_SCORE(B2:E9, B1:E1)', '=SUM(A1:A3)'], ['"=KAM_SCORE(x)" as text', '=kam_select(A2:A9, B2:B9, 5)']];
  w.__written = [] as string[];
  w.__actions = {};
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel' }),
    actions: { associate: (name: string, fn: unknown) => (w.__actions[name] = fn) },
    addin: { showAsTaskpane: () => ((w.__shown = true), Promise.resolve()) },
  };
  const range = {
    isNullObject: false, rowIndex: 0, columnIndex: 0, formulas,
    values: formulas.map((row) => row.map((f) => (f.startsWith('=') ? 0 : f))),
    load() {},
  };
  const sheet = {
    name: 'Data',
    getUsedRangeOrNullObject: () => range,
    getRangeByIndexes: (r: number, c: number) => ({ set formulas(v: string[][]) { w.__written.push(`${r},${c} ${v[0][0]}`); } }),
  };
  w.CustomFunctions = { associate() {}, Error: class {}, ErrorCode: {} }; // functions.js shares the page
  w.Excel = { run: (batch: (context: unknown) => Promise<unknown>) => batch({ workbook: { worksheets: { load() {}, items: [sheet] } }, sync: () => Promise.resolve() }) };
}

describe('the Excel ribbon action', () => {
  it('rewrites the Sheets spellings, reports the count in the taskpane and completes the event', async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // office.js itself is not loaded: the stand-ins above are the host.
    await page.route('**/*', (route) => (route.request().url().startsWith(env.url) ? route.continue() : route.fulfill({ body: '', contentType: 'text/javascript' })));
    await page.addInitScript(fakeExcel);
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.evaluate(() => typeof (window as any).__actions.rewriteKamFormulas)).toBe('function');
    const completed = await page.evaluate(
      () => new Promise<boolean>((resolve) => (window as any).__actions.rewriteKamFormulas({ completed: () => resolve(true) })),
    );
    expect(completed).toBe(true);
    expect(await page.evaluate(() => (window as any).__written)).toEqual(['0,0 =KAM.SCORE(B2:E9, B1:E1)', '1,1 =KAM.SELECT(A2:A9, B2:B9, 5)']);
    expect(await page.textContent('#host-status')).toBe('2 cells on 1 sheet now use the Excel names (KAM.SCORE, …).');
    expect(await page.evaluate(() => (window as any).__shown)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
