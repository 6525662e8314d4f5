// KAM_SCORE: weighted mean of factor scores on 0..10, with optional worst/best scales.
import { describe, expect, it } from 'vitest';
import { CellError, Grid } from '../../../src/core/functions/cells';
import { messages } from '../../support/english-messages';
import { score } from '../../../src/core/functions/score';
import { BLANKS, firstColumn, thrown } from '../../support/cells';
import { RATINGS, WEIGHTS } from '../../support/published-table';

describe('KAM_SCORE', () => {
  describe('happy path', () => {
    it('reproduces the published weighted totals exactly', () => {
      expect(firstColumn(score(RATINGS, WEIGHTS))).toEqual([5.95, 7.7, 6.85, 2.1, 3.7]);
    });

    it.each([
      ['weights in a column', WEIGHTS[0].map((w) => [w])],
      ['weights as points out of 100', [WEIGHTS[0].map((w) => w * 100)]],
    ])('gives the same result with %s', (_, weights) => {
      expect(firstColumn(score(RATINGS, weights))).toEqual([5.95, 7.7, 6.85, 2.1, 3.7]);
    });

    it.each([
      ['higher is better', [[0], [200]], 150, 7.5],
      ['lower is better (worst above best)', [[20], [5]], 8, 8],
      ['clamped below the worst value', [[0], [100]], -30, 0],
      ['clamped above the best value', [[0], [100]], 130, 10],
    ])('applies a linear scale: %s', (_, scales, raw, expected) => {
      expect(score([[raw]], [[1]], scales)).toEqual([[expected]]);
    });

    it.each([
      ['the geometric middle scores 5', [[10000], [1000000], ['log']], 100000, 5],
      ['equal ratios count the same', [[10000], [1000000], ['Log']], 10000 * 10 ** 0.5, 2.5],
      ['a loss scores as the lower anchor', [[100], [10000], ['log']], -400, 0],
      ['0 scores as the lower anchor', [[100], [10000], ['log']], 0, 0],
      ['clamped above the best value', [[100], [10000], ['log']], 1e9, 10],
      ['lower is better on a log scale', [[10000], [100], ['log']], 1000, 5],
      ['lower is better: below the best value scores 10', [[10000], [100], ['log']], 0, 10],
      ['a blank third row is linear', [[0], [200], [null]], 150, 7.5],
      ['"linear" is linear', [[0], [200], ['linear']], 150, 7.5],
    ])('applies a log scale from a third row: %s', (_, scales, raw, expected) => {
      expect(score([[raw]], [[1]], scales as Grid)[0][0]).toBeCloseTo(expected, 12);
    });

    it('mixes linear and log factors in one call', () => {
      // Revenue 100,000 on 10,000…1,000,000 log scores 5; margin 0.3 on 0.1…0.5 linear scores 5.
      expect(score([[100000, 0.3]], [[1, 3]], [[10000, 0.1], [1000000, 0.5], ['log', 'linear']])).toEqual([[5]]);
    });
  });

  describe('shapes', () => {
    it('takes a single value as a 1×1 range (Sheets passes a single cell that way)', () => {
      expect(score(7 as never, 1)).toEqual([[7]]);
    });

    it('fails the call when weights do not match the factors', () => {
      const error = thrown(() => score(RATINGS, [[1, 1]]));
      expect(error.message).toBe(messages.columnsDiffer('scores', 9, 'weights', 2, 'weights'));
    });

    it('fails the call for scales of the wrong shape', () => {
      const error = thrown(() => score([[1, 2]], [[1, 1]], [[0, 0]]));
      expect(error.message).toBe(messages.scalesShape('scales', 1, 2, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank result for a row left entirely blank (%s)', (_, blank) => {
      expect(score([[8, 6], [blank, blank]], [[1, 1]])).toEqual([[7], ['']]);
    });

    it.each(BLANKS)('reports a blank score for a weighted factor (%s)', (_, blank) => {
      const [[result]] = score([[8, blank]], [[1, 1]]);
      expect(result).toEqual(new CellError('VALUE', messages.blankScore('scores', 1, 2)));
    });

    it.each(BLANKS)('allows a blank score where the weight is 0 (%s)', (_, blank) => {
      expect(score([[8, blank]], [[1, 0]])).toEqual([[8]]);
    });

    it('reads a blank Excel sent as 0 as the score 0 (the host gives no way to tell)', () => {
      expect(score([[0, 0]], [[1, 1]])).toEqual([[0]]);
    });

    it.each(BLANKS)('counts a blank weight as 0 (%s)', (_, blank) => {
      expect(score([[8, 2]], [[1, blank]])).toEqual([[8]]);
    });
  });

  describe('text in numbers', () => {
    it('puts an error naming the row, column and text in that row only', () => {
      const out = score([[8, 6], ['7', 6], [2, 4]], [[1, 1]]);
      expect(out[0]).toEqual([7]);
      expect(out[1][0]).toEqual(new CellError('VALUE', messages.textInNumber('scores', 2, 1, '7')));
      expect(out[2]).toEqual([3]);
    });

    it('treats TRUE as an error, not as 1', () => {
      expect(score([[true, 6]], [[1, 1]])[0][0]).toEqual(new CellError('VALUE', messages.booleanInNumber('scores', 1, 1, true)));
    });

    it('fails the call for text in weights', () => {
      const error = thrown(() => score([[8, 6]], [[1, 'x']]));
      expect(error.message).toBe(messages.weightInvalid('weights', 2, 'is the text "x"'));
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value (Excel, HyperFormula)', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text "#N/A"', '#N/A', new CellError('NA', '')],
      ['a row error from another KAM function in Sheets', '#VALUE! upstream problem', new CellError('VALUE', 'upstream problem')],
    ])('passes %s through to that row', (_, cell, expected) => {
      const out = score([[cell, 6], [8, 6]], [[1, 1]]);
      expect(out[0][0]).toEqual(expected);
      expect(out[1]).toEqual([7]);
    });

    it('reports an input error before a blank in the same row', () => {
      expect(score([['', '#N/A']], [[1, 1]])[0][0]).toEqual(new CellError('NA', ''));
    });

    it('fails the call with the error kind of a weight', () => {
      const error = thrown(() => score([[8]], [[new CellError('NA', '')]]));
      expect(error.kind).toBe('NA');
    });
  });

  describe('boundaries', () => {
    it.each([
      ['negative', [[-1, 1]], messages.weightNegative('weights', 1, -1)],
      ['all zero', [[0, 0]], messages.weightsAllZero('weights')],
    ])('fails the call for %s weights', (_, weights, message) => {
      expect(thrown(() => score([[8, 6]], weights as Grid)).message).toBe(message);
    });

    it('fails the call for a log scale with an anchor of 0 or less, or an unknown word', () => {
      expect(thrown(() => score([[8]], [[1]], [[0], [10], ['log']])).message).toBe(messages.scaleLogNotPositive('scales', 1, 0, 10));
      expect(thrown(() => score([[8]], [[1]], [[1], [10], ['exp']])).message).toBe(messages.scaleCurveInvalid('scales', 1, 'exp'));
      expect(thrown(() => score([[8]], [[1]], [[1], [10], ['log'], ['log']])).message).toBe(messages.scalesShape('scales', 4, 1, 1));
    });

    it('fails the call for a flat scale', () => {
      expect(thrown(() => score([[8]], [[1]], [[5], [5]])).message).toBe(messages.scaleFlat('scales', 1, 5));
    });

    it('hits exactly 0 and 10 at the ends of a scale', () => {
      expect(score([[20], [5]], [[1]], [[20], [5]])).toEqual([[0], [10]]);
    });
  });
});
