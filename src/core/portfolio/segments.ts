// Segment by segment (method, point 5: understand the market's segments; each holds some key accounts): accounts,
// key accounts, revenue, profit and accounts per position, and the segments that matter but have no key account.
import { POSITIONS, type Position } from '../functions/position-names';
import { accountKey } from '../ingest/account-names';
import { KEY_SIDE, type Portfolio } from './portfolio';

export interface SegmentSummary {
  /** The segment as the data names it ("" for accounts without one). */
  segment: string;
  accounts: number;
  keyAccounts: number;
  /** Sums over the accounts with a figure (null when none has one). */
  revenue: number | null;
  profit: number | null;
  /** Accounts per position, in the order Strategic, Star, Status, Streamline. */
  positions: Record<Position, number>;
  /** Accounts on the high-attractiveness side (Strategic, Star). */
  attractive: number;
  /** The segment's share of the portfolio's (positive) revenue and of its attractive accounts, 0–1 (null without a total). */
  revenueShare: number | null;
  attractiveShare: number | null;
  /** It holds at least the model's share of the revenue or of the attractive accounts, and no key account. */
  uncovered: boolean;
}

export interface SegmentReview {
  /** Every segment, largest revenue first (then most accounts, then by name); accounts without a segment last. */
  segments: SegmentSummary[];
  /** The threshold used (model.review.segmentShare). */
  threshold: number;
}

/**
 * The portfolio by segment. Segment names are compared as account names are (case and spaces ignored) and shown as
 * first written. Null when no account has a segment: the data names none, and there is nothing to cover.
 */
export function segmentReview(portfolio: Portfolio, threshold: number): SegmentReview | null {
  const rows = portfolio.rows;
  if (!rows.some((r) => r.segment.trim() !== '')) return null;
  const groups = new Map<string, SegmentSummary>();
  for (const r of rows) {
    const name = r.segment.trim();
    const k = accountKey(name);
    let s = groups.get(k);
    if (!s) {
      s = {
        segment: name, accounts: 0, keyAccounts: 0, revenue: null, profit: null,
        positions: Object.fromEntries(POSITIONS.map((p) => [p, 0])) as Record<Position, number>,
        attractive: 0, revenueShare: null, attractiveShare: null, uncovered: false,
      };
      groups.set(k, s);
    }
    s.accounts++;
    if (r.key) s.keyAccounts++;
    if (typeof r.revenue === 'number' && Number.isFinite(r.revenue)) s.revenue = (s.revenue ?? 0) + r.revenue;
    if (typeof r.profit === 'number' && Number.isFinite(r.profit)) s.profit = (s.profit ?? 0) + r.profit;
    if (r.position) {
      s.positions[r.position]++;
      if (KEY_SIDE.includes(r.position)) s.attractive++;
    }
  }
  const segments = [...groups.values()];
  // Shares of what the portfolio sells (negative revenue, a credit note, does not make a segment smaller than nothing).
  const totalRevenue = segments.reduce((sum, s) => sum + Math.max(0, s.revenue ?? 0), 0);
  const totalAttractive = segments.reduce((sum, s) => sum + s.attractive, 0);
  for (const s of segments) {
    s.revenueShare = totalRevenue > 0 ? Math.max(0, s.revenue ?? 0) / totalRevenue : null;
    s.attractiveShare = totalAttractive > 0 ? s.attractive / totalAttractive : null;
    // An account without a segment is not a segment: it is never "uncovered".
    s.uncovered = s.segment !== '' && s.keyAccounts === 0 && ((s.revenueShare ?? 0) >= threshold || (s.attractiveShare ?? 0) >= threshold);
  }
  segments.sort((a, b) => Number(a.segment === '') - Number(b.segment === '') || (b.revenue ?? 0) - (a.revenue ?? 0) || b.accounts - a.accounts || a.segment.localeCompare(b.segment));
  return { segments, threshold };
}
