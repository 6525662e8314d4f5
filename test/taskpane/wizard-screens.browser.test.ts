// The BUILT wizard on workbooks nobody on the team typed by hand — the bundled sample (samples/customers.xlsx,
// with its title block, dollar and percentage formats) and an order export of 800 customers — in the
// Sheets sidebar at 300 px and the Excel task pane at 350 px: every step without sideways scrolling,
// numbers shown for people, the matrix readable as drawn, the review short, and a screenshot of every step
// in test-results/wizard/ for people to look at. Also the Spanish sidebar: numbers in Spanish.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';
import { ROOT } from '../support/dist';
import {
  excelDump, excelSeed, expectNoOverflow, expectReadableMatrix, measureMatrix, next, openSidebar, openTaskpane, screenshot, sheetFromXlsx, sheetsBook,
  type SheetData, type WizardPane,
} from '../support/wizard-pages';
import { orderExport } from '../support/order-export';
import { SHEET_NAMES } from '../../src/core/workbook/plan';

const env = useBrowser();

/** The 800-customer order export as a sheet: order dates as dates, amounts in a money format. */
function ordersSheet(): SheetData {
  const rows = orderExport();
  const formats: Record<string, string> = {};
  const data = rows.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 2 ? new Date(`${v}T00:00:00Z`) : v))));
  for (let r = 2; r <= rows.length; r++) {
    formats[`C${r}`] = 'yyyy-mm-dd';
    formats[`H${r}`] = '#,##0.00';
    formats[`I${r}`] = '#,##0.00';
  }
  return { name: 'Orders', rows: data, formats, active: { row: 2, column: 4 } };
}

let customers: SheetData;
beforeAll(async () => {
  customers = await sheetFromXlsx(path.join(ROOT, 'samples/customers.xlsx'), { row: 6, column: 1 });
});

const workbooks: { name: string; data: () => SheetData; accounts: RegExp }[] = [
  { name: 'customers', data: () => customers, accounts: /a customer list: \d{3} accounts/ },
  { name: 'orders', data: ordersSheet, accounts: /a transaction export: 10,001 rows read and rolled up into 800 accounts/ },
];
const panes = [
  { host: 'sheets' as const, open: (data: SheetData, locale?: string) => openSidebar(env.browser, env.url, sheetsBook(data), { locale }) },
  { host: 'excel' as const, open: (data: SheetData, locale?: string) => openTaskpane(env.browser, env.url, excelSeed(data), { locale }) },
];

/** Text a person reads on the page has no raw float in it (more than four decimals, as "0.14670000000000002"). */
async function expectNoRawFloats(pane: WizardPane, where: string): Promise<void> {
  const text = await pane.page.evaluate(() => {
    const inputs = Array.from(document.querySelectorAll('input')).map((i) => i.value);
    return `${document.body.innerText}\n${inputs.join('\n')}`;
  });
  expect(text.match(/\d\.\d{5,}/g) ?? [], `raw floats on ${where}`).toEqual([]);
}

describe.each(panes)('the wizard in the $host pane on real workbooks', ({ host, open }) => {
  it.each(workbooks)('$name: every step readable, built, with a screenshot of each', async ({ name, data, accounts }) => {
    const pane = await open(data());
    const { page } = pane;
    const shot = async (step: string): Promise<void> => {
      await expectNoOverflow(pane, `${name} ${step}`);
      await expectNoRawFloats(pane, `${name} ${step}`);
      await screenshot(pane, `${name}-${step}`);
    };
    await page.click('#start-button');
    // Everything used on the sheet: the sample's list goes on below a blank row.
    await page.check('input[name=scope][value=used]');
    await page.click('#read-button');
    await expect.poll(() => page.textContent('#data-summary'), { timeout: 30_000 }).toMatch(accounts);
    await shot('1-data');
    await next(page, '2. Columns');
    await shot('2-columns');
    await next(page, '3. Attractiveness');
    await shot('3-factors');
    await next(page, '4. Relative strength');
    await shot('4-strength');
    await next(page, '5. Capacity');
    await expect.poll(() => page.textContent('#key-count')).toMatch(/^That allows [\d,]+ key accounts? \([\d,]+ of [\d,]+ team days\)\.$/);
    await shot('5-capacity');
    await next(page, '6. Review');
    await expectReadableMatrix(pane);
    expect((await measureMatrix(page)).labels).toBeGreaterThan(0);
    // The review stays short: key accounts (20 at most, then a count), the flagged ones among them, a count of the rest.
    expect(await page.locator('#key-accounts li').count()).toBeLessThanOrEqual(20);
    expect(await page.textContent('#other-flags')).toMatch(/^([\d,]+ other accounts? carr(y|ies) a flag; after building|No other account carries a flag\.)/);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2600);
    await shot('6-review');
    await next(page, '7. Build');
    await page.click('#build-button');
    await expect.poll(() => page.textContent('#build-result'), { timeout: 60_000 }).toContain('6 sheets created');
    await shot('7-built');
    if (host === 'excel') {
      const dump = await excelDump(pane);
      expect(dump.sheets.map((s) => s.name)).toEqual([data().name, ...Object.values(SHEET_NAMES), HISTORY_SHEET]);
      expect(dump.undoDepth).toBe(1);
    }
    expect(pane.log.errors).toEqual([]);
    await page.close();
  });
});

describe('the wizard in Spanish', () => {
  it('shows numbers as a Spanish user writes them, and reads them back as typed', async () => {
    // A browser in Spanish, and no user locale from the server: the wizard speaks the browser's language.
    const pane = await openSidebar(env.browser, env.url, sheetsBook(customers), { locale: 'es-ES' });
    const { page } = pane;
    await page.click('#start-button');
    await page.check('input[name=scope][value=used]');
    await page.click('#read-button');
    await expect.poll(() => page.textContent('#data-summary')).toMatch(/\d{3} cuentas/);
    await next(page, '2. Columnas');
    await next(page, '3. Atractivo');
    const revenue = page.locator('#factors fieldset').filter({ has: page.locator('legend', { hasText: /^Ventas$/ }) });
    expect(await revenue.locator('input[data-field$="-worst"]').inputValue()).toMatch(/^\d{1,3}(\.\d{3})+$/);
    const margin = page.locator('#factors fieldset').filter({ has: page.locator('legend', { hasText: /^Margen bruto/ }) });
    expect(await margin.locator('input[data-field$="-best"]').inputValue()).toMatch(/^\d+,\d\u00a0%$/);
    // "12,5" in a percentage field is 12.5 %: the next step's preview accepts it.
    await margin.locator('input[data-field$="-best"]').fill('45,5');
    await margin.locator('input[data-field$="-best"]').dispatchEvent('change');
    expect(await margin.locator('input[data-field$="-best"]').inputValue()).toBe('45,5\u00a0%');
    await screenshot(pane, 'es-3-factors');
    await page.close();
  });
});
