// KAM_DRIFT: the 4×4 transition table of previous against current positions, against hand counts.
import { describe, expect, it } from 'vitest';
import { Cell, CellError } from '../../../src/core/functions/cells';
import { DRIFT_CORNER, countMoves, drift } from '../../../src/core/functions/drift';
import { messages } from '../../support/english-messages';
import { BLANKS, col, thrown } from '../../support/cells';

const HEADER = [DRIFT_CORNER, 'Strategic', 'Star', 'Status', 'Streamline'];

/** The expected table from its 4×4 counts. */
const table = (counts: number[][]): (string | number)[][] => [HEADER, ...['Strategic', 'Star', 'Status', 'Streamline'].map((word, p) => [word, ...counts[p]])];

// The worked example of docs/functions.md: ten accounts, last year and this year.
const LAST = col('Strategic', 'Strategic', 'Star', 'Star', 'Star', 'Status', 'Status', 'Streamline', 'Streamline', 'Streamline');
const NOW = col('Strategic', 'Status', 'Strategic', 'Star', 'Streamline', 'Status', 'Status', 'Star', 'Streamline', 'Streamline');

describe('KAM_DRIFT', () => {
  describe('happy path', () => {
    it('counts each account\'s move, rows previous and columns current, in the order Strategic, Star, Status, Streamline', () => {
      expect(drift(LAST, NOW)).toEqual(
        table([
          [1, 0, 1, 0], // Strategic: one stayed, one fell to Status
          [1, 1, 0, 1], // Star: one up to Strategic, one stayed, one down to Streamline
          [0, 0, 2, 0], // Status: both stayed
          [0, 1, 0, 2], // Streamline: one up to Star, two stayed
        ]),
      );
    });

    it('has the accounts that stayed on the diagonal and every counted account once', () => {
      const out = drift(LAST, NOW);
      const counts = out.slice(1).map((row) => row.slice(1) as number[]);
      expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(10);
      expect(counts.map((row, p) => row[p])).toEqual([1, 1, 2, 2]);
    });

    it.each([
      ['any case and surrounding spaces', col(' strategic ', 'STAR'), col('Star', ' status')],
      ['the words as KAM_POSITION writes them', col('Strategic', 'Star'), col('Star', 'Status')],
    ])('reads position words as KAM_REWARD does: %s', (_, previous, current) => {
      expect(drift(previous, current)).toEqual(table([[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0]]));
    });

    it('gives a table of zeros when nothing is counted', () => {
      expect(drift(col('', ''), col('', ''))).toEqual(table([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]));
    });

    it('counts indices through the core API, leaving out new and lost accounts (-1)', () => {
      const counts = countMoves([0, 1, -1, 3, 3], [0, 0, 2, -1, 3]);
      expect(counts).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value)', () => {
      expect(drift('Star', 'Strategic')).toEqual(table([[0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]));
    });

    it('fails the call when the columns differ in rows', () => {
      expect(thrown(() => drift(col('Star', 'Star'), col('Star'))).message).toBe(messages.rowsDiffer('previous_positions', 2, 'positions', 1));
    });

    it('fails the call for more than one column', () => {
      expect(thrown(() => drift([['Star', 'Star']], col('Star'))).message).toBe(messages.notAColumn('previous_positions', 1, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('ignores a row blank in both columns (%s)', (_, blank) => {
      expect(drift(col('Star', blank), col('Star', blank))).toEqual(table([[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]));
    });

    it.each(BLANKS)('leaves out an account new this year or lost since (one of the two blank) (%s)', (_, blank) => {
      expect(drift(col('Star', blank, 'Status'), col('Star', 'Strategic', blank))).toEqual(table([[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]));
    });

    it('treats text of spaces only as blank', () => {
      expect(drift(col('  '), col('Star'))).toEqual(table([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]));
    });
  });

  describe('text that is not a position', () => {
    it.each<[string, Cell, string]>([
      ['a word', 'Key account', 'Key account'],
      ['a number', 3, '3'],
      ['TRUE', true, 'TRUE'],
    ])('fails the call naming the argument and row for %s', (_, cell, shown) => {
      const error = thrown(() => drift(col('Star', cell), col('Star', 'Star')));
      expect(error.message).toBe(messages.rowProblemInDrift(messages.positionUnknown(2, shown, 'previous_positions')));
    });

    it('names positions when the current column holds the problem, even in a row blank on the other side', () => {
      const error = thrown(() => drift(col('Star', ''), col('Star', 'Stra')));
      expect(error.message).toBe(messages.rowProblemInDrift(messages.positionUnknown(2, 'Stra', 'positions')));
    });
  });

  describe('error pass-through', () => {
    it.each<[string, Cell, string]>([
      ['an error value', new CellError('NA', ''), messages.errorInCell('previous_positions', 1, 1, 'NA')],
      ['Sheets error text', '#N/A', messages.errorInCell('previous_positions', 1, 1, 'NA')],
      ['a row error from another KAM function', '#N/A attractiveness: row 1 is blank', 'attractiveness: row 1 is blank'],
    ])('fails the call with the kind of %s, suggesting IFERROR for a lookup', (_, cell, detail) => {
      const error = thrown(() => drift(col(cell), col('Star')));
      expect(error.kind).toBe('NA');
      expect(error.message).toBe(messages.rowProblemInDrift(detail));
    });
  });
});
