// The written workbook's words read back in any language: headers ("Cuenta" or "Account"), templated headers
// ("Real: margen bruto"), and the words live formulas compare with what a function wrote in the reader's language.
import { CATALOGS, LANGUAGES, translator, wordFrom, type MessageId } from '../i18n';
import { foldText } from '../ingest/fold-text';

/** A message's exact text in every language the product speaks, each once (English first). */
export function everyLanguage(id: MessageId): string[] {
  return [...new Set(LANGUAGES.map((language) => CATALOGS[language][id] ?? CATALOGS.en[id]!))];
}

/** Whether a cell's text is this message in any language (case, accents and spacing ignored). */
export function isWord(text: unknown, id: MessageId): boolean {
  return typeof text === 'string' && wordFrom(text, [id]) !== undefined;
}

/** The index of the first header that is this message in any language, or -1. */
export function findHeader(headers: readonly unknown[], id: MessageId): number {
  return headers.findIndex((h) => isWord(h, id));
}

const MARK = '\u0001';

/**
 * The one parameter a templated header holds, read in any language: "Actual: revenue growth" and "Real: crecimiento
 * de ventas" → the metric. Null when the text is not that header in any language. Case and spacing are ignored.
 */
export function templateParam(text: unknown, id: MessageId, param: string): string | null {
  if (typeof text !== 'string') return null;
  const folded = foldText(text);
  for (const language of LANGUAGES) {
    const [before, after = ''] = translator(language)(id, { [param]: MARK }).split(MARK);
    const prefix = foldText(before!);
    const suffix = foldText(after);
    if (folded.length > prefix.length + suffix.length && folded.startsWith(prefix) && folded.endsWith(suffix)) {
      // Cut the original text by the folded prefix's and suffix's lengths: folding keeps one character per (composed)
      // letter once spaces are collapsed, so the original's trimmed, collapsed form is as long as the folded one.
      const plain = text.normalize('NFC').replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ').trim();
      return plain.slice(prefix.length, plain.length - suffix.length).trim();
    }
  }
  return null;
}

/**
 * A formula test that a cell holds one of the words in any language: `OR(A1="Strategic", A1="Estratégica", …)`.
 * Both hosts compare text with = ignoring case; the words are the catalogs' own, as the functions write them.
 */
export function equalsAnyLanguage(cell: string, ids: readonly MessageId[]): string {
  const words = ids.flatMap(everyLanguage);
  return `OR(${words.map((w) => `${cell}=${quoteText(w)}`).join(', ')})`;
}

/** A formula test that a cell's text contains the word in any language (SEARCH ignores case in both hosts). */
export function containsAnyLanguage(cell: string, id: MessageId): string {
  const words = everyLanguage(id);
  const tests = words.map((w) => `ISNUMBER(SEARCH(${quoteText(w)}, ${cell}))`);
  return tests.length === 1 ? tests[0]! : `OR(${tests.join(', ')})`;
}

/** Text as a formula's string literal. */
export const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;
