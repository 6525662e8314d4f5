// KAM_STRENGTH: the customer's weighted rating of you over its rating of your best rival.
import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/functions/cells';
import { messages } from '../../support/english-messages';
import { round15 } from '../../../src/core/functions/precision';
import { strength } from '../../../src/core/functions/strength';
import { BLANKS, firstColumn, thrown } from '../../support/cells';
import { ABC, R1, R2, R3, R4, WEIGHTS } from '../../support/published-table';

// kam-method.md: Gamble et al., Table 4.3 — weighted totals ABC 5.95, R1 7.70, R2 6.85, R3 2.10, R4 3.70.

describe('KAM_STRENGTH', () => {
  describe('happy path', () => {
    it('gives ABC against its best rival R1 as 5.95 / 7.70', () => {
      const [[result]] = strength([ABC], [R1], WEIGHTS);
      expect(result).toBe(round15(5.95 / 7.7));
      expect(result).toBeCloseTo(0.773, 3);
    });

    it('applies a single rival row to every account', () => {
      expect(firstColumn(strength([ABC, R1, R2, R3, R4], [R1], WEIGHTS))).toEqual(
        [5.95, 7.7, 6.85, 2.1, 3.7].map((total) => round15(total / 7.7)),
      );
    });

    it('takes one rival row per account', () => {
      expect(firstColumn(strength([ABC, R2], [R1, R3], WEIGHTS))).toEqual([round15(5.95 / 7.7), round15(6.85 / 2.1)]);
    });

    it.each([
      ['weights in a column', WEIGHTS[0].map((w) => [w])],
      ['weights as points out of 100', [WEIGHTS[0].map((w) => w * 100)]],
    ])('gives the same result with %s', (_, weights) => {
      expect(strength([ABC], [R1], weights)).toEqual([[round15(5.95 / 7.7)]]);
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value)', () => {
      expect(strength(8, 4, 1)).toEqual([[2]]);
    });

    it('fails the call when the rival rates different criteria', () => {
      const error = thrown(() => strength([ABC], [R1.slice(0, 7)], WEIGHTS));
      expect(error.message).toBe(messages.ratingsColumnsDiffer('yours', 9, 'best_rival', 7));
    });

    it('fails the call when the rival has neither one row per account nor a single row', () => {
      const error = thrown(() => strength([ABC, R2, R3], [R1, R4], WEIGHTS));
      expect(error.message).toBe(messages.rowsDifferOrOne('yours', 3, 'best_rival', 2, 'row'));
    });

    it('fails the call when weights do not match the criteria', () => {
      const error = thrown(() => strength([ABC], [R1], [[1, 2]]));
      expect(error.message).toBe(messages.columnsDiffer('yours', 9, 'weights', 2, 'weights'));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank result for a row blank on both sides (%s)', (_, blank) => {
      expect(strength([[8, 6], [blank, blank]], [[4, 6], [blank, blank]], [[1, 1]])).toEqual([[round15(14 / 10)], ['']]);
    });

    it.each(BLANKS)('gives a blank result for a blank row against a single rival row (%s)', (_, blank) => {
      expect(strength([[8, 6], [blank, blank]], [[4, 6]], [[1, 1]])).toEqual([[1.4], ['']]);
    });

    it.each(BLANKS)('reports a blank rating for a weighted criterion on either side (%s)', (_, blank) => {
      expect(strength([[8, blank]], [[4, 6]], [[1, 1]])).toEqual([[new CellError('VALUE', messages.blankRating('yours', 1, 2))]]);
      expect(strength([[8, 6]], [[blank, 6]], [[1, 1]])).toEqual([[new CellError('VALUE', messages.blankRating('best_rival', 1, 1))]]);
    });

    it.each(BLANKS)('allows a blank rating where the weight is 0 (%s)', (_, blank) => {
      expect(strength([[8, blank]], [[4, blank]], [[1, 0]])).toEqual([[2]]);
    });

    it.each(BLANKS)('fails the call for a blank in a shared rival row (%s)', (_, blank) => {
      const error = thrown(() => strength([[8, 6], [5, 5]], [[4, blank]], [[1, 1]]));
      expect(error.message).toBe(messages.sharedRivalInvalid(2, 'is blank'));
    });

    it('reads a blank Excel sent as 0 as the rating 0 (the host gives no way to tell)', () => {
      expect(strength([[0, 0]], [[4, 6]], [[1, 1]])).toEqual([[0]]);
      expect(strength([[8, 6]], [[0, 0]], [[1, 1]])).toEqual([[new CellError('VALUE', messages.rivalRatedZero(1))]]);
    });
  });

  describe('text in numbers', () => {
    it('puts an error naming the row, column and text in that row only', () => {
      const out = strength([[8, 6], [8, '6']], [[4, 6]], [[1, 1]]);
      expect(out).toEqual([[1.4], [new CellError('VALUE', messages.textInNumber('yours', 2, 2, '6'))]]);
    });

    it('names best_rival when the text is in a rival row', () => {
      expect(strength([[8, 6]], [['four', 6]], [[1, 1]])).toEqual([[new CellError('VALUE', messages.textInNumber('best_rival', 1, 1, 'four'))]]);
    });

    it('fails the call for text in a shared rival row', () => {
      const error = thrown(() => strength([[8, 6], [5, 5]], [['four', 6]], [[1, 1]]));
      expect(error.message).toBe(messages.sharedRivalInvalid(1, 'is the text "four"'));
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text "#N/A"', '#N/A', new CellError('NA', '')],
      ['a Sheets row error "#VALUE! msg"', '#VALUE! upstream', new CellError('VALUE', 'upstream')],
    ])('passes %s through to that row, from either side', (_, cell, expected) => {
      expect(strength([[cell, 6], [8, 6]], [[4, 6], [4, 6]], [[1, 1]])).toEqual([[expected], [1.4]]);
      expect(strength([[8, 6], [8, 6]], [[4, 6], [4, cell]], [[1, 1]])).toEqual([[1.4], [expected]]);
    });

    it('fails the call with the kind of an error in a shared rival row', () => {
      const error = thrown(() => strength([[8, 6], [5, 5]], [['#N/A', 6]], [[1, 1]]));
      expect(error.kind).toBe('NA');
      expect(error.message).toBe(messages.sharedRivalInvalid(1, 'holds the error #N/A'));
    });
  });

  describe('boundaries', () => {
    it('gives exactly 1 at parity', () => {
      expect(strength([[7, 3]], [[3, 7]], [[1, 1]])).toEqual([[1]]);
    });

    it('accepts a rating of 0', () => {
      expect(strength([[0, 10]], [[5, 5]], [[1, 1]])).toEqual([[1]]);
    });

    it('rejects a negative rating in that row', () => {
      expect(strength([[-1, 6]], [[4, 6]], [[1, 1]])).toEqual([[new CellError('VALUE', messages.ratingNegative('yours', 1, 1, -1))]]);
    });

    it('reports a rival rated 0 on every weighted criterion, per row or for the whole call', () => {
      expect(strength([[8, 6]], [[0, 6]], [[1, 0]])).toEqual([[new CellError('VALUE', messages.rivalRatedZero(1))]]);
      expect(thrown(() => strength([[8, 6], [1, 1]], [[0, 6]], [[1, 0]])).message).toBe(messages.rivalRatedZero(undefined));
    });

    it('fails the call for negative weights', () => {
      expect(thrown(() => strength([[8, 6]], [[4, 6]], [[1, -1]])).message).toBe(messages.weightNegative('weights', 2, -1));
    });
  });
});
