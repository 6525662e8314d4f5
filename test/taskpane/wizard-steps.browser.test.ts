// The BUILT wizard, step by step, in both hosts: the Sheets sidebar at 300 px (google.script.run bridged to
// the built Code.js over a fake SpreadsheetApp) and the Excel task pane at 350 px (over a fake Office.js
// that keeps to its documented load/sync, typing and undo rules — test/support/fake-excel.ts). At every
// step: no sideways scrolling; on the review, a matrix whose smallest text is 10 px or more as rendered
// and whose texts never overlap; buttons disabled while their action runs; edits kept across Back;
// invalid values blocked at their step with the field named; build, rebuild (asked first) and removal.
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';
import {
  back, excelDump, excelSeed, expectNoOverflow, expectReadableMatrix, next, openSidebar, openTaskpane, screenshot, sheetsBook, type SheetData, type WizardPane,
} from '../support/wizard-pages';
import { CHART_COLUMNS, SHEET_NAMES } from '../../src/core/workbook/plan';
import type { FakeSpreadsheet } from '../support/fake-spreadsheet';
import { HOSTILE_CUSTOMER_ROWS, XSS } from '../support/customer-books';

const env = useBrowser();


/** Six customers, hostile names among them, with their owner's number formats (dollars, a percentage). */
const customers = (): SheetData => ({
  name: 'Customers',
  rows: HOSTILE_CUSTOMER_ROWS.map((row) => [...row]),
  formats: Object.fromEntries([4, 5, 6, 7, 8, 9].flatMap((r) => [[`E${r}`, '"$"#,##0.00'], [`F${r}`, '0.0%']])),
  active: { row: 5, column: 2 },
});

interface Host {
  name: 'sheets' | 'excel';
  open(): Promise<{ pane: WizardPane; book: FakeSpreadsheet | null }>;
}

const hosts: Host[] = [
  {
    name: 'sheets',
    async open() {
      const book = sheetsBook(customers());
      return { pane: await openSidebar(env.browser, env.url, book), book };
    },
  },
  {
    name: 'excel',
    async open() {
      return { pane: await openTaskpane(env.browser, env.url, excelSeed(customers())), book: null };
    },
  },
];

/** The text of the error line under a field. */
const errorFor = (pane: WizardPane, key: string): Promise<string> => pane.page.locator(`[data-error-for="${key}"]`).first().innerText();

/** Clears a number field and types into it as a person would. */
async function typeInto(pane: WizardPane, selector: string, text: string): Promise<void> {
  await pane.page.fill(selector, '');
  await pane.page.type(selector, text);
}

/** Sheet names of the workbook in the host's stand-in. */
async function sheetNames(host: Host['name'], pane: WizardPane, book: FakeSpreadsheet | null): Promise<string[]> {
  return host === 'sheets' ? book!.getSheets().map((s) => s.getName()) : (await excelDump(pane)).sheets.map((s) => s.name);
}

describe.each(hosts)('the wizard in the $name pane, step by step', (host) => {
  it('reads, walks every step and builds, with no overflow, a readable matrix and its buttons disabled while they run; rebuilds only when asked', async () => {
    const { pane, book } = await host.open();
    const { page } = pane;
    await page.click('#start-button');
    await expect.poll(() => page.textContent('#step-title')).toBe('1. Customer data');
    expect(await page.isDisabled('#next-button')).toBe(true);
    expect(await page.textContent('#next-hint')).toContain('Read your customer data first');

    // Reading: the button is disabled and its status sits beside it until the host answers.
    await pane.hold();
    await page.click('#read-button');
    await expect.poll(() => page.isDisabled('#read-button')).toBe(true);
    expect(await page.locator('#read-button + .action-status').textContent()).toMatch(/^Reading the data from (Excel|Google Sheets)…$/);
    expect(await page.isVisible('.action-progress')).toBe(true);
    expect(await page.isDisabled('#next-button')).toBe(true);
    await pane.release();
    await expect.poll(() => page.textContent('#data-summary')).toContain('a customer list: 6 accounts');
    await expect.poll(() => page.isDisabled('#read-button')).toBe(false);
    await expect.poll(() => page.locator('#read-button + .action-status').textContent()).toBe('Read 6 accounts.');
    await expectNoOverflow(pane, 'step 1');
    await screenshot(pane, '1-data');

    await next(page, '2. Columns');
    await expectNoOverflow(pane, 'step 2');
    await next(page, '3. Attractiveness');
    // Scales in the data's units: the revenue scale as money, the margin scale as a percentage.
    const worst = await page.locator('#factors fieldset').first().locator('input[data-field="factor-0-worst"]').inputValue();
    expect(worst).toMatch(/^\d{1,3}(,\d{3})+$/);
    // (The factors: Revenue, Profit, Gross margin, … — docs/method.md.)
    expect(await page.locator('input[data-field="factor-2-best"]').inputValue()).toMatch(/^\d+\.\d%$/);
    await expectNoOverflow(pane, 'step 3');
    await screenshot(pane, '3-factors');
    await next(page, '4. Relative strength');
    await expectNoOverflow(pane, 'step 4');
    await next(page, '5. Capacity');
    await typeInto(pane, '#team-days', '100');
    await expect.poll(() => page.textContent('#key-count')).toMatch(/^That allows \d+ key accounts? \(\d+ of 100 team days\)\.$/);
    await expectNoOverflow(pane, 'step 5');

    await next(page, '6. Review');
    await expectReadableMatrix(pane);
    await expect.poll(() => page.textContent('#key-accounts')).toContain(XSS);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    await expectNoOverflow(pane, 'step 6');
    await screenshot(pane, '6-review');

    await next(page, '7. Build');
    await expect.poll(() => page.textContent('#build-preview')).toContain('Building creates KAM Model, KAM Portfolio, Key accounts, KAM Rewards, KAM Profit.');
    // Building: the button, every other control and Back are disabled; the status is beside the button.
    await pane.hold();
    await page.click('#build-button');
    await expect.poll(() => page.locator('#build-button + .action-status').textContent()).toMatch(/^(Checking the workbook…|Building…|Writing .*…)$/);
    for (const control of ['#build-button', '#rewrite-button', '#back-button']) expect(await page.isDisabled(control), control).toBe(true);
    expect(await page.isVisible('#build-button ~ .action-progress, .action-progress')).toBe(true);
    await pane.release();
    await expect.poll(() => page.textContent('#build-result'), { timeout: 20_000 }).toContain('6 sheets created, 0 updated');
    // The result shows first; the button comes back when the action has finished (on a busy machine, a moment later).
    await expect.poll(() => page.isDisabled('#build-button')).toBe(false);
    await expect.poll(() => page.textContent('#build-button + .action-status')).toBe('The portfolio is built.');
    expect(await page.textContent('#undo-note')).toBe(host.name === 'excel'
      ? 'Undo (Ctrl+Z) in Excel takes this whole build out in one step.'
      : 'To take this build out again, use "Remove what the wizard built" below.');
    await expectNoOverflow(pane, 'step 7');
    await screenshot(pane, '7-built');
    expect(await sheetNames(host.name, pane, book)).toEqual(['Customers', ...Object.values(SHEET_NAMES), HISTORY_SHEET]);

    if (host.name === 'excel') {
      // What Excel holds: number formats in the data's units, the chart's helper columns hidden and plotted, one undo step.
      const dump = await excelDump(pane);
      const portfolio = dump.sheets.find((s) => s.name === SHEET_NAMES.portfolio)!;
      expect(portfolio.cells.E6).toMatchObject({ f: "='Customers'!E4", nf: '"$"#,##0.00' });
      expect(portfolio.cells.A6).toMatchObject({ v: XSS, nf: '@' });
      expect(portfolio.cells.A7).toMatchObject({ v: '=HYPERLINK("http://evil","x")', nf: '@' });
      expect(portfolio.cells.A7.f).toBeUndefined();
      const headers = Object.entries(portfolio.cells).filter(([a]) => /^[A-Z]+5$/.test(a));
      const at = (name: string): string => headers.find(([, c]) => c.v === name)![0].replace('5', '');
      expect(portfolio.cells[`${at('Attractiveness (0-10)')}6`].nf).toBe('0.00');
      expect(portfolio.cells[`${at('Gross margin')}9`].nf).toBe('0.0%');
      expect(portfolio.hidden).toHaveLength(CHART_COLUMNS.length);
      expect(portfolio.charts[0]).toMatchObject({ type: 'Bubble', plotVisibleOnly: false });
      expect(Object.keys(dump.names)).toContain('KAM_Capacity');
      expect(dump.undoDepth).toBe(1);
      expect(dump.runs.filter((r) => r.grouped)).toHaveLength(1);
    }

    // Rebuilding says what it replaces and asks first; Cancel writes nothing.
    await expect.poll(() => page.textContent('#build-button')).toBe('Rebuild: replace 5 sheets…');
    expect(await page.textContent('#build-preview')).toContain('Building again replaces KAM Model, KAM Portfolio, Key accounts, KAM Rewards, KAM Profit');
    const before = host.name === 'excel' ? JSON.stringify((await excelDump(pane)).sheets) : '';
    await page.click('#build-button');
    await expect.poll(() => page.isVisible('#build-confirm')).toBe(true);
    expect(await page.textContent('#build-confirm')).toContain('This replaces KAM Model, KAM Portfolio, Key accounts, KAM Rewards, KAM Profit.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-build');
    await page.click('#cancel-build');
    expect(await page.isVisible('#build-confirm')).toBe(false);
    if (host.name === 'excel') expect(JSON.stringify((await excelDump(pane)).sheets)).toBe(before);
    await page.click('#build-button');
    await page.click('#confirm-build');
    await expect.poll(() => page.textContent('#build-result'), { timeout: 20_000 }).toContain('0 sheets created, 6 updated');
    await screenshot(pane, '7-rebuilt');

    if (host.name === 'excel') {
      // The rebuild is one undo step too: Ctrl+Z brings back the first build exactly.
      expect((await excelDump(pane)).undoDepth).toBe(2);
      expect(await page.evaluate(() => (window as any).__excel.undo())).toBe(true);
      expect(JSON.stringify((await excelDump(pane)).sheets)).toBe(before);
    }

    // Rewriting formulas: its button disabled while it runs, its count beside it.
    await pane.hold();
    await page.click('#rewrite-button');
    await expect.poll(() => page.isDisabled('#rewrite-button')).toBe(true);
    expect(await page.isDisabled('#build-button')).toBe(true);
    await pane.release();
    await expect.poll(() => page.textContent('#rewrite-result')).toMatch(/^No cell needed changing/);

    // Removing what the wizard built: asked first, then only its own sheets go.
    await page.click('#remove-button');
    await expect.poll(() => page.textContent('#remove-confirm')).toContain('This deletes KAM Model, KAM Portfolio, Key accounts, KAM Rewards, KAM Profit, KAM History and the KAM_… named ranges. It cannot be undone');
    await page.click('#confirm-remove');
    await expect.poll(() => page.textContent('#build-result')).toMatch(/^Removed KAM Model, KAM Portfolio, Key accounts, KAM Rewards, KAM Profit, KAM History and 1\d named ranges\.$/);
    expect(await page.isVisible('#remove-button')).toBe(false);
    expect(await sheetNames(host.name, pane, book)).toEqual(['Customers']);
    await expect.poll(() => page.textContent('#build-preview')).toContain('Building creates KAM Model, KAM Portfolio, Key accounts, KAM Rewards, KAM Profit.');
    if (host.name === 'excel') expect(Object.keys((await excelDump(pane)).names)).toEqual([]);
    expect(pane.log.errors).toEqual([]);
    expect(pane.log.blocked).toEqual([]);
    await page.close();
  });

  it('blocks invalid values at their step, naming the field, and keeps every edit across Back', async () => {
    const { pane } = await host.open();
    const { page } = pane;
    await page.click('#start-button');
    await page.click('#read-button');
    await expect.poll(() => page.textContent('#data-summary')).toContain('6 accounts');
    await next(page, '2. Columns');
    await next(page, '3. Attractiveness');

    // A negative weight: the field says so, Next is disabled with the reason beside it.
    await typeInto(pane, '[data-weight="0"]', '-20');
    await expect.poll(() => errorFor(pane, 'factor-0-weight')).toBe('Weight of "Revenue": must be 0 or more (it is -20).');
    expect(await page.getAttribute('[data-weight="0"]', 'aria-invalid')).toBe('true');
    expect(await page.isDisabled('#next-button')).toBe(true);
    expect(await page.textContent('#next-hint')).toContain('Weight of "Revenue"');
    await expectNoOverflow(pane, 'step 3 with a wrong weight');
    await screenshot(pane, '3-invalid-weight');
    await typeInto(pane, '[data-weight="0"]', '40');
    await expect.poll(() => page.isDisabled('#next-button')).toBe(false);
    expect(await errorFor(pane, 'factor-0-weight')).toBe('');

    // Worst equal to best, then every weight 0: each blocked with its reason.
    const best0 = await page.inputValue('[data-field="factor-0-best"]');
    await typeInto(pane, '[data-field="factor-0-worst"]', best0);
    await expect.poll(() => errorFor(pane, 'factor-0-best')).toMatch(/^Best value of "Revenue": it equals the worst value \([\d,]+\); give two different values\.$/);
    expect(await page.isDisabled('#next-button')).toBe(true);
    await typeInto(pane, '[data-field="factor-0-worst"]', '100000');
    const factors = await page.locator('[data-weight]').count();
    for (let i = 0; i < factors; i++) await typeInto(pane, `[data-weight="${i}"]`, '0');
    await expect.poll(() => errorFor(pane, 'factors')).toBe('Weights: give at least one factor more than 0 points.');
    expect(await page.isDisabled('#next-button')).toBe(true);
    await typeInto(pane, '[data-weight="0"]', '40');
    await typeInto(pane, '[data-weight="1"]', '30');

    // An added factor: its scale comes from the data, not 0 to 10.
    await page.click('#add-factor');
    await expect.poll(() => page.locator('#factors fieldset').count()).toBe(factors + 1);
    await typeInto(pane, `[data-weight="${factors}"]`, '15');
    await expect.poll(() => page.isDisabled('#next-button')).toBe(false);

    // Strength: a column source defaults to a column that is not money, against the median, not Revenue against 1.
    await next(page, '4. Relative strength');
    await page.selectOption('#strength-kind', 'column');
    await expect.poll(() => page.locator('#strength-detail > .field select').inputValue()).not.toBe('revenue');
    expect(await page.inputValue('#strength-cut')).toBe('');
    await page.selectOption('#strength-kind', 'stage');
    await expect.poll(() => page.inputValue('#strength-cut')).toBe('1.00');
    // Cuts inside their scales.
    await typeInto(pane, '#strength-cut', '3');
    await expect.poll(() => errorFor(pane, 'strength-cut')).toMatch(/^Strength cut: at 3\.00 every account would count as weak \(strengths run from 0\.50 to 1\.50\)/);
    await typeInto(pane, '#attractiveness-cut', '12');
    await expect.poll(() => errorFor(pane, 'attractiveness-cut')).toBe('Attractiveness cut: type a number more than 0 and at most 10 (it is 12.0), or leave it blank for the median.');
    expect(await page.isDisabled('#next-button')).toBe(true);
    await typeInto(pane, '#strength-cut', '1');
    await page.fill('#attractiveness-cut', '');
    await page.dispatchEvent('#attractiveness-cut', 'input');
    await expect.poll(() => page.isDisabled('#next-button')).toBe(false);

    // Capacity above 0.
    await next(page, '5. Capacity');
    await typeInto(pane, '#team-days', '0');
    await expect.poll(() => errorFor(pane, 'capacity-days')).toBe('Team days a year for key accounts: type a number more than 0 (it is 0).');
    expect(await page.isDisabled('#next-button')).toBe(true);
    expect(await page.textContent('#capacity-result')).toContain('Fix the values marked above');
    await typeInto(pane, '#team-days', '90');

    // Back to the columns: changing one column touches only what uses it.
    await back(page, '4. Relative strength');
    await back(page, '3. Attractiveness');
    await back(page, '2. Columns');
    await page.selectOption('select[data-role=segment]', '');
    await next(page, '3. Attractiveness');
    expect(await page.inputValue('[data-weight="0"]')).toBe('40');
    expect(await page.inputValue('[data-weight="1"]')).toBe('30');
    expect(await page.locator('#factors fieldset').count()).toBe(factors + 1);
    await back(page, '2. Columns');
    await page.selectOption('select[data-role=margin]', '');
    await expect.poll(() => page.textContent('#wizard-status')).toContain('Factor "Gross margin" was removed: its column (Gross margin) is no longer used.');
    await next(page, '3. Attractiveness');
    expect(await page.inputValue('[data-weight="0"]')).toBe('40');
    expect(await page.locator('#factors legend').allTextContents()).not.toContain('Gross margin');
    await next(page, '4. Relative strength');
    expect(await page.inputValue('#strength-cut')).toBe('1.00');
    await next(page, '5. Capacity');
    expect(await page.inputValue('#team-days')).toBe('90');
    await next(page, '6. Review');
    await expectReadableMatrix(pane);
    expect(pane.log.errors).toEqual([]);
    await page.close();
  });
});
