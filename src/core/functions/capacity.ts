// The capacity curve: at each capacity, KAM_SELECT's exact optimum — its total value, the cost it uses and how many accounts it takes.
import { Cell, CellError, Grid, KamError, OutGrid } from './cells';
import { BLANK_CELL, readColumn, readNumberCell, requireSameRows } from './args';
import { MAX_CAPACITY_PAIRS } from './host-limits';
import { messages } from './messages';
import { round15 } from './precision';
import { CANDIDATE, NOT_CHOSEN, eligibility, solverCapacity, solverInput } from './select';
import { Neumaier } from './solvers/knapsack';
import { PreparedCurve, prepareCurve, solveCurvePoint } from './solvers/knapsack-curve';

/** KAM_SELECT's optimum at one capacity, in the units of the values and costs given. */
export interface CapacityPoint {
  value: number;
  cost: number;
  accounts: number;
  /** The chosen accounts (positions in the values given), highest value first, when asked for. */
  chosen?: number[];
}

/** The optimum at any capacity, for one set of candidate accounts. */
export interface CapacityCurve {
  /** Throws a KamError when the exact solver cannot certify the optimum at this capacity (see knapsack.ts). */
  at(capacity: number, withChosen?: boolean): CapacityPoint;
}

/**
 * The curve for candidates with positive, finite values and costs (as KAM_SELECT reads them): at each capacity
 * the selection KAM_SELECT makes there — same optimum, same tie rule —, solved on one shared sort of the accounts
 * (solvers/knapsack-curve.ts), so many capacities cost little more than one. A capacity of 0, or below every
 * cost, chooses nothing.
 */
export function capacityCurve(values: Float64Array, costs: Float64Array): CapacityCurve {
  const input = solverInput(values, costs);
  const rescaled = input.values !== values || input.costs !== costs;
  let prepared: PreparedCurve;
  try {
    prepared = prepareCurve(input.values, input.costs);
  } catch (error) {
    if (error instanceof RangeError) throw new KamError('VALUE', messages.selectTooHard());
    throw error;
  }
  return {
    at(capacity: number, withChosen = false): CapacityPoint {
      if (!(capacity > 0)) return { value: 0, cost: 0, accounts: 0, chosen: withChosen ? [] : undefined };
      let point;
      try {
        point = solveCurvePoint(prepared, solverCapacity(input, capacity), withChosen || rescaled);
      } catch (error) {
        if (error instanceof RangeError) throw new KamError('VALUE', messages.selectTooHard());
        throw error;
      }
      if (!rescaled) return { value: point.totalValue, cost: point.totalCost, accounts: point.count, chosen: point.chosen };
      // Totals in the units given, not the solver's.
      const value = new Neumaier();
      const cost = new Neumaier();
      for (const j of point.chosen as number[]) {
        value.add(values[j]);
        cost.add(costs[j]);
      }
      return { value: value.sum, cost: cost.sum, accounts: point.count, chosen: withChosen ? point.chosen : undefined };
    },
  };
}

/** One cell of a numeric column: a finite number, blank, or that row's error. */
function readCell(cell: Cell, arg: string, row: number): number | CellError | typeof BLANK_CELL {
  if (typeof cell === 'number' && cell - cell === 0) return cell;
  return readNumberCell(cell, arg, row, 1);
}

/**
 * KAM_CAPACITY: for each capacity, the best total value of KAM_SELECT's problem, the cost it uses and the number of
 * accounts it takes. Accounts are read as KAM_SELECT reads them (a blank or non-positive value is never chosen; a
 * positive value needs a positive cost); a problem with an account fails the call, since the result has one row per
 * capacity and none per account. A problem with a capacity shows in that capacity's row.
 */
export function capacity(valuesArg: Grid | Cell | undefined, costsArg: Grid | Cell | undefined, capacitiesArg: Grid | Cell | undefined): OutGrid {
  const values = readColumn(valuesArg, 'values');
  const costs = readColumn(costsArg, 'costs');
  requireSameRows(values, 'values', costs, 'costs');
  const capacities = readColumn(capacitiesArg, 'capacities');

  const n = values.length;
  const candidateValues = new Float64Array(n);
  const candidateCosts = new Float64Array(n);
  let candidates = 0;
  for (let i = 0; i < n; i++) {
    const value = readCell(values[i][0], 'values', i + 1);
    const cost = readCell(costs[i][0], 'costs', i + 1);
    let problem: CellError | null = null;
    let problemArg = 'values';
    if (value instanceof CellError) problem = value;
    else if (cost instanceof CellError) {
      problem = cost;
      problemArg = 'costs';
    } else if (value === BLANK_CELL && cost === BLANK_CELL) continue; // a blank row
    else {
      const verdict = eligibility(value, cost, i + 1);
      if (verdict === NOT_CHOSEN) continue;
      if (verdict === CANDIDATE) {
        candidateValues[candidates] = value as number;
        candidateCosts[candidates++] = cost as number;
        continue;
      }
      problem = verdict;
      problemArg = 'costs';
    }
    throw new KamError(problem.kind, messages.rowProblemInCapacity(problem.text === '' ? messages.errorInCell(problemArg, i + 1, 1, problem.kind) : problem.text));
  }
  if (candidates === 0) throw new KamError('NA', messages.nothingEligible());
  if (candidates * capacities.length > MAX_CAPACITY_PAIRS) {
    throw new KamError('VALUE', messages.capacityWorkTooLarge(candidates, capacities.length, MAX_CAPACITY_PAIRS));
  }

  const curve = capacityCurve(candidateValues.subarray(0, candidates), candidateCosts.subarray(0, candidates));
  const out: OutGrid = new Array(capacities.length);
  for (let r = 0; r < capacities.length; r++) {
    const cap = readCell(capacities[r][0], 'capacities', r + 1);
    if (cap === BLANK_CELL) out[r] = ['', '', ''];
    else if (cap instanceof CellError) out[r] = [cap, cap, cap];
    else if (cap < 0) {
      const error = new CellError('VALUE', messages.capacityNegative(r + 1, cap));
      out[r] = [error, error, error];
    } else {
      try {
        const point = curve.at(cap);
        out[r] = [round15(point.value), round15(point.cost), point.accounts];
      } catch (error) {
        if (!(error instanceof KamError)) throw error;
        const problem = new CellError(error.kind, error.text);
        out[r] = [problem, problem, problem];
      }
    }
  }
  return out;
}
