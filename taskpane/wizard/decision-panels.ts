// The wizard's panels beyond the matrix, each built from the core's facts and sentences (the command line says the
// same): what more or fewer days would change (capacity step); fragile placements, moves since the last build, who
// makes the money and the segments (review). Every text goes in as text; pictures are parsed as SVG.
import { capacityFacts } from '../../src/core/portfolio/capacity-facts';
import { comparePortfolios, type Placement } from '../../src/core/portfolio/drift-report';
import {
  capacityCurveSentence, capacitySentences, driftSummary, fragileRows, fragileSentence, fragileSummary, keyChanges, moveSentence, nameList, objectiveNoun,
  profitSentences, segmentLine, segmentWarnings, type Speech,
} from '../../src/core/portfolio/decision-texts';
import { profitCurve } from '../../src/core/portfolio/profit-curve';
import { segmentReview } from '../../src/core/portfolio/segments';
import type { KamModel } from '../../src/core/model/model';
import type { Portfolio } from '../../src/core/portfolio/portfolio';
import type { Unit } from '../../src/core/format/units';
import { capacityChartSvg, profitChartSvg } from '../../src/core/workbook/decision-charts';
import { HISTORY_SHEET, type History } from '../../src/core/workbook/placement-sheets';
import type { Ownership } from '../../src/core/workbook/plan';
import { formatNumber } from '../../src/core/format/display';
import { el, svgNode } from './dom';

/**
 * A build's stamp as KAM History records it ("2025-03-04 14:05", local time) in the reader's conventions:
 * "Mar 4, 2025, 2:05 PM", "4 mar 2025, 14:05". Anything else (typed over on the sheet) is shown as it is.
 */
export function stampText(stamp: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(stamp.trim());
  if (!m) return stamp;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** How many lines a panel lists before "and N more". */
const PANEL_LIMIT = 10;

/** A figure that draws its picture for its own width, now and whenever the pane is resized. */
function sizedFigure(id: string, draw: (width: number) => string, fallbackWidth: number): { figure: HTMLElement; watch: ResizeObserver | null } {
  const figure = el('figure', { class: 'decision-chart', id });
  let drawnAt = 0;
  const paint = (): void => {
    const width = Math.floor(figure.clientWidth || fallbackWidth);
    if (Math.abs(width - drawnAt) < 8) return;
    drawnAt = width;
    figure.replaceChildren(svgNode(draw(width)));
  };
  // Drawn once it is in the page (its width is known then), and again when the pane changes width.
  queueMicrotask(paint);
  let watch: ResizeObserver | null = null;
  if (typeof ResizeObserver !== 'undefined') {
    watch = new ResizeObserver(() => paint());
    watch.observe(figure);
  }
  return { figure, watch };
}

/** A collapsible review panel: a summary line that says what is inside, the details under it. */
function panel(id: string, heading: string, open: boolean, ...children: (Node | null)[]): HTMLDetailsElement {
  const details = el('details', { id, class: 'panel', open }, el('summary', { text: heading }));
  for (const child of children) if (child) details.append(child);
  return details;
}

/**
 * The capacity step's curve and its three facts: KAM_CAPACITY's optimum around the team's days as a staircase, the
 * value of more days (and who would come in), and who would drop out first with fewer.
 */
export function capacityPanel(portfolio: Portfolio, model: KamModel, s: Speech, valueUnit: Unit, fallbackWidth: number): { element: HTMLElement; watch: ResizeObserver | null } {
  const facts = capacityFacts(portfolio);
  const box = el('div', { id: 'capacity-curve', class: 'card' }, el('h3', { text: s.t('capacity.heading') }));
  if (!facts) return { element: box, watch: null };
  const objective = objectiveNoun(s, model);
  const { figure, watch } = sizedFigure('capacity-chart', (width) => capacityChartSvg(facts, { width, speech: s, unit: valueUnit, objective }), fallbackWidth);
  const said = capacitySentences(s, facts, portfolio, model, valueUnit);
  box.append(
    figure,
    el('p', { id: 'capacity-next', text: said.next }),
    ...(said.firstOut ? [el('p', { id: 'capacity-first-out', text: said.firstOut })] : []),
    el('p', { class: 'hint', id: 'capacity-range', text: capacityCurveSentence(s, facts, model, valueUnit) }),
  );
  return { element: box, watch };
}

/** Fragile placements: how many, and the first ones (key accounts first) with the shift that would move each. */
export function fragilePanel(portfolio: Portfolio, model: KamModel, s: Speech): HTMLElement {
  const rows = fragileRows(portfolio);
  const shown = rows.slice(0, PANEL_LIMIT);
  return panel(
    'fragile-panel',
    s.t('fragile.heading', { count: formatNumber(rows.length, 'count', s.locale) }),
    rows.some((r) => r.key),
    el('p', { id: 'fragile-summary', text: fragileSummary(s, portfolio, model) }),
    rows.length ? el('ul', { id: 'fragile-list', class: 'compact-list' }, ...shown.map((r) => el('li', { text: fragileSentence(s, r) }))) : null,
    rows.length > shown.length ? el('p', { class: 'hint', text: s.t('fragile.more', { count: rows.length - shown.length }) }) : null,
    el('p', { class: 'hint', text: s.t('fragile.hint', { limit: formatNumber(model.review.fragilePoints, 'points', s.locale) }) }),
  );
}

/** The preview's placements, as a snapshot records them. */
export function currentPlacements(portfolio: Portfolio): Placement[] {
  return portfolio.rows.map((r) => ({ account: r.account, position: r.position, attractiveness: r.attractiveness, strength: r.strength, key: r.key }));
}

/** Moves since the last build's snapshot on KAM History (filled in once the sheet is read). */
export function movesPanel(s: Speech): { element: HTMLDetailsElement; fill: (history: History, portfolio: Portfolio) => void; fail: (message: string) => void } {
  const body = el('div', { id: 'moves-body' }, el('p', { class: 'hint', text: '…' }));
  const element = panel('moves-panel', s.t('drift.heading'), false, body);
  const fill = (history: History, portfolio: Portfolio): void => {
    const last = history.snapshots[history.snapshots.length - 1];
    if (!last) {
      body.replaceChildren(el('p', { id: 'moves-summary', text: s.t('drift.noHistory') }));
      return;
    }
    const report = comparePortfolios(last.placements, currentPlacements(portfolio));
    const moved = report.matched.filter((m) => m.moved);
    const changed = keyChanges(report);
    const lines = [...moved.map((m) => moveSentence(s, m)), ...changed.map((m) => s.t('drift.keyChanged', { account: m.account, position: s.t(`position.${m.current.position!}`), key: m.current.key ? 'now' : 'no' }))];
    body.replaceChildren(
      el('p', { text: s.t('drift.since', { date: stampText(last.builtOn, s.locale), number: last.number }) }),
      el('p', { id: 'moves-summary', text: driftSummary(s, report) }),
      ...(lines.length ? [el('ul', { id: 'moves-list', class: 'compact-list' }, ...lines.slice(0, PANEL_LIMIT).map((line) => el('li', { text: line })))] : []),
      ...(lines.length > PANEL_LIMIT ? [el('p', { class: 'hint', text: s.t('drift.moreMoves', { count: lines.length - PANEL_LIMIT }) })] : []),
      ...(report.added.length ? [el('p', { id: 'moves-new', text: s.t('drift.new', { accounts: nameList(s, report.added.map((a) => a.account), 5) }) })] : []),
      ...(report.lost.length ? [el('p', { id: 'moves-lost', text: s.t('drift.lost', { accounts: nameList(s, report.lost.map((a) => a.account), 5) }) })] : []),
    );
    element.open = lines.length > 0 || report.added.length > 0 || report.lost.length > 0;
  };
  const fail = (message: string): void => {
    body.replaceChildren(el('p', { class: 'error-text', text: message }));
  };
  return { element, fill, fail };
}

/** Who makes the money: the headline numbers and the whale curve, drawn for the pane. */
export function profitPanel(portfolio: Portfolio, s: Speech, fallbackWidth: number): { element: HTMLElement; watch: ResizeObserver | null } {
  const curve = profitCurve(portfolio.rows);
  if (!curve) return { element: panel('profit-panel', s.t('whale.heading'), false, el('p', { text: s.t('whale.noProfit') })), watch: null };
  const { figure, watch } = sizedFigure('profit-chart', (width) => profitChartSvg(curve, { width, speech: s }), fallbackWidth);
  const element = panel(
    'profit-panel',
    s.t('whale.heading'),
    false,
    el('ul', { id: 'profit-headline', class: 'compact-list' }, ...profitSentences(s, curve).map((line) => el('li', { text: line }))),
    figure,
    el('p', { class: 'hint', text: s.t('whale.hint') }),
  );
  return { element, watch };
}

/** Segment by segment: the segments without a key account first (as warnings), then each segment in one line. */
export function segmentsPanel(portfolio: Portfolio, model: KamModel, s: Speech): HTMLElement {
  const review = segmentReview(portfolio, model.review.segmentShare);
  if (!review) return panel('segments-panel', s.t('segments.heading', { count: 0 }), false, el('p', { text: s.t('segments.noSegments') }));
  const warnings = segmentWarnings(s, review);
  const shown = review.segments.slice(0, PANEL_LIMIT);
  return panel(
    'segments-panel',
    s.t('segments.heading', { count: review.segments.filter((x) => x.segment !== '').length }),
    warnings.length > 0,
    ...(warnings.length ? [el('ul', { id: 'segment-warnings', class: 'warnings' }, ...warnings.map((w) => el('li', { text: w })))] : []),
    el('ul', { id: 'segment-list', class: 'compact-list' }, ...shown.map((seg) => el('li', { text: segmentLine(s, seg) }))),
    review.segments.length > shown.length ? el('p', { class: 'hint', text: s.t('segments.more', { count: review.segments.length - shown.length }) }) : null,
    el('p', { class: 'hint', text: s.t('segments.hint', { threshold: formatNumber(review.threshold, 'percent', s.locale) }) }),
  );
}

/** A build's sheets without KAM History (added to, never replaced), and whether the build creates it or adds to it. */
export function splitHistory(o: Ownership): { rest: Ownership; history: 'new' | 'existing' | null } {
  const isHistory = (name: string): boolean => name.toLowerCase() === HISTORY_SHEET.toLowerCase();
  const history = o.create.some(isHistory) ? 'new' : o.update.some(isHistory) ? 'existing' : null;
  return { rest: { ...o, create: o.create.filter((n) => !isHistory(n)), update: o.update.filter((n) => !isHistory(n)) }, history };
}
