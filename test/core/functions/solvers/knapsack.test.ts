// The exact knapsack behind KAM_SELECT: hand cases, the tie rule against brute force, the optimum against HiGHS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KnapsackResult, solveKnapsack } from '../../../../src/core/functions/solvers/knapsack';
import { FAMILIES, Family, Instance, bruteForce, capacityFor, dynamicProgramRule, fitsIn, generator, int, solveWithHighs, sum } from '../../../support/knapsack-reference';

/** What every answer must satisfy, whatever the instance. */
function checkShape(instance: Instance, result: KnapsackResult): void {
  const { values, costs, capacity } = instance;
  const { chosen } = result;
  expect(new Set(chosen).size).toBe(chosen.length);
  for (const i of chosen) expect(Number.isInteger(i) && i >= 0 && i < values.length).toBe(true);
  for (let k = 1; k < chosen.length; k++) {
    const [a, b] = [chosen[k - 1], chosen[k]];
    expect(values[a] > values[b] || (values[a] === values[b] && a < b)).toBe(true);
  }
  const value = sum(chosen.map((i) => values[i]));
  const cost = sum(chosen.map((i) => costs[i]));
  expect(fitsIn(cost, capacity)).toBe(true);
  expect(Math.abs(result.totalValue - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, value));
  expect(Math.abs(result.totalCost - cost)).toBeLessThanOrEqual(1e-12 * Math.max(1, cost));
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

function instances(seed: number, count: number, maxN: number, families: string[]): [string, Instance][] {
  const rnd = generator(seed);
  return Array.from({ length: count }, (_, k) => {
    const family = families[k % families.length];
    const n = 1 + Math.floor(rnd() * maxN);
    const { values, costs } = FAMILIES[family](n, rnd);
    const capacity = capacityFor(costs, rnd, Math.floor(rnd() * 6));
    return [`#${k} ${family}, n=${n}`, { values, costs, capacity }];
  });
}

// ---------------------------------------------------------------------------------------------------------------

describe('solveKnapsack: hand cases', () => {
  it.each<[string, number[], number[], number, number[]]>([
    ['the textbook case: two items beat the best ratio', [60, 100, 120], [10, 20, 30], 50, [2, 1]],
    ['greedy by ratio is not optimal', [10, 6, 6], [5, 4, 4], 8, [1, 2]],
    ['one item exactly at capacity', [7, 3], [10, 4], 10, [0]],
    ['capacity below every cost: nothing', [5, 6], [10, 11], 9.99, []],
    ['everything fits: all, highest value first, equal values in row order', [3, 5, 3, 1], [1, 1, 1, 1], 10, [1, 0, 2, 3]],
    ['equal value, the cheaper set wins', [5, 5], [3, 2], 3, [1]],
    ['equal value and cost: the first row where the sets differ decides', [2, 1, 1, 2], [2, 1, 1, 2], 2, [0]],
    ['earlier rows win even with more items', [1, 2, 1], [1, 2, 1], 2, [0, 2]],
    ['identical items: the earliest copies', [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], 3, [0, 1, 2]],
    ['0.1 + 0.2 fits a capacity of 0.3 and ties with 0.3', [0.1, 0.2, 0.3], [0.1, 0.2, 0.3], 0.3, [1, 0]],
    ['a cost 1e-10 over capacity does not fit', [1, 1], [1 + 1e-10, 2], 1, []],
    ['a cost 1e-13 over capacity fits', [1], [1 + 1e-13], 1, [0]],
    ['value within 1e-9 of the best counts as equal: the cheaper set wins', [1e9, 1e9 - 0.5], [10, 9], 10, [1]],
    ['value and cost both within 1e-9: row order decides', [1, 1 - 1e-10], [1, 1 - 1e-10], 1, [0]],
    ['an item worth under 1e-9 of the total is left out when that saves cost', [1e9, 1e-3], [1, 1], 2, [0]],
    ['capacity that fits all but the worst ratio', [10, 9, 1], [1, 1, 5], 2, [0, 1]],
  ])('%s', (_name, values, costs, capacity, expected) => {
    const result = solveKnapsack(values, costs, capacity);
    expect(result.chosen).toEqual(expected);
    checkShape({ values, costs, capacity }, result);
    expect(sorted(result.chosen)).toEqual(bruteForce({ values, costs, capacity }));
  });

  it('returns nothing for no items', () => {
    expect(solveKnapsack([], [], 5)).toEqual({ chosen: [], totalValue: 0, totalCost: 0 });
  });

  it('accepts typed arrays', () => {
    const result = solveKnapsack(Float64Array.of(60, 100, 120), Float64Array.of(10, 20, 30), 50);
    expect(result).toEqual({ chosen: [2, 1], totalValue: 220, totalCost: 50 });
  });

  it.each<[string, number[], number[], number]>([
    ['lengths differ', [1, 2], [1], 5],
    ['capacity zero', [1], [1], 0],
    ['capacity infinite', [1], [1], Infinity],
    ['capacity NaN', [1], [1], NaN],
    ['a value zero', [0], [1], 5],
    ['a negative cost', [1], [-1], 5],
    ['a NaN value', [NaN], [1], 5],
    ['a value/cost ratio that overflows', [1e300], [1e-10], 5],
    ['values whose total overflows', [1e308, 1e308], [1, 1], 5],
  ])('rejects invalid input: %s', (_name, values, costs, capacity) => {
    expect(() => solveKnapsack(values, costs, capacity)).toThrow(RangeError);
  });
});

describe('solveKnapsack: the tie rule, against brute-force enumeration', () => {
  const families = Object.keys(FAMILIES);
  it.each(instances(20240601, 900, 12, families))('%s', (_name, instance) => {
    const result = solveKnapsack(instance.values, instance.costs, instance.capacity);
    checkShape(instance, result);
    expect(sorted(result.chosen)).toEqual(bruteForce(instance));
  });

  it('matches brute force up to 15 items, including equal ratios with unrelated real costs', () => {
    const rnd = generator(77);
    const realEqualRatio: Family = (n, r) => {
      const costs = Array.from({ length: n }, () => 5 + 55 * r());
      return { values: costs.map((c) => 2 * c), costs };
    };
    for (let k = 0; k < 60; k++) {
      const n = 13 + (k % 3);
      const family = k % 4 === 0 ? realEqualRatio : Object.values(FAMILIES)[k % families.length];
      const { values, costs } = family(n, rnd);
      const instance = { values, costs, capacity: capacityFor(costs, rnd, 4) };
      const result = solveKnapsack(values, costs, instance.capacity);
      checkShape(instance, result);
      expect(sorted(result.chosen)).toEqual(bruteForce(instance));
    }
  });

  it('matches brute force at 20 items of equal ratio and real costs (the meet-in-the-middle path)', () => {
    const rnd = generator(20);
    for (let k = 0; k < 2; k++) {
      const costs = Array.from({ length: 20 }, () => 5 + 55 * rnd());
      const instance = { values: costs.map((c) => 2 * c), costs, capacity: 150.5 + 150 * k };
      const result = solveKnapsack(instance.values, instance.costs, instance.capacity);
      checkShape(instance, result);
      expect(sorted(result.chosen)).toEqual(bruteForce(instance));
    }
  });

  it('property: any small instance on a coarse grid agrees with brute force', () => {
    const item = fc.record({ value: fc.integer({ min: 1, max: 6 }), cost: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (items, cap) => {
        const instance = { values: items.map((x) => x.value / 2), costs: items.map((x) => x.cost), capacity: cap / 2 };
        const result = solveKnapsack(instance.values, instance.costs, instance.capacity);
        expect(sorted(result.chosen)).toEqual(bruteForce(instance));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('solveKnapsack: the optimum, certified by HiGHS', () => {
  const families = Object.keys(FAMILIES);
  it.each(instances(987654321, 400, 60, families))('%s', (_name, instance) => {
    const result = solveKnapsack(instance.values, instance.costs, instance.capacity);
    checkShape(instance, result);
    const reference = solveWithHighs(instance);
    const tolerance = 1e-6 * Math.max(1, Math.abs(reference.objective));
    // HiGHS accepts a row violation up to its feasibility tolerance; a "better" set that does not fit by our
    // definition (cost ≤ capacity·(1 + 1e-12)) does not count against us.
    const highsFits = fitsIn(sum(reference.chosen.map((i) => instance.costs[i])), instance.capacity);
    if (highsFits) expect(result.totalValue).toBeGreaterThanOrEqual(reference.objective - tolerance);
    expect(result.totalValue).toBeLessThanOrEqual(reference.objective + tolerance);
  });
});

describe('solveKnapsack: larger instances', () => {
  it.each([
    ['uniform integers, capacity 600', 3000, 1, 10, 5, 60, 600],
    ['many duplicates, capacity 600.5', 3000, 1, 3, 5, 7, 600.5],
    ['equal ratios (value = 2·cost)', 2500, 0, 0, 5, 60, 600],
    ['small capacity', 2000, 1, 10, 1, 40, 37],
  ])('%s: the rule matches a dynamic program over capacity', (_name, n, vLo, vHi, cLo, cHi, capacity) => {
    const rnd = generator(n + capacity);
    const costs = Array.from({ length: n }, () => int(rnd, cLo, cHi));
    const values = vHi === 0 ? costs.map((c) => 2 * c) : Array.from({ length: n }, () => int(rnd, vLo, vHi));
    const instance = { values, costs, capacity };
    const result = solveKnapsack(values, costs, capacity);
    checkShape(instance, result);
    expect(sorted(result.chosen)).toEqual(dynamicProgramRule(instance));
  });

  it('everything fits at 200,000 items: all of them, by value then row', () => {
    const rnd = generator(5);
    const n = 200_000;
    const values = Float64Array.from({ length: n }, () => int(rnd, 1, 10));
    const costs = Float64Array.from({ length: n }, () => 5 + 55 * rnd());
    const result = solveKnapsack(values, costs, 1e9);
    expect(result.chosen.length).toBe(n);
    for (let k = 1; k < n; k++) {
      const [a, b] = [result.chosen[k - 1], result.chosen[k]];
      if (!(values[a] > values[b] || (values[a] === values[b] && a < b))) throw new Error(`order broken at ${k}`);
    }
  });

  it('nothing fits at 200,000 items', () => {
    const costs = new Float64Array(200_000).fill(10);
    expect(solveKnapsack(new Float64Array(200_000).fill(1), costs, 9).chosen).toEqual([]);
  });

  it('200,000 identical items: the first ones, as many as fit', () => {
    const result = solveKnapsack(new Float64Array(200_000).fill(1), new Float64Array(200_000).fill(1), 600.5);
    expect(result.chosen).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });

  it('N = 100,000 uniform instances agree with a dynamic program on the optimum', () => {
    const rnd = generator(11);
    const n = 100_000;
    const values = Array.from({ length: n }, () => int(rnd, 1, 10));
    const costs = Array.from({ length: n }, () => int(rnd, 5, 60));
    const result = solveKnapsack(values, costs, 600);
    const best = new Float64Array(601);
    for (let i = 0; i < n; i++) {
      for (let w = 600; w >= costs[i]; w--) best[w] = Math.max(best[w], best[w - costs[i]] + values[i]);
    }
    expect(result.totalValue).toBe(best[600]);
    checkShape({ values, costs, capacity: 600 }, result);
  });

  it('equal ratios with unrelated real costs (a subset sum) stay exact up to 30 items', () => {
    const rnd = generator(30);
    const costs = Array.from({ length: 30 }, () => 5 + 55 * rnd());
    const values = costs.map((c) => 2 * c);
    const capacity = 300.123;
    const result = solveKnapsack(values, costs, capacity);
    checkShape({ values, costs, capacity }, result);
    // Independent check by meet-in-the-middle over all subsets of each half.
    const half = (from: number, to: number): number[] => {
      let sums = [0];
      for (let i = from; i < to; i++) sums = sums.concat(sums.map((s) => s + costs[i]));
      return sums.sort((a, b) => a - b);
    };
    const left = half(0, 15);
    const right = half(15, 30);
    let bestFill = 0;
    let k = right.length - 1;
    for (const a of left) {
      while (k >= 0 && a + right[k] > capacity * (1 + 1e-12)) k--;
      if (k < 0) break;
      bestFill = Math.max(bestFill, a + right[k]);
    }
    expect(result.totalCost).toBeCloseTo(bestFill, 9);
  });

  it('refuses, rather than approximates, a subset sum it cannot certify in bounded memory', () => {
    const rnd = generator(100);
    const costs = Array.from({ length: 100 }, () => 5 + 55 * rnd());
    expect(() => solveKnapsack(costs.map((c) => 2 * c), costs, 600)).toThrow(RangeError);
  });
});
