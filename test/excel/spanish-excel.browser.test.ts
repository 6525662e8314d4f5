// The BUILT Excel task pane (dist/excel/taskpane.html in Chromium, over the fake Office.js of
// test/support/fake-excel.ts) in an Excel whose display language is Spanish: every formula its build
// writes through range.formulas is in the invariant en-US form ("," between arguments, "." in decimals),
// never the Spanish typing form — range.formulas takes the en-US form in every language, formulasLocal the
// user's (Office.js Excel.Range.formulas / formulasLocal, @types/office-js ExcelApi 1.1) — and custom
// functions go in by their one name, KAM.<ID> (a translated name written through range.formulas gives
// #NAME?: OfficeDev/office-js#891). The pane is walked by its controls' ids, not their words.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser';
import { installFakeExcel, type ExcelDump, type ExcelSeed } from '../support/fake-excel';
import { localeFormProblems, numbersIn } from '../support/formula-forms';
import { SPANISH_CUSTOMER_ROWS } from '../support/customer-books';

const env = useBrowser();

/** Customers with Spanish headers and decimals, as a Spanish user's sheet holds them. */
const seed = (displayLanguage: string): ExcelSeed => ({
  sheets: [{
    name: 'Clientes',
    rows: SPANISH_CUSTOMER_ROWS,
  }],
  active: { sheet: 'Clientes', row: 3, column: 2 },
  requirementSets: { ExcelApi: '1.20' },
  displayLanguage,
});

/** Opens the pane, reads the data, walks Next to the build step and builds; returns the workbook after. */
async function buildIn(displayLanguage: string): Promise<ExcelDump> {
  const page: Page = await env.browser.newPage({ viewport: { width: 350, height: 800 }, locale: displayLanguage });
  page.setDefaultTimeout(20_000);
  await page.route('**/*', (route) => (route.request().url().startsWith(env.url) ? route.continue() : route.fulfill({ body: '', contentType: 'text/javascript' })));
  await page.addInitScript(installFakeExcel, seed(displayLanguage));
  await page.goto(`${env.url}/excel/taskpane.html`);
  await page.click('#start-button');
  await page.click('#read-button');
  await expect.poll(() => page.isDisabled('#next-button')).toBe(false);
  for (let step = 0; step < 10 && !(await page.isVisible('#build-button')); step++) {
    await expect.poll(() => page.isDisabled('#next-button'), { message: `Next stays disabled: ${await page.textContent('#next-hint')}` }).toBe(false);
    await page.click('#next-button');
  }
  await page.click('#build-button');
  await expect.poll(async () => ((await page.textContent('#build-result')) ?? '').trim().length, { timeout: 60_000 }).toBeGreaterThan(0);
  const dump = (await page.evaluate(() => (window as any).__excel.dump())) as ExcelDump;
  await page.close();
  return dump;
}

const formulasOf = (dump: ExcelDump): Map<string, string> =>
  new Map(dump.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.f !== undefined).map(([at, c]) => [`${s.name}!${at}`, c.f!] as const)));

describe('the built task pane in a Spanish Excel', () => {
  it('writes every formula in the en-US form, with the same numbers as in an English Excel', async () => {
    const spanish = formulasOf(await buildIn('es-ES'));
    const english = formulasOf(await buildIn('en-US'));
    expect(spanish.size).toBeGreaterThan(20);
    expect([...spanish.values()].filter((f) => /\bKAM\.(SCORE|POSITION|SELECT|CLV|FLAGS|STABILITY)\(/.test(f)).length).toBeGreaterThan(5);
    const wrong = [...spanish].map(([at, f]) => `${at} ${f}: ${localeFormProblems(f).join('; ')}`).filter((line) => !line.endsWith(': '));
    expect(wrong).toEqual([]);
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [at, f] of english) expect(numbersIn(spanish.get(at)!), at).toEqual(numbersIn(f));
  });
});
