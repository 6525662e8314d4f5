// Test support: a pseudo-localised catalog derived from en.json — every message wrapped in ⟦…⟧ and about a
// third longer — served in place of a real one inside the BUILT wizard bundle, so a walk through the wizard
// shows at a glance any text that did not come from the catalogs (it is the text without the brackets), and
// whether the longer words still fit at 300 px. Also the checks such a walk makes on the page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CATALOGS } from '../../src/core/i18n';
import { EXCEL_DIST } from '../support/browser';

export const OPEN = '⟦';
export const CLOSE = '⟧';

/** Padding that lengthens a message by ~30 % (at least 3 letters), as breakable words, with no ICU syntax in it. */
function padding(template: string): string {
  const letters = Math.max(3, Math.round(template.replace(/\{[^{}]*\}/g, '').length * 0.3));
  const words: string[] = [];
  for (let left = letters; left > 0; left -= 5) words.push('ẍ'.repeat(Math.min(5, left)));
  return words.join(' ');
}

/** One message pseudo-localised: the ICU template kept whole (placeholders, plural and select), wrapped and lengthened. */
export function pseudoMessage(template: string): string {
  return `${OPEN}${template} ${padding(template)}${CLOSE}`;
}

/** The pseudo catalog: every English key, every template marked. */
export function pseudoCatalog(): Record<string, string> {
  return Object.fromEntries(Object.entries(CATALOGS.en).map(([id, template]) => [id, pseudoMessage(template!)]));
}

/** A JSON object as webpack inlines it in a bundle: JSON.parse('…') with backslashes and single quotes escaped. */
const inlined = (catalog: object): string => `JSON.parse('${JSON.stringify(catalog).replace(/[\\']/g, (c) => `\\${c}`)}')`;

/**
 * The built Excel taskpane.js with the Spanish catalog replaced by `catalog`: the same code users load, speaking
 * the test catalog wherever it would speak Spanish. Fails loudly if the bundle no longer inlines the catalog.
 */
export function taskpaneWithCatalog(catalog: object): string {
  const bundle = fs.readFileSync(path.join(EXCEL_DIST, 'taskpane.js'), 'utf8');
  const spanish = inlined(CATALOGS.es);
  const at = bundle.split(spanish).length - 1;
  if (at !== 1) throw new Error(`dist/excel/taskpane.js inlines the Spanish catalog ${at} times (expected once): the pseudo-locale test cannot swap it.`);
  return bundle.replace(spanish, () => inlined(catalog));
}

/** A text a person reads on the page: its words, and where it is (for the failure message). */
export interface ShownText {
  text: string;
  where: string;
}

/**
 * Every text a person meets on the page: visible text nodes (the matrix's SVG texts too, and the options of
 * visible lists), and the aria-label, title and placeholder of every element (screen readers say them).
 */
export function shownTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    const describe = (el: Element): string => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.closest('[id]') && el.closest('[id]') !== el ? ` in #${el.closest('[id]')!.id}` : ''}`;
    const visible = (el: Element): boolean => {
      if (el.closest('[hidden]')) return false;
      if (el.tagName === 'OPTION') return visible(el.closest('select')!);
      const details = el.closest('details');
      if (details && !details.open && !el.closest('summary')) return false;
      return (el as HTMLElement).checkVisibility ? (el as HTMLElement).checkVisibility() : true;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style') || !visible(parent)) continue;
      out.push({ text, where: describe(parent) });
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push({ text: value, where: `${describe(el)} @${name}` });
      }
    }
    for (const title of Array.from(document.querySelectorAll('svg title'))) {
      const text = title.textContent?.trim();
      if (text) out.push({ text, where: 'svg title' });
    }
    return out;
  });
}

/** Names that read the same in every language: the sheets', the functions', the hosts' and the languages' own names. */
export const FIXED_NAMES = [
  'KAM Portfolio', 'KAM Model', 'KAM Rewards', 'KAM Profit', 'KAM History', 'Key accounts', 'KAM', 'Excel', 'English', 'Español',
];

/** What is left of a text once the user's own data, numbers and fixed names are taken out. */
export function withoutData(text: string, data: readonly string[]): string {
  // A name the picture shortened to fit ("Dynamo Distribu…") is still the user's data.
  const cut = text.endsWith('…') ? text.slice(0, -1).trim() : '';
  if (cut && data.some((value) => value.startsWith(cut))) return '';
  let rest = ` ${text} `;
  for (const value of data) if (value.length > 1 && rest.includes(value)) rest = rest.split(value).join(' ');
  for (const name of FIXED_NAMES) rest = rest.split(name).join(' ');
  // Function names (KAM.SCORE, KAM_SCORE), cell ranges (A1:H40), numbers in any convention, punctuation.
  rest = rest.replace(/\bKAM[._][A-Z_]+\b/g, ' ').replace(/\b[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?\b/g, ' ');
  rest = rest.replace(/[\d\s.,%:;–—\-+()[\]/×$€£"'«»“”‘’…·=<>!?*&|_]+/g, ' ');
  return rest.trim();
}

/** The strings of the user's workbook (cells, headers), longest first so a long name is taken out before its parts. */
export function dataStrings(rows: readonly (readonly unknown[])[]): string[] {
  const all = new Set<string>();
  for (const row of rows) for (const v of row) if (typeof v === 'string' && v.trim()) all.add(v.trim());
  return [...all].sort((a, b) => b.length - a.length);
}

/** Texts on the page that carry no pseudo-locale mark and are more than data, numbers and fixed names. */
export function unmarked(texts: readonly ShownText[], data: readonly string[]): ShownText[] {
  return texts.filter((t) => !t.text.includes(OPEN) && !t.text.includes(CLOSE) && withoutData(t.text, data) !== '');
}

/** English words that do not occur as Spanish words; two or more in one text make it an English sentence. */
const ENGLISH = /\b(the|and|of|your|with|this|that|is|are|from|to|for|not|will|be|each|which|by|an|on|in|it|or|key|account|accounts|sheet|sheets|build|next|back|step)\b/gi;

/** Texts that read as English (two English words or more, once data and fixed names are taken out). */
export function englishTexts(texts: readonly ShownText[], data: readonly string[]): ShownText[] {
  return texts.filter((t) => (withoutData(t.text, data).match(ENGLISH) ?? []).length >= 2);
}
