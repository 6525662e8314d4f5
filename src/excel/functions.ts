// Excel custom functions (namespace KAM): thin wrappers over the catalogue. The JSDoc here IS the
// registration: the metadata plugin turns it into functions.json. Text must match the catalogue.
import { runExcel } from './run';

/**
 * Account attractiveness on 0 to 10: the weighted mean of each account's factor scores, one result per row. Example: =KAM.SCORE(B2:E301, B1:E1)
 * @customfunction SCORE
 * @param scores One row per account, one column per factor: scores 0-10, or raw values when scales are given.
 * @param weights One weight per factor, in a row or a column; any total, none negative, at least one positive.
 * @param [scales] Optional 2 rows by one column per factor: the value that scores 0, then the value that scores 10 (first larger means lower is better); a third row may say "linear" or "log" per factor.
 * @returns A column with one attractiveness score per account row.
 */
export function score(scores: any[][], weights: any[][], scales?: any[][]): any[][] {
  return runExcel('SCORE', [scores, weights, scales]);
}

/**
 * Relative business strength as the customer sees it: your weighted rating divided by your best rival's, on the customer's buying criteria, one result per row; 1 is parity. Example: =KAM.STRENGTH(B2:J101, L2:T101, B1:J1)
 * @customfunction STRENGTH
 * @param yours One row per account, one column per buying criterion: the customer's ratings of you (0 or more, e.g. 1-10).
 * @param best_rival The same criteria rated for the best competitor: one row per account, or a single row that applies to every account.
 * @param weights One weight per criterion, as the customer weights them, in a row or a column; any total, none negative, at least one positive.
 * @returns A column with one strength ratio per account row (1 = parity with the best rival).
 */
export function strength(yours: any[][], best_rival: any[][], weights: any[][]): any[][] {
  return runExcel('STRENGTH', [yours, best_rival, weights]);
}

/**
 * Portfolio position of each account: Strategic (attractiveness and strength both high), Star (high, low), Status (low, high) or Streamline (low, low). A value equal to its cut counts as high. Example: =KAM.POSITION(F2:F101, G2:G101, 5, "median")
 * @customfunction POSITION
 * @param attractiveness One attractiveness score per account, in a column (e.g. the SCORE results).
 * @param strength One relative strength per account, in a column (e.g. the STRENGTH results).
 * @param [attractiveness_cut] Optional cut between low and high attractiveness: a number (default 5, the middle of 0-10) or "median".
 * @param [strength_cut] Optional cut between low and high strength: a number (default 1, parity with the best rival) or "median".
 * @returns A column with Strategic, Star, Status or Streamline per account row.
 */
export function position(attractiveness: any[][], strength: any[][], attractiveness_cut?: any, strength_cut?: any): any[][] {
  return runExcel('POSITION', [attractiveness, strength, attractiveness_cut, strength_cut]);
}

/**
 * The key accounts that bring the most value within the team's capacity: the exact optimum (not simply the top N), listed highest value first. Example: =KAM.SELECT(A2:A101, F2:F101, 220, H2:H101)
 * @customfunction SELECT
 * @param accounts Account names, one per row; each name only once.
 * @param values The value of each account (e.g. attractiveness or lifetime value); an account with a blank or non-positive value is never chosen.
 * @param capacity What the team can take on: a number of accounts, or with costs the total resources (e.g. team days a year).
 * @param [costs] Optional resources each account needs, one per row, each positive (e.g. team days a year); omitted = 1 each, so capacity is a count.
 * @param [output] Optional "list" (default: the chosen names), "table" (name, value, cost, cumulative cost), "flags" (TRUE/FALSE per input row) or "reasons" (per input row, why the account is not chosen; empty when it is).
 * @returns The chosen accounts: a column of names, a 4-column table, TRUE/FALSE per input row, or a reason per input row.
 */
export function select(accounts: any[][], values: any[][], capacity: any, costs?: any[][], output?: any): any[][] {
  return runExcel('SELECT', [accounts, values, capacity, costs, output]);
}

/**
 * Incentive payout as a fraction of target incentive, by each account's position: each metric's attainment against target is paid on a threshold-target-cap curve and weighted by the position's plan. Example: =KAM.REWARD(H2:H101, J2:M101, O2:R101)
 * @customfunction REWARD
 * @param positions One position per account: Strategic, Star, Status or Streamline (e.g. the POSITION results).
 * @param actuals Actual results, one row per account, one column per plan metric in the plan's order (default: revenue growth, share of wallet, gross margin, cost to serve).
 * @param targets Targets in the same layout as actuals, each a positive number.
 * @param [plan] Optional table with a header row: position, metric, weight, direction (higher or lower), threshold, threshold payout, cap, cap payout; omitted = the default plan.
 * @returns A column with one payout per account row (1 = the target incentive).
 */
export function reward(positions: any[][], actuals: any[][], targets: any[][], plan?: any[][]): any[][] {
  return runExcel('REWARD', [positions, actuals, targets, plan]);
}

/**
 * Customer lifetime value: the yearly margin times the chance the account stays, discounted, summed over the years given, or without end (margin*r/(1+d-r)) when years is omitted. Example: =KAM.CLV(E2:E101, 0.85, 0.1)
 * @customfunction CLV
 * @param margins Yearly margin per account (profit after cost to serve), in a column.
 * @param retention Chance the account stays each year, from 0 up to (not including) 1: one per account, or a single value for all.
 * @param discount_rate Yearly discount rate, 0 or more (e.g. 0.1 for 10 %).
 * @param [years] Optional horizon in whole years (1 or more); omitted = no end.
 * @returns A column with one lifetime value per account row.
 */
export function clv(margins: any[][], retention: any[][], discount_rate: any, years?: any): any[][] {
  return runExcel('CLV', [margins, retention, discount_rate, years]);
}

/**
 * Portfolio warnings per account: "Big name" (top revenue, low attractiveness), "Old friend" (long tenure, low attractiveness) and "Difficult" (profit of 0 or less), joined by ", "; empty when none applies. Example: =KAM.FLAGS(C2:C101, F2:F101, D2:D101, E2:E101)
 * @customfunction FLAGS
 * @param revenue Revenue per account, in a column; the top 10 % of the given accounts count as top revenue.
 * @param attractiveness Attractiveness per account (e.g. the SCORE results); below 5 counts as low.
 * @param profit Profit per account (after cost to serve); 0 or less is difficult.
 * @param [tenure] Optional years as a customer, per account; 10 or more with low attractiveness is an old friend.
 * @param [options] Optional thresholds as text, e.g. "top=10%; cut=5; tenure=10; profit=0", or a 2-column range of option names and values.
 * @returns A column with the warnings of each account row (empty text when none).
 */
export function flags(revenue: any[][], attractiveness: any[][], profit: any[][], tenure?: any[][], options?: any[][]): any[][] {
  return runExcel('FLAGS', [revenue, attractiveness, profit, tenure, options]);
}

/**
 * How firm each account's placement is: the fewest weight points (of 100) that, moved onto or away from one factor, take the account across the attractiveness cut, and that factor; blank when no single factor can. Example: =KAM.STABILITY(B3:E302, B2:E2)
 * @customfunction STABILITY
 * @param scores One row per account, one column per factor, as for SCORE: scores 0-10, or raw values when scales are given.
 * @param weights One weight per factor, in a row or a column, as for SCORE; the points moved are out of their total.
 * @param [scales] Optional 2 rows by one column per factor, as for SCORE: the value that scores 0, then the value that scores 10.
 * @param [cut] Optional attractiveness from which an account counts as high (default 5); a score equal to the cut counts as high.
 * @param [factor_names] Optional name of each factor, in a row or a column; without names the factor is shown by its column number.
 * @returns Two columns per account row: the weight points, and the factor to move them onto or away from.
 */
export function stability(scores: any[][], weights: any[][], scales?: any[][], cut?: any, factor_names?: any[][]): any[][] {
  return runExcel('STABILITY', [scores, weights, scales, cut, factor_names]);
}

/**
 * The value of capacity: for each capacity, the exact optimum of SELECT's problem - best total value, cost used and number of accounts chosen, with the same rules as SELECT. Example: =KAM.CAPACITY(F2:F101, H2:H101, J2:J21)
 * @customfunction CAPACITY
 * @param values The value of each account, as for SELECT; an account with a blank or non-positive value is never chosen.
 * @param costs The resources each account needs, one per row, each positive (e.g. team days a year).
 * @param capacities The capacities to solve for, in a column (e.g. 100, 200, 300 team days); one result row per capacity.
 * @returns Three columns per capacity row: best total value, cost used, number of accounts chosen.
 */
export function capacity(values: any[][], costs: any[][], capacities: any[][]): any[][] {
  return runExcel('CAPACITY', [values, costs, capacities]);
}

/**
 * How accounts moved between two portfolios: a table counting accounts by previous position (rows) and current position (columns), in the order Strategic, Star, Status, Streamline, with headers. Example: =KAM.DRIFT(G2:G101, H2:H101)
 * @customfunction DRIFT
 * @param previous_positions Each account's earlier position, in a column: Strategic, Star, Status or Streamline (e.g. last year's POSITION results).
 * @param positions The same accounts' positions now, row for row; a row with only one of the two (a new or lost account) is not counted.
 * @returns A 5 by 5 table: a header row and column, then the number of accounts for each move from a previous to a current position.
 */
export function drift(previous_positions: any[][], positions: any[][]): any[][] {
  return runExcel('DRIFT', [previous_positions, positions]);
}
