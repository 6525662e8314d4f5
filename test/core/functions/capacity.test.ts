// KAM_CAPACITY: the capacity curve by hand, against KAM_SELECT at each capacity, a dynamic program, HiGHS and brute force.
import { describe, expect, it } from 'vitest';
import { Cell, CellError, Grid, OutGrid } from '../../../src/core/functions/cells';
import { capacity, capacityCurve } from '../../../src/core/functions/capacity';
import { MAX_CAPACITY_PAIRS } from '../../../src/core/functions/host-limits';
import { messages } from '../../support/english-messages';
import { select } from '../../../src/core/functions/select';
import { BLANKS, col, thrown } from '../../support/cells';
import { Instance, bruteForce, dynamicProgramRule, fitsIn, generator, int, solveWithHighs, sum } from '../../support/knapsack-reference';

// The worked example of docs/functions.md (as KAM_SELECT's): Acme, Borg, Cyan, Dyno.
const VALUES = col(10, 6, 6, 2);
const COSTS = col(5, 3, 3, 2);

/** KAM_SELECT's answer at one capacity, as value, cost and count (from its "table" output). */
function selectAt(values: Grid, costs: Grid, cap: number): [number, number, number] {
  try {
    const table = select(values.map((_, i) => [`Account ${i + 1}`]), values, cap, costs, 'table');
    return [sum(table.map((row) => row[1] as number)), table[table.length - 1][3] as number, table.length];
  } catch {
    return [0, 0, 0]; // #N/A: nothing fits
  }
}

/** The rows of a curve as numbers, for comparisons within a tolerance. */
const numbers = (out: OutGrid): number[][] => out.map((row) => row.map((cell) => cell as number));

describe('KAM_CAPACITY', () => {
  describe('happy path', () => {
    it('gives value, cost used and accounts chosen at each capacity', () => {
      expect(capacity(VALUES, COSTS, col(0, 2, 3, 5, 6, 8, 9, 10, 11, 13, 100))).toEqual([
        [0, 0, 0],
        [2, 2, 1], // Dyno
        [6, 3, 1], // Borg
        [10, 5, 1], // Acme (10) beats Borg + Dyno (8)
        [12, 6, 2], // Borg + Cyan, not Acme
        [16, 8, 2], // Acme + Borg
        [16, 8, 2],
        [18, 10, 3], // + Dyno
        [22, 11, 3], // Acme + Borg + Cyan
        [24, 13, 4], // everyone
        [24, 13, 4],
      ]);
    });

    it('gives at each capacity exactly what KAM_SELECT chooses there, on 200 random curves with many ties', () => {
      const rnd = generator(15);
      for (let k = 0; k < 200; k++) {
        const n = 1 + Math.floor(rnd() * 14);
        const integer = k % 2 === 0;
        const values = col(...Array.from({ length: n }, () => (integer ? int(rnd, -1, 4) : Math.round(rnd() * 500) / 100)));
        const costs = col(...Array.from({ length: n }, () => (integer ? int(rnd, 1, 4) : 0.25 + Math.round(rnd() * 300) / 100)));
        const capacities = Array.from({ length: 6 }, () => (integer ? int(rnd, 0, 20) : Math.round(rnd() * 2000) / 100));
        if (!values.some(([v]) => (v as number) > 0)) {
          expect(thrown(() => capacity(values, costs, col(...capacities))).kind).toBe('NA');
          continue;
        }
        const curve = numbers(capacity(values, costs, col(...capacities)));
        capacities.forEach((cap, r) => {
          const [value, cost, count] = selectAt(values, costs, cap);
          expect(curve[r][0], `curve ${k}, capacity ${cap}`).toBeCloseTo(value, 9);
          expect(curve[r][1], `curve ${k}, capacity ${cap}`).toBeCloseTo(cost, 9);
          expect(curve[r][2], `curve ${k}, capacity ${cap}`).toBe(count);
        });
      }
    });

    it('matches the tie rule by brute force (value, cost and count) on non-integer costs', () => {
      const rnd = generator(77);
      for (let k = 0; k < 150; k++) {
        const n = 1 + Math.floor(rnd() * 11);
        const values = Array.from({ length: n }, () => (k % 3 === 0 ? int(rnd, 1, 3) : Math.round(rnd() * 1000) / 100 + 0.01));
        const costs = Array.from({ length: n }, () => Math.round((0.1 + rnd() * 5) * 100) / 100);
        const capacities = [0.05, Math.min(...costs), sum(costs) * rnd(), sum(costs) * rnd(), sum(costs)];
        const curve = numbers(capacity(col(...values), col(...costs), col(...capacities)));
        capacities.forEach((cap, r) => {
          const chosen = bruteForce({ values, costs, capacity: cap });
          const label = `instance ${k}, capacity ${cap}`;
          expect(curve[r][0], label).toBeCloseTo(sum(chosen.map((i) => values[i])), 9);
          expect(curve[r][1], label).toBeCloseTo(sum(chosen.map((i) => costs[i])), 9);
          expect(curve[r][2], label).toBe(chosen.length);
        });
      }
    });

    it('matches a dynamic program (the tie rule over integer capacity) on whole-day costs, up to 6,000 accounts', () => {
      const rnd = generator(2024);
      for (const n of [40, 300, 6000]) {
        const values = Array.from({ length: n }, () => int(rnd, 1, 10));
        const costs = Array.from({ length: n }, () => int(rnd, 5, 60));
        const capacities = n > 1000 ? [5, 60, 250, 600.5] : [5, 37, 120, 250.5, 600, sum(costs)];
        const curve = numbers(capacity(col(...values), col(...costs), col(...capacities)));
        capacities.forEach((cap, r) => {
          const chosen = dynamicProgramRule({ values, costs, capacity: cap });
          const label = `n ${n}, capacity ${cap}`;
          expect(curve[r], label).toEqual([sum(chosen.map((i) => values[i])), sum(chosen.map((i) => costs[i])), chosen.length]);
        });
      }
    });

    it('reaches HiGHS\'s optimum (a MIP) on non-integer costs and values, 60 accounts', () => {
      const rnd = generator(99);
      for (let k = 0; k < 40; k++) {
        const values = Array.from({ length: 60 }, () => 10 * (1 - rnd()));
        const costs = Array.from({ length: 60 }, () => 0.5 + 59.5 * rnd());
        const capacities = [30.25, 150, 600.5];
        const curve = numbers(capacity(col(...values), col(...costs), col(...capacities)));
        capacities.forEach((cap, r) => {
          const instance: Instance = { values, costs, capacity: cap };
          const reference = solveWithHighs(instance);
          const tolerance = 1e-6 * Math.max(1, reference.objective);
          if (fitsIn(sum(reference.chosen.map((i) => costs[i])), cap)) expect(curve[r][0]).toBeGreaterThanOrEqual(reference.objective - tolerance);
          expect(curve[r][0]).toBeLessThanOrEqual(reference.objective + tolerance);
          expect(curve[r][1]).toBeLessThanOrEqual(cap * (1 + 1e-12));
        });
      }
    });

    it('never lowers the best value as capacity grows', () => {
      const rnd = generator(5);
      const values = col(...Array.from({ length: 500 }, () => Math.round(rnd() * 100) / 10));
      const costs = col(...Array.from({ length: 500 }, () => int(rnd, 1, 40)));
      const caps = Array.from({ length: 60 }, (_, i) => i * 50);
      const curve = numbers(capacity(values, costs, col(...caps)));
      for (let r = 1; r < curve.length; r++) expect(curve[r][0]).toBeGreaterThanOrEqual(curve[r - 1][0]);
    });

    it('lists the accounts chosen at one capacity for callers that need them (the core API)', () => {
      const curve = capacityCurve(Float64Array.of(10, 6, 6, 2), Float64Array.of(5, 3, 3, 2));
      expect(curve.at(6, true)).toEqual({ value: 12, cost: 6, accounts: 2, chosen: [1, 2] });
      expect(curve.at(0, true)).toEqual({ value: 0, cost: 0, accounts: 0, chosen: [] });
    });
  });

  describe('shapes', () => {
    it('takes single values (Sheets passes a single cell as a value)', () => {
      expect(capacity(5, 2, 3)).toEqual([[5, 2, 1]]);
    });

    it('gives one result row per capacity, whatever the number of accounts', () => {
      expect(capacity(VALUES, COSTS, col(6))).toEqual([[12, 6, 2]]);
    });

    it.each([
      ['values and costs differ in rows', () => capacity(VALUES, col(1, 2), col(3)), messages.rowsDiffer('values', 4, 'costs', 2)],
      ['values has two columns', () => capacity([[1, 2]], col(1), col(3)), messages.notAColumn('values', 1, 2)],
      ['capacities has two columns', () => capacity(VALUES, COSTS, [[1, 2]]), messages.notAColumn('capacities', 1, 2)],
      ['costs is omitted', () => capacity(VALUES, undefined, col(3)), messages.missingArgument('costs')],
    ])('fails the call when %s', (_, call, message) => {
      expect(thrown(call).message).toBe(message);
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank row for a blank capacity (%s)', (_, blank) => {
      expect(capacity(VALUES, COSTS, col(6, blank, 2))).toEqual([[12, 6, 2], ['', '', ''], [2, 2, 1]]);
    });

    it.each(BLANKS)('skips a blank account row and never chooses an account with a blank value (%s)', (_, blank) => {
      expect(capacity(col(10, blank, blank, 6), col(5, blank, 1, 3), col(8))).toEqual([[16, 8, 2]]);
    });

    it.each(BLANKS)('fails the call, naming the row, for a blank cost of an account with a value (%s)', (_, blank) => {
      const error = thrown(() => capacity(col(10, 6), col(5, blank), col(8)));
      expect(error.message).toBe(messages.rowProblemInCapacity(messages.costBlank(2)));
    });

    it('never chooses an account whose value Excel sent as 0 for a blank cell', () => {
      expect(capacity(col(0, 6), col(1, 3), col(8))).toEqual([[6, 3, 1]]);
    });
  });

  describe('text in numbers', () => {
    it('fails the call naming the account row, since the result has no row per account', () => {
      const error = thrown(() => capacity(col(10, 'six'), COSTS.slice(0, 2), col(8)));
      expect(error.message).toBe(messages.rowProblemInCapacity(messages.textInNumber('values', 2, 1, 'six')));
    });

    it('puts the problem with one capacity in that capacity\'s row', () => {
      const error = new CellError('VALUE', messages.textInNumber('capacities', 2, 1, 'lots'));
      expect(capacity(VALUES, COSTS, col(6, 'lots'))).toEqual([[12, 6, 2], [error, error, error]]);
    });

    it('reads TRUE as a problem, not as 1', () => {
      const error = new CellError('VALUE', messages.booleanInNumber('capacities', 1, 1, true));
      expect(capacity(VALUES, COSTS, col(true))).toEqual([[error, error, error]]);
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed')],
      ['Sheets error text', '#N/A'],
    ])('passes %s in a capacity to that row', (_, cell) => {
      const out = capacity(VALUES, COSTS, col(cell as Cell, 6));
      expect((out[0][0] as CellError).kind).toBe('NA');
      expect(out[0][2]).toBe(out[0][0]);
      expect(out[1]).toEqual([12, 6, 2]);
    });

    it('fails the call with the kind of an error in an account row', () => {
      const error = thrown(() => capacity(col(10, '#DIV/0!'), col(5, 3), col(8)));
      expect(error.kind).toBe('DIV0');
      expect(error.message).toBe(messages.rowProblemInCapacity(messages.errorInCell('values', 2, 1, 'DIV0')));
    });
  });

  describe('boundaries', () => {
    it('answers #N/A for the call when no account has a positive value, as KAM_SELECT does', () => {
      const error = thrown(() => capacity(col(0, -3), col(1, 1), col(5)));
      expect(error.kind).toBe('NA');
      expect(error.message).toBe(messages.nothingEligible());
    });

    it('gives 0, 0, 0 at capacity 0 and below every cost (the empty selection is the optimum)', () => {
      expect(capacity(VALUES, COSTS, col(0, 1.5))).toEqual([[0, 0, 0], [0, 0, 0]]);
    });

    it('puts a negative capacity\'s problem in its row', () => {
      const error = new CellError('VALUE', messages.capacityNegative(1, -1));
      expect(capacity(VALUES, COSTS, col(-1))).toEqual([[error, error, error]]);
    });

    it('fits decimal costs that add up to the capacity on paper (0.1 + 0.2 = 0.3)', () => {
      expect(capacity(col(1, 1), col(0.1, 0.2), col(0.3))).toEqual([[2, 0.3, 2]]);
    });

    it('takes capacities near the largest number and costs near the smallest, as KAM_SELECT does', () => {
      expect(capacity(col(1e308, 1e308), col(1, 1), col(Number.MAX_VALUE))[0][2]).toBe(2);
      expect(capacity(col(1, 2), col(5e-324, 5e-324), col(5e-324))).toEqual([[2, 5e-324, 1]]);
    });

    it('breaks ties as KAM_SELECT does: the cheaper set, then earlier rows', () => {
      // 5 for 2 days or 5 for 1 day: the cheaper one. Then 2 + 2 or 4: the earlier rows, two accounts.
      expect(capacity(col(5, 5), col(2, 1), col(2))).toEqual([[5, 1, 1]]);
      expect(capacity(col(2, 2, 4), col(1, 1, 2), col(2))).toEqual([[4, 2, 2]]);
      expect(capacity(col(4, 2, 2), col(2, 1, 1), col(2))).toEqual([[4, 2, 1]]);
    });

    it('refuses more account-capacity pairs than one call can solve in time, saying what to do', () => {
      const capacities = col(...Array.from({ length: 101 }, (_, i) => i));
      const accounts = Math.ceil(MAX_CAPACITY_PAIRS / 101) + 1;
      const values = Array.from({ length: accounts }, () => [1]);
      const error = thrown(() => capacity(values, values, capacities));
      expect(error.message).toBe(messages.capacityWorkTooLarge(accounts, 101, MAX_CAPACITY_PAIRS));
    });
  });
});
