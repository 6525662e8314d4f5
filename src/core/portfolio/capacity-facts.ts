// What capacity is worth around the team's: KAM_CAPACITY's exact optimum over nearby capacities, the value of more
// capacity (the next step of the curve, and the account that comes in there) and the first account to drop out if
// capacity were cut — on the eligible values and days the selection itself uses.
import { capacityCurve, type CapacityCurve, type CapacityPoint } from '../functions/capacity';
import { TIE_TOL } from '../functions/solvers/knapsack';
import type { Portfolio } from './portfolio';

/** One point of the curve: KAM_CAPACITY's row at that capacity (best value, days used, key accounts). */
export interface CurvePoint {
  capacity: number;
  value: number;
  cost: number;
  accounts: number;
}

/** A step of the curve from the team's capacity: where it happens, what it is worth, who comes in and who goes. */
export interface CapacityStep {
  /** The capacity at which the selection changes (team days): the days its new selection uses. */
  capacity: number;
  /** Total value there, and the change from the team's capacity (positive for more capacity, negative for less). */
  value: number;
  change: number;
  /** Accounts (portfolio row indices) that come in and that go, most valuable first. */
  in: number[];
  out: number[];
}

export interface CapacityFacts {
  capacity: number;
  /** The optimum at the team's capacity (the portfolio's selection). */
  value: number;
  cost: number;
  /** The next step up: the fewest extra days that add value, null when every eligible account is already key. */
  next: (CapacityStep & { days: number; perDay: number }) | null;
  /** The first step down: what drops out as soon as capacity falls below the days the selection uses; null with no key account. */
  firstOut: CapacityStep | null;
  /** The curve around the team's capacity, by increasing capacity (the team's capacity and the next step included). */
  curve: CurvePoint[];
}

/** Points on each side of the team's capacity, and how far the curve reaches in typical key accounts' days. */
const CURVE_POINTS = 40;
const CURVE_REACH = 5;
/** How close (relative) bisection brings the next step: far below any difference between two sums of days people type. */
const STEP_PRECISION = 1e-10;

/**
 * The facts for the portfolio's selection problem: the eligible value of each account (blank for an account that
 * may not be key) and its days, at the model's capacity. Null when no account may be key.
 */
export function capacityFacts(portfolio: Portfolio): CapacityFacts | null {
  const rows = portfolio.rows;
  const candidates: number[] = [];
  rows.forEach((r, i) => {
    if (r.eligible && r.value !== null && r.value > 0 && r.cost > 0) candidates.push(i);
  });
  if (candidates.length === 0) return null;
  const values = Float64Array.from(candidates, (i) => rows[i]!.value!);
  const costs = Float64Array.from(candidates, (i) => rows[i]!.cost);
  const curve = capacityCurve(values, costs);
  const capacity = portfolio.selection.capacity;
  const at = (c: number): CapacityPoint & { rows: number[] } => {
    const point = curve.at(c, true);
    return { ...point, rows: (point.chosen ?? []).map((j) => candidates[j]!) };
  };
  const here = at(capacity);
  const more = (point: CapacityPoint): boolean => point.value > here.value + TIE_TOL * Math.max(1, Math.abs(here.value));
  const byValue = (list: number[]): number[] => [...list].sort((a, b) => rows[b]!.value! - rows[a]!.value! || a - b);
  const diff = (a: number[], b: number[]): number[] => {
    const set = new Set(b);
    return byValue(a.filter((i) => !set.has(i)));
  };

  // The next step: adding the cheapest account left out to today's selection always adds value, so the step is
  // between the capacity and there; value only grows with capacity, so bisection finds where.
  let next: CapacityFacts['next'] = null;
  const chosen = new Set(here.rows);
  const outside = candidates.filter((i) => !chosen.has(i));
  if (outside.length) {
    let lo = capacity;
    let hi = here.cost + Math.min(...outside.map((i) => rows[i]!.cost));
    if (hi > lo && more(curve.at(hi))) {
      while (hi - lo > STEP_PRECISION * hi) {
        const mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        if (more(curve.at(mid))) hi = mid;
        else lo = mid;
      }
      // The step is where the selection found just above it stops using days: a sum of days, exactly.
      const step = at(at(hi).cost);
      const days = step.cost - capacity;
      next = {
        capacity: step.cost, value: step.value, change: step.value - here.value, in: diff(step.rows, here.rows), out: diff(here.rows, step.rows),
        days, perDay: days > 0 ? (step.value - here.value) / days : Infinity,
      };
    }
  }

  // The first step down: the moment capacity is below the days the selection uses, the selection must change.
  let firstOut: CapacityStep | null = null;
  if (here.rows.length) {
    const below = at(here.cost * (1 - 1e-9));
    firstOut = { capacity: here.cost, value: below.value, change: below.value - here.value, in: diff(below.rows, here.rows), out: diff(here.rows, below.rows) };
  }

  return { capacity, value: here.value, cost: here.cost, next, firstOut, curve: curvePoints(curve, capacity, costs, [capacity, ...(next ? [next.capacity] : [])]) };
}

/** KAM_CAPACITY's optimum on an even grid around the capacity, a typical key account's days five times either way. */
function curvePoints(curve: CapacityCurve, capacity: number, costs: Float64Array, extra: number[]): CurvePoint[] {
  const sorted = Float64Array.from(costs).sort();
  const typical = sorted[sorted.length >> 1]!;
  const lo = Math.max(0, capacity - CURVE_REACH * typical);
  const hi = capacity + CURVE_REACH * typical;
  const grid = Array.from({ length: CURVE_POINTS + 1 }, (_, k) => lo + ((hi - lo) * k) / CURVE_POINTS);
  const capacities = [...new Set([...grid, ...extra].map((c) => Number(c.toPrecision(12))))].sort((a, b) => a - b);
  return capacities.map((c) => {
    const point = curve.at(c);
    return { capacity: c, value: point.value, cost: point.cost, accounts: point.accounts };
  });
}
