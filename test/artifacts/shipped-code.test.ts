// What ships must not evaluate code from text, and both wizard pages carry a strict Content-Security-Policy.
import { describe, expect, it } from 'vitest';
import { readDist } from '../support/dist';

const BUNDLES = ['excel/functions.js', 'excel/taskpane.js', 'sheets/Code.js', 'sheets/Sidebar.html'];

function policyOf(html: string): Record<string, string[]> {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  if (!meta) throw new Error('no Content-Security-Policy meta tag');
  return Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('shipped bundles', () => {
  it.each(BUNDLES)('%s has no eval, Function constructor or string timers', (file) => {
    const code = readDist(file);
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/);
    expect(code).not.toMatch(/set(?:Timeout|Interval)\s*\(\s*['"`]/);
  });
});

describe('Content-Security-Policy', () => {
  it('lets the Excel taskpane load only its own files and office.js, and connect nowhere else', () => {
    const html = readDist('excel/taskpane.html');
    const policy = policyOf(html);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    // The policy comes before any script, so it governs all of them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const sources of Object.values(policy)) expect(sources).not.toContain("'unsafe-inline'");
    for (const sources of Object.values(policy)) expect(sources).not.toContain("'unsafe-eval'");
  });

  it('lets the Sheets sidebar run only its own inline script and style, by hash', async () => {
    const html = readDist('sheets/Sidebar.html');
    const policy = policyOf(html);
    const crypto = await import('node:crypto');
    const hash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
    const script = html.match(/<script>([\s\S]*)<\/script>/)![1];
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual([hash(script), "'self'"]);
    expect(policy['style-src']).toEqual([hash(style)]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});
