// Numbers for people: the raw floats shown in the data's units, in English and Spanish.
import { describe, expect, it } from 'vitest';
import { decimalMark, formatCount, formatNumber, parseTypedNumber } from '../../../src/core/format/display';

describe('formatNumber', () => {
  it.each([
    [17572.951, 'money', '17,573'],
    [2084469.501, 'money', '2,084,470'],
    [12.5, 'money', '12.50'],
    [0.0202, 'percent', '2.0%'],
    [0.14670000000000002, 'percent', '14.7%'],
    [7.853333333333333, 'score', '7.9'],
    [1.2345, 'ratio', '1.23'],
    [600, 'days', '600'],
    [22.5, 'days', '22.5'],
    [12345, 'count', '12,345'],
    [25, 'points', '25'],
    [17572.951, 'number', '17,573'],
    [3.14159, 'number', '3.14'],
    [0.0202, 'number', '0.0202'],
    [8, 'number', '8'],
  ] as const)('%s as %s in English: %s', (value, unit, text) => {
    expect(formatNumber(value, unit, 'en-US')).toBe(text);
  });

  it.each([
    [2084469.501, 'money', '2.084.470'],
    [0.0202, 'percent', '2,0\u00a0%'],
    [7.853, 'score', '7,9'],
    [1.5, 'ratio', '1,50'],
  ] as const)('%s as %s in Spanish: %s', (value, unit, text) => {
    expect(formatNumber(value, unit, 'es-ES')).toBe(text);
  });

  it('shows a dash, never NaN or Infinity, when there is no number', () => {
    for (const v of [null, undefined, NaN, Infinity]) expect(formatNumber(v, 'money', 'en-US')).toBe('–');
  });

  it('falls back to the runtime locale for a malformed one', () => {
    expect(formatNumber(1234, 'count', 'not a locale!')).toMatch(/^1.?234$/);
  });

  it('counts with a noun', () => {
    expect(formatCount(1, 'key account', 'en-US')).toBe('1 key account');
    expect(formatCount(1200, 'account', 'en-US')).toBe('1,200 accounts');
  });
});

describe('parseTypedNumber', () => {
  it.each([
    ['17,573', 'money', 'en-US', 17573],
    ['17.573', 'money', 'es-ES', 17573],
    ['$2,084,470', 'money', 'en-US', 2084470],
    ['2', 'percent', 'en-US', 0.02],
    ['2.0%', 'percent', 'en-US', 0.02],
    ['2,0 %', 'percent', 'es-ES', 0.02],
    ['-20', 'points', 'en-US', -20],
    ['1,5', 'ratio', 'es-ES', 1.5],
  ] as const)('"%s" in a %s field (%s) is %s', (text, unit, locale, value) => {
    expect(parseTypedNumber(text, unit, locale)).toBeCloseTo(value, 12);
  });

  it('gives null for an empty field and NaN for text that is not a number', () => {
    expect(parseTypedNumber('  ', 'money', 'en-US')).toBeNull();
    expect(parseTypedNumber('ten', 'money', 'en-US')).toBeNaN();
  });

  it('reads back what it showed', () => {
    for (const [v, unit] of [[2084469.501, 'money'], [0.147, 'percent'], [1.25, 'ratio']] as const) {
      for (const locale of ['en-US', 'es-ES', 'de-DE']) {
        const shown = formatNumber(v, unit, locale);
        expect(Math.abs(parseTypedNumber(shown, unit, locale)! - v)).toBeLessThanOrEqual(unit === 'money' ? 0.5 : 0.005);
      }
    }
  });

  it('knows the decimal mark of a locale', () => {
    expect(decimalMark('en-GB')).toBe('.');
    expect(decimalMark('es-ES')).toBe(',');
  });
});
