// Tests for turning exceljs cell values into plain raw cells.
import { describe, expect, it } from 'vitest';
import { isDateFormat, rawCellOf } from '../../src/io/xlsx-cell';

describe('rawCellOf', () => {
  const date = new Date(Date.UTC(2024, 2, 15));
  it.each([
    ['a number', 5, undefined, 5],
    ['a string', '=Acme', undefined, '=Acme'],
    ['a boolean', true, undefined, true],
    ['a date', date, undefined, date],
    ['nothing', null, undefined, null],
    ['rich text', { richText: [{ text: 'Acme ' }, { font: { bold: true }, text: 'Inc.' }] }, undefined, 'Acme Inc.'],
    ['a formula result', { formula: 'SUM(A1:A3)', result: 42 }, '#,##0', 42],
    ['a formula with a date result', { formula: 'A1+1', result: 45366 }, 'dd/mm/yyyy', date],
    ['a formula with a text result', { formula: 'A1&""', result: 'x' }, undefined, 'x'],
    ['a formula with an error result', { formula: '1/0', result: { error: '#DIV/0!' } }, undefined, '#DIV/0!'],
    ['a formula never calculated', { formula: 'A1' }, undefined, null],
    ['a shared formula', { sharedFormula: 'A1', result: 7 }, undefined, 7],
    ['a hyperlink', { text: 'Acme', hyperlink: 'https://acme.example' }, undefined, 'Acme'],
    ['an error', { error: '#N/A' }, undefined, '#N/A'],
  ])('reads %s', (_, value, format, expected) => {
    expect(rawCellOf(value, format, false)).toEqual(expected);
  });

  it('reads a 1904-system serial', () => {
    expect(rawCellOf({ formula: 'A1', result: 43904 }, 'yyyy-mm-dd', true)).toEqual(date);
  });
});

describe('isDateFormat', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['yyyy-mm-dd h:mm', true],
    ['[$-409]mmm d, yyyy', true],
    ['#,##0.00', false],
    ['0.0%', false],
    ['"days" 0', false],
    ['[Red]#,##0', false],
    ['General', false],
    [undefined, false],
  ])('%j is a date format: %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});
