// What `kam portfolio` says beyond the matrix, in the summary and in --json: fragile placements, what more or fewer
// team days would change, who makes the money and the segments without key accounts — the wizard's sentences.
import type { KamModel } from '../core/model/model';
import type { Portfolio } from '../core/portfolio/portfolio';
import { capacityFacts, type CapacityFacts } from '../core/portfolio/capacity-facts';
import { profitCurve, TOP_SHARE, type ProfitCurve } from '../core/portfolio/profit-curve';
import { segmentReview, type SegmentReview } from '../core/portfolio/segments';
import {
  capacityCurveSentence, capacitySentences, fragileRows, fragileSentence, fragileSummary, objectiveUnit, profitSentences, segmentWarnings, type Speech,
} from '../core/portfolio/decision-texts';

/** The facts beyond the matrix for one portfolio, computed once for the summary, --json and the sheets. */
export interface Decisions {
  capacity: CapacityFacts | null;
  profit: ProfitCurve | null;
  segments: SegmentReview | null;
}

export function decisionsOf(portfolio: Portfolio, model: KamModel): Decisions {
  return { capacity: capacityFacts(portfolio), profit: profitCurve(portfolio.rows), segments: segmentReview(portfolio, model.review.segmentShare) };
}

/** Fragile placements listed in the summary before "and N more". */
const FRAGILE_SHOWN = 5;

/** The summary's lines beyond the matrix. */
export function decisionLines(portfolio: Portfolio, model: KamModel, d: Decisions, s: Speech, pictures: { svg: string; png: string } | null): string[] {
  const lines: string[] = [];
  const fragile = fragileRows(portfolio);
  lines.push(`${s.t('fragile.title')}: ${fragileSummary(s, portfolio, model)}`);
  for (const row of fragile.slice(0, FRAGILE_SHOWN)) lines.push(`  - ${fragileSentence(s, row)}`);
  if (fragile.length > FRAGILE_SHOWN) lines.push(`  ${s.t('fragile.more', { count: fragile.length - FRAGILE_SHOWN })}`);
  if (d.capacity) {
    const unit = objectiveUnit(model);
    const said = capacitySentences(s, d.capacity, portfolio, model, unit);
    lines.push(`${s.t('capacity.heading')}:`, `  - ${said.next}`);
    if (said.firstOut) lines.push(`  - ${said.firstOut}`);
    lines.push(`  - ${capacityCurveSentence(s, d.capacity, model, unit)}`);
  }
  lines.push(`${s.t('whale.heading')}:`);
  if (d.profit) for (const line of profitSentences(s, d.profit)) lines.push(`  - ${line}`);
  else lines.push(`  - ${s.t('whale.noProfit')}`);
  if (pictures) lines.push(`  ${s.t('whale.pictures', { svg: pictures.svg, png: pictures.png })}`);
  if (d.segments) {
    const warnings = segmentWarnings(s, d.segments);
    const named = d.segments.segments.filter((x) => x.segment !== '').length;
    lines.push(`${s.t('segments.heading', { count: named })}: ${warnings.length ? '' : s.t('segments.allCovered')}`.trimEnd());
    for (const w of warnings) lines.push(`  - ${w}`);
  }
  return lines;
}

/** The same facts for scripts: numbers, account names, and the sentences the summary prints. */
export function decisionsJson(portfolio: Portfolio, model: KamModel, d: Decisions, s: Speech): unknown {
  const names = (rows: number[]): string[] => rows.map((i) => portfolio.rows[i]!.account);
  const fragile = fragileRows(portfolio);
  const unit = objectiveUnit(model);
  const said = d.capacity ? capacitySentences(s, d.capacity, portfolio, model, unit) : null;
  return {
    fragile: {
      points: model.review.fragilePoints,
      summary: fragileSummary(s, portfolio, model),
      accounts: fragile.map((r) => ({ account: r.account, position: r.position, attractiveness: r.attractiveness, key: r.key, ...r.stability, sentence: fragileSentence(s, r) })),
    },
    capacity: d.capacity && {
      capacity: d.capacity.capacity,
      value: d.capacity.value,
      costUsed: d.capacity.cost,
      next: d.capacity.next && {
        capacity: d.capacity.next.capacity, days: d.capacity.next.days, gain: d.capacity.next.change, perDay: d.capacity.next.perDay, value: d.capacity.next.value,
        in: names(d.capacity.next.in), out: names(d.capacity.next.out),
      },
      firstOut: d.capacity.firstOut && {
        below: d.capacity.firstOut.capacity, loss: -d.capacity.firstOut.change, value: d.capacity.firstOut.value, out: names(d.capacity.firstOut.out), in: names(d.capacity.firstOut.in),
      },
      curve: d.capacity.curve,
      sentences: said && [said.next, ...(said.firstOut ? [said.firstOut] : []), capacityCurveSentence(s, d.capacity, model, unit)],
    },
    profit: d.profit && {
      customers: d.profit.ranked.length,
      withoutProfit: d.profit.withoutProfit,
      total: d.profit.total,
      top: { share: TOP_SHARE, accounts: d.profit.top.accounts, profit: d.profit.top.profit, shareOfProfit: d.profit.total > 0 ? d.profit.top.profit / d.profit.total : null },
      losing: d.profit.losing,
      peak: { ...d.profit.peak, shareOfProfit: d.profit.total > 0 ? d.profit.peak.profit / d.profit.total : null },
      ranking: d.profit.ranked.map((i, k) => ({ account: portfolio.rows[i]!.account, profit: portfolio.rows[i]!.profit, cumulative: d.profit!.cumulative[k] })),
      sentences: profitSentences(s, d.profit),
    },
    segments: d.segments && {
      threshold: d.segments.threshold,
      segments: d.segments.segments,
      warnings: segmentWarnings(s, d.segments),
    },
  };
}
