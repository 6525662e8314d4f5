// KAM_SELECT: argument handling, outputs, duplicates, blanks and small instances against brute force.
// (The solver's optimum is certified against HiGHS in test/core/knapsack.test.ts.)
import { describe, expect, it } from 'vitest';
import { Cell, CellError, KamError } from '../../../src/core/functions/cells';
import { messages } from '../../support/english-messages';
import { MAX_REASON_SOLVES, select } from '../../../src/core/functions/select';
import { BLANKS, col, firstColumn, thrown } from '../../support/cells';

const NAMES = col('Acme', 'Borg', 'Cyan', 'Dyno');
const VALUES = col(10, 6, 6, 2);
const COSTS = col(5, 3, 3, 1);

/** The best total value any subset reaches within capacity, by enumerating them all. */
function bruteForceBest(values: number[], costs: number[], capacity: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << values.length; mask++) {
    let value = 0;
    let cost = 0;
    for (let i = 0; i < values.length; i++) {
      if (mask & (1 << i)) {
        value += values[i];
        cost += costs[i];
      }
    }
    if (cost <= capacity + 1e-9 && value > best) best = value;
  }
  return best;
}

/** A small deterministic generator (mulberry32), so every run checks the same instances. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('KAM_SELECT', () => {
  describe('happy path', () => {
    it('picks the best set within capacity, not the top accounts by value', () => {
      // By value, Acme (10) comes first and then nothing else fits in 6; Borg + Cyan bring 12.
      expect(select(NAMES.slice(0, 3), VALUES.slice(0, 3), 6, COSTS.slice(0, 3))).toEqual([['Borg'], ['Cyan']]);
    });

    it('lists the chosen names highest value first', () => {
      expect(select(NAMES, VALUES, 9, COSTS)).toEqual([['Acme'], ['Borg'], ['Dyno']]);
    });

    it('treats capacity as a count when costs are omitted', () => {
      expect(select(NAMES, VALUES, 2)).toEqual([['Acme'], ['Borg']]);
    });

    it('gives name, value, cost and cumulative cost with output "table"', () => {
      expect(select(NAMES, VALUES, 9, COSTS, 'table')).toEqual([
        ['Acme', 10, 5, 5],
        ['Borg', 6, 3, 8],
        ['Dyno', 2, 1, 9],
      ]);
    });

    it('gives TRUE/FALSE aligned with the input rows with output "flags"', () => {
      expect(select(NAMES, VALUES, 9, COSTS, 'flags')).toEqual([[true], [true], [false], [true]]);
    });

    it('says why each account is not chosen with output "reasons", exactly', () => {
      // Capacity 6: Borg + Cyan (12) beat Acme + Dyno (11). Acme is worth more than the weakest chosen account, so
      // the reason is the trade-off worked out exactly; Dyno is worth less than every chosen account.
      expect(firstColumn(select(col('Acme', 'Borg', 'Cyan', 'Dyno', 'Echo', 'Fox'), col(10, 6, 6, 1, null, 9), 6, col(5, 3, 3, 1, null, 7), 'reasons'))).toEqual([
        'needs 5; to fit it in, 2 chosen accounts, Borg and Cyan (worth 12) would have to go, against 11 for it and Dyno',
        '',
        '',
        'worth less than every chosen account, and needs 1 with 0 left',
        'no positive value: never chosen',
        'needs 7, more than the whole capacity (6)',
      ]);
    });

    it('names what would come in with the account, and says when a tie decided', () => {
      // Capacity 10: Acme + Borg + Dyno (18). Cyan (6, 3) ties with Borg: the earlier row wins.
      expect(firstColumn(select(NAMES, VALUES, 9, COSTS, 'reasons'))).toEqual([
        '', '', 'needs 3; a selection with it is worth the same, and ties go to the lower total cost, then to earlier rows', '',
      ]);
      // Capacity 8: Acme + Dyno + (nothing else fits: 2 left)... the optimum is Acme + Borg (16) in 8.
      expect(firstColumn(select(col('Acme', 'Borg', 'Cyan', 'Dyno'), col(10, 7, 4, 4), 8, col(5, 3, 2, 2), 'reasons'))).toEqual([
        '', '', 'worth less than every chosen account, and needs 2 with 0 left', 'worth less than every chosen account, and needs 2 with 0 left',
      ]);
      expect(firstColumn(select(col('Big', 'A', 'B', 'C'), col(9, 5, 5, 1), 4, col(4, 2, 2, 1), 'reasons'))).toEqual([
        'needs 4; to fit it in, 2 chosen accounts, A and B (worth 10) would have to go, against 9 for it', '', '', 'worth less than every chosen account, and needs 1 with 0 left',
      ]);
    });

    it(`works out at most ${MAX_REASON_SOLVES} trade-offs in one call, and says so for the rest`, () => {
      // Two accounts worth 6 for 5 days each fill 10 days (12); each of 400 accounts worth 7 for 6 days would
      // fit alone but is worth less than the pair: each needs its own exact solve.
      const n = 402;
      const names = col(...Array.from({ length: n }, (_, i) => `A${i}`));
      const values = col(6, 6, ...Array.from({ length: n - 2 }, () => 7));
      const costs = col(5, 5, ...Array.from({ length: n - 2 }, () => 6));
      const reasons = firstColumn(select(names, values, 10, costs, 'reasons')) as string[];
      expect(reasons.slice(0, 2)).toEqual(['', '']);
      expect(reasons.filter((r) => r.startsWith('needs 6; to fit it in'))).toHaveLength(MAX_REASON_SOLVES);
      expect(reasons.filter((r) => r.endsWith(`not worked out (more than ${MAX_REASON_SOLVES} such accounts)`))).toHaveLength(n - 2 - MAX_REASON_SOLVES);
    });

    it.each(['Table', ' TABLE ', [['table']]])('reads the output word %j in any case, as a value or 1×1 range', (output) => {
      expect(select(NAMES, VALUES, 9, COSTS, output as Cell)[0]).toHaveLength(4);
    });

    it('keeps a numeric account name as a number', () => {
      expect(select(col(1001, 1002), col(3, 5), 1)).toEqual([[1002]]);
    });

    it('matches brute force on 300 small random instances (integer and non-integer costs, many ties)', () => {
      const next = random(20240611);
      for (let instance = 0; instance < 300; instance++) {
        const n = 1 + Math.floor(next() * 11);
        const integer = instance % 2 === 0;
        const values = Array.from({ length: n }, () => (integer ? 1 + Math.floor(next() * 6) : Math.round(next() * 1000) / 100));
        const costs = Array.from({ length: n }, () => (integer ? 1 + Math.floor(next() * 5) : 0.25 + Math.round(next() * 400) / 100));
        const capacity = integer ? 1 + Math.floor(next() * 12) : Math.round(next() * 800) / 100 + 0.5;
        const names = values.map((_, i) => `A${i}`);
        const best = bruteForceBest(values.map((v) => (v > 0 ? v : 0)), costs, capacity);
        let flags: Cell[];
        try {
          flags = firstColumn(select(col(...names), col(...values), capacity, col(...costs), 'flags')) as Cell[];
        } catch (error) {
          expect(error).toBeInstanceOf(KamError);
          expect((error as KamError).kind).toBe('NA');
          expect(best, `instance ${instance}: nothing chosen but brute force finds ${best}`).toBe(0);
          continue;
        }
        let value = 0;
        let cost = 0;
        flags.forEach((flag, i) => {
          if (flag === true) {
            value += values[i];
            cost += costs[i];
          }
        });
        expect(cost, `instance ${instance} exceeds capacity`).toBeLessThanOrEqual(capacity * (1 + 1e-12));
        expect(value, `instance ${instance} is not optimal`).toBeCloseTo(best, 9);
      }
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value)', () => {
      expect(select('Acme', 5, 1)).toEqual([['Acme']]);
    });

    it.each([
      ['values', () => select(NAMES, col(1, 2), 2), messages.rowsDiffer('accounts', 4, 'values', 2)],
      ['costs', () => select(NAMES, VALUES, 2, col(1)), messages.rowsDiffer('accounts', 4, 'costs', 1)],
    ])('fails the call when %s has different rows', (_, call, message) => {
      expect(thrown(call).message).toBe(message);
    });

    it('fails the call for accounts in more than one column', () => {
      expect(thrown(() => select([['Acme', 'x']], col(1), 1)).message).toBe(messages.notAColumn('accounts', 1, 2));
    });

    it('fails the call for a capacity range', () => {
      expect(thrown(() => select(NAMES, VALUES, [[1, 2]])).message).toBe(messages.notASingleValue('capacity', 1, 2));
    });

    it('fails the call for an unknown output', () => {
      expect(thrown(() => select(NAMES, VALUES, 2, undefined, 'names')).message).toBe(messages.outputInvalid('names'));
    });
  });

  describe('duplicates', () => {
    it.each([
      ['the same name', 'Acme', 'Acme'],
      ['a different case and spaces', 'Acme', ' ACME '],
      ['the same number', 1001, 1001],
    ])('fails the call for %s twice, naming it and both rows', (_, first, second) => {
      const error = thrown(() => select(col(first, 'Borg', second), col(1, 2, 3), 2));
      expect(error.kind).toBe('VALUE');
      expect(error.message).toBe(messages.duplicateAccount(String(first), 1, 3));
    });

    it('fails the call for a duplicate even with output "flags" and a blank value', () => {
      expect(thrown(() => select(col('Acme', 'Acme'), col(1, null), 2, undefined, 'flags')).message).toBe(messages.duplicateAccount('Acme', 1, 2));
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('skips a blank row, and gives it a blank flag (%s)', (_, blank) => {
      const names = col('Acme', blank, 'Cyan');
      const values = col(3, blank, 5);
      const costs = col(1, blank, 1);
      expect(select(names, values, 1, costs)).toEqual([['Cyan']]);
      expect(select(names, values, 1, costs, 'flags')).toEqual([[false], [''], [true]]);
    });

    it.each(BLANKS)('never chooses an account with a blank value (%s)', (_, blank) => {
      expect(select(col('Acme', 'Borg'), col(blank, 1), 2, undefined, 'flags')).toEqual([[false], [true]]);
    });

    it.each(BLANKS)('uses cost 1 each and the list output when costs and output are blank or omitted (%s)', (_, blank) => {
      expect(select(NAMES, VALUES, 2, blank, blank)).toEqual([['Acme'], ['Borg']]);
    });

    it.each(BLANKS)('reports a row with a value but no name: in its row with "flags", else for the call (%s)', (_, blank) => {
      const problem = new CellError('VALUE', messages.accountNameMissing(2));
      expect(select(col('Acme', blank), col(3, 5), 1, undefined, 'flags')).toEqual([[true], [problem]]);
      expect(thrown(() => select(col('Acme', blank), col(3, 5), 1)).message).toBe(messages.rowProblemInList(problem.message));
    });

    it.each(BLANKS)('reports a blank cost for an account that could be chosen (%s)', (_, blank) => {
      const out = select(col('Acme', 'Borg'), col(3, 5), 1, col(1, blank), 'flags');
      expect(out).toEqual([[true], [new CellError('VALUE', messages.costBlank(2))]]);
    });

    it('never chooses an account whose value Excel sent as 0 for a blank cell', () => {
      expect(select(col('Acme', 'Borg'), col(0, 1), 2, undefined, 'flags')).toEqual([[false], [true]]);
    });

    it('reports a cost Excel sent as 0 for an account with a value', () => {
      expect(select(col('Acme', 'Borg'), col(3, 5), 1, col(1, 0), 'flags')).toEqual([[true], [new CellError('VALUE', messages.costNotPositive(2, 0))]]);
    });
  });

  describe('text in numbers', () => {
    it('with "flags", puts the error in that row and chooses among the other accounts', () => {
      const out = select(col('Acme', 'Borg', 'Cyan'), col(3, '9', 5), 1, undefined, 'flags');
      expect(out).toEqual([[false], [new CellError('VALUE', messages.textInNumber('values', 2, 1, '9'))], [true]]);
    });

    it('with "list", fails the call naming the row, since the list has no row to show it in', () => {
      const error = thrown(() => select(col('Acme', 'Borg'), col(3, '9'), 1));
      expect(error.message).toBe(messages.rowProblemInList(messages.textInNumber('values', 2, 1, '9')));
    });

    it('names costs when the text is a cost', () => {
      const out = select(col('Acme', 'Borg'), col(3, 5), 1, col(1, 'one'), 'flags');
      expect(out[1][0]).toEqual(new CellError('VALUE', messages.textInNumber('costs', 2, 1, 'one')));
    });

    it('fails the call for a capacity typed as text', () => {
      expect(thrown(() => select(NAMES, VALUES, '2')).message).toBe(messages.valueNotNumber('capacity', 'is the text "2"'));
    });

    it('reports TRUE as an account name', () => {
      expect(select(col(true, 'Borg'), col(3, 5), 1, undefined, 'flags')[0][0]).toEqual(new CellError('VALUE', messages.accountNameInvalid(1, true)));
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['values', new CellError('NA', 'lookup failed'), 1],
      ['values', '#N/A', 1],
      ['accounts', '#N/A', 0],
      ['costs', '#VALUE! upstream', 2],
    ])('passes an error in %s (%j) to that row with "flags"', (_, cell, argIndex) => {
      const args: Cell[][][] = [col('Acme', 'Borg'), col(3, 5), col(1, 1)];
      args[argIndex][1][0] = cell;
      const out = select(args[0], args[1], 1, args[2], 'flags');
      expect(out[0]).toEqual([true]);
      expect(out[1][0]).toBeInstanceOf(CellError);
      expect((out[1][0] as CellError).kind).toBe(typeof cell === 'string' && cell.startsWith('#VALUE') ? 'VALUE' : 'NA');
    });

    it('fails a "list" call with the kind of the error', () => {
      const error = thrown(() => select(col('Acme', 'Borg'), col(3, '#N/A'), 1));
      expect(error.kind).toBe('NA');
      expect(error.message).toBe(messages.rowProblemInList(messages.errorInCell('values', 2, 1, 'NA')));
    });

    it('fails the call with the kind of an error given as capacity', () => {
      expect(thrown(() => select(NAMES, VALUES, '#N/A')).kind).toBe('NA');
    });
  });

  describe('boundaries', () => {
    it('answers #N/A when no account has a positive value', () => {
      const error = thrown(() => select(col('Acme', 'Borg'), col(0, -3), 5));
      expect(error.kind).toBe('NA');
      expect(error.message).toBe(messages.nothingEligible());
    });

    it('answers #N/A when no account fits, in every output', () => {
      for (const output of ['list', 'table', 'flags']) {
        const error = thrown(() => select(col('Acme', 'Borg'), col(3, 5), 2, col(4, 3), output));
        expect(error.kind).toBe('NA');
        expect(error.message).toBe(messages.nothingFits(2, 3));
      }
    });

    it('fits an account whose cost equals the capacity', () => {
      expect(select(col('Acme'), col(3), 4, col(4))).toEqual([['Acme']]);
    });

    it('fits decimal costs that add up to the capacity on paper (0.1 + 0.2 = 0.3)', () => {
      expect(select(col('Acme', 'Borg'), col(1, 1), 0.3, col(0.1, 0.2))).toEqual([['Acme'], ['Borg']]);
    });

    it.each([0, -1])('fails the call for capacity %s', (capacity) => {
      expect(thrown(() => select(NAMES, VALUES, capacity)).message).toBe(messages.capacityNotPositive(capacity));
    });

    it.each(BLANKS)('fails the call for a blank capacity (%s)', (_, blank) => {
      expect(thrown(() => select(NAMES, VALUES, blank)).message).toBe(messages.capacityMissing());
    });

    it('never chooses an account with a negative value, even when capacity allows', () => {
      expect(select(col('Acme', 'Borg'), col(-1, 2), 5, undefined, 'flags')).toEqual([[false], [true]]);
    });

    it('breaks ties by lower total cost, then by earlier rows; equal values list in row order', () => {
      expect(select(col('Acme', 'Borg'), col(5, 5), 2, col(2, 1))).toEqual([['Borg']]);
      expect(select(col('Acme', 'Borg'), col(5, 5), 2, col(2, 2))).toEqual([['Acme']]);
      expect(select(col('Acme', 'Borg', 'Cyan'), col(5, 7, 5), 3)).toEqual([['Borg'], ['Acme'], ['Cyan']]);
    });
  });
});
