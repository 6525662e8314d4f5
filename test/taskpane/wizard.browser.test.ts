// End to end: the BUILT Sheets sidebar (dist/sheets/Sidebar.html) in headless Chromium at 300 px,
// driven through every step by click, type and keyboard. google.script.run is a test bridge injected
// with addInitScript (never part of the bundle) to the BUILT Code.js server functions running in a vm
// over a fake SpreadsheetApp; the test then checks what was written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, guardNetwork, launch, serve, SHEETS_DIST } from '../support/browser';
import { FakeSpreadsheet } from '../support/fake-spreadsheet';
import { sheetsServer } from '../support/sheets-server';
import { SHEET_NAMES } from '../../src/core/workbook/plan';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';
import { BRIDGE } from '../support/wizard-pages';
import { HOSTILE_CUSTOMER_ROWS, XSS } from '../support/customer-books';


function customerBook(): FakeSpreadsheet {
  const ss = new FakeSpreadsheet();
  const data = ss.addSheet('Customers', HOSTILE_CUSTOMER_ROWS.map((row) => [...row]));
  data.active = { row: 5, column: 2 };
  return ss;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  browser = await launch();
  server = await serve(SHEETS_DIST);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scrolling on ${name}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(ARTIFACTS, `wizard-${name}.png`), fullPage: true });
}

/** The built sidebar at 300 px over a fake spreadsheet, started. */
async function openSidebar(ss: FakeSpreadsheet): Promise<Page> {
  const call = sheetsServer(ss);
  const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
  await page.exposeFunction('__kamBridge', (name: string, args: string) => {
    try { return JSON.stringify({ value: call(name, JSON.parse(args)) }); } catch (e) { return JSON.stringify({ error: (e as Error).message }); }
  });
  await page.addInitScript(BRIDGE);
  await page.goto(`${server.url}/Sidebar.html`);
  await page.click('#start-button');
  return page;
}

async function next(page: Page, title: string): Promise<void> {
  await page.click('#next-button');
  await expect.poll(() => page.textContent('#step-title')).toBe(title);
  // Focus moves to the step's heading, so keyboard and screen-reader users start at the top.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
}

describe('the wizard in the Sheets sidebar, end to end', () => {
  it('walks every step, builds live formulas into the workbook, and shows hostile names as text', async () => {
    const ss = customerBook();
    const before = JSON.stringify([...ss.getSheetByName('Customers')!.cells]);
    const call = sheetsServer(ss);
    const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const log = await guardNetwork(page, server.url);
    await page.exposeFunction('__kamBridge', (name: string, args: string) => {
      try {
        return JSON.stringify({ value: call(name, JSON.parse(args)) });
      } catch (error) {
        return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
      }
    });
    await page.addInitScript(BRIDGE);
    await page.goto(`${server.url}/Sidebar.html`);
    await expect.poll(() => page.textContent('#host-status')).toBe('Connected to Google Sheets.');
    await page.click('#start-button');

    // 1. Customer data
    await expect.poll(() => page.textContent('#step-title')).toBe('1. Customer data');
    await page.click('#read-button');
    await expect.poll(() => page.textContent('#data-summary')).toContain('6 accounts');
    expect(await page.textContent('#data-summary')).toContain('header row 3, a customer list');
    await shot(page, '1-data');

    // 2. Columns: keyboard only — Tab to Next and press Enter.
    await next(page, '2. Columns');
    expect(await page.inputValue('select[data-role=account]')).toBe('Customer');
    await shot(page, '2-columns');
    for (let i = 0; i < 80 && (await page.evaluate(() => document.activeElement?.id)) !== 'next-button'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#step-title')).toBe('3. Attractiveness');

    // 3. Attractiveness: type a weight, the total follows.
    await page.fill('[data-weight="0"]', '10');
    await expect.poll(() => page.textContent('#points-total')).toMatch(/Total: \d+ of 100 points/);
    await shot(page, '3-factors');

    // 4. Strength (stage proxy)
    await next(page, '4. Relative strength');
    expect(await page.inputValue('#strength-kind')).toBe('stage');
    await shot(page, '4-strength');
    // Your-vs-rival ratings: one criterion with its two rating columns and weight, then back to the stage.
    await page.selectOption('#strength-kind', 'ratings');
    await expect.poll(() => page.locator('#strength-detail fieldset:not(#stage-mapping)').count()).toBe(1);
    expect(await page.isVisible('#strength-detail >> text=Best rival')).toBe(true);
    await page.click('#add-criterion');
    await expect.poll(() => page.locator('#strength-detail fieldset:not(#stage-mapping)').count()).toBe(2);
    await shot(page, '4-strength-ratings');
    await page.selectOption('#strength-kind', 'stage');

    // 5. Capacity
    await next(page, '5. Capacity');
    await page.fill('#team-days', '100');
    await expect.poll(() => page.textContent('#key-count')).toMatch(/That allows \d+ key accounts? \(/);
    await shot(page, '5-capacity');

    // 6. Review: the matrix, the chosen accounts, hostile names shown as text.
    await next(page, '6. Review');
    expect(await page.locator('figure.matrix svg').count()).toBe(1);
    await expect.poll(() => page.textContent('#key-accounts')).toContain(XSS);
    expect(await page.locator('#key-accounts li', { hasText: XSS }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    await shot(page, '6-review');

    // 7. Build
    await next(page, '7. Build');
    await page.click('#build-button');
    await expect.poll(() => page.textContent('#build-result'), { timeout: 20_000 }).toContain('6 sheets created');
    await shot(page, '7-built');
    expect(dialogs).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.blocked).toEqual([]);

    // What was written: live formulas in the Sheets spelling, named settings, names as text, data untouched.
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Customers', ...Object.values(SHEET_NAMES), HISTORY_SHEET]);
    const portfolio = ss.getSheetByName(SHEET_NAMES.portfolio)!;
    const formulas = [...portfolio.cells.values()].map((c) => c.formula).filter(Boolean);
    for (const id of ['SCORE', 'POSITION', 'FLAGS', 'CLV']) expect(formulas.filter((f) => f.includes(`KAM_${id}(`))).toHaveLength(1);
    expect(formulas.filter((f) => f.includes('KAM_SELECT('))).toHaveLength(2); // the key-account flags and the reasons
    expect(formulas.find((f) => f.startsWith('=KAM_SCORE('))).toMatch(/KAM_Weights, KAM_Scales\)$/);
    expect(portfolio.peek(6, 1)!.value).toBe(XSS);
    expect(portfolio.peek(7, 1)!).toMatchObject({ value: '=HYPERLINK("http://evil","x")', formula: '' });
    expect(portfolio.peek(8, 1)!).toMatchObject({ value: '+cmd', formula: '' });
    expect(ss.names.has('KAM_Capacity')).toBe(true);
    const capacity = ss.names.get('KAM_Capacity')!;
    expect(capacity.getValue()).toBe(100);
    const model = ss.getSheetByName(SHEET_NAMES.model)!;
    const weights = ss.names.get('KAM_Weights')!;
    expect(model.peek(weights.row, weights.column)!.value).toBe(10);
    expect(JSON.stringify([...ss.getSheetByName('Customers')!.cells])).toBe(before);

    // Moving hosts: the rewrite tool reports its count.
    model.cell(60, 1).formula = '=KAM.SCORE(A1:A2, B1:B2)';
    await page.click('#rewrite-button');
    await expect.poll(() => page.textContent('#rewrite-result')).toBe('1 cell on 1 sheet now use the Sheets names (KAM_SCORE, …).');
    expect(model.peek(60, 1)!.formula).toBe('=KAM_SCORE(A1:A2, B1:B2)');
    await page.close();
  });

  it('offers the rows below a blank row, maps every stage value found, and says why not key (issue 10)', async () => {
    const ss = new FakeSpreadsheet();
    const data = ss.addSheet('Clientes', [
      ['Cliente', 'Etapa', 'Ventas', 'Margen', 'Coste de servicio', 'Encaje estratégico'],
      ['Atlas', 'Integrada', 900000, 0.32, 40000, 9],
      ['Boreal', 'Etapa 4 - interdependiente', 700000, 0.28, 30000, 8],
      ['Delta', 'Básica', 150000, 0.3, 5000, 8],
      [null, null, null, null, null, null],
      ['Estrella', 'Oro', 800000, 0.31, 270000, 10], // attractive on fit and margin, but loses 22,000 after cost to serve
      ['Foxtrot', 'Exploratoria', 60000, 0.1, 4000, 2],
    ]);
    data.active = { row: 2, column: 1 };
    const page = await openSidebar(ss);

    // 1. The table around the selection stops at the blank row: the wizard says so and offers the rest.
    await page.click('#read-button');
    await expect.poll(() => page.textContent('#data-summary')).toContain('3 accounts');
    expect(await page.textContent('#more-below')).toContain('The table read stops at row 4, but 2 more rows with data follow after a blank row (rows 6 to 7).');
    await shot(page, 'issue10-1-more-below');
    await page.click('#include-rest');
    await expect.poll(() => page.textContent('#data-summary')).toContain('5 accounts');
    expect(await page.textContent('#more-below')).toBe('');

    // 4. Every stage value found, with its count and reading; "Oro" is no stage until the user maps it.
    for (const title of ['2. Columns', '3. Attractiveness', '4. Relative strength']) await next(page, title);
    const values = await page.locator('#stage-mapping select').evaluateAll((els) => els.map((e) => [(e as HTMLSelectElement).dataset.stageValue, (e as HTMLSelectElement).value]));
    expect(values).toEqual([['Básica', 'Basic'], ['Etapa 4 - interdependiente', 'Interdependent'], ['Exploratoria', 'Exploratory'], ['Integrada', 'Integrated'], ['Oro', '']]);
    expect(await page.textContent('#stage-mapping')).toContain('1 value is not read as a stage ("Oro")');
    await shot(page, 'issue10-4-stage-mapping');
    await page.selectOption('select[data-stage-value="Oro"]', 'Cooperative');

    // 6. Review: the loss-maker more attractive than the weakest key account says why it is not key.
    for (const title of ['5. Capacity', '6. Review']) await next(page, title);
    await expect.poll(() => page.textContent('#why-not-key')).toContain('Estrella');
    expect(await page.textContent('#why-not-key')).toMatch(/Estrella \([\d.]+, Difficult\): loses money \(Difficult\)/);
    expect(await page.textContent('#key-accounts')).toContain('Atlas');
    await shot(page, 'issue10-6-why-not-key');

    // Built: the mapping is on the model sheet, the reasons in the portfolio.
    await next(page, '7. Build');
    await page.click('#build-button');
    await expect.poll(() => page.textContent('#build-result'), { timeout: 20_000 }).toContain('6 sheets created');
    const names = ss.names.get('KAM_StageNames')!;
    const model = ss.getSheetByName(SHEET_NAMES.model)!;
    const rows = Array.from({ length: 5 }, (_, i) => [model.peek(names.row + i, names.column)?.value, model.peek(names.row + i, names.column + 1)?.value]);
    expect(rows).toContainEqual(['Oro', 'Cooperative']);
    await page.close();
  });

  it('reopens with the settings read back from the KAM Model sheet, and shows a conflict in words', async () => {
    const ss = customerBook();
    const page = await openSidebar(ss);
    await page.click('#read-button');
    await expect.poll(() => page.textContent('#data-summary')).toContain('6 accounts');
    ss.addSheet('KAM Rewards', [['my plan']]);
    for (const title of ['2. Columns', '3. Attractiveness', '4. Relative strength', '5. Capacity', '6. Review', '7. Build']) await next(page, title);
    await page.click('#build-button');
    await expect.poll(() => page.textContent('#wizard-alert')).toContain('already has a sheet called "KAM Rewards" that the KAM wizard did not create. Nothing was written.');
    await shot(page, 'conflict');
    expect(ss.getSheetByName(SHEET_NAMES.model)).toBeNull();
    ss.getSheetByName('KAM Rewards')!.name = 'My rewards';
    await page.click('#build-button');
    await expect.poll(() => page.textContent('#build-result'), { timeout: 20_000 }).toContain('6 sheets created');

    await page.reload();
    await page.click('#start-button');
    await expect.poll(() => page.textContent('#wizard-status')).toContain('Settings read back from the KAM Model sheet');
    expect(await page.textContent('#data-summary')).toContain('6 accounts');
    await page.close();
  });
});
