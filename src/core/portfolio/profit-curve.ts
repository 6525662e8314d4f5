// Who makes the money: the accounts ranked by profit after cost to serve and the cumulative profit down that ranking
// (the "whale curve"), with its headline numbers — what the top fifth of customers make, who loses money, the peak.
import type { PortfolioRow } from './portfolio';

/** The share of customers the headline speaks of ("the top 20 % of customers make …"). */
export const TOP_SHARE = 0.2;

export interface ProfitCurve {
  /** Portfolio row indices of the accounts with a profit figure, most profitable first (equal profits in row order). */
  ranked: number[];
  /** Cumulative profit after each ranked account (ranked.length values). */
  cumulative: number[];
  /** Total profit of the ranked accounts. */
  total: number;
  /** Accounts without a profit figure (left off the curve). */
  withoutProfit: number;
  /** The top TOP_SHARE of the ranked accounts: how many (at least one), and their profit. */
  top: { accounts: number; profit: number };
  /** Accounts losing money (profit below 0) and what they lose together (a positive amount). */
  losing: { accounts: number; loss: number };
  /** The highest point of the cumulative profit, and after how many accounts it is reached. */
  peak: { profit: number; accounts: number };
}

/**
 * The curve over the rows' profit after cost to serve (accountProfit, as the portfolio computed it). Null when no
 * account has a profit figure. The top count is TOP_SHARE of the ranked accounts rounded to the nearest whole
 * account (never a tie for a whole count of accounts), and at least one — the same rule as the workbook's
 * ROUND(0.2·COUNT(…), 0).
 */
export function profitCurve(rows: readonly Pick<PortfolioRow, 'profit'>[]): ProfitCurve | null {
  const ranked = rows
    .map((r, i) => ({ profit: r.profit, i }))
    .filter((x): x is { profit: number; i: number } => typeof x.profit === 'number' && Number.isFinite(x.profit))
    .sort((a, b) => b.profit - a.profit || a.i - b.i);
  if (ranked.length === 0) return null;
  const cumulative: number[] = [];
  let sum = 0;
  let peak = { profit: -Infinity, accounts: 0 };
  let loss = 0;
  let losing = 0;
  ranked.forEach((x, k) => {
    sum += x.profit;
    cumulative.push(sum);
    if (sum > peak.profit) peak = { profit: sum, accounts: k + 1 };
    if (x.profit < 0) {
      losing++;
      loss -= x.profit;
    }
  });
  const topCount = Math.max(1, Math.round(TOP_SHARE * ranked.length));
  return {
    ranked: ranked.map((x) => x.i),
    cumulative,
    total: sum,
    withoutProfit: rows.length - ranked.length,
    top: { accounts: topCount, profit: cumulative[topCount - 1]! },
    losing: { accounts: losing, loss },
    peak,
  };
}
