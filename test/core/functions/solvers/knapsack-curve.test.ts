// The capacity curve solver: at every capacity, exactly the selection solveKnapsack makes, on shared and direct paths.
import { describe, expect, it } from 'vitest';
import { solveKnapsack } from '../../../../src/core/functions/solvers/knapsack';
import { prepareCurve, solveCurvePoint } from '../../../../src/core/functions/solvers/knapsack-curve';
import { FAMILIES, generator, int, sum } from '../../../support/knapsack-reference';

/** Capacities across the whole curve: below every cost, exactly one cost, small, middling, exactly the total, above it. */
function sweep(costs: number[], rnd: () => number, count: number): number[] {
  const total = sum(costs);
  const smallest = Math.min(...costs);
  const capacities = [smallest / 2, smallest, costs[Math.floor(rnd() * costs.length)], total, total * 1.5];
  while (capacities.length < count) capacities.push(total * rnd() ** 3 + (rnd() < 0.5 ? 0.5 : 0));
  return capacities;
}

/** Every point of the curve against a separate solveKnapsack call: the same selection, in the same order. */
function expectSameAsKnapsack(values: number[], costs: number[], capacities: number[], label: string): void {
  const prepared = prepareCurve(values, costs);
  for (const capacity of capacities) {
    const reference = solveKnapsack(values, costs, capacity);
    const point = solveCurvePoint(prepared, capacity, true);
    const where = `${label}, capacity ${capacity}`;
    expect(point.chosen, where).toEqual(reference.chosen);
    expect(point.count, where).toBe(reference.chosen.length);
    expect(Math.abs(point.totalValue - reference.totalValue), where).toBeLessThanOrEqual(1e-12 * Math.max(1, reference.totalValue));
    expect(Math.abs(point.totalCost - reference.totalCost), where).toBeLessThanOrEqual(1e-12 * Math.max(1, reference.totalCost));
    const withoutList = solveCurvePoint(prepared, capacity);
    expect(withoutList.count, where).toBe(point.count);
    expect(withoutList.chosen).toBeUndefined();
  }
}

describe('the capacity curve solver', () => {
  // 5,000 items: above the size from which the items are sorted once and each capacity solves only a window.
  // Equal ratios make every capacity a subset sum that takes solveKnapsack seconds at this size: fewer capacities.
  it.each(Object.keys(FAMILIES))('makes solveKnapsack\'s selection at up to 25 capacities, 5,000 items: %s', (family) => {
    const rnd = generator(family.length * 7919);
    const { values, costs } = FAMILIES[family](5000, rnd);
    expectSameAsKnapsack(values, costs, sweep(costs, rnd, family.startsWith('equal ratios') ? 4 : 25), family);
  });

  it('makes solveKnapsack\'s selection on 20,000 whole-day accounts with values 0-10, as in the benchmark', () => {
    const rnd = generator(600);
    const values = Array.from({ length: 20_000 }, () => int(rnd, 1, 10));
    const costs = Array.from({ length: 20_000 }, () => int(rnd, 5, 60));
    expectSameAsKnapsack(values, costs, [100, 250.5, 600, 601, 5000, 60_000], 'benchmark-like');
  });

  it('makes solveKnapsack\'s selection when a few accounts cost more than most capacities', () => {
    const rnd = generator(42);
    const values = Array.from({ length: 6000 }, (_, i) => (i % 500 === 0 ? 1000 : int(rnd, 1, 10)));
    const costs = Array.from({ length: 6000 }, (_, i) => (i % 500 === 0 ? 5000 : int(rnd, 1, 30)));
    expectSameAsKnapsack(values, costs, [10, 400, 4999, 5000, 5001, 20_000], 'a few large accounts');
  });

  it('solves few items directly, with the same result', () => {
    const values = [10, 6, 6, 2];
    const costs = [5, 3, 3, 2];
    expectSameAsKnapsack(values, costs, [1, 2, 3, 5, 6, 8, 9, 10, 11, 13, 100], 'four accounts');
  });

  it('rejects what solveKnapsack rejects', () => {
    expect(() => prepareCurve([1, 0], [1, 1])).toThrow(RangeError);
    expect(() => prepareCurve([1], [1, 2])).toThrow(RangeError);
    expect(() => solveCurvePoint(prepareCurve(new Array(5000).fill(1), new Array(5000).fill(1)), 0)).toThrow(RangeError);
  });
});

describe('solveKnapsack with a fixed part', () => {
  it('chooses among the other items as the whole problem would, with tolerances on the totals', () => {
    // Item 0 (ratio 100) is in every good selection. Solving the rest with it fixed gives the same choice.
    const rnd = generator(3);
    for (let k = 0; k < 200; k++) {
      const n = 2 + Math.floor(rnd() * 10);
      const values = [1000, ...Array.from({ length: n }, () => int(rnd, 1, 6))];
      const costs = [10, ...Array.from({ length: n }, () => int(rnd, 1, 5))];
      const capacity = 10 + int(rnd, 1, 15) + (k % 2) * 0.5;
      const whole = solveKnapsack(values, costs, capacity);
      const rest = solveKnapsack(values.slice(1), costs.slice(1), capacity, { value: 1000, cost: 10 });
      expect(rest.chosen.map((i) => i + 1).sort((a, b) => a - b), `instance ${k}`).toEqual(whole.chosen.filter((i) => i !== 0).sort((a, b) => a - b));
    }
  });

  it('applies the 1e-9 value tolerance to the total, fixed part included', () => {
    // Alone, the best pair is 1.5 + 1. On top of a fixed 1e9, 1.5 alone is within 1e-9 of the best total and costs
    // less, so it wins, as in the whole problem.
    expect(solveKnapsack([1, 1, 1.5], [1, 1, 1], 2).chosen).toEqual([2, 0]);
    expect(solveKnapsack([1e9, 1, 1, 1.5], [1, 1, 1, 1], 3).chosen).toEqual([0, 3]);
    expect(solveKnapsack([1, 1, 1.5], [1, 1, 1], 3, { value: 1e9, cost: 1 }).chosen).toEqual([2]);
  });
});
