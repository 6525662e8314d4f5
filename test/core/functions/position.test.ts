// KAM_POSITION: Strategic, Star, Status or Streamline from attractiveness and relative strength.
import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/functions/cells';
import { messages } from '../../support/english-messages';
import { columnMedian, position } from '../../../src/core/functions/position';
import { BLANKS, col, firstColumn, thrown } from '../../support/cells';

describe('KAM_POSITION', () => {
  describe('happy path', () => {
    it.each([
      [8, 1.3, 'Strategic'],
      [8, 0.7, 'Star'],
      [3, 1.3, 'Status'],
      [3, 0.7, 'Streamline'],
    ])('attractiveness %s and strength %s is %s', (a, s, expected) => {
      expect(position(col(a), col(s))).toEqual([[expected]]);
    });

    it('places a whole column in one call', () => {
      expect(firstColumn(position(col(8, 8, 3, 3), col(1.3, 0.7, 1.3, 0.7)))).toEqual(['Strategic', 'Star', 'Status', 'Streamline']);
    });

    it('uses given cuts', () => {
      expect(firstColumn(position(col(6, 6), col(1.1, 1.3), 7, 1.2))).toEqual(['Streamline', 'Status']);
    });

    it.each(['median', 'MEDIAN', ' Median '])('takes the median of the given accounts for the word %j', (word) => {
      // attractiveness median (4 + 6) / 2 = 5, strength median (0.8 + 1.0) / 2 = 0.9
      const out = position(col(2, 4, 6, 9), col(0.5, 1.0, 0.8, 1.2), word, word);
      expect(firstColumn(out)).toEqual(['Streamline', 'Status', 'Star', 'Strategic']);
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value)', () => {
      expect(position(8, 1.3)).toEqual([['Strategic']]);
    });

    it('takes cuts as 1×1 ranges', () => {
      expect(position(col(6), col(1.1), [[7]], [[1]])).toEqual([['Status']]);
    });

    it('fails the call when the columns have different rows', () => {
      expect(thrown(() => position(col(1, 2), col(1))).message).toBe(messages.rowsDiffer('attractiveness', 2, 'strength', 1));
    });

    it('fails the call for more than one column', () => {
      expect(thrown(() => position([[1, 2]], col(1))).message).toBe(messages.notAColumn('attractiveness', 1, 2));
    });

    it('fails the call for a cut that is a range', () => {
      expect(thrown(() => position(col(1), col(1), [[1, 2]])).message).toBe(messages.notASingleValue('attractiveness_cut', 1, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank result for a row with both cells blank (%s)', (_, blank) => {
      expect(position(col(8, blank), col(1.3, blank))).toEqual([['Strategic'], ['']]);
    });

    it.each(BLANKS)('reports a row with only one blank cell (%s)', (_, blank) => {
      expect(position(col(blank, 8), col(1.3, blank))).toEqual([
        [new CellError('VALUE', messages.blankInRow('attractiveness', 1, 1, 'strength'))],
        [new CellError('VALUE', messages.blankInRow('strength', 2, 1, 'attractiveness'))],
      ]);
    });

    it.each(BLANKS)('uses the default cuts for a blank or omitted cut (%s)', (_, blank) => {
      expect(position(col(5), col(1), blank, blank)).toEqual([['Strategic']]);
    });

    it.each(BLANKS)('leaves blank cells out of the median (%s)', (_, blank) => {
      expect(columnMedian(col(1, blank, 3, blank, 8), 'attractiveness')).toBe(3);
    });

    it('reads a blank Excel sent as 0 as the value 0: such a row is Streamline', () => {
      expect(position(col(0), col(0))).toEqual([['Streamline']]);
    });
  });

  describe('text in numbers', () => {
    it('puts an error naming the row and text in that row only', () => {
      const out = position(col(8, 'high'), col(1.3, 1.3));
      expect(out).toEqual([['Strategic'], [new CellError('VALUE', messages.textInNumber('attractiveness', 2, 1, 'high'))]]);
    });

    it('leaves text out of the median, like =MEDIAN', () => {
      expect(columnMedian(col(1, 'x', 3), 'strength')).toBe(2);
    });

    it.each([
      ['a word that is not "median"', 'average', messages.cutInvalid('attractiveness_cut', 'average')],
      ['a number typed as text', '5', messages.cutInvalid('attractiveness_cut', '5')],
    ])('fails the call for %s as a cut', (_, cut, message) => {
      expect(thrown(() => position(col(1), col(1), cut)).message).toBe(message);
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text "#N/A"', '#N/A', new CellError('NA', '')],
      ['a Sheets row error "#VALUE! msg"', '#VALUE! upstream', new CellError('VALUE', 'upstream')],
    ])('passes %s through to that row, from either column', (_, cell, expected) => {
      expect(position(col(cell, 8), col(1, 1))).toEqual([[expected], ['Strategic']]);
      expect(position(col(8, 8), col(1, cell))).toEqual([['Strategic'], [expected]]);
    });

    it('leaves error rows out of the median', () => {
      expect(columnMedian(col(1, new CellError('NA', ''), 3, '#N/A'), 'attractiveness')).toBe(2);
    });

    it('fails the call with the kind of an error given as a cut', () => {
      expect(thrown(() => position(col(1), col(1), '#N/A')).kind).toBe('NA');
    });
  });

  describe('boundaries', () => {
    it.each([
      [5, 1, 'Strategic'],
      [4.99, 1, 'Status'],
      [5, 0.99, 'Star'],
      [4.99, 0.99, 'Streamline'],
    ])('counts a value equal to the cut as high: %s, %s is %s', (a, s, expected) => {
      expect(position(col(a), col(s))).toEqual([[expected]]);
    });

    it('counts the median account itself as high', () => {
      expect(firstColumn(position(col(1, 2, 3), col(1, 1, 1), 'median'))).toEqual(['Status', 'Strategic', 'Strategic']);
    });

    it('rounds an even median to 15 digits, so 0.1 and 0.2 give the 0.15 a user sees', () => {
      expect(columnMedian(col(0.1, 0.2), 'strength')).toBe(0.15);
      expect(position(col(5, 5), col(0.1, 0.2), 5, 'median')).toEqual([['Star'], ['Strategic']]);
    });

    it('gives no median cut trouble when every row is blank or an error', () => {
      expect(position(col(null, '#N/A'), col(null, 1), 'median', 'median')).toEqual([[''], [new CellError('NA', '')]]);
    });
  });
});
