// The Excel ribbon's "Rewrite KAM formulas" button as the built taskpane page runs it: the page registers
// the action in its (shared) runtime, the action rewrites Sheets spellings through Excel.run, reports in
// the taskpane and completes the event. Office and Excel are stand-ins: Excel itself cannot run here.
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { standInExcel, StandInSheet } from '../support/excel-stand-in';

const env = useBrowser();

/** One sheet of formulas: two Sheets spellings, a built-in, and text that merely looks like a formula. */
const FORMULAS = [['=KAM_SCORE(B2:E9, B1:E1)', '=SUM(A1:A3)'], ['"=KAM_SCORE(x)" as text', '=kam_select(A2:A9, B2:B9, 5)']];
const SHEET: StandInSheet = { name: 'Data', formulas: FORMULAS, values: FORMULAS.map((row) => row.map((f) => (f.startsWith('=') ? 0 : f))) };

describe('the Excel ribbon action', () => {
  it('rewrites the Sheets spellings, reports the count in the taskpane and completes the event', async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // office.js itself is not loaded: the stand-ins above are the host.
    await page.route('**/*', (route) => (route.request().url().startsWith(env.url) ? route.continue() : route.fulfill({ body: '', contentType: 'text/javascript' })));
    await page.addInitScript(standInExcel, [SHEET]);
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.evaluate(() => typeof (window as any).__actions.rewriteKamFormulas)).toBe('function');
    const completed = await page.evaluate(
      () => new Promise<boolean>((resolve) => (window as any).__actions.rewriteKamFormulas({ completed: () => resolve(true) })),
    );
    expect(completed).toBe(true);
    expect(await page.evaluate(() => (window as any).__writes)).toEqual([
      { sheet: 'Data', r: 0, c: 0, formula: '=KAM.SCORE(B2:E9, B1:E1)' },
      { sheet: 'Data', r: 1, c: 1, formula: '=KAM.SELECT(A2:A9, B2:B9, 5)' },
    ]);
    expect(await page.textContent('#host-status')).toBe('2 cells on 1 sheet now use the Excel names (KAM.SCORE, …).');
    expect(await page.evaluate(() => (window as any).__shown)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
