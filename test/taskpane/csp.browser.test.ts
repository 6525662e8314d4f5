// The Content-Security-Policy of the Excel pages is live in a real browser: a script injected into the
// page is refused, while the wizard's own code runs. (The Sheets sidebar has none: HtmlService ignores
// meta tags; docs/security.md says what protects it instead.)
import { describe, expect, it } from 'vitest';
import { guardNetwork, useBrowser } from '../support/browser';

const env = useBrowser();

describe.each(['excel/taskpane.html', 'excel/help.html'])('%s', (page) => {
  it('refuses an injected inline script and requests to other origins', async () => {
    const tab = await env.browser.newPage();
    const log = await guardNetwork(tab, env.url);
    await tab.goto(`${env.url}/${page}`);
    if (page.endsWith('taskpane.html')) await expect.poll(() => tab.textContent('#host-status')).toContain('Open this page from');
    else await expect.poll(() => tab.textContent('h1')).toBe('KAM Portfolio');
    const outcome = await tab.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      (window as unknown as { injected?: boolean }).injected = false;
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      let fetched = 'allowed';
      try {
        await fetch('https://example.com/collect', { mode: 'no-cors' });
      } catch {
        fetched = 'refused';
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { injected: (window as unknown as { injected?: boolean }).injected, violations, fetched };
    });
    expect(outcome.injected).toBe(false);
    expect(outcome.violations).toContain('script-src-elem');
    expect(outcome.fetched).toBe('refused');
    expect(outcome.violations).toContain('connect-src');
    // The refused fetch never reached the network layer.
    expect(log.blocked.filter((u) => u.includes('example.com'))).toEqual([]);
    await tab.close();
  });
});
