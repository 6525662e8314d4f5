// The capacity curve: KAM_SELECT's exact optimum at many capacities, sharing one sort of the items by value per cost.
import { CAP_TOL, Neumaier, REDUCE_SLACK, TIE_TOL, knapsackBestValue, solveKnapsack, sortByValue } from './knapsack';

// Read once: a global looked up per call is slow in sandboxed scopes (see knapsack.ts).
const { min: mathMin, max: mathMax, log2 } = Math;

/** Below this many items each capacity is solved directly: sorting would cost more than it saves. */
const DIRECT_BELOW = 4096;
/** Items around the break item solved exactly for the lower bound that narrows each capacity's window; then more. */
const BOUND_WINDOWS = [256, 4096];
/** Cost classes are powers of two above the smallest cost; costs beyond this many doublings share the last class. */
const MAX_CLASSES = 48;

/** Items in the order of their value per unit of cost (descending, equal ratios by index), with running totals. */
interface RatioOrder {
  order: Int32Array;
  ratio: Float64Array;
  /** Totals over the first k items of the order (compensated sums), k = 0..length. */
  prefixValue: Float64Array;
  prefixCost: Float64Array;
}

/** The items sorted once by value per unit of cost, for solving any capacity. */
export interface PreparedCurve {
  values: ArrayLike<number>;
  costs: ArrayLike<number>;
  /** All items; null when the items are few and every capacity is solved directly. */
  all: RatioOrder | null;
  /** The same by cost class: class q holds the costs from minCost·2^q up to (not including) twice that. */
  classes: (RatioOrder & { smallestCost: number })[];
}

/** The optimum at one capacity: what KAM_SELECT would choose there, as totals. */
export interface CurvePoint {
  totalValue: number;
  totalCost: number;
  count: number;
  /** The chosen items, by value descending and equal values by index (as KAM_SELECT lists them), when asked for. */
  chosen?: number[];
}

/** Running totals of the values and costs over an order of the items. */
function withTotals(order: Int32Array, ratioByItem: Float64Array, values: ArrayLike<number>, costs: ArrayLike<number>): RatioOrder {
  const n = order.length;
  const ratio = new Float64Array(n);
  const prefixValue = new Float64Array(n + 1);
  const prefixCost = new Float64Array(n + 1);
  const sumValue = new Neumaier();
  const sumCost = new Neumaier();
  for (let k = 0; k < n; k++) {
    const i = order[k];
    ratio[k] = ratioByItem[i];
    sumValue.add(values[i]);
    sumCost.add(costs[i]);
    prefixValue[k + 1] = sumValue.sum;
    prefixCost[k + 1] = sumCost.sum;
  }
  return { order, ratio, prefixValue, prefixCost };
}

/** Checks the items as solveKnapsack does and sorts them by ratio (O(N log N), once for every capacity). */
export function prepareCurve(values: ArrayLike<number>, costs: ArrayLike<number>): PreparedCurve {
  const n = values.length;
  if (costs.length !== n) throw new RangeError('values and costs must have the same length');
  const ratioByItem = new Float64Array(n);
  let minCost = Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const c = costs[i];
    const r = v / c;
    if (!(v > 0 && v - v === 0 && c > 0 && c - c === 0 && r - r === 0)) {
      throw new RangeError(`item ${i}: value and cost must be positive and finite, with a finite ratio`);
    }
    ratioByItem[i] = r;
    if (c < minCost) minCost = c;
  }
  if (n < DIRECT_BELOW) return { values, costs, all: null, classes: [] };
  const everyItem = new Int32Array(n);
  for (let i = 0; i < n; i++) everyItem[i] = i;
  const order = Int32Array.from(sortByValue(everyItem, ratioByItem));

  // Each class keeps the items in that same order: one pass, no further sort.
  const classOf = new Uint8Array(n);
  const sizes = new Int32Array(MAX_CLASSES);
  for (let i = 0; i < n; i++) {
    const q = mathMin(MAX_CLASSES - 1, log2(costs[i] / minCost) | 0);
    classOf[i] = q;
    sizes[q]++;
  }
  const members: Int32Array[] = [];
  for (let q = 0; q < MAX_CLASSES; q++) members.push(new Int32Array(sizes[q]));
  const fill = new Int32Array(MAX_CLASSES);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const q = classOf[i];
    members[q][fill[q]++] = i;
  }
  const classes = [];
  for (let q = 0; q < MAX_CLASSES; q++) {
    if (sizes[q] === 0) continue;
    let smallestCost = Infinity;
    const inClass = members[q];
    for (let k = 0; k < inClass.length; k++) if (costs[inClass[k]] < smallestCost) smallestCost = costs[inClass[k]];
    classes.push({ ...withTotals(inClass, ratioByItem, values, costs), smallestCost });
  }
  return { values, costs, all: withTotals(order, ratioByItem, values, costs), classes };
}

/** The first rank whose ratio is at most r (ratios descend), the length if none. */
function firstAtMost(ratio: Float64Array, r: number): number {
  let lo = 0;
  let hi = ratio.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ratio[mid] <= r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first rank whose ratio is below r, the length if none. */
function firstBelow(ratio: Float64Array, r: number): number {
  let lo = 0;
  let hi = ratio.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ratio[mid] < r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The values and costs of the given items. */
function itemsOf(p: PreparedCurve, items: Int32Array): { v: Float64Array; c: Float64Array } {
  const v = new Float64Array(items.length);
  const c = new Float64Array(items.length);
  for (let q = 0; q < items.length; q++) {
    v[q] = p.values[items[q]];
    c[q] = p.costs[items[q]];
  }
  return { v, c };
}

function direct(p: PreparedCurve, capacity: number, withChosen: boolean): CurvePoint {
  const result = solveKnapsack(p.values, p.costs, capacity);
  return { totalValue: result.totalValue, totalCost: result.totalCost, count: result.chosen.length, chosen: withChosen ? result.chosen : undefined };
}

/**
 * The selection solveKnapsack(values, costs, capacity) makes — same optimum, same tie rule — without its passes
 * over every item. With λ the value/cost ratio of the break item (where the items, best ratio first, stop
 * fitting), every selection is worth at most U = Σ over ratios above λ of (value − λ·cost) + λ·capacity, and
 * taking an item against the sign of d = value − λ·cost lowers that bound by |d|. An exact solve of the items
 * ranked around the break, with all better-ratio items taken, gives a selection worth LB; every item with |d| > g
 * = U − LB·(1 − 10⁻⁹) (+ the solver's rounding slack) is then in every selection within the tie tolerance of the
 * best (d > 0) or in none (d < 0). Within a cost class (costs c to 2c), |d| = cost·|ratio − λ| ≥ c·|ratio − λ|,
 * so those items lie outside a window of ratios around λ, found by binary search: the ones above it are passed
 * to solveKnapsack as a fixed part, the ones below are left out, and the windows are solved exactly with every
 * tolerance applied to the totals. The selections that qualify under the tie rule are unchanged, and so is the
 * choice. When the windows would hold a quarter of the items, the capacity is solved directly instead.
 */
export function solveCurvePoint(p: PreparedCurve, capacity: number, withChosen = false): CurvePoint {
  const all = p.all;
  if (all === null) return direct(p, capacity, withChosen);
  if (!(capacity > 0 && capacity < Infinity)) throw new RangeError('capacity must be positive and finite');
  const n = all.order.length;
  const capTotal = capacity * (1 + CAP_TOL);

  // The break: the first rank at which the items, best ratio first, no longer fit (as solveKnapsack solves it).
  const target = capTotal * (1 - 1e-13);
  let lo = 1;
  let hi = n + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all.prefixCost[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  const b = lo - 1; // n when everything fits
  const lambda = b < n ? all.ratio[b] : 0;
  // Valid for any λ ≥ 0, and for items too large to fit at all: they only loosen it.
  const above = lambda > 0 ? firstAtMost(all.ratio, lambda) : n;
  const U = all.prefixValue[above] + lambda * (capTotal - all.prefixCost[above]);

  // Every item whose ratio equals λ's is in any window; when they alone are a quarter of the items (say, every
  // value proportional to its cost), no bound can narrow the problem.
  if (lambda > 0 && firstBelow(all.ratio, lambda) - above > n / 4) return direct(p, capacity, withChosen);

  const classes = p.classes;
  const first = new Int32Array(classes.length);
  const last = new Int32Array(classes.length);
  let inWindows = n;
  for (const width of BOUND_WINDOWS) {
    let lower: number;
    try {
      const from = mathMax(0, b - width / 2);
      const { v, c } = itemsOf(p, all.order.slice(from, mathMin(n, b + width / 2)));
      lower = all.prefixValue[from] + knapsackBestValue(v, c, capacity, { value: all.prefixValue[from], cost: all.prefixCost[from] });
    } catch (error) {
      if (error instanceof RangeError) break; // the direct solve below decides, or reports it
      throw error;
    }
    const g = U - lower * (1 - TIE_TOL) + REDUCE_SLACK * U;
    if (!(g >= 0)) break;
    inWindows = 0;
    for (let q = 0; q < classes.length; q++) {
      const half = g / classes[q].smallestCost;
      // Widened for the rounding of the ratios and of λ ± half.
      const reach = half * (1 + 1e-9) + 1e-15 * (lambda + half) + Number.MIN_VALUE;
      first[q] = firstAtMost(classes[q].ratio, lambda + reach);
      last[q] = lambda - reach > 0 ? firstBelow(classes[q].ratio, lambda - reach) : classes[q].ratio.length;
      inWindows += last[q] - first[q];
    }
    if (inWindows <= width) break;
  }
  const fixedValue = new Neumaier();
  const fixedCost = new Neumaier();
  let fixedCount = 0;
  for (let q = 0; q < classes.length; q++) {
    fixedValue.add(classes[q].prefixValue[first[q]]);
    fixedCost.add(classes[q].prefixCost[first[q]]);
    fixedCount += first[q];
  }
  if (inWindows > n / 4 || fixedCost.sum > capTotal) return direct(p, capacity, withChosen);

  const items = new Int32Array(inWindows);
  for (let q = 0, at = 0; q < classes.length; q++) {
    items.set(classes[q].order.subarray(first[q], last[q]), at);
    at += last[q] - first[q];
  }
  items.sort();
  const { v, c } = itemsOf(p, items);
  const result = solveKnapsack(v, c, capacity, { value: fixedValue.sum, cost: fixedCost.sum });
  fixedValue.add(result.totalValue);
  fixedCost.add(result.totalCost);
  const point: CurvePoint = { totalValue: fixedValue.sum, totalCost: fixedCost.sum, count: fixedCount + result.chosen.length };
  if (withChosen) {
    const rows = new Int32Array(point.count);
    let at = 0;
    for (let q = 0; q < classes.length; q++) {
      rows.set(classes[q].order.subarray(0, first[q]), at);
      at += first[q];
    }
    for (const j of result.chosen) rows[at++] = items[j];
    point.chosen = sortByValue(rows.sort(), p.values); // the sort is stable, so rows go in ascending
  }
  return point;
}
