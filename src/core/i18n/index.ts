// What a person reads, in their language: one catalog file per language (catalogs/<language>.json, flat
// keys "area.name" → ICU-style templates), the English one defining the keys. A third language is its
// catalog file plus its code in LANGUAGES and CATALOGS below; a test checks every catalog has every key
// with the same parameters, in sorted order.
import en from './catalogs/en.json';
import es from './catalogs/es.json';
import { DEFAULT_LANGUAGE, LANGUAGES, localeFor, type Language } from './language';
import { formatMessage, type MessageParams } from './message-format';
import { foldText } from '../ingest/fold-text';

export { DEFAULT_LANGUAGE, LANGUAGES, LOCALE_OF, languageFromTag, languageFromTags, localeFor, type Language } from './language';
export type { MessageParams } from './message-format';

export type MessageId = keyof typeof en;
export type Catalog = Record<MessageId, string>;

export const CATALOGS: Record<Language, Partial<Catalog>> = { en, es };

/**
 * Says a message in one language: a missing translation falls back to English (a test keeps them complete).
 * It carries its language and the locale its numbers are written in (es-ES, or the user's own es-MX).
 */
export interface Translate {
  (id: MessageId, params?: MessageParams): string;
  readonly language: Language;
  readonly locale: string;
}

const plainNumbers = new Map<string, Intl.NumberFormat>();

/**
 * Numbers inside messages: grouped, up to two decimals, in the locale's conventions. Grouped always
 * (1.234,5 in Spanish, as a spreadsheet shows #,##0), where Intl's Spanish default leaves 1234 ungrouped.
 */
function numberIn(locale: string): (n: number) => string {
  let f = plainNumbers.get(locale);
  if (!f) plainNumbers.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: 'always' as unknown as boolean })));
  return (n) => f!.format(n);
}

/**
 * One full stop where a sentence ends with a name that ends in one: "… Química del Sur S.A.." becomes "… S.A.".
 * Only after a letter and before a space or the end, so an ellipsis ("...") is left alone.
 */
export function endSentence(text: string): string {
  return text.includes('..') ? text.replace(/(\p{L})\.\.(?=\s|$)/gu, '$1.') : text;
}

const translators = new Map<string, Translate>();

/** The translator for a language; `hostLocale` (e.g. Office's "es-MX") sets its number conventions when it is that language. */
export function translator(language: Language = DEFAULT_LANGUAGE, hostLocale?: string | null): Translate {
  const locale = localeFor(language, hostLocale);
  const key = `${language}|${locale}`;
  let t = translators.get(key);
  if (!t) {
    const catalog = CATALOGS[language];
    const number = numberIn(locale);
    const say = (id: MessageId, params: MessageParams = {}): string => endSentence(formatMessage(catalog[id] ?? en[id], params, locale, number));
    t = Object.assign(say, { language, locale });
    translators.set(key, t);
  }
  return t;
}

/**
 * A translator that picks its language only when first asked: for a host where finding the language costs a
 * call (Sheets' spreadsheet locale), made only by a function that has words to say.
 */
export function lazyTranslator(pick: () => Translate): Translate {
  let picked: Translate | null = null;
  const get = (): Translate => {
    if (picked === null) picked = pick();
    return picked;
  };
  const say = (id: MessageId, params?: MessageParams): string => get()(id, params);
  Object.defineProperty(say, 'language', { get: () => get().language });
  Object.defineProperty(say, 'locale', { get: () => get().locale });
  return say as Translate;
}

/** English, for values kept in English (a message's default text, tests). */
export const english: Translate = translator('en');

/**
 * Something said in whichever language it is rendered in: the core builds phrases without knowing the
 * user, and the host renders them with the user's translator (a function's error, ingest's notes).
 */
export type Phrase = (t: Translate) => string;
export type PhraseParam = string | number | boolean | null | undefined | Phrase;

/** A catalog message as a phrase; parameters may themselves be phrases (a row's message inside a call's). */
export function phrase(id: MessageId, params: Record<string, PhraseParam> = {}): Phrase {
  return (t) => {
    const said: MessageParams = {};
    for (const [name, value] of Object.entries(params)) said[name] = typeof value === 'function' ? value(t) : value;
    return t(id, said);
  };
}

/** Text that reads the same in every language (a name, a formula), as a phrase. */
export const literal = (text: string): Phrase => () => text;

/** A phrase or plain text (read back from a cell) rendered for the reader. */
export const render = (text: Phrase | string, t: Translate): string => (typeof text === 'string' ? text : text(t));

const exactNumbers = new Map<string, Intl.NumberFormat>();

/**
 * A value the user typed, shown exactly (up to 15 significant digits, as a spreadsheet keeps it, ungrouped as
 * typed) in the reader's decimal mark: 0,85 in Spanish, 0.85 in English, never rounded to look tidy.
 */
export function exact(value: number): Phrase {
  return (t) => {
    if (!Number.isFinite(value)) return String(value);
    let f = exactNumbers.get(t.locale);
    if (!f) exactNumbers.set(t.locale, (f = new Intl.NumberFormat(t.locale, { maximumSignificantDigits: 15, useGrouping: false })));
    return f.format(value);
  };
}

/**
 * "A, B and C", "A, B, C and 4 more": a list in the reader's language. `total` counts items not given
 * (the list was cut short elsewhere); `max` cuts it here. `and: false` joins with commas only ("A, B, C"),
 * for lists of quoted values.
 */
export function list(items: readonly (string | Phrase)[], options: { max?: number; total?: number; and?: boolean } = {}): Phrase {
  return (t) => {
    const max = options.max ?? items.length;
    const shown = items.slice(0, max).map((item) => render(item, t));
    const separator = t('common.list.separator');
    const more = Math.max(options.total ?? items.length, items.length) - shown.length;
    if (more > 0) return t('common.list.more', { items: shown.join(separator), count: more });
    if (shown.length <= 1 || options.and === false) return shown.join(separator);
    return t('common.list.last', { items: shown.slice(0, -1).join(separator), last: shown[shown.length - 1] });
  };
}

/**
 * Words the product writes in one language and reads back in any (positions, flags, stage names…): the
 * folded forms of a message in every catalog, for readers that must accept a workbook built in another language.
 */
export function wordsOf(id: MessageId): readonly string[] {
  let words = wordCache.get(id);
  if (!words) wordCache.set(id, (words = [...new Set(LANGUAGES.map((language) => foldText(CATALOGS[language][id] ?? en[id])))]));
  return words;
}

const wordCache = new Map<MessageId, readonly string[]>();

/** Which of `ids` a word is, in any language (case and accents ignored), or undefined. */
export function wordFrom<Id extends MessageId>(text: string, ids: readonly Id[]): Id | undefined {
  const folded = foldText(text);
  return ids.find((id) => wordsOf(id).includes(folded));
}
