// The BUILT wizard in both languages, in real Chromium at 300 px on the bundled sample workbook:
// - a pseudo-localisation walk (every catalog message wrapped in ⟦…⟧ and ~30 % longer) through all seven steps
//   and a build: no text a person reads (nor an aria-label, title or placeholder) is unmarked English, nothing
//   scrolls sideways;
// - the same walk in Spanish: no English sentence left, no overflow, a screenshot of every step to look at;
// - the language switch mid-wizard: the step is drawn again in the other language with every edit kept, and the
//   choice is remembered for the next time the pane opens;
// - the host's language chooses: Excel's Office.context.displayLanguage "es-ES" ("the locale (or language) of the
//   user interface of the Office application", https://learn.microsoft.com/office/dev/add-ins/develop/localization)
//   and Sheets' Session.getActiveUserLocale() "es" ("the language setting of the current user as a string—for
//   example, en for English", https://developers.google.com/apps-script/reference/base/session).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser';
import { ROOT } from '../support/dist';
import {
  excelSeed, expectNoOverflow, expectReadableMatrix, measureMatrix, next, openSidebar, openTaskpane, screenshot, sheetFromXlsx, sheetsBook, type SheetData, type WizardPane,
} from '../support/wizard-pages';
import { CATALOGS, type MessageId } from '../../src/core/i18n';
import { dataStrings, englishTexts, pseudoCatalog, shownTexts, taskpaneWithCatalog, unmarked, type ShownText } from './pseudo-locale';

const env = useBrowser();

let customers: SheetData;
let data: string[];
beforeAll(async () => {
  customers = await sheetFromXlsx(path.join(ROOT, 'samples/customers.xlsx'), { row: 6, column: 1 });
  data = dataStrings(customers.rows);
});

const STEPS: MessageId[] = [
  'wizard.step.data', 'wizard.step.columns', 'wizard.step.attractiveness', 'wizard.step.strength', 'wizard.step.capacity', 'wizard.step.review', 'wizard.step.build',
];

/**
 * Walks all seven steps on the sample (everything used on the sheet), builds, and calls `look` at each step
 * (after its content is there) with the step's name; `titles` are the step titles in the pane's language.
 */
async function walk(pane: WizardPane, titles: string[], look: (step: string) => Promise<void>, matrix: 'readable' | 'sized' = 'readable'): Promise<void> {
  const { page } = pane;
  await page.click('#start-button');
  await expect.poll(() => page.textContent('#step-title')).toBe(titles[0]);
  await page.check('input[name=scope][value=used]');
  await page.click('#read-button');
  await expect.poll(() => page.locator('#data-summary p').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await look('1-data');
  for (let step = 1; step < titles.length; step++) {
    await next(page, titles[step]);
    if (step === 4) await expect.poll(() => page.locator('#key-count').count()).toBe(1);
    if (step === 5) {
      if (matrix === 'readable') await expectReadableMatrix(pane);
      else {
        // The matrix lays its legend and quadrant names out for the real words' widths (matrix-chart.ts); the
        // pseudo words are a third longer than any language's, so only size and width are held to here.
        const m = await measureMatrix(pane.page);
        expect(m.smallest).toBeGreaterThanOrEqual(10);
        expect(m.width).toBeLessThanOrEqual(pane.width);
      }
      // Every panel open, so its words are read too; the moves panel says there is no earlier build.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await expect.poll(() => page.locator('#moves-summary').count()).toBe(1);
    }
    if (step === 6) await expect.poll(() => page.locator('#build-preview p').first().textContent()).not.toBe('');
    await look(`${step + 1}-${STEPS[step].split('.').pop()}`);
  }
  await page.click('#build-button');
  await expect.poll(() => page.locator('#build-result p').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  await look('7-built');
}

const report = (texts: ShownText[]): string => texts.map((t) => `${t.where}: "${t.text}"`).join('\n');

describe('pseudo-localisation: every text the wizard shows comes from the catalogs', () => {
  it('walks all seven steps and builds at 300 px with no unmarked English text and no overflow', async () => {
    const pseudo = pseudoCatalog();
    const pane = await openTaskpane(env.browser, env.url, { ...excelSeed(customers), displayLanguage: 'es-ES' }, { width: 300, script: taskpaneWithCatalog(pseudo) });
    const found: ShownText[] = [];
    const look = async (step: string): Promise<void> => {
      await expectNoOverflow(pane, `pseudo ${step}`);
      for (const t of unmarked(await shownTexts(pane.page), data)) found.push({ ...t, where: `${step} ${t.where}` });
    };
    // The first screen, before Start, is the catalog's too.
    expect(await pane.page.textContent('h1')).toBe(pseudo['wizard.start.heading']);
    await look('0-start');
    await walk(pane, STEPS.map((id) => pseudo[id]!), look, 'sized');
    await screenshot(pane, 'pseudo-7-built');
    expect(report(found)).toBe('');
    expect(pane.log.errors).toEqual([]);
    await pane.page.close();
  });
});

describe('the wizard in Spanish', () => {
  it('walks all seven steps and builds in the Sheets sidebar at 300 px: no English sentence, no overflow, a screenshot of each step', async () => {
    const pane = await openSidebar(env.browser, env.url, sheetsBook(customers), { userLocale: 'es' });
    const { page } = pane;
    expect(await page.textContent('#host-status')).toBe('Conectado a Hojas de cálculo de Google.');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    const found: ShownText[] = [];
    const look = async (step: string): Promise<void> => {
      await expectNoOverflow(pane, `Spanish ${step}`);
      for (const t of englishTexts(await shownTexts(page), data)) found.push({ ...t, where: `${step} ${t.where}` });
      await screenshot(pane, `es-${step}`);
    };
    await look('0-start');
    await walk(pane, STEPS.map((id) => CATALOGS.es[id]!), async (step) => {
      await look(step);
      if (step === '1-data') expect(await page.textContent('#data-summary')).toMatch(/una lista de clientes: \d{3} cuentas/);
      if (step === '5-capacity') expect(await page.textContent('#key-count')).toMatch(/^Eso permite [\d.]+ cuentas? clave \([\d.]+ de [\d.]+ días de equipo\)\.$/);
    });
    expect(report(found)).toBe('');
    expect(pane.log.errors).toEqual([]);
    await page.close();
  });
});

/** The value in a factor's weight box, found by the factor's legend. */
const weightOf = (page: Page, legend: RegExp) =>
  page.locator('#factors fieldset').filter({ has: page.locator('legend', { hasText: legend }) }).locator('input[data-weight]');

describe('the language switch', () => {
  it('draws the current step again in the other language, keeps every edit, and is remembered', async () => {
    const pane = await openTaskpane(env.browser, env.url, excelSeed(customers), { width: 300 });
    const { page } = pane;
    const en = CATALOGS.en as Record<MessageId, string>;
    const es = CATALOGS.es as Record<MessageId, string>;
    expect(await page.getAttribute('#language-switch button[lang=en]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#language-switch', 'aria-label')).toBe('Language');
    await page.click('#start-button');
    await page.check('input[name=scope][value=used]');
    await page.click('#read-button');
    await expect.poll(() => page.locator('#data-summary p').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await next(page, en['wizard.step.columns']);
    await next(page, en['wizard.step.attractiveness']);
    // Edits: a factor renamed, a weight of 1234.5 points.
    const first = page.locator('#factors fieldset').first();
    await first.locator('input[data-field$="-name"]').fill('Wallet size');
    await first.locator('input[data-weight]').fill('1234.5');
    await first.locator('input[data-weight]').dispatchEvent('change');
    expect(await first.locator('input[data-weight]').inputValue()).toBe('1,234.5');

    await page.click('#language-switch button[lang=es]');
    await expect.poll(() => page.textContent('#step-title')).toBe(es['wizard.step.attractiveness']);
    expect(await page.textContent('#step-count')).toBe('Paso 3 de 7');
    expect(await page.textContent('#next-button')).toBe('Siguiente');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.getAttribute('#language-switch button[lang=es]', 'aria-pressed')).toBe('true');
    // The edits, now in Spanish conventions: 1.234,5 points.
    expect(await weightOf(page, /^Wallet size$/).inputValue()).toBe('1.234,5');
    expect(await page.textContent('#points-total')).toMatch(/^Total: [\d.]+(,\d)? de 100 puntos/);
    await expectNoOverflow(pane, 'switched to Spanish at step 3');
    await screenshot(pane, 'switch-3-es');
    // Typing in Spanish conventions is read as such.
    await weightOf(page, /^Wallet size$/).fill('2.000');
    await weightOf(page, /^Wallet size$/).dispatchEvent('change');
    await next(page, es['wizard.step.strength']);
    await page.click('#back-button');
    await expect.poll(() => page.textContent('#step-title')).toBe(es['wizard.step.attractiveness']);
    expect(await weightOf(page, /^Wallet size$/).inputValue()).toBe('2.000');

    await page.click('#language-switch button[lang=en]');
    await expect.poll(() => page.textContent('#step-title')).toBe(en['wizard.step.attractiveness']);
    expect(await weightOf(page, /^Wallet size$/).inputValue()).toBe('2,000');
    await page.click('#language-switch button[lang=es]');

    // Remembered per user (this browser's storage), over Office's English: the next pane opens in Spanish.
    await page.reload();
    await expect.poll(() => page.textContent('h1')).toBe(es['wizard.start.heading']);
    expect(await page.textContent('#start-button')).toBe('Empezar');
    expect(pane.log.errors).toEqual([]);
    await page.close();
  });

  it('takes what the build writes into the switched language (the plan follows the wizard)', async () => {
    const pane = await openTaskpane(env.browser, env.url, excelSeed(customers), { width: 300 });
    const { page } = pane;
    await page.click('#language-switch button[lang=es]');
    await page.click('#start-button');
    await page.check('input[name=scope][value=used]');
    await page.click('#read-button');
    await expect.poll(() => page.locator('#data-summary p').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const id of STEPS.slice(1)) await next(page, CATALOGS.es[id]!);
    await page.click('#build-button');
    await expect.poll(() => page.textContent('#build-result'), { timeout: 60_000 }).toMatch(/^Hecho: \d+ hojas creadas/);
    expect(await page.textContent('#undo-note')).toBe(CATALOGS.es['wizard.build.undoExcel']);
    await page.close();
  });
});

describe('the host chooses the language', () => {
  it('Excel with Office in Spanish (displayLanguage "es-ES") opens in Spanish', async () => {
    const pane = await openTaskpane(env.browser, env.url, { ...excelSeed(customers), displayLanguage: 'es-ES' }, { width: 300 });
    expect(await pane.page.textContent('#host-status')).toBe('Conectado a Excel.');
    expect(await pane.page.textContent('h1')).toBe(CATALOGS.es['wizard.start.heading']);
    await pane.page.close();
  });

  it.each([
    ['es', 'es', 'Conectado a Hojas de cálculo de Google.'],
    ['es_419', 'es', 'Conectado a Hojas de cálculo de Google.'],
    ['fr', 'en', 'Connected to Google Sheets.'],
  ])('Sheets with the user locale "%s" opens in %s', async (userLocale, language, status) => {
    const pane = await openSidebar(env.browser, env.url, sheetsBook(customers), { userLocale });
    expect(await pane.page.textContent('#host-status')).toBe(status);
    expect(await pane.page.getAttribute('html', 'lang')).toBe(language);
    await pane.page.close();
  });
});
