// The built taskpane page in headless Chromium outside Office: office.js from the npm package, no
// network, and the first screen shown without console errors.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, guardNetwork, SHEETS_DIST, useBrowser } from '../support/browser';

const env = useBrowser();
fs.mkdirSync(ARTIFACTS, { recursive: true });

describe('taskpane.html outside Office', () => {
  it('shows the first screen, says it is not in a spreadsheet, and logs no errors', async () => {
    const page = await env.browser.newPage({ viewport: { width: 320, height: 640 } });
    const log = await guardNetwork(page, env.url);
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.textContent('#host-status')).toContain('Open this page from Excel');
    expect(await page.isVisible('h1')).toBe(true);
    expect(await page.textContent('h1')).toBe('Key account portfolio');
    expect(await page.isDisabled('#start-button')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-first-screen.png') });
    const ownErrors = log.errors.filter((e) => !log.blocked.some((url) => e.includes(url)) && !e.includes('ERR_BLOCKED_BY_CLIENT'));
    expect(ownErrors).toEqual([]);
    // office.js may try to reach Microsoft (telemetry); our own code must not reach anywhere.
    expect(log.blocked.filter((url) => !/microsoft|office|live\.com|msocdn/i.test(url))).toEqual([]);
    await page.close();
  });
});

describe('Sidebar.html (the Sheets sidebar) at 300 px', () => {
  it('renders the same first screen from its inlined script without errors', async () => {
    const page = await env.browser.newPage({ viewport: { width: 300, height: 600 } });
    const log = await guardNetwork(page, env.url);
    expect(fs.existsSync(path.join(SHEETS_DIST, 'Sidebar.html'))).toBe(true);
    await page.goto(`${env.url}/sheets/Sidebar.html`);
    await expect.poll(() => page.textContent('#host-status')).toContain('Open this page from');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-first-screen.png') });
    expect(log.errors).toEqual([]);
    expect(log.blocked).toEqual([]);
    await page.close();
  });
});
