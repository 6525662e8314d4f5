// The BUILT Sidebar.html as Apps Script's HtmlService serves it (test/support/html-service.ts): from a
// sandbox origin, written with document.write into a nested frame, after its comment stripping. The
// wizard must connect through google.script.run to the built Code.js and be styled; the same page with
// its slashes unescaped shows the failure the stripping caused ("Connecting…" for ever).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { ARTIFACTS, guardNetwork, useBrowser } from '../support/browser';
import { readDist, ROOT } from '../support/dist';
import { FakeSpreadsheet } from '../support/fake-spreadsheet';
import { openLikeHtmlService, USER_FRAME } from '../support/html-service';
import { sheetsServer } from '../support/sheets-server';

const env = useBrowser();
fs.mkdirSync(ARTIFACTS, { recursive: true });

function customers(): FakeSpreadsheet {
  const ss = new FakeSpreadsheet();
  const sheet = ss.addSheet('Customers', [
    ['Customer', 'Segment', 'Revenue', 'Gross margin', 'Strategic fit'],
    ['Acme', 'Retail', 900000, 0.35, 9],
    ['Bolt', 'Industry', 120000, 0.1, 3],
    ['Corex', 'Retail', 400000, 0.2, 6],
  ]);
  sheet.active = { row: 2, column: 1 };
  return ss;
}

async function userFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.name() === USER_FRAME)).toBe(true);
  return page.frames().find((f) => f.name() === USER_FRAME)!;
}

describe('Sidebar.html served as HtmlService serves it', () => {
  it('connects to the spreadsheet through google.script.run, is styled, and reads the data', async () => {
    const page = await env.browser.newPage({ viewport: { width: 900, height: 700 } });
    const log = await guardNetwork(page, env.url);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openLikeHtmlService(page, readDist('sheets/Sidebar.html'), sheetsServer(customers()));
    const frame = await userFrame(page);
    await expect.poll(() => frame.textContent('#host-status')).toBe('Connected to Google Sheets.');
    // Styled: the accent colour and the body margin come from the inlined style sheet, not browser defaults.
    const look = await frame.evaluate(() => ({
      heading: getComputedStyle(document.querySelector('h1')!).color,
      margin: getComputedStyle(document.body).margin,
      width: document.documentElement.clientWidth,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(look).toEqual({ heading: 'rgb(27, 94, 32)', margin: '0px', width: 300, overflow: 0 });
    await frame.click('#start-button');
    await frame.click('#read-button');
    await expect.poll(() => frame.textContent('#data-summary')).toContain('3 accounts');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-html-service.png') });
    expect(errors).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.blocked).toEqual([]);
    await page.close();
  });

  it('reproduces the reported failure with the bundle inlined as built before: cut at "//", it never starts', async () => {
    // The same page with the raw minified bundle, "/" written plainly ("http://www.w3.org/2000/svg").
    const built = readDist('sheets/Sidebar.html');
    const raw = fs.readFileSync(path.join(ROOT, '.cache/sidebar/sidebar.js'), 'utf8');
    expect(raw).toContain('http://www.w3.org/2000/svg');
    const before = built.replace(/<script>[\s\S]*<\/script>/, () => `<script>\n${raw}\n</script>`);
    const outcomes: { status: string | null; errors: string[] }[] = [];
    for (const strip of [false, true]) {
      const page = await env.browser.newPage();
      await guardNetwork(page, env.url);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await openLikeHtmlService(page, before, sheetsServer(customers()), { strip });
      const frame = await userFrame(page);
      await expect.poll(() => frame.evaluate(() => document.readyState)).toBe('complete');
      if (!strip) await expect.poll(() => frame.textContent('#host-status')).toBe('Connected to Google Sheets.');
      outcomes.push({ status: await frame.textContent('#host-status'), errors });
      await page.close();
    }
    // Without the stripping the old page ran; with it, the script is cut and the sidebar waits for ever.
    expect(outcomes[0]).toEqual({ status: 'Connected to Google Sheets.', errors: [] });
    expect(outcomes[1].status).toBe('Connecting to the spreadsheet…');
    expect(outcomes[1].errors.join(' ')).toMatch(/SyntaxError/);
  });
});
