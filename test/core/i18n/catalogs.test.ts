// Every language says everything: each catalog has every English key with the same parameters, every
// template parses, and the message format does what translators expect of it.
import { describe, expect, it } from 'vitest';
import { CATALOGS, endSentence, LANGUAGES, languageFromTag, languageFromTags, translator, type MessageId } from '../../../src/core/i18n';
import { formatMessage, messageParameters } from '../../../src/core/i18n/message-format';

const english = CATALOGS.en as Record<MessageId, string>;

describe('catalogs', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English message, with the same parameters', (language) => {
    const catalog = CATALOGS[language] as Record<string, string>;
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const id of Object.keys(english) as MessageId[]) {
      expect(messageParameters(catalog[id]), id).toEqual(messageParameters(english[id]));
    }
  });

  it.each(LANGUAGES)('every %s template parses', (language) => {
    for (const [id, template] of Object.entries(CATALOGS[language])) {
      const params = Object.fromEntries(messageParameters(template!).map((p) => [p, 2]));
      expect(() => formatMessage(template!, params, 'en-US', String), id).not.toThrow();
    }
  });
});

describe('message format', () => {
  const f = (t: string, p: Record<string, string | number>, locale = 'en-US') =>
    formatMessage(t, p, locale, (n) => new Intl.NumberFormat(locale).format(n));

  it.each([
    ['{n, plural, one {# account} other {# accounts}}', { n: 1 }, 'en-US', '1 account'],
    ['{n, plural, one {# account} other {# accounts}}', { n: 1234 }, 'en-US', '1,234 accounts'],
    ['{n, plural, one {# cuenta} other {# cuentas}}', { n: 1234.5 }, 'es-ES', '1234,5 cuentas'],
    ['{n, plural, =0 {no key accounts} one {one key account} other {# key accounts}}', { n: 0 }, 'en-US', 'no key accounts'],
    ['{kind, select, transactions {an export} other {a list}}', { kind: 'transactions' }, 'en-US', 'an export'],
    ['{kind, select, transactions {an export} other {a list}}', { kind: 'customers' }, 'en-US', 'a list'],
    ["Sheet ''{sheet}'' and '{braces'}", { sheet: 'KAM Model' }, 'en-US', "Sheet 'KAM Model' and {braces}"],
  ])('%s with %j in %s', (template, params, locale, expected) => {
    expect(f(template, params, locale)).toBe(expected);
  });

  it('names a missing parameter and a malformed template', () => {
    expect(() => f('{who} left', {})).toThrow(/parameter "who"/);
    expect(() => f('{who left', { who: 'x' })).toThrow(/Unclosed/);
  });

  it('lists the parameters a template uses, inside choices too', () => {
    expect(messageParameters('{a} {n, plural, one {# of {b}} other {{c}}}')).toEqual(['a', 'b', 'c', 'n']);
  });
});

describe('choosing the language', () => {
  it.each([
    ['es-ES', 'es'], ['es_419', 'es'], ['ES', 'es'], ['es_MX.UTF-8', 'es'], ['en-GB', 'en'], ['fr-FR', 'en'], ['', 'en'], [undefined, 'en'],
  ])('%s → %s', (tag, language) => {
    expect(languageFromTag(tag)).toBe(language);
  });

  it('skips unset and C locales in the environment', () => {
    expect(languageFromTags([undefined, 'C', 'es_ES.UTF-8'])).toBe('es');
    expect(languageFromTags(['', 'POSIX'])).toBe('en');
  });

  it('says a message in Spanish with Spanish numbers, and in English', () => {
    expect(translator('es')('common.accounts', { count: 1500 })).toBe('1.500 cuentas');
    expect(translator('en')('common.accounts', { count: 1500 })).toBe('1,500 accounts');
    expect(translator('es')('position.Streamline')).toBe('Racionalizar');
  });
});

describe('sentences that end with a name', () => {
  it('end in one full stop when the name ends in one ("… Unity Logistics Inc."), in every language', () => {
    for (const language of LANGUAGES) {
      const said = translator(language)('capacity.next', { days: 30, capacity: 630, gain: 6.8, objective: 'x', perDay: 0.23, count: 1, accounts: 'Unity Logistics Inc.', swap: '' });
      expect(said).toContain('Unity Logistics Inc.');
      expect(said).not.toContain('Inc..');
    }
  });

  it('leave an ellipsis and a full stop inside a name alone', () => {
    expect(endSentence('Wait... and S.A. here.')).toBe('Wait... and S.A. here.');
    expect(endSentence('Química del Sur S.A.. Next one S.L..')).toBe('Química del Sur S.A. Next one S.L.');
  });
});
