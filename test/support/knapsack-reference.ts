// Test support: reference solvers for the knapsack behind KAM_SELECT and KAM_CAPACITY — brute force with the
// documented tie rule, a dynamic program over integer capacity, HiGHS as a MIP — and random instance families.
import highsLoader from 'highs';
import { expect } from 'vitest';
import { generator } from './random';

export { generator };

const highs = await highsLoader();

export interface Instance {
  values: number[];
  costs: number[];
  capacity: number;
}

export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
export const fitsIn = (cost: number, capacity: number): boolean => cost <= capacity * (1 + 1e-12);

/** The documented tie rule, applied literally to every subset. */
export function bruteForce({ values, costs, capacity }: Instance): number[] {
  const n = values.length;
  const fitting: { mask: number; value: number; cost: number }[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let value = 0;
    let cost = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        value += values[i];
        cost += costs[i];
      }
    }
    if (fitsIn(cost, capacity)) fitting.push({ mask, value, cost });
  }
  const best = fitting.reduce((m, s) => Math.max(m, s.value), -Infinity);
  const nearBest = fitting.filter((s) => s.value >= best * (1 - 1e-9));
  const cheapest = nearBest.reduce((m, s) => Math.min(m, s.cost), Infinity);
  let winner = -1;
  for (const s of nearBest) {
    if (s.cost > cheapest * (1 + 1e-9)) continue;
    if (winner < 0) winner = s.mask;
    else {
      const differ = winner ^ s.mask;
      if (s.mask & differ & -differ) winner = s.mask; // the first differing row is in s
    }
  }
  return Array.from({ length: n }, (_, i) => i).filter((i) => winner & (1 << i));
}

/** The same problem as a MIP in CPLEX LP format. */
function lpModel({ values, costs, capacity }: Instance): string {
  const terms = (coef: number[]): string =>
    coef.map((x, i) => `${i % 10 === 0 ? '\n ' : ''}+ ${x} x${i}`).join(' ');
  return [
    'Maximize',
    ` obj: ${terms(values)}`,
    'Subject To',
    ` cap: ${terms(costs)} <= ${capacity}`,
    'Binary',
    ` ${values.map((_, i) => `x${i}`).join(' ')}`,
    'End',
  ].join('\n');
}

export function solveWithHighs(instance: Instance): { objective: number; chosen: number[] } {
  const result = highs.solve(lpModel(instance), {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 0,
    mip_feasibility_tolerance: 1e-10,
    primal_feasibility_tolerance: 1e-10,
  });
  expect(result.Status).toBe('Optimal');
  const primal = (i: number): number => {
    const column = result.Columns[`x${i}`];
    return column !== undefined && 'Primal' in column ? column.Primal : 0;
  };
  const chosen = instance.values.map((_, i) => i).filter((i) => primal(i) > 0.5);
  return { objective: result.ObjectiveValue, chosen };
}

// ---------------------------------------------------------------------------------------------------------------
// Random instance families: ties, grids, decimals, equal ratios, correlated data, tiny values, identical items.

export type Family = (n: number, rnd: () => number) => { values: number[]; costs: number[] };
export const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

export const FAMILIES: Record<string, Family> = {
  integer: (n, rnd) => ({
    values: Array.from({ length: n }, () => int(rnd, 1, 20)),
    costs: Array.from({ length: n }, () => int(rnd, 1, 30)),
  }),
  real: (n, rnd) => ({
    values: Array.from({ length: n }, () => 10 * (1 - rnd())),
    costs: Array.from({ length: n }, () => 0.5 + 59.5 * rnd()),
  }),
  'integer values, real costs': (n, rnd) => ({
    values: Array.from({ length: n }, () => int(rnd, 1, 10)),
    costs: Array.from({ length: n }, () => 5 + 55 * rnd()),
  }),
  'many ties': (n, rnd) => ({
    values: Array.from({ length: n }, () => int(rnd, 1, 3)),
    costs: Array.from({ length: n }, () => int(rnd, 1, 4)),
  }),
  decimals: (n, rnd) => ({
    values: Array.from({ length: n }, () => int(rnd, 1, 99) / 10),
    costs: Array.from({ length: n }, () => int(rnd, 1, 99) / 10),
  }),
  'equal ratios, integer costs': (n, rnd) => {
    const costs = Array.from({ length: n }, () => int(rnd, 1, 20));
    return { values: costs.map((c) => 3 * c), costs };
  },
  'equal ratios, half days': (n, rnd) => {
    const costs = Array.from({ length: n }, () => int(rnd, 1, 40) / 2);
    return { values: costs.map((c) => 1.25 * c), costs };
  },
  'strongly correlated': (n, rnd) => {
    const costs = Array.from({ length: n }, () => int(rnd, 1, 100));
    return { values: costs.map((c) => c + 10), costs };
  },
  'tiny values among large': (n, rnd) => ({
    values: Array.from({ length: n }, () => (rnd() < 0.3 ? 1e-11 * (1 + rnd()) : int(rnd, 1, 5))),
    costs: Array.from({ length: n }, () => int(rnd, 1, 3)),
  }),
  identical: (n) => ({ values: Array<number>(n).fill(4), costs: Array<number>(n).fill(2.5) }),
};

/** Capacities from below every cost to above the total, including exactly one cost and exactly the total. */
export function capacityFor(costs: number[], rnd: () => number, mode: number): number {
  const total = sum(costs);
  switch (mode % 6) {
    case 0:
      return Math.min(...costs) * 0.5;
    case 1:
      return costs[Math.floor(rnd() * costs.length)];
    case 2:
      return total;
    case 3:
      return total * (1 + rnd());
    default:
      return Math.max(1e-3, total * rnd() * 0.6);
  }
}

/** The tie rule by dynamic programming over integer capacity (exact for integer values and costs). */
export function dynamicProgramRule({ values, costs, capacity }: Instance): number[] {
  const n = values.length;
  const W = Math.floor(capacity);
  const best: Float64Array[] = new Array(n + 1);
  best[n] = new Float64Array(W + 1);
  for (let i = n - 1; i >= 0; i--) {
    const next = best[i + 1];
    const row = new Float64Array(W + 1);
    for (let w = 0; w <= W; w++) {
      row[w] = next[w];
      if (costs[i] <= w) row[w] = Math.max(row[w], values[i] + next[w - costs[i]]);
    }
    best[i] = row;
  }
  const top = best[0][W];
  let budget = 0;
  while (best[0][budget] < top) budget++; // lowest cost reaching the best value
  const chosen: number[] = [];
  let need = top;
  for (let i = 0; i < n; i++) {
    if (costs[i] <= budget && values[i] + best[i + 1][budget - costs[i]] >= need) {
      chosen.push(i);
      budget -= costs[i];
      need -= values[i];
    }
  }
  return chosen;
}

