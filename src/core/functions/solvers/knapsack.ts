// Exact 0/1 knapsack behind KAM_SELECT: reduction to a small core, exact search on the core, and a documented tie rule.

// Globals are read once: a global lookup per element is slow in sandboxed globals (Node's vm contexts, how the tests
// and benchmarks load the bundles; measured at ~200 ns each), and these run per item on million-row inputs.
const { abs: mathAbs, floor: mathFloor, min: mathMin, max: mathMax, imul: mathImul } = Math;
const { isInteger } = Number;

export interface KnapsackResult {
  /** indices of chosen items, sorted by value descending, ties by index ascending */
  chosen: number[];
  totalValue: number;
  totalCost: number;
}

/** Totals closer than this (relative) count as equal, so decimal noise like 0.1 + 0.2 vs 0.3 cannot pick the winner. */
export const TIE_TOL = 1e-9;
/** A selection fits when its cost is at most capacity·(1 + CAP_TOL): a sum equal to the capacity on paper must not fail on binary rounding. */
export const CAP_TOL = 1e-12;
/**
 * Improvements smaller than this (relative to the bound) are not searched for. It is far below TIE_TOL, so the best
 * value is known precisely enough to apply the tie rule, and it stops the search from chasing rounding noise between
 * sets whose values are equal on paper.
 */
const SEARCH_TOL = 1e-12;
/** Widening of every reduction threshold, to cover rounding in sums over up to millions of items. Larger is only slower. */
export const REDUCE_SLACK = 1e-10;
/** Size of the first core: large enough that its optimum is nearly always the global one, small enough to be instant. */
const FIRST_CORE = 256;
/** Up to this many 0/1 pieces, meet-in-the-middle caps the work at about 2^(pieces/2) when the dynamic program struggles. */
const MITM_MAX_PIECES = 40;
/**
 * Memory guard for the dynamic program (a few hundred MB of states and solution chains at most). Reaching it means
 * the exact optimum cannot be certified in reasonable memory; an error is better than an approximation sold as the
 * optimum, and better than the host running out of memory.
 */
const MAX_STATES = 1 << 22;
const MAX_NODES = 1 << 25;

/**
 * Exact optimum of: maximise Σ values[i] over chosen i subject to Σ costs[i] ≤ capacity, each item at most once.
 *
 * Tie rule (exactly what is implemented; the paragraph is meant for the user documentation):
 *   A selection fits if its total cost is at most capacity × (1 + 10⁻¹²). Totals that differ by less than one part
 *   in a billion (10⁻⁹, relative) count as equal. Among the fitting selections, KAM_SELECT keeps those whose total
 *   value is within 10⁻⁹ of the best; among those, the ones whose total cost is within 10⁻⁹ of the lowest; and among
 *   those, the one that favours earlier rows: at the first row where two selections differ, the selection that
 *   includes that row wins.
 *
 * Consequences: row order matters only in that last step; an item worth less than 10⁻⁹ of the total can be left out
 * when leaving it out saves cost, even if everything fits; sets within about 10⁻¹² (relative) of one of the
 * tolerance boundaries can fall on either side, because sums are computed in binary floating point.
 *
 * Method. A Lagrangian multiplier λ (the ratio of the LP break item, found by weighted quickselect in O(N)) gives each
 * item a reduced value d = value − λ·cost and the bound U = Σ max(d, 0) + λ·capacity. Taking an item against the sign
 * of its d lowers that bound by |d|, so once a good selection is known only items with small |d| (the core) can
 * differ between near-optimal selections; all other items are fixed in or out. Identical items (same value and cost)
 * are grouped, and a group is split into binary pieces (1, 2, 4, … copies), so thousands of copies cost a handful of
 * pieces. The core is solved exactly by a Pareto-dominance dynamic program expanding outwards from the break item
 * (Pisinger's minknap scheme) with LP bounds, tightened by flooring when all costs or all values are integers. The tie
 * rule then runs on the core alone: a second exact solve finds the lowest cost that keeps the value within tolerance,
 * the core is reduced again against that cost, and a row-by-row pass takes each remaining core row if the same exact
 * solver still finds a qualifying completion with it.
 *
 * Work bound. There is no heuristic exit: every answer is exact or an error is thrown. When the dynamic program
 * exceeds its state budget on a core of at most 40 pieces it switches to meet-in-the-middle (also exact, about
 * 2^(pieces/2) work). On larger cores it continues; its work is bounded by the number of distinct (cost, value)
 * states, which is pseudo-polynomial for integer costs (and for costs on a binary grid such as half days) but can
 * grow exponentially when many core items have (nearly) the same value/cost ratio and unrelated non-integer costs —
 * then the LP bound is useless and the problem is a real-valued subset sum (exact MIP solvers struggle there too).
 * If the states outgrow MAX_STATES / MAX_NODES it throws a RangeError instead of exhausting memory. Memory is O(N)
 * plus the core's states.
 *
 * `fixed` (for the capacity curve, knapsack-curve.ts): the value and cost of items the caller has proven to be in
 * every selection within tolerance of the best. They are not passed; the given items must fit in what they leave,
 * and every tolerance above applies to totals that include them, so the answer is the one the whole problem would
 * give. The result lists and totals the given items only. Without `fixed` every sum is bit for bit what it was.
 */
export function solveKnapsack(values: ArrayLike<number>, costs: ArrayLike<number>, capacity: number, fixed: FixedPart = NOTHING_FIXED): KnapsackResult {
  const relaxed = bestValue(values, costs, capacity, fixed);
  if (relaxed === null) return { chosen: [], totalValue: 0, totalCost: 0 };
  const { ids, m, V, C, D, U, slack, best, capTotal } = relaxed;

  // Tie rule, on the items that can still differ between selections within tolerance of the best value.
  const valueFloor = (best + fixed.value) * (1 - TIE_TOL); // on the total, fixed part included
  const tol = SEARCH_TOL * (best + fixed.value);
  const split = splitCore(D, C, V, U + fixed.value - valueFloor + slack);
  const pick = split.fixedIn;
  const core = split.core;
  if (core.length > 0) {
    const cls = groupItems(V, C, core);
    const groups = cls.v.length;
    const floorCore = valueFloor - fixed.value - split.fixedValue;
    // Lowest cost reaching the value floor, solved as its complement: drop as much cost as possible while dropping
    // at most (core value − floor) of value. It never exceeds the cost of the best-value set, so capacity holds.
    const totalValue = new Neumaier();
    for (let t = 0; t < groups; t++) totalValue.add(cls.mult[t] * cls.v[t]);
    const dropped = solveCore(cls.c, cls.v, cls.mult, mathMax(0, totalValue.sum - floorCore), -Infinity, 0);
    const keep = new Int32Array(groups);
    const keepCost = new Neumaier();
    for (let t = 0; t < groups; t++) {
      keep[t] = cls.mult[t] - (dropped === null ? 0 : dropped.counts[t]);
      keepCost.add(keep[t] * cls.c[t]);
    }
    const budget = mathMin(capTotal, (fixed.cost + split.fixedCost + keepCost.sum) * (1 + TIE_TOL)) - fixed.cost - split.fixedCost;

    // The cost budget is usually below capacity (integer values leave slack), so reducing again against it
    // typically shrinks the core from thousands of items to a handful.
    const sub = reduceGroups(cls.v, cls.c, cls.mult, budget, floorCore);
    let consistent = true;
    for (let t = 0; t < groups; t++) {
      if (sub.state[t] === 1 && keep[t] !== cls.mult[t]) consistent = false;
      if (sub.state[t] === -1 && keep[t] !== 0) consistent = false;
    }
    const rows: number[] = [];
    for (let q = 0; q < core.length; q++) if (sub.state[cls.group[q]] === 0) rows.push(q);
    const rowGroup = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) rowGroup[i] = cls.group[rows[i]];
    const avail = new Int32Array(groups);
    for (let t = 0; t < groups; t++) if (sub.state[t] === 0) avail[t] = cls.mult[t];
    const floorSub = floorCore - sub.fixedValue;
    const budgetSub = budget - sub.fixedCost;
    const out = new Uint8Array(rows.length);
    const res = chooseEarliest(rowGroup, cls.v, cls.c, avail, consistent ? keep : null, floorSub, budgetSub, tol, out);
    // In exact arithmetic the pass always ends on a qualifying set. Should rounding ever make it miss, the
    // lowest-cost set (earliest copies of each group) is still a best-value answer, so use it rather than less.
    const ok = res.value >= floorSub - 2 * tol && res.cost <= budgetSub + CAP_TOL * (budget + 1);
    const taken = new Int32Array(groups);
    for (let q = 0, i = 0; q < core.length; q++) {
      const t = cls.group[q];
      let take: boolean;
      if (ok) take = sub.state[t] === 0 ? out[i++] === 1 : sub.state[t] === 1;
      else take = taken[t] < keep[t];
      if (take) {
        taken[t]++;
        pick[core[q]] = 1;
      }
    }
  }

  let count = 0;
  for (let j = 0; j < m; j++) count += pick[j];
  const rowsChosen = new Int32Array(count);
  for (let j = 0, q = 0; j < m; j++) if (pick[j]) rowsChosen[q++] = ids[j];
  const chosen = sortByValue(rowsChosen, values);
  const tv = new Neumaier();
  const tc = new Neumaier();
  for (const i of chosen) {
    tv.add(values[i]);
    tc.add(costs[i]);
  }
  return { chosen, totalValue: tv.sum, totalCost: tc.sum };
}

/** The best total value of the given items (fixed part excluded), without the tie rule's passes; 0 when none fits. */
export function knapsackBestValue(values: ArrayLike<number>, costs: ArrayLike<number>, capacity: number, fixed: FixedPart = NOTHING_FIXED): number {
  return bestValue(values, costs, capacity, fixed)?.best ?? 0;
}

/** The items that fit on their own, their Lagrangian reduction (λ, d and the bound U), and the best total value. */
function bestValue(values: ArrayLike<number>, costs: ArrayLike<number>, capacity: number, fixed: FixedPart) {
  const nAll = values.length;
  if (costs.length !== nAll) throw new RangeError('values and costs must have the same length');
  if (!(capacity > 0 && capacity < Infinity)) throw new RangeError('capacity must be positive and finite');
  const capTotal = capacity * (1 + CAP_TOL);
  const capLimit = capTotal - fixed.cost; // room left for the given items

  // Items that cannot fit on their own never matter; dropping them keeps the LP bound tight.
  const ids = new Int32Array(nAll);
  let m = 0;
  for (let i = 0; i < nAll; i++) {
    const v = values[i];
    const c = costs[i];
    const r = v / c; // a ratio that overflows (huge value, subnormal cost) would turn bounds into Infinity − Infinity
    if (!(v > 0 && v - v === 0 && c > 0 && c - c === 0 && r - r === 0)) { // finite and positive, without a global lookup per item
      throw new RangeError(`item ${i}: value and cost must be positive and finite, with a finite ratio`);
    }
    if (c <= capLimit) ids[m++] = i;
  }
  if (m === 0) return null;
  const V = new Float64Array(m);
  const C = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    V[j] = values[ids[j]];
    C[j] = costs[ids[j]];
  }

  const allFit = exactSum(C, null) <= capLimit;
  // Solving the break slightly under the capacity keeps the items with d > 0 within capacity despite rounding.
  const lambda = allFit ? 0 : breakRatio(V, C, null, capLimit * (1 - 1e-13));
  const D = new Float64Array(m);
  const ub = new Neumaier();
  for (let j = 0; j < m; j++) {
    const d = V[j] - lambda * C[j];
    D[j] = d;
    if (d > 0) ub.add(d);
  }
  ub.add(lambda * capLimit);
  const U = ub.sum;
  if (!(U - U === 0)) throw new RangeError('values or costs too large to total');
  const slack = REDUCE_SLACK * (U + fixed.value);

  // Best total value V*. Any lower bound LB makes the core {|d| ≤ U − LB·(1 − TIE_TOL)} sufficient for the tie rule.
  let best: number;
  if (allFit) best = exactSum(V, null);
  else {
    const solveMax = (g: number): number => {
      const split = splitCore(D, C, V, g);
      const capCore = capLimit - split.fixedCost;
      if (capCore < 0) return solveMax(Infinity); // unreachable by the choice of λ; stays exact if rounding disagrees
      const cls = groupItems(V, C, split.core);
      const sol = solveCore(cls.v, cls.c, cls.mult, capCore, -Infinity, 0);
      return split.fixedValue + (sol === null ? 0 : sol.value);
    };
    const g0 = m <= FIRST_CORE ? Infinity : kthSmallestAbs(D, FIRST_CORE - 1);
    best = solveMax(g0);
    const need = U + fixed.value - (best + fixed.value) * (1 - TIE_TOL) + slack;
    // This core holds every item that can appear in a set within tolerance of the best, so its optimum is global.
    if (need > g0) best = solveMax(need);
  }

  return { ids, m, V, C, D, U, slack, best, capTotal };
}

/** Items outside the problem that every selection within tolerance of the best takes (see solveKnapsack). */
export interface FixedPart {
  value: number;
  cost: number;
}
const NOTHING_FIXED: FixedPart = { value: 0, cost: 0 };

/** Compensated summation: sums over up to millions of items feed thresholds that must not drift. */
export class Neumaier {
  private s = 0;
  private comp = 0;
  add(x: number): void {
    const t = this.s + x;
    if (mathAbs(this.s) >= mathAbs(x)) this.comp += this.s - t + x;
    else this.comp += x - t + this.s;
    this.s = t;
  }
  get sum(): number {
    return this.s + this.comp;
  }
}

function exactSum(a: Float64Array, mask: Uint8Array | null): number {
  const acc = new Neumaier();
  for (let i = 0; i < a.length; i++) if (mask === null || mask[i]) acc.add(a[i]);
  return acc.sum;
}

/** Deterministic pivots keep results and timings reproducible while avoiding the sorted-input worst case. */
function nextSeed(s: number): number {
  return (mathImul(s, 1664525) + 1013904223) >>> 0;
}

/** On inputs larger than this, a random sample first narrows where the answer lies, so one pass over the data suffices. */
const SAMPLE_FROM = 32768;
const SAMPLE = 2048;

/** Deterministic sample positions (with replacement). */
function samplePositions(n: number): Int32Array {
  const at = new Int32Array(SAMPLE);
  let seed = 0x1b873593;
  for (let q = 0; q < SAMPLE; q++) {
    seed = nextSeed(seed);
    at[q] = seed % n;
  }
  return at;
}

/**
 * Ratio of the LP break item: the largest r such that the items with ratio > r cost at most `cap` in total
 * (0 if everything fits). Item i stands for mult[i] copies. Any r ≥ 0 gives a valid bound, so this only has to be
 * right for the bound to be tight, not for the answer to be exact.
 */
function breakRatio(V: Float64Array, C: Float64Array, mult: Int32Array | null, cap: number): number {
  const n = V.length;
  if (n > SAMPLE_FROM) {
    // The break usually sits among a small fraction of the items: guess a ratio safely below it from a sample
    // (four times the capacity's worth of weight above it, plus a margin), keep only the items above that ratio,
    // and select among those. If the guess was not below the break after all, fall through to the full selection.
    const at = samplePositions(n);
    const ratio = Float64Array.from(at, (i) => V[i] / C[i]);
    const order = Array.from({ length: SAMPLE }, (_, q) => q).sort((x, y) => ratio[y] - ratio[x]);
    const scale = n / SAMPLE;
    let acc = 0;
    let low = -1;
    for (let q = 0; q < SAMPLE; q++) {
      const i = at[order[q]];
      acc += (mult === null ? C[i] : mult[i] * C[i]) * scale;
      if (acc > 4 * cap) {
        low = ratio[order[mathMin(SAMPLE - 1, q + 32)]];
        break;
      }
    }
    if (low > 0) {
      let count = 0;
      let weight = 0;
      for (let i = 0; i < n; i++) {
        if (V[i] / C[i] >= low) {
          count++;
          weight += mult === null ? C[i] : mult[i] * C[i];
        }
      }
      if (weight > cap) {
        const r = new Float64Array(count);
        const w = new Float64Array(count);
        for (let i = 0, q = 0; i < n; i++) {
          const x = V[i] / C[i];
          if (x >= low) {
            r[q] = x;
            w[q++] = mult === null ? C[i] : mult[i] * C[i];
          }
        }
        return weightedBreak(r, w, cap);
      }
    }
  }
  const r = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = V[i] / C[i];
    w[i] = mult === null ? C[i] : mult[i] * C[i];
  }
  return weightedBreak(r, w, cap);
}

/** Weighted quickselect (reorders r and w) with three-way partitions, so equal ratios cannot degrade it. */
function weightedBreak(r: Float64Array, w: Float64Array, cap: number): number {
  let lo = 0;
  let hi = r.length;
  let acc = 0;
  let seed = 0x2545f491;
  while (lo < hi) {
    seed = nextSeed(seed);
    const pivot = r[lo + (seed % (hi - lo))];
    let a = lo;
    let i = lo;
    let b = hi;
    let sumGt = 0;
    let sumEq = 0;
    while (i < b) {
      const x = r[i];
      if (x > pivot) {
        sumGt += w[i];
        const tr = r[a];
        const tw = w[a];
        r[a] = x;
        w[a] = w[i];
        r[i] = tr;
        w[i] = tw;
        a++;
        i++;
      } else if (x < pivot) {
        b--;
        const tr = r[b];
        const tw = w[b];
        r[b] = x;
        w[b] = w[i];
        r[i] = tr;
        w[i] = tw;
      } else {
        sumEq += w[i];
        i++;
      }
    }
    if (acc + sumGt > cap) hi = a;
    else if (acc + sumGt + sumEq > cap) return pivot;
    else {
      acc += sumGt + sumEq;
      lo = b;
    }
  }
  return 0;
}

/** The (k+1)-th smallest |D[i]| (k zero-based). Only sets the size of the first core, so it need not be exact to be safe. */
function kthSmallestAbs(D: Float64Array, k: number): number {
  const n = D.length;
  if (n > SAMPLE_FROM && k < n / 64) {
    // Guess a threshold from a sample that should let through about four times k items, keep those, select.
    const sample = Float64Array.from(samplePositions(n), (i) => mathAbs(D[i])).sort();
    const t = sample[mathMin(SAMPLE - 1, mathFloor(((4 * (k + 1)) / n) * SAMPLE) + 16)];
    let count = 0;
    for (let i = 0; i < n; i++) if (mathAbs(D[i]) <= t) count++;
    if (count > k) {
      const a = new Float64Array(count);
      for (let i = 0, q = 0; i < n; i++) if (mathAbs(D[i]) <= t) a[q++] = mathAbs(D[i]);
      return selectKth(a, k);
    }
  }
  return selectKth(Float64Array.from(D, mathAbs), k);
}

/** Quickselect (reorders a) with three-way partitions. */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length;
  let seed = 0x6c8e9cf5;
  for (;;) {
    seed = nextSeed(seed);
    const pivot = a[lo + (seed % (hi - lo))];
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i < gt) {
      const x = a[i];
      if (x < pivot) {
        a[i] = a[lt];
        a[lt] = x;
        lt++;
        i++;
      } else if (x > pivot) {
        gt--;
        a[i] = a[gt];
        a[gt] = x;
      } else i++;
    }
    if (k < lt) hi = lt;
    else if (k >= gt) lo = gt;
    else return pivot;
  }
}

interface Split {
  /** positions with |d| ≤ g, ascending */
  core: Int32Array;
  /** 1 where d > g: such items are in every selection that reaches the floor */
  fixedIn: Uint8Array;
  fixedValue: number;
  fixedCost: number;
}

function splitCore(D: Float64Array, C: Float64Array, V: Float64Array, g: number): Split {
  let count = 0;
  for (let j = 0; j < D.length; j++) if (mathAbs(D[j]) <= g) count++;
  const core = new Int32Array(count);
  const fixedIn = new Uint8Array(D.length);
  const fv = new Neumaier();
  const fc = new Neumaier();
  let q = 0;
  for (let j = 0; j < D.length; j++) {
    const d = D[j];
    if (mathAbs(d) <= g) core[q++] = j;
    else if (d > g) {
      fixedIn[j] = 1;
      fv.add(V[j]);
      fc.add(C[j]);
    }
  }
  return { core, fixedIn, fixedValue: fv.sum, fixedCost: fc.sum };
}

/**
 * The same Lagrangian reduction on groups of identical items, against a cost budget and a value floor. State per
 * group: 1 all copies are in every qualifying selection, −1 none are, 0 undecided. Any λ ≥ 0 gives a valid bound;
 * the break ratio gives the tightest.
 */
function reduceGroups(v: Float64Array, c: Float64Array, mult: Int32Array, cap: number, floor: number) {
  const n = v.length;
  const total = new Neumaier();
  for (let t = 0; t < n; t++) total.add(mult[t] * c[t]);
  const lambda = total.sum <= cap ? 0 : breakRatio(v, c, mult, cap * (1 - 1e-13));
  const ub = new Neumaier();
  for (let t = 0; t < n; t++) {
    const d = v[t] - lambda * c[t];
    if (d > 0) ub.add(mult[t] * d);
  }
  ub.add(lambda * cap);
  const U = ub.sum;
  const g = U - floor + REDUCE_SLACK * U;
  const state = new Int8Array(n);
  const fv = new Neumaier();
  const fc = new Neumaier();
  for (let t = 0; t < n; t++) {
    const d = v[t] - lambda * c[t];
    if (d > g) {
      state[t] = 1;
      fv.add(mult[t] * v[t]);
      fc.add(mult[t] * c[t]);
    } else if (d < -g) state[t] = -1;
  }
  return { state, fixedValue: fv.sum, fixedCost: fc.sum };
}

/** Groups of identical (value, cost) among the given positions, numbered in order of first appearance. */
function groupItems(V: Float64Array, C: Float64Array, at: Int32Array) {
  const byValue = new Map<number, Map<number, number>>();
  const group = new Int32Array(at.length);
  const gv: number[] = [];
  const gc: number[] = [];
  const gm: number[] = [];
  for (let q = 0; q < at.length; q++) {
    const v = V[at[q]];
    const c = C[at[q]];
    let byCost = byValue.get(v);
    if (byCost === undefined) {
      byCost = new Map<number, number>();
      byValue.set(v, byCost);
    }
    let t = byCost.get(c);
    if (t === undefined) {
      t = gv.length;
      byCost.set(c, t);
      gv.push(v);
      gc.push(c);
      gm.push(0);
    }
    gm[t]++;
    group[q] = t;
  }
  return { group, v: Float64Array.from(gv), c: Float64Array.from(gc), mult: Int32Array.from(gm) };
}

/**
 * Row-by-row pass of the tie rule: each row (in row order; rowGroup gives its group) is taken if some completion
 * from the later rows still reaches `floor` within `budget`. A known completion (the witness, as copies per group)
 * is kept throughout, so rows it covers are taken without a search. Identical items are interchangeable and swapping
 * a later copy for an earlier one only favours earlier rows: so copies are taken earliest first, and once a copy is
 * refused all later copies of its group are refused without asking again. That bounds the searches by
 * (groups + rows taken); most are settled by a greedy witness or an LP bound before any search.
 */
function chooseEarliest(
  rowGroup: Int32Array,
  v: Float64Array,
  c: Float64Array,
  avail: Int32Array,
  witness: Int32Array | null,
  floor: number,
  budget: number,
  tol: number,
  out: Uint8Array,
): { value: number; cost: number } {
  const groups = v.length;
  const remaining = Int32Array.from(avail);
  const left = witness === null ? new Int32Array(groups) : Int32Array.from(witness);
  const closed = new Uint8Array(groups);
  const byRatio: number[] = [];
  for (let t = 0; t < groups; t++) if (avail[t] > 0) byRatio.push(t);
  byRatio.sort((a, b) => v[b] / c[b] - v[a] / c[a] || c[a] - c[b] || a - b);
  const fv = new Float64Array(groups);
  const fc = new Float64Array(groups);
  const fm = new Int32Array(groups);
  const fg = new Int32Array(groups);
  const trial = new Int32Array(groups);
  const takenV = new Neumaier();
  const takenC = new Neumaier();
  for (let p = 0; p < rowGroup.length; p++) {
    const t = rowGroup[p];
    remaining[t]--;
    if (closed[t]) continue;
    let ok = left[t] > 0;
    if (ok) left[t]--;
    else {
      const need = floor - takenV.sum - v[t];
      const room = budget - takenC.sum - c[t];
      // If this row is refused the current witness stays valid (it takes no more copies of this group), so it is
      // only replaced when a new one is found.
      if (room >= 0) {
        trial.fill(0);
        // Greedy by ratio over what is left: either it already reaches the need (a new witness) or its LP bound
        // proves nothing can, which settles most rows without a search.
        let accV = 0;
        let accC = 0;
        let bound = -Infinity;
        let free = 0;
        for (const u of byRatio) {
          const n = closed[u] ? 0 : remaining[u];
          if (n === 0) continue;
          fv[free] = v[u];
          fc[free] = c[u];
          fm[free] = n;
          fg[free] = u;
          free++;
          if (bound !== -Infinity) continue;
          let k = mathMin(n, mathFloor((room - accC) / c[u]));
          while (k < n && accC + (k + 1) * c[u] <= room) k++;
          while (k > 0 && accC + k * c[u] > room) k--;
          accC += k * c[u];
          accV += k * v[u];
          trial[u] = k;
          if (k < n) bound = accV + (room - accC) * (v[u] / c[u]);
        }
        if (bound === -Infinity) bound = accV;
        if (accV >= need - tol) {
          ok = true;
          left.set(trial);
        } else if (bound >= need - tol) {
          const sol = solveCore(fv.subarray(0, free), fc.subarray(0, free), fm.subarray(0, free), room, need, tol);
          if (sol !== null) {
            ok = true;
            left.fill(0);
            for (let i = 0; i < free; i++) left[fg[i]] = sol.counts[i];
          }
        }
      }
    }
    if (ok) {
      out[p] = 1;
      takenV.add(v[t]);
      takenC.add(c[t]);
    } else closed[t] = 1;
  }
  return { value: takenV.sum, cost: takenC.sum };
}

interface CoreSolution {
  value: number;
  /** copies taken of each group given to solveCore */
  counts: Int32Array;
}

/**
 * Exact bounded knapsack on groups (value v[t], cost c[t], mult[t] identical copies). With target = −Infinity it
 * maximises (ignoring improvements below SEARCH_TOL of the bound); with a finite target it returns any selection
 * whose value reaches target − tol, or null if none exists. Returns null if cap < 0.
 *
 * Groups are cut into 0/1 pieces of 1, 2, 4, … copies (any count is a sum of pieces). States are (cost, value)
 * pairs of partial solutions that differ from the greedy prefix only on the pieces already considered, expanded
 * alternately by adding the next piece below the break and removing the next one above it. A state is dropped when
 * another has no more cost and at least the value (it can be completed the same way), or when its LP bound cannot
 * beat the incumbent (or reach the target).
 */
function solveCore(
  v: Float64Array,
  c: Float64Array,
  mult: Int32Array,
  capIn: number,
  target: number,
  tol: number,
): CoreSolution | null {
  if (!(capIn >= 0)) return null;
  const groups = v.length;
  const counts = new Int32Array(groups);
  const reach = target !== -Infinity;
  if (reach && target <= tol) return { value: 0, counts };
  let cap = capIn;
  let intCost = true;
  let intValue = true;
  for (let t = 0; t < groups; t++) {
    if (mult[t] === 0 || c[t] > cap) continue;
    if (!isInteger(c[t])) intCost = false;
    if (!isInteger(v[t])) intValue = false;
  }
  // Sums of integer costs are integers, so the fractional part of the capacity is unusable; dropping it lets the
  // LP bound see that, which on integer data with many equal ratios is the difference between instant and hopeless.
  if (intCost && cap < 2 ** 52) cap = mathFloor(cap);

  const pv: number[] = [];
  const pc: number[] = [];
  const pg: number[] = [];
  const pk: number[] = [];
  for (let t = 0; t < groups; t++) {
    if (mult[t] === 0 || c[t] > cap) continue;
    let left = mathMin(mult[t], mathFloor(cap / c[t]));
    for (let k = 1; left > 0; k *= 2) {
      const take = mathMin(k, left);
      pv.push(take * v[t]);
      pc.push(take * c[t]);
      pg.push(t);
      pk.push(take);
      left -= take;
    }
  }
  const n = pv.length;
  const order = Array.from({ length: n }, (_, i) => i);
  // Ratio is that of the group, so pieces of one group stay together; identical states then coincide and merge.
  order.sort((a, b) => v[pg[b]] / c[pg[b]] - v[pg[a]] / c[pg[a]] || pc[a] - pc[b] || pg[a] - pg[b]);
  const sv = new Float64Array(n);
  const sc = new Float64Array(n);
  const sr = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = order[i];
    sv[i] = pv[o];
    sc[i] = pc[o];
    sr[i] = v[pg[o]] / c[pg[o]];
  }
  const finish = (value: number, inc: Uint8Array): CoreSolution => {
    for (let i = 0; i < n; i++) if (inc[i]) counts[pg[order[i]]] += pk[order[i]];
    return { value, counts };
  };

  let b = 0;
  let wH = 0;
  let pH = 0;
  while (b < n && wH + sc[b] <= cap) {
    wH += sc[b];
    pH += sv[b];
    b++;
  }
  const prefix = (): Uint8Array => {
    const inc = new Uint8Array(n);
    inc.fill(1, 0, b);
    return inc;
  };
  if (b === n) return reach && pH < target - tol ? null : finish(pH, prefix());

  // With integer values every total is an integer, so a bound can be rounded down (after a margin for rounding).
  const cut = (x: number): number => (intValue ? mathFloor(x + 1e-9 * mathMax(1, mathAbs(x))) : x);
  const ub0 = cut(pH + (cap - wH) * sr[b]);
  if (reach && ub0 < target - tol) return null;
  if (!reach) tol = SEARCH_TOL * ub0;

  // Greedy completion of the prefix: a cheap incumbent that often meets the bound already.
  const greedy = prefix();
  let z = pH;
  {
    let w = wH;
    for (let j = b + 1; j < n; j++) {
      if (w + sc[j] <= cap) {
        w += sc[j];
        z += sv[j];
        greedy[j] = 1;
      }
    }
  }
  if (reach ? z >= target - tol : ub0 <= z + tol) return finish(z, greedy);
  let zNode = -2; // -2: the greedy set; otherwise a node of the flip chain (-1: the prefix itself)

  // Each state's set is the prefix with the items on its chain of flips toggled.
  let nodeItem = new Int32Array(1024);
  let nodeParent = new Int32Array(1024);
  let nodes = 0;

  let W = new Float64Array(64);
  let P = new Float64Array(64);
  let N = new Int32Array(64);
  let W2 = new Float64Array(64);
  let P2 = new Float64Array(64);
  let N2 = new Int32Array(64);
  W[0] = wH;
  P[0] = pH;
  N[0] = -1;
  let cnt = 1;
  let s = b - 1;
  let t = b;
  let found = false;
  // Past this many state visits, a small core switches to meet-in-the-middle, whose cost does not depend on the data.
  const budget = n <= MITM_MAX_PIECES ? 65536 + 2 ** Math.ceil(n / 2 + 1) : Infinity;
  let work = 0;

  const expand = (j: number, sign: number, rAdd: number, rDrop: number): void => {
    work += cnt;
    if (2 * cnt > MAX_STATES || nodes + 2 * cnt > MAX_NODES) {
      throw new RangeError(
        'KAM_SELECT: too many equivalent combinations to prove the best selection exactly ' +
          '(many items with the same value/cost ratio and non-integer costs); whole or half-day costs avoid this',
      );
    }
    if (W2.length < 2 * cnt) {
      const size = 4 * cnt;
      W2 = new Float64Array(size);
      P2 = new Float64Array(size);
      N2 = new Int32Array(size);
    }
    if (nodeItem.length < nodes + 2 * cnt) {
      const size = 2 * (nodes + 2 * cnt);
      const ni = new Int32Array(size);
      const np = new Int32Array(size);
      ni.set(nodeItem.subarray(0, nodes));
      np.set(nodeParent.subarray(0, nodes));
      nodeItem = ni;
      nodeParent = np;
    }
    const dw = sign * sc[j];
    const dp = sign * sv[j];
    let i = 0;
    let k = 0;
    let out = 0;
    let lastP = -Infinity;
    while (i < cnt || k < cnt) {
      let w: number;
      let p: number;
      let node: number;
      let parent = -3;
      if (k >= cnt || (i < cnt && (W[i] < W[k] + dw || (W[i] === W[k] + dw && P[i] >= P[k] + dp)))) {
        w = W[i];
        p = P[i];
        node = N[i];
        i++;
      } else {
        w = W[k] + dw;
        p = P[k] + dp;
        parent = N[k];
        node = -3;
        k++;
      }
      // Dominated: a state with no more cost has at least this value. Its bound is no better either, so this
      // also holds when that state was itself pruned.
      if (p <= lastP) continue;
      lastP = p;
      const fits = w <= cap;
      const bound = cut(fits ? p + (cap - w) * rAdd : p - (w - cap) * rDrop);
      const improves = fits && p > z;
      const keep = reach ? bound >= target - tol : bound > z + tol;
      if (!improves && !keep) continue;
      if (node === -3) {
        node = nodes++;
        nodeItem[node] = j;
        nodeParent[node] = parent;
      }
      if (improves) {
        z = p;
        zNode = node;
        if (reach && z >= target - tol) {
          found = true;
          return;
        }
      }
      if (keep) {
        W2[out] = w;
        P2[out] = p;
        N2[out] = node;
        out++;
      }
    }
    [W, W2] = [W2, W];
    [P, P2] = [P2, P];
    [N, N2] = [N2, N];
    cnt = out;
  };

  while (cnt > 0 && (t < n || s >= 0)) {
    if (work > budget) {
      const inc = meetInTheMiddle(sv, sc, cap, reach ? target - tol : -Infinity);
      if (inc === null) return null;
      let value = 0;
      for (let i = 0; i < n; i++) if (inc[i]) value += sv[i];
      return finish(value, inc);
    }
    if (t < n) {
      // Adding piece t; the next candidates are t+1 (to add) and s (to drop).
      expand(t, 1, t + 1 < n ? sr[t + 1] : 0, s >= 0 ? sr[s] : Infinity);
      t++;
      if (found) break;
    }
    if (cnt > 0 && s >= 0) {
      expand(s, -1, t < n ? sr[t] : 0, s - 1 >= 0 ? sr[s - 1] : Infinity);
      s--;
      if (found) break;
    }
  }
  if (reach && !found) return null;
  if (zNode === -2) return finish(z, greedy);
  const inc = prefix();
  for (let q = zNode; q >= 0; q = nodeParent[q]) inc[nodeItem[q]] ^= 1;
  return finish(z, inc);
}

/**
 * Exact 0/1 knapsack for at most MITM_MAX_PIECES items: the Pareto lists (cost ascending, value strictly increasing)
 * of each half are built by merging, then paired by one sweep. Returns the best selection, or with a finite
 * `reach` the first one found with value ≥ reach (null if none).
 */
function meetInTheMiddle(v: Float64Array, c: Float64Array, cap: number, reach: number): Uint8Array | null {
  const n = v.length;
  const h = n >> 1;
  const pareto = (from: number, to: number) => {
    let w = new Float64Array([0]);
    let p = new Float64Array([0]);
    let mask = new Int32Array([0]);
    for (let j = from; j < to; j++) {
      const len = w.length;
      const w2 = new Float64Array(2 * len);
      const p2 = new Float64Array(2 * len);
      const m2 = new Int32Array(2 * len);
      let i = 0;
      let k = 0;
      let out = 0;
      let lastP = -Infinity;
      while (i < len || k < len) {
        let ww: number;
        let pp: number;
        let mm: number;
        if (k >= len || (i < len && (w[i] < w[k] + c[j] || (w[i] === w[k] + c[j] && p[i] >= p[k] + v[j])))) {
          ww = w[i];
          pp = p[i];
          mm = mask[i];
          i++;
        } else {
          ww = w[k] + c[j];
          pp = p[k] + v[j];
          mm = mask[k] | (1 << (j - from));
          k++;
        }
        if (ww > cap || pp <= lastP) continue;
        lastP = pp;
        w2[out] = ww;
        p2[out] = pp;
        m2[out] = mm;
        out++;
      }
      w = w2.subarray(0, out);
      p = p2.subarray(0, out);
      mask = m2.subarray(0, out);
    }
    return { w, p, mask };
  };
  const A = pareto(0, h);
  const B = pareto(h, n);
  let best = -Infinity;
  let bestA = 0;
  let bestB = 0;
  let k = B.w.length - 1;
  for (let i = 0; i < A.w.length; i++) {
    while (k >= 0 && A.w[i] + B.w[k] > cap) k--;
    if (k < 0) break;
    const value = A.p[i] + B.p[k];
    if (value > best) {
      best = value;
      bestA = A.mask[i];
      bestB = B.mask[k];
      if (reach !== -Infinity && value >= reach) break;
    }
  }
  if (reach !== -Infinity && best < reach) return null;
  const inc = new Uint8Array(n);
  for (let j = 0; j < h; j++) if ((bestA >> j) & 1) inc[j] = 1;
  for (let j = h; j < n; j++) if ((bestB >> (j - h)) & 1) inc[j] = 1;
  return inc;
}

/**
 * Rows by value descending, ties by row ascending. Positive doubles order like their bit patterns, so large outputs
 * (everything fits) use a stable LSD radix sort on 16-bit digits, moving the keys along so every pass reads
 * sequentially; a comparison sort of a million rows takes several times longer.
 */
export function sortByValue(rows: Int32Array, values: ArrayLike<number>): number[] {
  const n = rows.length;
  if (n < 4096) return Array.from(rows).sort((a, b) => values[b] - values[a] || a - b);
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = values[rows[i]];
  const words = new Uint32Array(f.buffer);
  // Which 32-bit word holds the sign and exponent depends on the platform's byte order.
  const highWord = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = Int32Array.from(rows);
  for (let i = 0; i < n; i++) {
    hi[i] = words[2 * i + highWord];
    lo[i] = words[2 * i + 1 - highWord];
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  const start = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    start.fill(0);
    for (let i = 0; i < n; i++) start[0xffff - ((src[i] >>> shift) & 0xffff) + 1]++;
    let trivial = false;
    for (let d = 1; d <= 65536 && !trivial; d++) trivial = start[d] === n;
    if (trivial) continue; // all keys share this digit: the pass would not move anything
    for (let d = 0; d < 65536; d++) start[d + 1] += start[d];
    for (let i = 0; i < n; i++) {
      const o = start[0xffff - ((src[i] >>> shift) & 0xffff)]++;
      hi2[o] = hi[i];
      lo2[o] = lo[i];
      idx2[o] = idx[i];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return Array.from(idx);
}
