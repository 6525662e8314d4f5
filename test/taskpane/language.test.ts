// The wizard's language without a browser: the user's remembered choice over the host's (and storage that is
// missing or refuses), numbers and dates in each language's conventions, the session passing the language to the
// host and into the plan, and the checks and notices said in it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseLanguage, LANGUAGE_KEY, rememberedLanguage, rememberLanguage } from '../../taskpane/wizard/language';
import { formatNumber, parseTypedNumber } from '../../src/core/format/display';
import { stampText } from '../../taskpane/wizard/decision-panels';
import { moreBelowMessage, WizardSession } from '../../taskpane/wizard/session';
import { friendly } from '../../taskpane/wizard/ui';
import { translator, type Language } from '../../src/core/i18n';
import { MemoryHost } from '../support/memory-host';
import { customerBook } from '../support/customer-books';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** localStorage as the browser gives it: a string store. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => { items.delete(k); },
    setItem: (k, v) => { items.set(k, String(v)); },
  };
}

describe('choosing the language', () => {
  it.each([
    [null, 'es-ES', 'es'], [null, 'es_419', 'es'], [null, 'en-GB', 'en'], [null, 'fr-FR', 'en'], [null, undefined, 'en'], ['en', 'es-ES', 'en'], ['es', 'en-US', 'es'],
  ] as const)('remembered %s, host %s → %s', (remembered, host, language) => {
    expect(chooseLanguage(remembered, host)).toBe(language);
  });

  it('remembers the choice in the browser storage, and ignores a value it does not speak', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    expect(rememberedLanguage()).toBeNull();
    rememberLanguage('es');
    expect(storage.getItem(LANGUAGE_KEY)).toBe('es');
    expect(rememberedLanguage()).toBe('es');
    storage.setItem(LANGUAGE_KEY, 'klingon');
    expect(rememberedLanguage()).toBeNull();
  });

  it('goes on without storage: none at all, one that throws on access (a blocked frame), one that refuses to write', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(rememberedLanguage()).toBeNull();
    expect(() => rememberLanguage('es')).not.toThrow();
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    expect(rememberedLanguage()).toBeNull();
    expect(() => rememberLanguage('es')).not.toThrow();
    delete (globalThis as { localStorage?: unknown }).localStorage;
    const full = { ...memoryStorage(), getItem: () => null, setItem: () => { throw new DOMException('Quota exceeded', 'QuotaExceededError'); } };
    vi.stubGlobal('localStorage', full);
    expect(() => rememberLanguage('en')).not.toThrow();
    expect(rememberedLanguage()).toBeNull();
  });
});

describe('numbers and dates in the wizard follow the language', () => {
  it.each([
    [1234.5, 'points', 'es-ES', '1.234,5'],
    [1234, 'count', 'es-ES', '1.234'],
    [2084470, 'money', 'es-ES', '2.084.470'],
    [0.125, 'percent', 'es-ES', '12,5\u00a0%'],
    [1.25, 'ratio', 'es-ES', '1,25'],
    [1234.5, 'points', 'en-US', '1,234.5'],
    [0.125, 'percent', 'en-US', '12.5%'],
  ] as const)('%s as %s in %s → %s', (value, unit, locale, shown) => {
    expect(formatNumber(value, unit, locale)).toBe(shown);
  });

  it('reads back what a Spanish user types', () => {
    expect(parseTypedNumber('1.234,5', 'number', 'es-ES')).toBe(1234.5);
    expect(parseTypedNumber('12,5 %', 'percent', 'es-ES')).toBe(0.125);
    expect(parseTypedNumber('12,5', 'percent', 'es-ES')).toBe(0.125);
  });

  it('says a build stamp in the reader\'s conventions, and anything else as it is', () => {
    expect(stampText('2025-03-04 14:05', 'es-ES')).toBe('4 mar 2025, 14:05');
    expect(stampText('2025-03-04 14:05', 'en-US')).toMatch(/^Mar 4, 2025, 2:05\sPM$/);
    expect(stampText('last week', 'es-ES')).toBe('last week');
  });

  it('says counts inside messages with grouping in both languages', () => {
    expect(translator('es')('wizard.data.readAccounts', { count: 1234 })).toBe('Leídas 1.234 cuentas.');
    expect(translator('en')('wizard.data.readAccounts', { count: 1 })).toBe('Read 1 account.');
  });
});

describe('the session speaks the wizard\'s language', () => {
  /** A host that records the languages it was told. */
  class TellingHost extends MemoryHost {
    told: Language[] = [];
    override setLanguage(language: Language): void {
      this.told.push(language);
      super.setLanguage(language);
    }
  }

  it('tells the host, writes the plan in it, and follows a switch', async () => {
    const host = new TellingHost(customerBook(), 'sheets');
    const session = new WizardSession(host, { language: 'es' });
    expect(host.told).toEqual(['es']);
    await session.pick('table');
    expect((await session.plan()).language).toBe('es');
    session.setLanguage('en');
    expect(host.told).toEqual(['es', 'en']);
    expect((await session.plan()).language).toBe('en');
  });

  it('renames the factors it named after their columns when the language changes, and keeps the names the user typed', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'), { language: 'en' });
    await session.pick('table');
    const model = session.model();
    const revenue = model.factors.find((f) => f.source === 'revenue')!;
    const margin = model.factors.find((f) => f.source === 'margin')!;
    expect([revenue.name, margin.name]).toEqual(['Revenue', 'Gross margin']);
    margin.name = 'Our margin';
    session.setLanguage('es');
    expect([revenue.name, margin.name]).toEqual(['Ventas', 'Our margin']);
    session.setLanguage('en');
    expect(revenue.name).toBe('Revenue');
  });

  it('says the checks, the data source and its errors in the language', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'), { language: 'es' });
    await session.pick('table');
    session.model().capacity.days = -1;
    const show = (v: number): string => formatNumber(v, 'days', 'es-ES');
    expect(session.problems(4, show).map((p) => p.message)).toContain('Días de equipo al año para cuentas clave: escribe un número mayor que 0 (es -1).');
    session.setLanguage('en');
    expect(session.problems(4, show).map((p) => p.message)).toContain('Team days a year for key accounts: type a number more than 0 (it is -1).');
    expect(friendly(new TypeError('x is undefined'), translator('es'))).toMatch(/^El asistente se ha encontrado con un problema inesperado: x is undefined\./);
    expect(moreBelowMessage({ lastRow: 3, nextRow: 5, endRow: 1240, rows: 1, range: 'A1:C1240' }, translator('es'))).toBe(
      'La tabla leída termina en la fila 3, pero sigue 1 fila más con datos tras una fila vacía (filas 5 a 1240). Inclúyelas si son de la misma tabla.',
    );
  });
});
