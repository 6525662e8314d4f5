// What a person reads, in their language: one catalog file per language (catalogs/<language>.json, flat
// keys "area.name" → ICU-style templates), the English one defining the keys. A third language is its
// catalog file plus its code in LANGUAGES and CATALOGS below; a test checks every catalog has every key
// with the same parameters.
import en from './catalogs/en.json';
import es from './catalogs/es.json';
import { DEFAULT_LANGUAGE, LOCALE_OF, type Language } from './language';
import { formatMessage, type MessageParams } from './message-format';

export { DEFAULT_LANGUAGE, LANGUAGES, LOCALE_OF, languageFromTag, languageFromTags, type Language } from './language';
export type { MessageParams } from './message-format';

export type MessageId = keyof typeof en;
export type Catalog = Record<MessageId, string>;

export const CATALOGS: Record<Language, Partial<Catalog>> = { en, es };

/** Says a message in one language: a missing translation falls back to English (a test keeps them complete). */
export type Translate = (id: MessageId, params?: MessageParams) => string;

const plainNumbers = new Map<Language, Intl.NumberFormat>();

/** Numbers inside messages: grouped, up to two decimals, in the language's conventions (1.234,5 in Spanish). */
function numberIn(language: Language): (n: number) => string {
  let f = plainNumbers.get(language);
  if (!f) plainNumbers.set(language, (f = new Intl.NumberFormat(LOCALE_OF[language], { maximumFractionDigits: 2 })));
  return (n) => f!.format(n);
}

export function translator(language: Language = DEFAULT_LANGUAGE): Translate {
  const catalog = CATALOGS[language];
  const locale = LOCALE_OF[language];
  const number = numberIn(language);
  return (id, params = {}) => formatMessage(catalog[id] ?? en[id], params, locale, number);
}
