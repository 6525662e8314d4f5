// Test support: Debian's chromium driven by playwright-core, a loopback server for dist/, office.js
// served from the npm package, and every other request refused (the add-in must need no network).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST, ROOT } from './dist';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_PACKAGE = path.join(ROOT, 'node_modules/@microsoft/office-js/dist/');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml',
};

/** Serves a folder on 127.0.0.1 (a random port). */
export async function serve(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(folder, pathname);
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    // playwright runs headless and gives every launch a fresh, empty profile directory of its own.
    headless: true,
  });
}

export interface PageLog {
  errors: string[];
  blocked: string[];
}

/**
 * Routes a page's requests: the loopback origin passes, office.js comes from the npm package, and
 * anything else is refused and recorded.
 */
export async function guardNetwork(page: Page, origin: string): Promise<PageLog> {
  const log: PageLog = { errors: [], blocked: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
  });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const file = path.join(OFFICE_PACKAGE, url.slice(OFFICE_CDN.length).split('?')[0]);
      if (fs.existsSync(file)) return route.fulfill({ path: file, contentType: 'text/javascript' });
    }
    log.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return log;
}

export const EXCEL_DIST = path.join(DIST, 'excel');
export const SHEETS_DIST = path.join(DIST, 'sheets');
export const ARTIFACTS = path.join(ROOT, 'test-results');

/**
 * For a test file: one Chromium and one loopback server over dist/ for all its tests, closed at the end.
 * Read `browser` and `url` inside tests (they are set once beforeAll has run).
 */
export function useBrowser(folder = DIST): { browser: Browser; url: string } {
  const env = {} as { browser: Browser; url: string; close?: () => Promise<void> };
  beforeAll(async () => {
    env.browser = await launch();
    const server = await serve(folder);
    env.url = server.url;
    env.close = server.close;
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.close?.();
  });
  return env;
}
