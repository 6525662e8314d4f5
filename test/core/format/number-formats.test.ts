// Number formats for written cells, and the units they and the data's cells show.
import { describe, expect, it } from 'vitest';
import { numberFormatFor, NUMBER_FORMATS } from '../../../src/core/format/number-formats';
import { unitOfColumn, unitOfFormat, unitOfSource } from '../../../src/core/format/units';

describe('numberFormatFor', () => {
  it('gives each unit a format people read', () => {
    expect(numberFormatFor('money')).toBe('#,##0');
    expect(numberFormatFor('percent')).toBe('0.0%');
    expect(numberFormatFor('score')).toBe('0.00');
    expect(numberFormatFor('ratio')).toBe('0.00');
    expect(numberFormatFor('days')).toBe('#,##0');
    expect(numberFormatFor('points')).toBeNull();
  });

  it('keeps the source column\'s own format when it shows the same unit', () => {
    expect(numberFormatFor('money', { source: '[$€-x-euro2] #,##0.00' })).toBe('[$€-x-euro2] #,##0.00');
    expect(numberFormatFor('money', { source: '"$"#,##0.00' })).toBe('"$"#,##0.00');
    expect(numberFormatFor('percent', { source: '0.00%' })).toBe('0.00%');
    expect(numberFormatFor('number', { source: '#,##0.0' })).toBe('#,##0.0');
  });

  it('does not copy a format that shows another unit, a date, text or nothing', () => {
    expect(numberFormatFor('money', { source: '0.0%' })).toBe(NUMBER_FORMATS.money);
    expect(numberFormatFor('money', { source: 'dd/mm/yyyy' })).toBe(NUMBER_FORMATS.money);
    expect(numberFormatFor('percent', { source: 'General' })).toBe(NUMBER_FORMATS.percent);
    expect(numberFormatFor('number', { source: '@' })).toBeNull();
  });

  it('fits a plain number column to its size', () => {
    expect(numberFormatFor('number', { typical: 17572.9 })).toBe('#,##0');
    expect(numberFormatFor('number', { typical: 0.02 })).toBe('0.000');
    expect(numberFormatFor('number', { typical: 7 })).toBeNull();
  });
});

describe('units', () => {
  it('reads the unit a format shows', () => {
    expect(unitOfFormat('0.0%')).toBe('percent');
    expect(unitOfFormat('#,##0 "€"')).toBe('money');
    expect(unitOfFormat('[$$-409]#,##0.00')).toBe('money');
    expect(unitOfFormat('0.0 "days%"')).toBeNull();
    expect(unitOfFormat('General')).toBeNull();
  });

  it('takes a column\'s unit from the majority of its formats and typed signs', () => {
    expect(unitOfColumn(['0.0%', '0.0%', 'General'], [])).toBe('percent');
    expect(unitOfColumn([], ['12 %', '(3,5 %)', 4])).toBe('percent');
    expect(unitOfColumn([], ['$1,200', '€ 300'])).toBe('money');
    expect(unitOfColumn(['General'], [1, 2])).toBe('number');
  });

  it('knows the unit of each account field and asks for other columns', () => {
    expect(unitOfSource('revenue', () => 'number')).toBe('money');
    expect(unitOfSource('margin', () => 'number')).toBe('percent');
    expect(unitOfSource('tenure', () => 'number')).toBe('years');
    expect(unitOfSource('column:Share', (h) => (h === 'Share' ? 'percent' : 'number'))).toBe('percent');
  });
});
