// Sidebar.html as HtmlService will cut it: no "//" or "/*" in any inlined script or style, so its
// comment stripping (test/support/html-service.ts) changes nothing; the build's escaping keeps every
// value the same, and refuses what it cannot make safe.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { inlineSafeScript, inlineSafeStyle } from '../../build/inline-safe.mjs';
import { readDist, ROOT } from '../support/dist';
import { stripLikeHtmlService } from '../support/html-service';

const html = readDist('sheets/Sidebar.html');
const inline = [...html.matchAll(/<(script|style)>([\s\S]*?)<\/\1>/g)].map((m) => ({ tag: m[1], text: m[2] }));

describe('dist/sheets/Sidebar.html', () => {
  it('inlines one script and one style sheet, neither holding "//" or "/*"', () => {
    expect(inline.map((b) => b.tag).sort()).toEqual(['script', 'style']);
    for (const block of inline) {
      expect(block.text.length).toBeGreaterThan(1000);
      expect(block.text).not.toContain('//');
      expect(block.text).not.toContain('/*');
    }
  });

  it('is left exactly as it is by HtmlService\'s comment stripping, and its script still parses', () => {
    expect(stripLikeHtmlService(html)).toBe(html);
    const script = inline.find((b) => b.tag === 'script')!.text;
    expect(() => parse(script, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
  });

  it('carries no Content-Security-Policy meta tag (HtmlService ignores meta tags in the file)', () => {
    expect(html).not.toMatch(/Content-Security-Policy/i);
  });

  it('inserts no data as markup and evaluates no text as code', () => {
    const script = inline.find((b) => b.tag === 'script')!.text;
    expect(script).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment/);
    expect(script).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });

  it('would be cut where the raw bundle holds "//" (the failure the escaping prevents)', () => {
    const raw = fs.readFileSync(path.join(ROOT, '.cache/sidebar/sidebar.js'), 'utf8');
    const cut = stripLikeHtmlService(`<script>${raw}</script>`).slice('<script>'.length, -'</script>'.length);
    expect(cut.length).toBeLessThan(raw.length);
    expect(() => parse(cut, { ecmaVersion: 2019, sourceType: 'script' })).toThrow(/Unterminated|Unexpected/);
  });
});

describe('build/inline-safe.mjs', () => {
  const run = (code: string): unknown => {
    const context: { out?: unknown } = {};
    vm.runInNewContext(code, context);
    return context.out;
  };

  it.each([
    ['a string', 'out = "http://x/y/*z*/"'],
    ['an escaped slash in a string', String.raw`out = "a\/\/b" + "c\\/d"`],
    ['a template chunk', 'out = `<svg xmlns="http://www.w3.org/2000/svg" w="${4 / 2}">`'],
    ['a regular expression', String.raw`out = [/https?:\/\//.test("https://a"), /https?:\/\//.source.length > 0, /[/*]+/.exec("a/*b")[0]]`],
    ['a regular expression with flags', String.raw`out = "A//B".replace(/\//gi, "-")`],
    ['comments', 'out = 1 /* block */ + 2 // line\n;'],
    ['division next to a regular expression', 'out = 6 / 3 / /x/.source.length'],
  ])('keeps the value of %s and leaves no "//" or "/*"', (_, code) => {
    const safe = inlineSafeScript(code);
    expect(safe).not.toContain('//');
    expect(safe).not.toContain('/*');
    expect(run(safe)).toEqual(run(code));
  });

  it('refuses a tagged template holding "/", whose raw text the tag can read', () => {
    expect(() => inlineSafeScript('out = String.raw`http://x`')).toThrow(/tagged template/);
  });

  it('drops style comments, and refuses "//" or "/*" left in a style (a url(), a string)', () => {
    expect(inlineSafeStyle('a { color: red; /* note */ }\nb { content: "x"; }')).toBe('a { color: red;  }\nb { content: "x"; }');
    expect(() => inlineSafeStyle('a { background: url(http://example.com/x.png); }')).toThrow(/"\/\/" or "\/\*"/);
    expect(() => inlineSafeStyle('b { content: "/*x*/"; }')).toThrow(/"\/\/" or "\/\*"/);
  });
});
