// The Excel taskpane at the edges of its hosts, on the built dist/excel files in Chromium:
// - office.js frames a page of its own origin on some hosts: the CSP lets that frame in, and no other;
// - without CustomFunctions (page opened outside Excel, office.js blocked) nothing throws and the page
//   says what is wrong;
// - Office builds without WebView2 show the pane in Internet Explorer, which cannot parse the ES2020
//   bundles (Microsoft, "Support older Microsoft webviews and Office versions"): legacy-check.js parses
//   there and says so. IE cannot run here: acorn at ES3/ES5 stands in for its parser, and a bundle that
//   does not parse stands in for what IE makes of ours.
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { guardNetwork, useBrowser } from '../support/browser';
import { readDist } from '../support/dist';

const env = useBrowser();
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

describe('taskpane.html in its Content-Security-Policy', () => {
  it('lets office.js frame its own origin and refuses a frame from anywhere else', async () => {
    const page = await env.browser.newPage();
    const log = await guardNetwork(page, env.url);
    await page.route('https://appsforoffice.microsoft.com/lib/1/hosted/trust.html', (route) => route.fulfill({ body: '<p>office</p>', contentType: 'text/html' }));
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.textContent('#host-status')).toContain('Open this page from');
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      for (const src of ['https://appsforoffice.microsoft.com/lib/1/hosted/trust.html', 'https://example.com/frame.html']) {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return seen;
    });
    // Chromium reports a refused frame's origin only.
    expect(violations).toEqual(['frame-src https://example.com']);
    expect(log.blocked.filter((u) => u.includes('example.com'))).toEqual([]);
    await page.close();
  });
});

describe('taskpane.html when office.js cannot load', () => {
  it('does not throw "CustomFunctions is not defined" and says office.js could not be loaded', async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    // Only the add-in's own files are served: office.js (Microsoft's CDN) is unreachable.
    await page.route('**/*', (route) => (route.request().url().startsWith(env.url) ? route.continue() : route.abort('internetdisconnected')));
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.textContent('#host-status')).toContain("Microsoft's Office library (office.js, from appsforoffice.microsoft.com) could not be loaded");
    expect(await page.getAttribute('#host-status', 'class')).toContain('error');
    expect(await page.isDisabled('#start-button')).toBe(true);
    expect(errors).toEqual([]);
    expect(warnings.join('\n')).toContain('KAM Portfolio: the KAM functions were not registered');
    await page.close();
  });
});

describe('legacy-check.js and the bundles under Internet Explorer', () => {
  it('parses as ES3, while the ES2020 bundles do not parse as ES5 (what IE 11 understands)', () => {
    expect(() => parse(readDist('excel/legacy-check.js'), { ecmaVersion: 3 })).not.toThrow();
    for (const bundle of ['excel/taskpane.js', 'excel/functions.js']) {
      expect(() => parse(readDist(bundle), { ecmaVersion: 5 }), bundle).toThrow();
    }
  });

  it('is the first script of the page, before office.js and the bundles, with IE kept out of IE7 mode', () => {
    const html = readDist('excel/taskpane.html');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('legacy-check.js');
    expect(html).toMatch(/<meta http-equiv="X-UA-Compatible" content="IE=edge">/);
  });

  it.each([
    ['Internet Explorer (no WebView2)', IE11, 'en-US', 'KAM Portfolio needs Microsoft Edge WebView2, and this copy of Office shows add-ins with Internet Explorer.'],
    ['another browser', undefined, 'en-US', 'KAM Portfolio could not start in this browser.'],
    // The catalogs are in the bundle that did not run: the message carries its Spanish itself.
    ['Internet Explorer, in Spanish', IE11, 'es-ES', 'KAM Portfolio necesita Microsoft Edge WebView2, y esta copia de Office muestra los complementos con Internet Explorer.'],
    ['another browser, in Spanish', undefined, 'es-ES', 'KAM Portfolio no se ha podido iniciar en este navegador.'],
  ])('says plainly why the pane cannot start in %s when the bundle does not run', async (_, userAgent, locale, message) => {
    const page = await env.browser.newPage({ locale, ...(userAgent ? { userAgent } : {}) });
    await guardNetwork(page, env.url);
    // What IE makes of the ES2020 bundles: a script that does not parse.
    for (const bundle of ['taskpane.js', 'functions.js']) {
      await page.route(`${env.url}/excel/${bundle}`, (route) => route.fulfill({ body: `@${readDist(`excel/${bundle}`)}`, contentType: 'text/javascript' }));
    }
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.textContent('#host-status')).toContain(message);
    expect(await page.isDisabled('#start-button')).toBe(true);
    await page.close();
  });

  it('stays silent when the bundle runs', async () => {
    const page = await env.browser.newPage({ userAgent: IE11 });
    await guardNetwork(page, env.url);
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.textContent('#host-status')).toContain('Open this page from Excel');
    await page.waitForLoadState('load');
    expect(await page.textContent('#host-status')).not.toContain('WebView2');
    await page.close();
  });
});
