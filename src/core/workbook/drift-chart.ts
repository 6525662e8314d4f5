// How accounts moved, as an SVG picture: the portfolio matrix (attractiveness up, relative strength across, the
// current cuts and quadrants) with an arrow from each account's old place to its new one — up into the attractive
// half, down out of it, or across — the accounts that kept their position as dots, new ones as rings, lost ones as
// crosses at their old place. Laid out for the width it is shown at, as the matrix is (text 11 px or more).
import type { Position } from '../functions/position-names';
import { moveDirection, type DriftReport } from '../portfolio/drift-report';
import { positionName, type Speech } from '../portfolio/decision-texts';
import { escapeXml, matrixAxes, matrixCanvas, matrixFrame, overlaps, r1, svgText, textBox, type Box } from './matrix-chart';
import { fitText, textWidth } from './text-width';

export interface DriftChartOptions {
  speech: Speech;
  /** The current portfolio's cuts (lines drawn), and the previous one's when they differ (said in the legend). */
  cuts: { attractiveness: number; strength: number };
  width?: number;
  title?: string;
  /** Most moved accounts named (the longest moves first). */
  labels?: number;
  /** The current portfolio's strength is the behavioural proxy: the axis says 1 is the middle relationship, not parity. */
  strengthProxy?: boolean;
}

const COLOURS = { up: '#2e7d32', down: '#c62828', across: '#1565c0' } as const;
const STAYED = '#90a4ae';
const TEXT = '#202124';
const MUTED = '#5f6368';

export function driftChartSvg(report: DriftReport, options: DriftChartOptions): string {
  const s = options.speech;
  const canvas = matrixCanvas(options.width);
  const { width, narrow, height, size, side } = canvas;
  const placedOf = (p: { attractiveness: number | null; strength: number | null }): boolean => p.attractiveness !== null && p.strength !== null;
  const strengths = [
    ...report.matched.flatMap((m) => [m.previous.strength, m.current.strength]),
    ...report.added.map((a) => a.strength),
    ...report.lost.map((a) => a.strength),
  ].filter((v): v is number => v !== null && Number.isFinite(v));
  const xMax = Math.ceil(Math.max(2 * options.cuts.strength, ...strengths, 0.5) * 4) / 4;

  const legend: { text: string; symbol: string }[] = [
    { text: s.t('drift.legendUp'), symbol: 'up' },
    { text: s.t('drift.legendDown'), symbol: 'down' },
    { text: s.t('drift.legendAcross'), symbol: 'across' },
    { text: s.t('drift.legendStayed'), symbol: 'stayed' },
    ...(report.added.length ? [{ text: s.t('drift.legendNew'), symbol: 'new' }] : []),
    ...(report.lost.length ? [{ text: s.t('drift.legendLost'), symbol: 'lost' }] : []),
  ];
  const frame = matrixFrame(canvas, {
    titled: !!options.title, xMax, legend, itemWidth: (item) => 20 + textWidth(item.text, size.legend), locale: s.locale,
  });
  const { legendRows: rows, legendRowHeight, margin, plotW, plotH, x, y } = frame;
  const text = svgText;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Segoe UI, Arial, sans-serif" role="img" aria-label="${escapeXml(options.title ?? s.t('drift.title'))}" data-chart="drift">`,
    '<defs>',
    ...Object.entries(COLOURS).map(([name, colour]) =>
      `<marker id="arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${colour}"/></marker>`),
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#bdbdbd"/>`,
  ];
  if (options.title) parts.push(text(width / 2, size.title + 6, fitText(options.title, size.title, width - 2 * side, true), size.title, 'middle', 'font-weight="bold" fill="#1b5e20"'));
  const axes = matrixAxes(canvas, frame, { xMax, cuts: options.cuts, t: s.t, strengthProxy: options.strengthProxy });
  parts.push(...axes.parts);
  const { xTitleY } = axes;

  // Quadrant names in the corners; their boxes are kept clear of account names.
  const placed: Box[] = [];
  const quadrants: string[] = [];
  const quadrant = (p: Position, qx: number, qy: number, anchor: 'start' | 'end'): void => {
    const label = fitText(positionName(s, p), size.quadrant, plotW / 2 - 12, true);
    placed.push(textBox(qx, qy, label, size.quadrant, anchor, true));
    quadrants.push(text(qx, qy, label, size.quadrant, anchor, `font-weight="bold" fill="${MUTED}" stroke="#ffffff" stroke-width="3" stroke-opacity="0.7" stroke-linejoin="round" paint-order="stroke"`));
  };
  quadrant('Star', margin.left + 8, margin.top + size.quadrant + 4, 'start');
  quadrant('Strategic', margin.left + plotW - 8, margin.top + size.quadrant + 4, 'end');
  quadrant('Streamline', margin.left + 8, margin.top + plotH - 8, 'start');
  quadrant('Status', margin.left + plotW - 8, margin.top + plotH - 8, 'end');

  // Kept their position: a small dot at the new place. Lost: a cross at the old place. New: a ring at the new place.
  for (const m of report.matched) {
    if (m.moved || !placedOf(m.current)) continue;
    parts.push(`<circle cx="${r1(x(m.current.strength!))}" cy="${r1(y(m.current.attractiveness!))}" r="2.5" fill="${STAYED}" fill-opacity="0.7"><title>${escapeXml(m.account)}</title></circle>`);
  }
  for (const a of report.lost) {
    if (!placedOf(a)) continue;
    const px = x(a.strength!);
    const py = y(a.attractiveness!);
    parts.push(`<path d="M${r1(px - 4)} ${r1(py - 4)} L${r1(px + 4)} ${r1(py + 4)} M${r1(px - 4)} ${r1(py + 4)} L${r1(px + 4)} ${r1(py - 4)}" stroke="${MUTED}" stroke-width="1.5"><title>${escapeXml(a.account)}</title></path>`);
  }
  for (const a of report.added) {
    if (!placedOf(a)) continue;
    parts.push(`<circle cx="${r1(x(a.strength!))}" cy="${r1(y(a.attractiveness!))}" r="4.5" fill="none" stroke="${COLOURS.up}" stroke-width="1.5"><title>${escapeXml(a.account)}</title></circle>`);
  }
  // Moves: an arrow from the old place to the new one, coloured by where it goes; the longest drawn last, on top.
  const moves = report.matched
    .filter((m) => m.moved && placedOf(m.previous) && placedOf(m.current))
    .map((m) => {
      const from = [x(m.previous.strength!), y(m.previous.attractiveness!)] as const;
      const to = [x(m.current.strength!), y(m.current.attractiveness!)] as const;
      return { m, from, to, length: Math.hypot(to[0] - from[0], to[1] - from[1]), direction: moveDirection(m.previous.position!, m.current.position!) };
    })
    .sort((a, b) => a.length - b.length);
  for (const { m, from, to, length, direction } of moves) {
    // A move of a few pixels (the cut moved more than the account did) has no direction to show: an arrowhead on a
    // line that short would point anywhere, so the account is a ring in the colour of where it went.
    if (length < 6) {
      parts.push(`<circle cx="${r1(to[0])}" cy="${r1(to[1])}" r="4" fill="#ffffff" stroke="${COLOURS[direction]}" stroke-width="2" data-move="${escapeXml(m.account)}"><title>${escapeXml(`${m.account}: ${positionName(s, m.previous.position!)} → ${positionName(s, m.current.position!)}`)}</title></circle>`);
      continue;
    }
    parts.push(
      `<circle cx="${r1(from[0])}" cy="${r1(from[1])}" r="2.5" fill="${COLOURS[direction]}" fill-opacity="0.6"/>`,
      `<line x1="${r1(from[0])}" y1="${r1(from[1])}" x2="${r1(to[0])}" y2="${r1(to[1])}" stroke="${COLOURS[direction]}" stroke-width="2" marker-end="url(#arrow-${direction})" data-move="${escapeXml(m.account)}"><title>${escapeXml(`${m.account}: ${positionName(s, m.previous.position!)} → ${positionName(s, m.current.position!)}`)}</title></line>`,
    );
  }
  parts.push(...quadrants);

  // Names of the longest moves at the arrow's head, wherever the name stays inside the plot clear of the others.
  const inside: Box = { x0: margin.left + 2, y0: margin.top + 2, x1: margin.left + plotW - 2, y1: margin.top + plotH - 2 };
  const maxLabels = options.labels ?? (narrow ? 6 : 12);
  let named = 0;
  for (const { m, to } of [...moves].reverse()) {
    if (named >= maxLabels) break;
    const name = fitText(m.account, size.name, Math.min(plotW * 0.45, 150));
    const gap = 7;
    const spots: [number, number, 'start' | 'middle' | 'end'][] = [
      [to[0] + gap, to[1] + 0.35 * size.name, 'start'],
      [to[0] - gap, to[1] + 0.35 * size.name, 'end'],
      [to[0], to[1] - gap, 'middle'],
      [to[0], to[1] + gap + 0.8 * size.name, 'middle'],
    ];
    const spot = spots.map(([lx, ly, anchor]) => ({ lx, ly, anchor, box: textBox(lx, ly, name, size.name, anchor) }))
      .find(({ box }) => box.x0 >= inside.x0 && box.x1 <= inside.x1 && box.y0 >= inside.y0 && box.y1 <= inside.y1 && !placed.some((b) => overlaps(box, b)));
    if (!spot) continue;
    placed.push(spot.box);
    named++;
    parts.push(text(spot.lx, spot.ly, name, size.name, spot.anchor, `fill="${TEXT}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" data-label="account"`));
  }

  rows.forEach((row, i) => {
    const ly = xTitleY + 10 + (i + 1) * legendRowHeight - 6;
    for (const { x: lx, item } of row) {
      const my = ly - size.legend * 0.35;
      const symbol = item.symbol;
      if (symbol === 'up' || symbol === 'down' || symbol === 'across') {
        parts.push(`<line x1="${r1(lx)}" y1="${r1(my)}" x2="${r1(lx + 13)}" y2="${r1(my)}" stroke="${COLOURS[symbol]}" stroke-width="2" marker-end="url(#arrow-${symbol})"/>`);
      } else if (symbol === 'stayed') {
        parts.push(`<circle cx="${r1(lx + 6)}" cy="${r1(my)}" r="2.5" fill="${STAYED}"/>`);
      } else if (symbol === 'new') {
        parts.push(`<circle cx="${r1(lx + 6)}" cy="${r1(my)}" r="4.5" fill="none" stroke="${COLOURS.up}" stroke-width="1.5"/>`);
      } else {
        parts.push(`<path d="M${r1(lx + 2)} ${r1(my - 4)} L${r1(lx + 10)} ${r1(my + 4)} M${r1(lx + 2)} ${r1(my + 4)} L${r1(lx + 10)} ${r1(my - 4)}" stroke="${MUTED}" stroke-width="1.5"/>`);
      }
      parts.push(text(lx + 20, ly, item.text, size.legend, 'start', `fill="${MUTED}"`));
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
