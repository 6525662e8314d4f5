// KAM_FLAGS: big names, old friends and difficult customers, with thresholds the options can change.
import { describe, expect, it } from 'vitest';
import { Cell, CellError, Grid } from '../../../src/core/functions/cells';
import { DEFAULT_FLAG_OPTIONS, flags, readFlagOptions, topRevenueCut } from '../../../src/core/functions/flags';
import { messages } from '../../support/english-messages';
import { BLANKS, col, firstColumn, thrown } from '../../support/cells';

// Ten accounts: revenue 1000 is the top 10 % (one account of ten).
const REVENUE = col(1000, 900, 800, 700, 600, 500, 400, 300, 200, 100);
const ATTRACTIVE = col(...Array<Cell>(10).fill(7));
const PROFIT = col(...Array<Cell>(10).fill(50));
const TENURE = col(...Array<Cell>(10).fill(2));

/** Copies of the ten-account columns with row `row` (0-based) changed. */
function withRow(grid: Grid, row: number, value: Cell): Grid {
  return grid.map((cells, i) => (i === row ? [value] : cells));
}

describe('KAM_FLAGS', () => {
  describe('happy path', () => {
    it('gives empty text to an account with nothing to warn about', () => {
      expect(firstColumn(flags(REVENUE, ATTRACTIVE, PROFIT, TENURE))).toEqual(Array(10).fill(''));
    });

    it.each([
      ['Big name', withRow(ATTRACTIVE, 0, 3), PROFIT, TENURE, 0],
      ['Old friend', withRow(ATTRACTIVE, 4, 3), PROFIT, withRow(TENURE, 4, 12), 4],
      ['Difficult', ATTRACTIVE, withRow(PROFIT, 6, -20), TENURE, 6],
    ])('flags a %s', (flag, attractiveness, profit, tenure, row) => {
      const out = firstColumn(flags(REVENUE, attractiveness, profit, tenure));
      expect(out[row]).toBe(flag);
      expect(out.filter((text) => text !== '')).toEqual([flag]);
    });

    it('joins several warnings with ", " in a fixed order', () => {
      const out = flags(REVENUE, withRow(ATTRACTIVE, 0, 2), withRow(PROFIT, 0, 0), withRow(TENURE, 0, 15));
      expect(out[0]).toEqual(['Big name, Old friend, Difficult']);
    });

    it('does not flag a top-revenue account that is attractive', () => {
      expect(flags(REVENUE, ATTRACTIVE, PROFIT)[0]).toEqual(['']);
    });

    it('raises no Old friend without tenure', () => {
      expect(firstColumn(flags(REVENUE, withRow(ATTRACTIVE, 4, 3), PROFIT))).toEqual(Array(10).fill(''));
    });
  });

  describe('options', () => {
    it.each([
      ['text', 'top=20%; cut=6; tenure=8; profit=100'],
      ['text with other case, spaces and line breaks', ' TOP = 0.2 \n Cut=6;tenure=8 ; profit = 100 ;'],
      ['a 2-column range', [['top', 0.2], ['cut', 6], ['tenure', 8], ['profit', 100]]],
      ['a 2-column range with blank rows', [['top', 0.2], ['', ''], ['cut', 6], ['tenure', 8], ['profit', 100]]],
    ])('reads options given as %s', (_, options) => {
      expect(readFlagOptions(options as Cell)).toEqual({ top: 0.2, cut: 6, tenure: 8, profit: 100 });
    });

    it.each([...BLANKS, ['empty text', ' ']])('uses the defaults for blank or omitted options (%s)', (_, options) => {
      expect(readFlagOptions(options as Cell)).toEqual(DEFAULT_FLAG_OPTIONS);
    });

    it('keeps the defaults of options left out', () => {
      expect(readFlagOptions('cut=6')).toEqual({ ...DEFAULT_FLAG_OPTIONS, cut: 6 });
    });

    it('changes the flags', () => {
      // top 20 %: revenues 1000 and 900; cut 8: attractiveness 7 is low.
      const out = firstColumn(flags(REVENUE, ATTRACTIVE, PROFIT, undefined, 'top=20%; cut=8'));
      expect(out.slice(0, 3)).toEqual(['Big name', 'Big name', '']);
    });

    it.each([
      ['an unknown option', 'size=3', messages.optionUnknown('size')],
      ['a part without "="', 'top 10%', messages.optionSyntax('top 10%')],
      ['a value that is not a number', 'cut=high', messages.optionValue('cut', 'is "high", not a number')],
      ['a top share of 0', 'top=0', messages.optionValue('top', 'is 0')],
      ['a top share above 1', 'top=150%', messages.optionValue('top', 'is 1.5')],
      ['an option given twice', 'cut=5; CUT=6', messages.optionTwice('cut')],
      ['a number instead of options', 5, messages.optionsShape(1, 1)],
      ['a range of 3 columns', [['top', 0.1, 'x']], messages.optionsShape(1, 3)],
      ['a range row without a name', [['', 0.1]], messages.optionNameMissing(1)],
      ['a range row without a value', [['top', '']], messages.optionValue('top', 'is blank')],
      ['text as a value in a range', [['top', '10%']], messages.optionValue('top', 'is the text "10%"')],
    ])('fails the call for %s', (_, options, message) => {
      expect(thrown(() => flags(REVENUE, ATTRACTIVE, PROFIT, undefined, options as Cell)).message).toBe(message);
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value): one account is its own top 10 %', () => {
      expect(flags(1000, 3, 5)).toEqual([['Big name']]);
    });

    it.each([
      ['attractiveness', () => flags(REVENUE, col(1), PROFIT), messages.rowsDiffer('revenue', 10, 'attractiveness', 1)],
      ['profit', () => flags(REVENUE, ATTRACTIVE, col(1)), messages.rowsDiffer('revenue', 10, 'profit', 1)],
      ['tenure', () => flags(REVENUE, ATTRACTIVE, PROFIT, col(1)), messages.rowsDiffer('revenue', 10, 'tenure', 1)],
    ])('fails the call when %s has different rows', (_, call, message) => {
      expect(thrown(call).message).toBe(message);
    });

    it('fails the call for revenue in more than one column', () => {
      expect(thrown(() => flags([[1, 2]], col(1), col(1))).message).toBe(messages.notAColumn('revenue', 1, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank result for a row blank in every argument (%s)', (_, blank) => {
      expect(flags(col(100, blank), col(3, blank), col(-1, blank), col(1, blank))).toEqual([['Big name, Difficult'], ['']]);
    });

    it.each(BLANKS)('skips only the checks that need a blank value, in a row with other data (%s)', (_, blank) => {
      // Row 1: revenue unknown, so no Big name, but still Old friend and Difficult.
      // Row 2: attractiveness unknown: neither Big name nor Old friend can be told; Difficult still can.
      // Row 3: profit unknown: no Difficult. Row 4: tenure unknown: no Old friend.
      expect(firstColumn(flags(col(blank, 100, 100, 100), col(3, blank, 3, 3), col(-1, -1, blank, -1), col(12, 12, 12, blank)))).toEqual([
        'Old friend, Difficult',
        'Difficult',
        'Big name, Old friend',
        'Big name, Difficult',
      ]);
    });

    it.each(BLANKS)('counts only the given revenues for the top 10 % (%s)', (_, blank) => {
      expect(topRevenueCut(col(blank, 5, blank, 9, 7), 0.1)).toBe(9);
    });

    it('reads a profit Excel sent as 0 for a blank cell as 0, which is Difficult', () => {
      expect(flags(col(100, 50), col(7, 7), col(10, 0))).toEqual([[''], ['Difficult']]);
    });
  });

  describe('text in numbers', () => {
    it('puts an error naming the row and text in that row only, and leaves it out of the ranking', () => {
      const out = firstColumn(flags(col('$5,000', 100, 50), col(3, 3, 3), col(1, 1, 1)));
      expect(out).toEqual([new CellError('VALUE', messages.textInNumber('revenue', 1, 1, '$5,000')), 'Big name', '']);
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text "#N/A"', '#N/A', new CellError('NA', '')],
      ['a row error from SCORE in Sheets', '#VALUE! scores: row 2 …', new CellError('VALUE', 'scores: row 2 …')],
    ])('passes %s in any argument through to that row', (_, cell, expected) => {
      const base = () => [col(100, 50), col(7, 7), col(1, 1), col(1, 1)];
      for (let arg = 0; arg < 4; arg++) {
        const args = base();
        args[arg][1][0] = cell;
        expect(flags(args[0], args[1], args[2], args[3])).toEqual([[''], [expected]]);
      }
    });

    it('fails the call with the kind of an error given as options', () => {
      expect(thrown(() => flags(REVENUE, ATTRACTIVE, PROFIT, undefined, [[new CellError('NA', ''), '']])).message).toBe(messages.valueIsError('options', 'holds the error #N/A'));
      expect(thrown(() => flags(REVENUE, ATTRACTIVE, PROFIT, undefined, [['top', '#N/A']])).kind).toBe('NA');
      expect(thrown(() => flags(REVENUE, ATTRACTIVE, PROFIT, undefined, '#N/A')).kind).toBe('NA');
    });
  });

  describe('boundaries', () => {
    it('counts attractiveness equal to the cut as not low', () => {
      expect(flags(col(100), col(5), col(1), col(20))).toEqual([['']]);
      expect(flags(col(100), col(4.99), col(1), col(20))).toEqual([['Big name, Old friend']]);
    });

    it('counts tenure equal to the threshold as an old friend', () => {
      expect(flags(col(100, 200), col(7, 3), col(1, 1), col(3, 10))[1]).toEqual(['Big name, Old friend']);
      expect(flags(col(200, 100), col(7, 3), col(1, 1), col(3, 10))[1]).toEqual(['Old friend']);
      expect(flags(col(200, 100), col(7, 3), col(1, 1), col(3, 9.99))[1]).toEqual(['']);
    });

    it('counts profit equal to the threshold as difficult', () => {
      expect(firstColumn(flags(col(100, 100), col(7, 7), col(0, 0.01)))).toEqual(['Difficult', '']);
    });

    it.each([
      [10, 0.1, 1],
      [11, 0.1, 2],
      [30, 0.1, 3], // 0.1 × 30 is 3.0000000000000004 in binary: still 3 accounts
      [5, 0.1, 1],
      [10, 1, 10],
    ])('takes the top ceil(top × n) of %s accounts at top=%s: %s accounts', (n, top, count) => {
      const revenue = col(...Array.from({ length: n }, (_, i) => 1000 - i));
      const cut = topRevenueCut(revenue, top);
      expect(revenue.filter(([r]) => (r as number) >= cut)).toHaveLength(count);
    });

    it('includes every account tied at the top cut', () => {
      expect(firstColumn(flags(col(500, 500, 100, 90, 80, 70, 60, 50, 40, 30), col(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), col(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).slice(0, 3)).toEqual(['Big name', 'Big name', '']);
    });
  });
});
