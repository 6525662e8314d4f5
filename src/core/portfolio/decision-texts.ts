// The decision-support facts in words, one sentence per fact, said the same way by the command line and the wizard:
// fragile placements, what capacity is worth, who makes the money, segments without key accounts, how accounts moved.
import { LOCALE_OF, translator, type Language, type MessageId, type Translate } from '../i18n';
import { formatNumber } from '../format/display';
import type { Unit } from '../format/units';
import type { KamModel } from '../model/model';
import { sourceLabel } from '../model/account-values';
import type { Position } from '../functions/position-names';
import type { CapacityFacts, CapacityStep } from './capacity-facts';
import type { AccountMove, DriftReport } from './drift-report';
import type { Portfolio, PortfolioRow } from './portfolio';
import type { ProfitCurve } from './profit-curve';
import type { SegmentReview, SegmentSummary } from './segments';

/** How facts are said: the language's messages and its number conventions. */
export interface Speech {
  t: Translate;
  locale: string;
  language: Language;
}

/** The language's messages; numbers in the user's own locale when known (es-MX), else the language's (es-ES). */
export function speech(language: Language, locale?: string): Speech {
  return { t: translator(language), locale: locale || LOCALE_OF[language], language };
}

/** How many names a sentence lists before "and N more". */
const NAMES_SHOWN = 3;

/** "Acme, Borg and Cyan", "Acme, Borg, Cyan and 4 more", in the language's list style. */
export function nameList(s: Speech, names: readonly string[], shown = NAMES_SHOWN): string {
  const first = names.slice(0, shown);
  const rest = names.length - first.length;
  const list = new Intl.ListFormat(s.locale, { style: 'long', type: 'conjunction' });
  return rest > 0 ? s.t('list.andMore', { names: first.join(', '), count: rest }) : list.format(first);
}

/** A position in the user's words (the sheets keep the stable English word). */
export const positionName = (s: Speech, p: Position): string => s.t(`position.${p}` as MessageId);

/** What the selection maximises, as a noun for sentences ("attractiveness", "profit", a column's header). */
export function objectiveNoun(s: Speech, model: KamModel): string {
  const v = model.capacity.value;
  return v === 'attractiveness' || v === 'profit' || v === 'lifetimeValue' ? s.t(`objective.${v}`) : sourceLabel(v);
}

/** The unit of the objective, to show its amounts: scores, or money. */
export function objectiveUnit(model: KamModel, columnUnit: Unit = 'number'): Unit {
  const v = model.capacity.value;
  return v === 'attractiveness' ? 'score' : v === 'profit' || v === 'lifetimeValue' ? 'money' : columnUnit;
}

// ---- Fragile placements ----

/** The position an account would take on the other side of the attractiveness cut (strength unchanged). */
export function acrossCut(p: Position): Position {
  return ({ Strategic: 'Status', Star: 'Streamline', Status: 'Strategic', Streamline: 'Star' } as const)[p];
}

/** "Borg (Strategic, 5.1): more than 3.3 more weight points on Size would make it Status." */
export function fragileSentence(s: Speech, row: PortfolioRow): string {
  const shift = row.stability!;
  const params = {
    account: row.account,
    position: positionName(s, row.position!),
    // Two decimals: an account fragile enough to list sits close to the cut (4.97 is not "5.0").
    score: formatNumber(row.attractiveness, 'ratio', s.locale),
    points: formatPoints(s, shift.points),
    factor: shift.factor,
    target: positionName(s, acrossCut(row.position!)),
    direction: shift.direction,
  };
  // An account exactly on the cut moves with any shift; a high account needs more than the points (at them it sits
  // on the cut, which still counts as high); a low one reaches the cut at them.
  if (shift.points === 0) return s.t('fragile.onCut', params);
  return s.t(shift.high ? 'fragile.high' : 'fragile.low', params);
}

/** Weight points as a sentence says them: one decimal, two below 1 point (0.04, not 0). */
export function formatPoints(s: Speech, points: number): string {
  return formatNumber(points, points < 1 ? 'ratio' : 'points', s.locale);
}

/** The fragile placements, key accounts first, then by how little it takes. */
export function fragileRows(portfolio: Portfolio): PortfolioRow[] {
  return portfolio.rows
    .filter((r) => r.fragile && r.position !== null && r.stability !== null)
    .sort((a, b) => Number(b.key) - Number(a.key) || a.stability!.points - b.stability!.points || a.account.localeCompare(b.account));
}

/** One line on the fragile placements of the whole portfolio. */
export function fragileSummary(s: Speech, portfolio: Portfolio, model: KamModel): string {
  const rows = fragileRows(portfolio);
  return s.t('fragile.summary', {
    count: rows.length,
    key: rows.filter((r) => r.key).length,
    limit: formatNumber(model.review.fragilePoints, 'points', s.locale),
  });
}

// ---- Capacity ----

const names = (portfolio: Portfolio, rows: number[]): string[] => rows.map((i) => portfolio.rows[i]!.account);

/** The three facts of the capacity step: the next step up, the first account out, in sentences. */
export function capacitySentences(s: Speech, facts: CapacityFacts, portfolio: Portfolio, model: KamModel, valueUnit: Unit): { next: string; firstOut: string | null } {
  const amount = (v: number): string => formatNumber(v, valueUnit, s.locale);
  // Per day a score is a small number: two decimals say more than one.
  const perDay = (v: number): string => formatNumber(v, valueUnit === 'score' ? 'ratio' : valueUnit, s.locale);
  const days = (v: number): string => formatNumber(v, 'days', s.locale);
  const objective = objectiveNoun(s, model);
  const swap = (step: CapacityStep, key: 'capacity.swapIn' | 'capacity.swapOut'): string =>
    (key === 'capacity.swapIn' ? step.out : step.in).length ? s.t(key, { accounts: nameList(s, names(portfolio, key === 'capacity.swapIn' ? step.out : step.in)) }) : '';
  const next = facts.next
    ? s.t('capacity.next', {
        days: days(facts.next.days),
        capacity: days(facts.next.capacity),
        gain: amount(facts.next.change),
        objective,
        perDay: Number.isFinite(facts.next.perDay) ? perDay(facts.next.perDay) : amount(facts.next.change),
        accounts: nameList(s, names(portfolio, facts.next.in)),
        count: facts.next.in.length,
        swap: swap(facts.next, 'capacity.swapIn'),
      })
    : s.t('capacity.noNext');
  const firstOut = facts.firstOut
    ? s.t('capacity.firstOut', {
        capacity: days(facts.firstOut.capacity),
        accounts: nameList(s, names(portfolio, facts.firstOut.out)),
        count: facts.firstOut.out.length,
        loss: amount(-facts.firstOut.change),
        objective,
        swap: swap(facts.firstOut, 'capacity.swapOut'),
      })
    : null;
  return { next, firstOut };
}

/** The curve in one line: "1,000 days: 23.4 with 4 key accounts; 1,200 days: …" is too long, so the range it spans. */
export function capacityCurveSentence(s: Speech, facts: CapacityFacts, model: KamModel, valueUnit: Unit): string {
  const first = facts.curve[0]!;
  const last = facts.curve[facts.curve.length - 1]!;
  return s.t('capacity.curve', {
    from: formatNumber(first.capacity, 'days', s.locale),
    to: formatNumber(last.capacity, 'days', s.locale),
    low: formatNumber(first.value, valueUnit, s.locale),
    high: formatNumber(last.value, valueUnit, s.locale),
    objective: objectiveNoun(s, model),
    here: formatNumber(facts.capacity, 'days', s.locale),
    value: formatNumber(facts.value, valueUnit, s.locale),
  });
}

// ---- Who makes the money ----

/** The headline numbers of the whale curve, one sentence each. */
export function profitSentences(s: Speech, curve: ProfitCurve): string[] {
  const money = (v: number): string => formatNumber(v, 'money', s.locale);
  const share = (v: number): string => formatNumber(v, 'percent', s.locale);
  const lines: string[] = [];
  const positive = curve.total > 0;
  if (positive) {
    lines.push(s.t('whale.top', { share: share(0.2), count: curve.top.accounts, profitShare: share(curve.top.profit / curve.total), profit: money(curve.top.profit) }));
  } else {
    lines.push(s.t('whale.noTotal', { total: money(curve.total), count: curve.top.accounts, profit: money(curve.top.profit) }));
  }
  lines.push(s.t('whale.losing', { count: curve.losing.accounts, loss: money(curve.losing.loss) }));
  if (positive && curve.peak.accounts < curve.ranked.length && curve.peak.profit > curve.total) {
    lines.push(s.t('whale.peak', { peakShare: share(curve.peak.profit / curve.total), count: curve.peak.accounts, drain: money(curve.peak.profit - curve.total) }));
  }
  if (curve.withoutProfit) lines.push(s.t('whale.missing', { count: curve.withoutProfit }));
  return lines;
}

// ---- Segments ----

/** "Retail: 120 accounts, 8 key; revenue 12,300,000 (41.0%), profit 1,200,000; Strategic 10 · Star 5 · …". */
export function segmentLine(s: Speech, seg: SegmentSummary): string {
  return s.t('segments.line', {
    segment: seg.segment || s.t('segments.none'),
    accounts: seg.accounts,
    key: seg.keyAccounts,
    revenue: formatNumber(seg.revenue, 'money', s.locale),
    revenueShare: formatNumber(seg.revenueShare, 'percent', s.locale),
    profit: formatNumber(seg.profit, 'money', s.locale),
    strategic: seg.positions.Strategic,
    star: seg.positions.Star,
    status: seg.positions.Status,
    streamline: seg.positions.Streamline,
  });
}

/** One warning per segment that holds the model's share of revenue or of attractive accounts and no key account. */
export function segmentWarnings(s: Speech, review: SegmentReview): string[] {
  return review.segments.filter((x) => x.uncovered).map((x) => s.t('segments.uncovered', {
    segment: x.segment,
    revenueShare: formatNumber(x.revenueShare, 'percent', s.locale),
    attractive: x.attractive,
    attractiveShare: formatNumber(x.attractiveShare, 'percent', s.locale),
    threshold: formatNumber(review.threshold, 'percent', s.locale),
  }));
}

// ---- Drift ----

/** "12 accounts in both: 3 moved, 9 kept their position; 2 new, 1 lost." */
export function driftSummary(s: Speech, report: DriftReport): string {
  const moved = report.matched.filter((m) => m.moved).length;
  return s.t('drift.summary', { matched: report.matched.length, moved, stayed: report.matched.length - moved, added: report.added.length, lost: report.lost.length });
}

/** "Cyan: Star → Strategic (now a key account)"; a near-name match says what the account was called. */
export function moveSentence(s: Speech, move: AccountMove): string {
  const key = move.previous.key === false && move.current.key === true ? 'now' : move.previous.key === true && move.current.key === false ? 'no' : 'same';
  return s.t('drift.move', {
    account: move.account,
    previous: move.previousName,
    near: move.matchedBy === 'near' ? 'yes' : 'no',
    from: move.previous.position ? positionName(s, move.previous.position) : s.t('drift.noPosition'),
    to: move.current.position ? positionName(s, move.current.position) : s.t('drift.noPosition'),
    key,
  });
}

/** The accounts whose key-account status changed while their position stayed (they are not in the moves). */
export function keyChanges(report: DriftReport): AccountMove[] {
  return report.matched.filter((m) => !m.moved && m.previous.key !== null && m.current.key !== null && m.previous.key !== m.current.key);
}
