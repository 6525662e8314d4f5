// Tests for reading numbers typed as text: formats, signs, percentages, ambiguity and evidence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumberText } from '../../../src/core/ingest/parse-number';

describe('readNumberText', () => {
  it.each([
    ['1,234.50', '.', 1234.5, '.'],
    ['1.234,50', ',', 1234.5, ','],
    ['1.234,50', '.', 1234.5, ','], // both separators: the text decides, whatever the column says
    ['1 234,50', '.', 1234.5, ','],
    ['1\u00a0234,50', '.', 1234.5, ','],
    ['1\u202f234.5', '.', 1234.5, '.'],
    ["1'234.50", '.', 1234.5, '.'],
    ['$1,234.50', '.', 1234.5, '.'],
    ['US$ 1,234.50', '.', 1234.5, '.'],
    ['1.234,50 €', ',', 1234.5, ','],
    ['€ 1.234', ',', 1234, null],
    ['EUR 1.234,5', '.', 1234.5, ','],
    ['1234 USD', '.', 1234, null],
    ['(1,200)', '.', -1200, null],
    ['($1,200.00)', '.', -1200, '.'],
    ['-1,234.5', '.', -1234.5, '.'],
    ['\u22121234', '.', -1234, null],
    ['-$5', '.', -5, null],
    ['$-5', '.', -5, null],
    ['1.234,50-', ',', -1234.5, ','],
    ['12,5-', '.', -12.5, ','],
    ['(1.200,00) €', '.', -1200, ','],
    ['€ (1.200,00)', '.', -1200, ','],
    ['(1,200.00) $', '.', -1200, '.'],
    ['+42', '.', 42, null],
    ['  42  ', '.', 42, null],
    ['1,234,567', ',', 1234567, '.'],
    ['1.234.567', '.', 1234567, ','],
    ['1,5', '.', 1.5, ','],
    ['0,125', '.', 0.125, ','],
    ['.5', ',', 0.5, '.'],
    ['1234,567', '.', 1234.567, ','],
    ['1.2E+06', '.', 1200000, null],
    ['007', '.', 7, null],
  ] as const)('reads %j (column decimal %j) as %d', (text, decimal, value, reveals) => {
    const reading = readNumberText(text, decimal);
    expect(reading).toMatchObject({ kind: 'number', value, reveals });
  });

  it.each([
    ['12 %', 0.12],
    ['12%', 0.12],
    ['12,5 %', 0.125],
    ['-3.5%', -0.035],
    ['(12%)', -0.12],
    ['% 7', 0.07],
    // Negatives as exports write them, in both decimal conventions (issue 10).
    ['(10,0) %', -0.1],
    ['( 10,0 ) %', -0.1],
    ['(12,5 %)', -0.125],
    ['-12,5 %', -0.125],
    ['\u221212,5 %', -0.125],
    ['12,5 %-', -0.125],
    ['12.5%', 0.125],
  ])('reads the percentage %j as the fraction %d', (text, value) => {
    expect(readNumberText(text, '.')).toMatchObject({ kind: 'number', value, percent: true });
  });

  it.each([
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['1.234', '.', 1.234],
    ['1.234', ',', 1234],
    ['12,500', '.', 12500],
    ['(1,200)', ',', -1.2],
  ] as const)('reads the ambiguous %j with decimal %j as %d and says so', (text, decimal, value) => {
    expect(readNumberText(text, decimal)).toMatchObject({ kind: 'number', value, ambiguous: true, reveals: null });
  });

  it.each(['', '   ', '-', '–', '—', 'n/a', 'N/A', 'na', 'n.d.', 's/d', 'null', 'None', '?'])('reads %j as blank', (text) => {
    expect(readNumberText(text, '.')).toEqual({ kind: 'blank' });
  });

  it.each(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?'])('reads the spreadsheet error %j as an error', (text) => {
    expect(readNumberText(text, '.')).toEqual({ kind: 'error', text });
  });

  it.each(['abc', '=SUM(A1:A3)', '+Corp', '12abc', '1,2.5', '1.23.4', '%', '$', '1 23', '12-34', '2024-03-15'])(
    'rejects %j as not a number',
    (text) => {
      expect(readNumberText(text, '.')).toEqual({ kind: 'invalid', text });
    },
  );

  it('never returns negative zero', () => {
    expect(Object.is((readNumberText('-0', '.') as { value: number }).value, 0)).toBe(true);
  });
});

describe('readNumberText on formatted amounts', () => {
  it.each([
    ['en-US', '.'],
    ['de-DE', ','],
    ['es-ES', ','],
    ['fr-FR', ','],
  ] as const)('reads back any amount formatted by %s with two decimals', (locale, decimal) => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
        const amount = cents / 100;
        const text = amount.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const reading = readNumberText(text, decimal === '.' ? ',' : '.'); // the wrong column guess must not matter
        expect(reading).toMatchObject({ kind: 'number', value: amount, ambiguous: false });
      }),
    );
  });
});
