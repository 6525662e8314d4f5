// dist/sheets as `clasp push` uploads it: Code.js run in a bare scope, the sidebar page, the manifest.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/functions/catalogue';
import { sheetsName } from '../../src/core/functions/function-ids';
import { loadSheetsBundle, readDist } from '../support/dist';
import { RATINGS, WEIGHTS } from '../support/published-table';

describe('dist/sheets/Code.js in a bare Apps Script-like scope', () => {
  const code = readDist('sheets/Code.js');

  it('declares every custom function as a top-level function with its real parameter names', () => {
    for (const spec of catalogue) {
      const params = spec.params.map((p) => p.name).join(', ');
      expect(code).toContain(`function ${sheetsName(spec.id)}(${params}) {`);
    }
  });

  it('keeps @customfunction JSDoc right above each declaration', () => {
    for (const spec of catalogue) {
      const at = code.indexOf(`function ${sheetsName(spec.id)}(`);
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/\*\/\s*$/);
    }
  });

  it('leaves no module syntax, eval or Function constructor in the bundle', () => {
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/\bnew Function\b|\beval\(/);
  });

  it('computes KAM_SCORE from 2-D arrays as Sheets passes them', () => {
    const gas = loadSheetsBundle();
    expect(gas.KAM_SCORE(RATINGS, WEIGHTS)).toEqual([[5.95], [7.7], [6.85], [2.1], [3.7]]);
    // A weight column works as well as a row; a range drawn past the data gives blank rows ("").
    const column = WEIGHTS[0].map((w) => [w]);
    const blankRow = RATINGS[0].map(() => '');
    expect(gas.KAM_SCORE([...RATINGS.slice(0, 2), blankRow], column)).toEqual([[5.95], [7.7], ['']]);
  });

  it('writes a row problem as error text in that row and fails the call for bad weights', () => {
    const gas = loadSheetsBundle();
    const rows = [RATINGS[0], ['x', ...RATINGS[1].slice(1)], RATINGS[2]];
    const out = gas.KAM_SCORE(rows, WEIGHTS);
    expect(out[0]).toEqual([5.95]);
    expect(out[1][0]).toBe('#VALUE! scores: row 2, column 1 holds the text "x", not a number. Type a number there (or clear the cell).');
    expect(out[2]).toEqual([6.85]);
    expect(() => gas.KAM_SCORE(RATINGS, [[0, 0, 0, 0, 0, 0, 0, 0, 0]])).toThrow(/every weight is 0 or blank/);
  });

  it('builds the add-on menu without needing authorisation', () => {
    const items: string[][] = [];
    const menu = { addItem: (label: string, fn: string) => (items.push([label, fn]), menu), addToUi: () => undefined };
    const gas = loadSheetsBundle({ SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) } });
    gas.onOpen({ authMode: 'NONE' });
    expect(items).toEqual([
      ['Open KAM Portfolio', 'showSidebar'],
      ['Rewrite KAM formulas for Google Sheets', 'kamRewriteFromMenu'],
    ]);
    expect(typeof gas.showSidebar).toBe('function');
  });
});

describe('dist/sheets/appsscript.json', () => {
  it('runs on V8 and asks only for the current spreadsheet and the sidebar', () => {
    const manifest = JSON.parse(readDist('sheets/appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });
});

describe('dist/sheets/Sidebar.html', () => {
  const html = readDist('sheets/Sidebar.html');
  it('is one self-contained file: scripts and styles inlined, nothing loaded from elsewhere', () => {
    expect(html).toMatch(/<script>\n[\s\S]{200,}<\/script>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });
});
