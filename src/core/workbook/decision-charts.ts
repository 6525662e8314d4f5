// Two pictures of the decisions beyond the matrix: the capacity curve around the team's days (the wizard's capacity
// step) and the cumulative-profit "whale" curve (the command line's picture, the wizard's review).
import { formatNumber } from '../format/display';
import type { Unit } from '../format/units';
import type { CapacityFacts } from '../portfolio/capacity-facts';
import type { ProfitCurve } from '../portfolio/profit-curve';
import type { Speech } from '../portfolio/decision-texts';
import { lineChartSvg } from './line-chart';

const CURVE = '#1b5e20';
const HERE = '#1a73e8';
const NEXT = '#e37400';

/** The best total value by team days, a staircase, with the team's capacity and the next step marked. */
export function capacityChartSvg(facts: CapacityFacts, options: { width: number; speech: Speech; unit: Unit; objective: string; title?: string }): string {
  const s = options.speech;
  const points = facts.curve.map((p) => [p.capacity, p.value] as const);
  const values = facts.curve.map((p) => p.value);
  return lineChartSvg({
    width: options.width,
    title: options.title,
    xTitle: s.t('capacity.curveX'),
    yTitle: s.t('capacity.curveTitle', { objective: options.objective }),
    x: { min: facts.curve[0]!.capacity, max: facts.curve[facts.curve.length - 1]!.capacity, format: (v) => formatNumber(v, 'days', s.locale) },
    y: { min: Math.min(0, ...values), max: Math.max(...values), format: (v) => formatNumber(v, options.unit === 'score' ? 'number' : options.unit, s.locale) },
    series: [{ points, step: true, stroke: CURVE, strokeWidth: 2.5 }],
    guides: [{ x: facts.capacity, stroke: HERE, legend: s.t('capacity.legendHere') }],
    markers: [
      { x: facts.capacity, y: facts.value, fill: HERE, legend: `${s.t('capacity.legendHere')}: ${formatNumber(facts.value, options.unit, s.locale)}` },
      ...(facts.next ? [{ x: facts.next.capacity, y: facts.next.value, fill: NEXT, legend: `${s.t('capacity.legendNext')}: ${formatNumber(facts.next.capacity, 'days', s.locale)}` }] : []),
    ],
    ariaLabel: s.t('capacity.curveTitle', { objective: options.objective }),
    kind: 'capacity-curve',
  });
}

/**
 * The whale curve: customers ranked from the most profitable, the cumulative profit as a share of the total (in
 * money when the total is not positive), the total marked at 100 %, the top fifth and the peak marked.
 */
export function profitChartSvg(curve: ProfitCurve, options: { width: number; speech: Speech; title?: string }): string {
  const s = options.speech;
  const n = curve.ranked.length;
  const share = curve.total > 0;
  const y = (v: number): number => (share ? v / curve.total : v);
  const points: [number, number][] = [[0, 0], ...curve.cumulative.map((c, k) => [(k + 1) / n, y(c)] as [number, number])];
  const ys = points.map((p) => p[1]);
  // A little room above the highest point, so a peak marker never sits on the frame (a peak of 119.8 % gets a
  // 140 % top, not a 120 % one).
  const yLow = Math.min(0, ...ys);
  const yHigh = Math.max(share ? 1 : 0, ...ys);
  const yTop = yHigh + (yHigh - yLow) * 0.03;
  const percent = (v: number): string => formatNumber(v, 'percent', s.locale).replace(/[.,]0(?=\s?%)/, '');
  return lineChartSvg({
    width: options.width,
    title: options.title,
    xTitle: s.t('whale.axisX'),
    yTitle: share ? s.t('whale.axisY') : s.t('whale.axisYMoney'),
    x: { min: 0, max: 1, format: percent },
    y: { min: yLow, max: yTop, format: share ? percent : (v) => formatNumber(v, 'money', s.locale) },
    series: [{ points, stroke: CURVE, strokeWidth: 2.5 }],
    guides: share ? [{ y: 1, stroke: '#9e9e9e', legend: s.t('whale.legendTotal') }] : [],
    markers: [
      ...(share ? [{ x: curve.top.accounts / n, y: y(curve.top.profit), fill: HERE, legend: s.t('whale.legendTop', { share: percent(curve.top.profit / curve.total) }) }] : []),
      ...(curve.peak.accounts < n && curve.peak.profit > curve.total
        ? [{ x: curve.peak.accounts / n, y: y(curve.peak.profit), fill: NEXT, legend: s.t('whale.legendPeak', { count: curve.peak.accounts }) }]
        : []),
    ],
    ariaLabel: s.t('whale.title'),
    kind: 'profit-curve',
  });
}
