// KAM_CLV: customer lifetime value from margin, retention and discount rate, over a horizon or without end.
import { describe, expect, it } from 'vitest';
import { CellError } from '../../../src/core/functions/cells';
import { clv, lifetimeFactor } from '../../../src/core/functions/clv';
import { messages } from '../../support/english-messages';
import { round15 } from '../../../src/core/functions/precision';
import { BLANKS, col, firstColumn, thrown } from '../../support/cells';

/** Σ_{t=1..T} m·r^t/(1+d)^t, term by term, as the issue writes it. */
function directSum(m: number, r: number, d: number, years: number): number {
  let total = 0;
  for (let t = 1; t <= years; t++) total += (m * r ** t) / (1 + d) ** t;
  return total;
}

describe('KAM_CLV', () => {
  describe('happy path', () => {
    it('gives m·r/(1+d−r) without a horizon', () => {
      expect(clv(col(100), 0.8, 0.1)).toEqual([[round15((100 * 0.8) / (1.1 - 0.8))]]);
    });

    it.each([1, 2, 3, 10, 50, 400])('gives the discounted sum over %s years', (years) => {
      const [[result]] = clv(col(1200), 0.85, 0.08, years);
      expect(result as number).toBeCloseTo(directSum(1200, 0.85, 0.08, years), 9);
    });

    it('approaches the unlimited value as the horizon grows', () => {
      const [[long]] = clv(col(100), 0.8, 0.1, 1000);
      expect(long).toBe(clv(col(100), 0.8, 0.1)[0][0]);
    });

    it('takes one retention per account', () => {
      expect(firstColumn(clv(col(100, 100), col(0.5, 0.8), 0))).toEqual([100, 400]);
    });

    it('applies a single retention to every account', () => {
      expect(firstColumn(clv(col(100, 200, -50), 0.5, 0))).toEqual([100, 200, -50]);
    });

    it('keeps a loss-making account\'s value negative', () => {
      expect(clv(col(-100), 0.5, 0)).toEqual([[-100]]);
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value)', () => {
      expect(clv(100, 0.5, 0, 1)).toEqual([[50]]);
    });

    it('takes the single values as 1×1 ranges', () => {
      expect(clv(col(100, 100), [[0.5]], [[0]], [[1]])).toEqual([[50], [50]]);
    });

    it('fails the call when retention has neither one row per account nor a single value', () => {
      expect(thrown(() => clv(col(1, 2, 3), col(0.5, 0.5), 0.1)).message).toBe(messages.rowsDifferOrOne('margins', 3, 'retention', 2, 'value'));
    });

    it.each([
      ['margins', () => clv([[1, 2]], 0.5, 0.1), messages.notAColumn('margins', 1, 2)],
      ['retention', () => clv(col(1, 2), [[0.5, 0.5], [0.5, 0.5]], 0.1), messages.notAColumn('retention', 2, 2)],
    ])('fails the call for %s in more than one column', (_, call, message) => {
      expect(thrown(call).message).toBe(message);
    });

    it('fails the call for a discount_rate range', () => {
      expect(thrown(() => clv(col(1), 0.5, [[0.1, 0.2]])).message).toBe(messages.notASingleValue('discount_rate', 1, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank result for a blank margin with a single retention (%s)', (_, blank) => {
      expect(clv(col(100, blank), 0.5, 0)).toEqual([[100], ['']]);
    });

    it.each(BLANKS)('gives a blank result for a row blank in margins and retention (%s)', (_, blank) => {
      expect(clv(col(100, blank), col(0.5, blank), 0)).toEqual([[100], ['']]);
    });

    it.each(BLANKS)('reports a row with only one of margin and retention (%s)', (_, blank) => {
      expect(clv(col(blank, 100), col(0.5, blank), 0)).toEqual([
        [new CellError('VALUE', messages.blankInRow('margins', 1, 1, 'retention'))],
        [new CellError('VALUE', messages.blankInRow('retention', 2, 1, 'margins'))],
      ]);
    });

    it.each(BLANKS)('fails the call for a blank single retention or discount_rate (%s)', (_, blank) => {
      expect(thrown(() => clv(col(1, 2), blank, 0.1)).message).toBe(messages.retentionMissing());
      expect(thrown(() => clv(col(1, 2), 0.5, blank)).message).toBe(messages.discountMissing());
    });

    it.each(BLANKS)('uses no horizon for a blank or omitted years (%s)', (_, blank) => {
      expect(clv(col(100), 0.5, 0, blank)).toEqual([[100]]);
    });

    it('reads a margin Excel sent as 0 for a blank cell as 0', () => {
      expect(clv(col(0), 0.5, 0.1)).toEqual([[0]]);
    });
  });

  describe('text in numbers', () => {
    it('puts an error naming the row and text in that row only', () => {
      expect(clv(col(100, '1,200'), 0.5, 0)).toEqual([[100], [new CellError('VALUE', messages.textInNumber('margins', 2, 1, '1,200'))]]);
    });

    it('reports text in a per-row retention in that row', () => {
      expect(clv(col(100, 100), col(0.5, '85%'), 0)).toEqual([[100], [new CellError('VALUE', messages.textInNumber('retention', 2, 1, '85%'))]]);
    });

    it.each([
      ['a single retention', () => clv(col(1, 2), '85%', 0.1), messages.valueNotNumber('retention', 'is the text "85%"')],
      ['discount_rate', () => clv(col(1), 0.5, '10%'), messages.valueNotNumber('discount_rate', 'is the text "10%"')],
      ['years', () => clv(col(1), 0.5, 0.1, 'five'), messages.valueNotNumber('years', 'is the text "five"')],
    ])('fails the call for text as %s', (_, call, message) => {
      expect(thrown(call).message).toBe(message);
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text "#N/A"', '#N/A', new CellError('NA', '')],
      ['a Sheets row error "#VALUE! msg"', '#VALUE! upstream', new CellError('VALUE', 'upstream')],
    ])('passes %s in margins or retention through to that row', (_, cell, expected) => {
      expect(clv(col(cell, 100), 0.5, 0)).toEqual([[expected], [100]]);
      expect(clv(col(100, 100), col(0.5, cell), 0)).toEqual([[100], [expected]]);
    });

    it('fails the call with the kind of an error given as discount_rate', () => {
      expect(thrown(() => clv(col(1), 0.5, '#N/A')).kind).toBe('NA');
    });
  });

  describe('boundaries', () => {
    it('gives 0 for retention 0', () => {
      expect(clv(col(100, 100), 0, 0.1)).toEqual([[0], [0]]);
      expect(clv(col(100), 0, 0.1, 5)).toEqual([[0]]);
    });

    it('stays accurate for retention just below 1', () => {
      expect(clv(col(100), 0.999, 0)[0][0]).toBeCloseTo(99900, 6);
      expect(clv(col(100), 0.999, 0, 3)[0][0] as number).toBeCloseTo(directSum(100, 0.999, 0, 3), 9);
    });

    it.each([1, -0.1, 85])('reports retention %s in that row, or for the call when it is the single value', (retention) => {
      expect(clv(col(100, 100), col(0.5, retention), 0)[1]).toEqual([new CellError('VALUE', messages.retentionOutOfRange(2, retention))]);
      expect(thrown(() => clv(col(1, 2), retention, 0)).message).toBe(messages.retentionOutOfRange(undefined, retention));
    });

    it('takes a discount rate of 0', () => {
      expect(clv(col(100), 0.5, 0, 2)).toEqual([[75]]);
    });

    it('fails the call for a negative discount rate', () => {
      expect(thrown(() => clv(col(1), 0.5, -0.01)).message).toBe(messages.discountNegative(-0.01));
    });

    it.each([0, 2.5, -1])('fails the call for years %s', (years) => {
      expect(thrown(() => clv(col(1), 0.5, 0.1, years)).message).toBe(messages.yearsInvalid(years));
    });

    it('computes the same factor by closed form as term by term', () => {
      for (const [r, d, years] of [[0.3, 0, 7], [0.95, 0.12, 25], [0.5, 1, 2]]) {
        expect(lifetimeFactor(r, d, years)).toBeCloseTo(directSum(1, r, d, years), 12);
      }
    });
  });
});
