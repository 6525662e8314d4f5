// The languages the product speaks, and how a host's or the environment's locale tag picks one.

/** Every language with a catalog in catalogs/; the first is the fallback. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

const KNOWN = new Set<string>(LANGUAGES);

/**
 * The language for a locale tag as hosts and systems write it: Office's "es-ES", Apps Script's "es_419",
 * a POSIX "es_MX.UTF-8" or "C"; any case. English for anything the product does not speak.
 */
export function languageFromTag(tag: string | null | undefined): Language {
  const primary = String(tag ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  return KNOWN.has(primary) ? (primary as Language) : DEFAULT_LANGUAGE;
}

/** The first of several candidate tags (e.g. LC_ALL, LC_MESSAGES, LANG) that names a real locale. */
export function languageFromTags(tags: readonly (string | null | undefined)[]): Language {
  return languageFromTag(firstTag(tags));
}

/** The first tag that names a real locale (not unset, "C" or "POSIX"), or undefined. */
export function firstTag(tags: readonly (string | null | undefined)[]): string | undefined {
  for (const tag of tags) {
    const t = String(tag ?? '').trim();
    if (t && t !== 'C' && t !== 'POSIX') return t;
  }
  return undefined;
}

/** A BCP 47 locale for Intl when only the language is known (number and date conventions). */
export const LOCALE_OF: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

/**
 * The locale numbers are written in for a language: the host's or system's own locale when it is that
 * language ("es_MX.UTF-8" → es-MX, "es_419" → es-419), else the language's usual one (LOCALE_OF).
 */
export function localeFor(language: Language, hostTag?: string | null): string {
  if (hostTag && languageFromTag(hostTag) === language) {
    const tag = hostTag.trim().split(/[.@]/)[0].replace(/_/g, '-');
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length) return canonical;
    } catch {
      // A malformed tag: the language's usual locale.
    }
  }
  return LOCALE_OF[language];
}
