// What ships must not evaluate code from text, and the Excel pages carry a strict Content-Security-Policy (the
// Sheets sidebar cannot: HtmlService ignores meta tags, see test/artifacts/sidebar-inline.test.ts).
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
  it('lets the Excel taskpane load only its own files and office.js, frame only office.js\'s origin, and connect nowhere else', () => {
    const html = readDist('excel/taskpane.html');
    const policy = policyOf(html);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    // office.js loads a page of its own origin in a frame on some hosts (docs/hosts.md).
    expect(policy['frame-src']).toEqual(['https://appsforoffice.microsoft.com']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    // The policy comes before any script, so it governs all of them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const sources of Object.values(policy)) expect(sources).not.toContain("'unsafe-inline'");
    for (const sources of Object.values(policy)) expect(sources).not.toContain("'unsafe-eval'");
  });

  it('lets help.html load only its style sheet: no script of any kind', () => {
    const html = readDist('excel/help.html');
    const policy = policyOf(html);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toBeUndefined();
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    expect(html).not.toMatch(/<script/i);
  });
});
