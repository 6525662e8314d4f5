// The spreadsheet function catalogue, declared once: id, help text, parameters and implementation.
// Excel shows each as KAM.<ID>, Sheets as KAM_<ID>; both hosts' wrappers are checked against this list.
import { Cell, CellError, Grid, OutGrid } from './cells';
import { messages } from './messages';
import { score } from './score';
import { strength } from './strength';
import { position } from './position';
import { select } from './select';
import { reward } from './reward';
import { clv } from './clv';
import { flags } from './flags';
import { stability } from './stability';
import { capacity } from './capacity';
import { drift } from './drift';
import { FUNCTION_IDS, FunctionId } from './function-ids';

/** How a parameter arrives: a range (2-D array) or a single value. */
export type ParamKind = 'range' | 'value';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  description: string;
}

export type Arg = Grid | Cell;

export interface FunctionSpec {
  /** Stored in saved workbooks: never rename one. */
  id: FunctionId;
  description: string;
  params: ParamSpec[];
  /** What the result is, for the help text. */
  returns: string;
  /** A formula in Sheets spelling (KAM_…); the Excel spelling is derived. */
  example: string;
  /** Columns in the result when not 1 (for engines that size a spill before computing it). */
  resultColumns?: number;
  /** Rows in the result when not one per row of the first argument: a fixed count, or as many as another argument's rows. */
  resultRows?: { fixed: number } | { rowsOf: number };
  run: (args: Arg[]) => OutGrid;
}

/** Keyed by id: the compiler refuses a missing or an extra function. */
const declared: Record<FunctionId, Omit<FunctionSpec, 'id'>> = {
  SCORE: {
    description:
      'Account attractiveness on 0 to 10: the weighted mean of each account\'s factor scores, one result per row.',
    params: [
      { name: 'scores', kind: 'range', description: 'One row per account, one column per factor: scores 0-10, or raw values when scales are given.' },
      { name: 'weights', kind: 'range', description: 'One weight per factor, in a row or a column; any total, none negative, at least one positive.' },
      { name: 'scales', kind: 'range', optional: true, description: 'Optional 2 rows by one column per factor: the value that scores 0, then the value that scores 10 (first larger means lower is better); a third row may say "linear" or "log" per factor.' },
    ],
    returns: 'A column with one attractiveness score per account row.',
    example: 'KAM_SCORE(B2:E301, B1:E1)',
    run: ([scores, weights, scales]) => score(scores as Grid, weights, scales),
  },
  STRENGTH: {
    description:
      'Relative business strength as the customer sees it: your weighted rating divided by your best rival\'s, on the customer\'s buying criteria, one result per row; 1 is parity.',
    params: [
      { name: 'yours', kind: 'range', description: 'One row per account, one column per buying criterion: the customer\'s ratings of you (0 or more, e.g. 1-10).' },
      { name: 'best_rival', kind: 'range', description: 'The same criteria rated for the best competitor: one row per account, or a single row that applies to every account.' },
      { name: 'weights', kind: 'range', description: 'One weight per criterion, as the customer weights them, in a row or a column; any total, none negative, at least one positive.' },
    ],
    returns: 'A column with one strength ratio per account row (1 = parity with the best rival).',
    example: 'KAM_STRENGTH(B2:J101, L2:T101, B1:J1)',
    run: ([yours, rival, weights]) => strength(yours, rival, weights),
  },
  POSITION: {
    description:
      'Portfolio position of each account: Strategic (attractiveness and strength both high), Star (high, low), Status (low, high) or Streamline (low, low). A value equal to its cut counts as high.',
    params: [
      { name: 'attractiveness', kind: 'range', description: 'One attractiveness score per account, in a column (e.g. the SCORE results).' },
      { name: 'strength', kind: 'range', description: 'One relative strength per account, in a column (e.g. the STRENGTH results).' },
      { name: 'attractiveness_cut', kind: 'value', optional: true, description: 'Optional cut between low and high attractiveness: a number (default 5, the middle of 0-10) or "median".' },
      { name: 'strength_cut', kind: 'value', optional: true, description: 'Optional cut between low and high strength: a number (default 1, parity with the best rival) or "median".' },
    ],
    returns: 'A column with Strategic, Star, Status or Streamline per account row.',
    example: 'KAM_POSITION(F2:F101, G2:G101, 5, "median")',
    run: ([attractiveness, strengthArg, attractivenessCut, strengthCut]) => position(attractiveness, strengthArg, attractivenessCut, strengthCut),
  },
  SELECT: {
    description:
      'The key accounts that bring the most value within the team\'s capacity: the exact optimum (not simply the top N), listed highest value first.',
    params: [
      { name: 'accounts', kind: 'range', description: 'Account names, one per row; each name only once.' },
      { name: 'values', kind: 'range', description: 'The value of each account (e.g. attractiveness or lifetime value); an account with a blank or non-positive value is never chosen.' },
      { name: 'capacity', kind: 'value', description: 'What the team can take on: a number of accounts, or with costs the total resources (e.g. team days a year).' },
      { name: 'costs', kind: 'range', optional: true, description: 'Optional resources each account needs, one per row, each positive (e.g. team days a year); omitted = 1 each, so capacity is a count.' },
      { name: 'output', kind: 'value', optional: true, description: 'Optional "list" (default: the chosen names), "table" (name, value, cost, cumulative cost), "flags" (TRUE/FALSE per input row) or "reasons" (per input row, why the account is not chosen; empty when it is).' },
    ],
    returns: 'The chosen accounts: a column of names, a 4-column table, TRUE/FALSE per input row, or a reason per input row.',
    example: 'KAM_SELECT(A2:A101, F2:F101, 220, H2:H101)',
    run: ([accounts, values, capacity, costs, output]) => select(accounts, values, capacity, costs, output),
  },
  REWARD: {
    description:
      'Incentive payout as a fraction of target incentive, by each account\'s position: each metric\'s attainment against target is paid on a threshold-target-cap curve and weighted by the position\'s plan.',
    params: [
      { name: 'positions', kind: 'range', description: 'One position per account: Strategic, Star, Status or Streamline (e.g. the POSITION results).' },
      { name: 'actuals', kind: 'range', description: 'Actual results, one row per account, one column per plan metric in the plan\'s order (default: revenue growth, share of wallet, gross margin, cost to serve).' },
      { name: 'targets', kind: 'range', description: 'Targets in the same layout as actuals, each a positive number.' },
      { name: 'plan', kind: 'range', optional: true, description: 'Optional table with a header row: position, metric, weight, direction (higher or lower), threshold, threshold payout, cap, cap payout; omitted = the default plan.' },
    ],
    returns: 'A column with one payout per account row (1 = the target incentive).',
    example: 'KAM_REWARD(H2:H101, J2:M101, O2:R101)',
    run: ([positions, actuals, targets, plan]) => reward(positions, actuals, targets, plan),
  },
  CLV: {
    description:
      'Customer lifetime value: the yearly margin times the chance the account stays, discounted, summed over the years given, or without end (margin*r/(1+d-r)) when years is omitted.',
    params: [
      { name: 'margins', kind: 'range', description: 'Yearly margin per account (profit after cost to serve), in a column.' },
      { name: 'retention', kind: 'range', description: 'Chance the account stays each year, from 0 up to (not including) 1: one per account, or a single value for all.' },
      { name: 'discount_rate', kind: 'value', description: 'Yearly discount rate, 0 or more (e.g. 0.1 for 10 %).' },
      { name: 'years', kind: 'value', optional: true, description: 'Optional horizon in whole years (1 or more); omitted = no end.' },
    ],
    returns: 'A column with one lifetime value per account row.',
    example: 'KAM_CLV(E2:E101, 0.85, 0.1)',
    run: ([margins, retention, discountRate, years]) => clv(margins, retention, discountRate, years),
  },
  FLAGS: {
    description:
      'Portfolio warnings per account: "Big name" (top revenue, low attractiveness), "Old friend" (long tenure, low attractiveness) and "Difficult" (profit of 0 or less), joined by ", "; empty when none applies.',
    params: [
      { name: 'revenue', kind: 'range', description: 'Revenue per account, in a column; the top 10 % of the given accounts count as top revenue.' },
      { name: 'attractiveness', kind: 'range', description: 'Attractiveness per account (e.g. the SCORE results); below 5 counts as low.' },
      { name: 'profit', kind: 'range', description: 'Profit per account (after cost to serve); 0 or less is difficult.' },
      { name: 'tenure', kind: 'range', optional: true, description: 'Optional years as a customer, per account; 10 or more with low attractiveness is an old friend.' },
      { name: 'options', kind: 'range', optional: true, description: 'Optional thresholds as text, e.g. "top=10%; cut=5; tenure=10; profit=0", or a 2-column range of option names and values.' },
    ],
    returns: 'A column with the warnings of each account row (empty text when none).',
    example: 'KAM_FLAGS(C2:C101, F2:F101, D2:D101, E2:E101)',
    run: ([revenue, attractiveness, profit, tenure, options]) => flags(revenue, attractiveness, profit, tenure, options),
  },
  STABILITY: {
    description:
      'How firm each account\'s placement is: the fewest weight points (of 100) that, moved onto or away from one factor, take the account across the attractiveness cut, and that factor; blank when no single factor can.',
    params: [
      { name: 'scores', kind: 'range', description: 'One row per account, one column per factor, as for SCORE: scores 0-10, or raw values when scales are given.' },
      { name: 'weights', kind: 'range', description: 'One weight per factor, in a row or a column, as for SCORE; the points moved are out of their total.' },
      { name: 'scales', kind: 'range', optional: true, description: 'Optional 2 rows by one column per factor, as for SCORE: the value that scores 0, then the value that scores 10.' },
      { name: 'cut', kind: 'value', optional: true, description: 'Optional attractiveness from which an account counts as high (default 5); a score equal to the cut counts as high.' },
      { name: 'factor_names', kind: 'range', optional: true, description: 'Optional name of each factor, in a row or a column; without names the factor is shown by its column number.' },
    ],
    returns: 'Two columns per account row: the weight points, and the factor to move them onto or away from.',
    example: 'KAM_STABILITY(B3:E302, B2:E2)',
    resultColumns: 2,
    run: ([scores, weights, scales, cut, factorNames]) => stability(scores, weights, scales, cut, factorNames),
  },
  CAPACITY: {
    description:
      'The value of capacity: for each capacity, the exact optimum of SELECT\'s problem - best total value, cost used and number of accounts chosen, with the same rules as SELECT.',
    params: [
      { name: 'values', kind: 'range', description: 'The value of each account, as for SELECT; an account with a blank or non-positive value is never chosen.' },
      { name: 'costs', kind: 'range', description: 'The resources each account needs, one per row, each positive (e.g. team days a year).' },
      { name: 'capacities', kind: 'range', description: 'The capacities to solve for, in a column (e.g. 100, 200, 300 team days); one result row per capacity.' },
    ],
    returns: 'Three columns per capacity row: best total value, cost used, number of accounts chosen.',
    example: 'KAM_CAPACITY(F2:F101, H2:H101, J2:J21)',
    resultColumns: 3,
    resultRows: { rowsOf: 2 },
    run: ([values, costs, capacities]) => capacity(values, costs, capacities),
  },
  DRIFT: {
    description:
      'How accounts moved between two portfolios: a table counting accounts by previous position (rows) and current position (columns), in the order Strategic, Star, Status, Streamline, with headers.',
    params: [
      { name: 'previous_positions', kind: 'range', description: 'Each account\'s earlier position, in a column: Strategic, Star, Status or Streamline (e.g. last year\'s POSITION results).' },
      { name: 'positions', kind: 'range', description: 'The same accounts\' positions now, row for row; a row with only one of the two (a new or lost account) is not counted.' },
    ],
    returns: 'A 5 by 5 table: a header row and column, then the number of accounts for each move from a previous to a current position.',
    example: 'KAM_DRIFT(G2:G101, H2:H101)',
    resultColumns: 5,
    resultRows: { fixed: 5 },
    run: ([previous, current]) => drift(previous, current),
  },
};

/**
 * The last guard before a host sees a result: a number beyond what a spreadsheet holds (values near
 * ±1e308 overflow) becomes that row's error with a message, never Infinity or NaN in a cell.
 */
function finiteOnly(out: OutGrid): OutGrid {
  for (let i = 0; i < out.length; i++) {
    const row = out[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (typeof cell === 'number' && cell - cell !== 0) row[j] = new CellError('VALUE', messages.resultTooLarge(i + 1));
    }
  }
  return out;
}

/** Every function in FUNCTION_IDS order, each result passed through finiteOnly. */
export const catalogue: FunctionSpec[] = FUNCTION_IDS.map((id) => {
  const spec = declared[id];
  return { id, ...spec, run: (args: Arg[]) => finiteOnly(spec.run(args)) };
});

const byId = new Map(catalogue.map((spec) => [spec.id, spec]));

export function findFunction(id: FunctionId): FunctionSpec {
  return byId.get(id)!;
}
