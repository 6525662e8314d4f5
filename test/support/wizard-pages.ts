// Test support: the BUILT wizard pages in Chromium, each against its host's stand-in — the Sheets sidebar
// (Sidebar.html) with google.script.run bridged to the built Code.js over a fake SpreadsheetApp, and the
// Excel task pane (taskpane.html) over the fake Office.js of fake-excel.ts — plus what every step is
// checked for: no sideways scrolling, a matrix readable as drawn, a gate to look at the pane mid-action.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, guardNetwork, type PageLog } from './browser';
import { appsScriptGlobals, FakeSpreadsheet } from './fake-spreadsheet';
import { sheetsServer } from './sheets-server';
import { loadSheetsBundle } from './dist';
import { installFakeExcel, type ExcelDump, type ExcelSeed, type ExcelSeedValue } from './fake-excel';

/** google.script.run as the sidebar sees it, forwarding each call to the Node-side bridge (a test-only init script). */
export const BRIDGE = `
(() => {
  const runner = (ok, fail) => new Proxy({}, {
    get(_, name) {
      if (name === 'withSuccessHandler') return (fn) => runner(fn, fail);
      if (name === 'withFailureHandler') return (fn) => runner(ok, fn);
      return (...args) => {
        window.__kamBridge(String(name), JSON.stringify(args)).then(
          (text) => { const r = JSON.parse(text); if (r.error) { fail && fail(new Error(r.error)); } else { ok && ok(r.value); } },
          (e) => fail && fail(e));
      };
    },
  });
  window.google = { script: { run: runner(null, null) } };
})();`;

/** A pane under test: its page, its host, and a gate that holds the host's answers until released. */
export interface WizardPane {
  page: Page;
  host: 'sheets' | 'excel';
  width: number;
  log: PageLog;
  hold(): Promise<void>;
  release(): Promise<void>;
}

/**
 * The built server over `book` with Apps Script's Session saying the user's locale: Session.getActiveUserLocale()
 * "Gets the language setting of the current user as a string—for example, en for English"
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUserLocale()), or es_419 for Latin
 * American Spanish.
 */
function serverFor(book: FakeSpreadsheet, userLocale: string): (name: string, args: unknown[]) => unknown {
  const gas = loadSheetsBundle({ ...appsScriptGlobals(book), Session: { getActiveUserLocale: () => userLocale } });
  return (name, args) => {
    if (!/^kam[A-Z]\w+$/.test(name) || typeof gas[name] !== 'function') throw new Error(`Script function not found: ${name}`);
    const result = gas[name](...JSON.parse(JSON.stringify(args)));
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  };
}

/** The first screen has found its host (the rewrite tool appears only then), in whichever language it speaks. */
const connected = (page: Page): Promise<boolean> => page.evaluate(() => document.getElementById('first-tools') !== null && !/…$/.test(document.getElementById('host-status')?.textContent ?? ''));

/**
 * The Sheets sidebar (300 px, as Google shows it) over `book`. `userLocale` is what Session.getActiveUserLocale()
 * answers (without it the stand-in has no Session, and the wizard falls back to English).
 */
export async function openSidebar(browser: Browser, origin: string, book: FakeSpreadsheet, options: { width?: number; locale?: string; userLocale?: string } = {}): Promise<WizardPane> {
  const call = options.userLocale === undefined ? sheetsServer(book) : serverFor(book, options.userLocale);
  const page = await browser.newPage({ viewport: { width: options.width ?? 300, height: 800 }, locale: options.locale ?? 'en-US' });
  // A step that waits longer than this is stuck: fail there, with the step in the message.
  page.setDefaultTimeout(15_000);
  const log = await guardNetwork(page, origin);
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  await page.exposeFunction('__kamBridge', async (name: string, args: string) => {
    if (gate) await gate;
    try {
      return JSON.stringify({ value: call(name, JSON.parse(args)) });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  await page.addInitScript(BRIDGE);
  await page.goto(`${origin}/sheets/Sidebar.html`);
  await expect.poll(() => connected(page)).toBe(true);
  if (options.userLocale === undefined && !options.locale) expect(await page.textContent('#host-status')).toBe('Connected to Google Sheets.');
  return {
    page, host: 'sheets', width: options.width ?? 300, log,
    hold: async () => { gate = new Promise((resolve) => { open = resolve; }); },
    release: async () => { gate = null; open?.(); },
  };
}

/**
 * The Excel task pane (350 px, a common task-pane width) over the fake Office.js seeded with `seed` (its
 * displayLanguage is Office's UI language). `script` replaces the built taskpane.js (a test variant of it).
 */
export async function openTaskpane(browser: Browser, origin: string, seed: ExcelSeed, options: { width?: number; locale?: string; script?: string } = {}): Promise<WizardPane> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 350, height: 800 }, locale: options.locale ?? 'en-US' });
  page.setDefaultTimeout(15_000);
  const log: PageLog = { errors: [], blocked: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') log.errors.push(msg.text()); });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  // office.js itself is not loaded: the stand-in installed before the page's scripts is the host.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (options.script !== undefined && url === `${origin}/excel/taskpane.js`) return route.fulfill({ body: options.script, contentType: 'text/javascript' });
    if (url.startsWith(origin)) return route.continue();
    if (!/appsforoffice\.microsoft\.com/.test(url)) log.blocked.push(url);
    return route.fulfill({ body: '', contentType: 'text/javascript' });
  });
  await page.addInitScript(installFakeExcel, seed);
  await page.goto(`${origin}/excel/taskpane.html`);
  await expect.poll(() => connected(page)).toBe(true);
  if (!seed.displayLanguage && !options.locale && options.script === undefined) expect(await page.textContent('#host-status')).toBe('Connected to Excel.');
  return {
    page, host: 'excel', width: options.width ?? 350, log,
    hold: () => page.evaluate(() => (window as any).__excel.hold()),
    release: () => page.evaluate(() => (window as any).__excel.release()),
  };
}

export const excelDump = (pane: WizardPane): Promise<ExcelDump> => pane.page.evaluate(() => (window as any).__excel.dump());

/** Moves on with Next and waits for the step; focus lands on its heading. */
export async function next(page: Page, title: string): Promise<void> {
  await expect.poll(() => page.isDisabled('#next-button'), { message: `Next is disabled before "${title}": ${await page.textContent('#next-hint')}` }).toBe(false);
  await page.click('#next-button');
  await expect.poll(() => page.textContent('#step-title')).toBe(title);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
}

export async function back(page: Page, title: string): Promise<void> {
  await page.click('#back-button');
  await expect.poll(() => page.textContent('#step-title')).toBe(title);
}

/** No sideways scrolling at the pane's width. */
export async function expectNoOverflow(pane: WizardPane, where: string): Promise<void> {
  const overflow = await pane.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scrolling at ${pane.width} px on ${where}`).toBeLessThanOrEqual(0);
}

/** What the drawn matrix measures in the page: its smallest text as rendered, and any two texts whose boxes overlap. */
export async function measureMatrix(page: Page): Promise<{ texts: number; smallest: number; overlaps: string[]; width: number; labels: number }> {
  return page.evaluate(() => {
    const svg = document.querySelector('figure.matrix svg') as SVGSVGElement | null;
    if (!svg) return { texts: 0, smallest: 0, overlaps: ['no matrix drawn'], width: 0, labels: 0 };
    const texts = Array.from(svg.querySelectorAll('text')).filter((t) => (t.textContent ?? '').trim() !== '');
    const scale = svg.getScreenCTM()!.a;
    const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const boxes = texts.map((t) => t.getBoundingClientRect());
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`"${texts[i].textContent}" / "${texts[j].textContent}"`);
      }
    }
    return { texts: texts.length, smallest: Math.min(...sizes), overlaps, width: svg.getBoundingClientRect().width, labels: svg.querySelectorAll('text[data-label=account]').length };
  });
}

/** The matrix as shown: text at least 10 px as rendered, no two texts on top of each other, drawn to the pane's width. */
export async function expectReadableMatrix(pane: WizardPane): Promise<void> {
  const m = await measureMatrix(pane.page);
  expect(m.texts).toBeGreaterThan(10);
  expect(m.smallest, 'smallest matrix text in px as rendered').toBeGreaterThanOrEqual(10);
  expect(m.overlaps).toEqual([]);
  expect(m.width).toBeLessThanOrEqual(pane.width);
  expect(m.width).toBeGreaterThan(pane.width - 60);
}

/** A full-page screenshot in test-results/ (named by host, width and step) for people to look at. */
export async function screenshot(pane: WizardPane, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, 'wizard', `${pane.host}-${pane.width}-${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await pane.page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---- Workbooks for the stand-ins ----

export interface SheetData {
  name: string;
  rows: (string | number | boolean | Date | null)[][];
  /** Number formats by cell address, as the sheet's owner set them. */
  formats: Record<string, string>;
  /** The cell to select before reading (1-based). */
  active: { row: number; column: number };
}

/** A sheet of a real .xlsx file: its values (dates as dates) and the number formats of its cells. */
export async function sheetFromXlsx(file: string, active: { row: number; column: number }): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const rows: SheetData['rows'] = [];
  const formats: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: SheetData['rows'][number] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      let v: unknown = cell.value;
      if (v && typeof v === 'object' && !(v instanceof Date)) v = 'result' in v ? (v as { result: unknown }).result : 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : String(v);
      out.push(v === undefined ? null : (v as SheetData['rows'][number][number]));
      if (cell.numFmt && cell.numFmt !== 'General' && v !== null && v !== undefined) formats[cell.address] = cell.numFmt;
    }
    rows[r - 1] = out;
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []), formats, active };
}

/** Excel's serial day number of a date (1900 system), as Office.js reports a date cell's value. */
const serial = (d: Date): number => Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** The sheet as the fake Excel holds it (dates as serial numbers with a date format). */
export function excelSeed(data: SheetData, requirementSets: Record<string, string> = { ExcelApi: '1.20' }): ExcelSeed {
  const rows: ExcelSeedValue[][] = data.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : v)));
  return {
    sheets: [{ name: data.name, rows, formats: Object.entries(data.formats).map(([range, format]) => ({ range, format })) }],
    active: { sheet: data.name, ...data.active },
    requirementSets,
  };
}

/** The sheet as the fake SpreadsheetApp holds it (dates as Date objects, as Sheets gives them). */
export function sheetsBook(data: SheetData): FakeSpreadsheet {
  const ss = new FakeSpreadsheet();
  const sheet = ss.addSheet(data.name, data.rows as (string | number | boolean | null)[][]);
  data.rows.forEach((r, i) => r.forEach((v, j) => { if (v instanceof Date) sheet.cell(i + 1, j + 1).value = v; }));
  for (const [a1, format] of Object.entries(data.formats)) sheet.getRange(a1).setNumberFormat(format);
  sheet.active = data.active;
  return ss;
}
