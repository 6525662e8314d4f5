// The portfolio matrix as an SVG picture: attractiveness up, relative strength across, one bubble per
// account sized by revenue, quadrants labelled, key accounts outlined and named where a name fits, and
// a legend. Laid out for the width it is shown at (text keeps its size; nothing is drawn to be shrunk),
// so the wizard's 300 px sidebar and the command line's 800 px picture follow the same rules.
import { formatNumber } from '../format/display';
import { positionName } from '../functions/position-names';
import { english, type Translate } from '../i18n';
import { fitText, textWidth } from './text-width';

export interface MatrixPoint {
  account: string;
  attractiveness: number;
  strength: number;
  revenue: number;
  key: boolean;
}

export interface MatrixOptions {
  attractivenessCut: number;
  strengthCut: number;
  /** The width the picture is shown at, in px (default 800); text is never smaller than 11 px at that width. */
  width?: number;
  height?: number;
  title?: string;
  /** Most key accounts named (default 6 below 480 px wide, 12 above); a name that does not fit is left out. */
  labels?: number;
  /** Most bubbles drawn: every key account, then the largest others (default 1,500). */
  maxBubbles?: number;
  /** Locale for the numbers on the axes and in the legend (default: the translator's when given, else the runtime's). */
  locale?: string;
  /** The language of the picture's words: quadrants, axes, legend (English by default). */
  t?: Translate;
  /** Strength is the behavioural proxy (no rating, no stage): the axis says 1 is the middle relationship, not parity. */
  strengthProxy?: boolean;
}

/** A text's box in picture coordinates. */
export interface Box { x0: number; y0: number; x1: number; y1: number }

/**
 * The accounts worth drawing: past a few thousand bubbles a picture shows nothing more, but costs
 * seconds to render. Key accounts always stay; the others are kept largest revenue first.
 */
export function pointsToDraw(points: MatrixPoint[], maxBubbles: number): MatrixPoint[] {
  if (points.length <= maxBubbles) return points;
  const key = points.filter((p) => p.key);
  const others = points.filter((p) => !p.key).sort((p, q) => q.revenue - p.revenue);
  return [...key, ...others.slice(0, Math.max(0, maxBubbles - key.length))];
}

/** Text for SVG/XML: account names are data, never markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** A coordinate to one decimal, as every picture writes them. */
export const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();
export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Font sizes and the picture's size, the same for every matrix-shaped picture (the matrix, the moves between two). */
export function matrixCanvas(requestedWidth?: number, requestedHeight?: number) {
  const width = Math.max(240, Math.round(requestedWidth ?? 800));
  const narrow = width < 480;
  const height = Math.round(requestedHeight ?? (narrow ? width * 1.15 : width * 0.75));
  const size = { title: narrow ? 15 : 18, axis: narrow ? 12 : 13, tick: 11, quadrant: narrow ? 13 : 16, name: 11, legend: 11 };
  return { width, narrow, height, size, side: 10 };
}

/**
 * The plot area of a matrix-shaped picture: its legend wrapped into as many rows as the width needs, margins
 * that make room for the ticks, axis titles and legend, and the two scales (strength 0 to xMax, attractiveness 0 to 10).
 */
export function matrixFrame<Item>(
  canvas: ReturnType<typeof matrixCanvas>,
  options: { titled: boolean; xMax: number; legend: readonly Item[]; itemWidth: (item: Item) => number; locale?: string },
) {
  const { width, height, size, side } = canvas;
  const legendRows: { x: number; item: Item }[][] = [[]];
  let cursor = side;
  for (const item of options.legend) {
    const w = options.itemWidth(item);
    if (cursor > side && cursor + w > width - side) {
      legendRows.push([]);
      cursor = side;
    }
    legendRows[legendRows.length - 1]!.push({ x: cursor, item });
    cursor += w + 14;
  }
  const legendRowHeight = size.legend + 8;
  const xMax = options.xMax;
  const tickText = (v: number): string => formatNumber(Math.round(v * 100) / 100, 'number', options.locale);
  const yTickWidth = Math.max(...[0, 2, 4, 6, 8, 10].map((a) => textWidth(String(a), size.tick)));
  const margin = {
    left: Math.ceil(size.axis + 10 + yTickWidth + 8),
    right: Math.ceil(Math.max(12, textWidth(tickText(xMax), size.tick) / 2 + 4)),
    top: options.titled ? size.title + 22 : 10,
    bottom: Math.ceil(size.tick + 10 + size.axis + 10 + legendRows.length * legendRowHeight + 4),
  };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (v: number): number => margin.left + (Math.min(Math.max(v, 0), xMax) / xMax) * plotW;
  const y = (a: number): number => margin.top + (1 - Math.min(Math.max(a, 0), 10) / 10) * plotH;
  return { legendRows, legendRowHeight, tickText, margin, plotW, plotH, x, y };
}

/**
 * The axes of a matrix-shaped picture: the cut lines, the ticks (strength 0 to xMax in quarters, attractiveness
 * 0 to 10) and the axis titles in the longest wording that fits, in the reader's language. A behavioural strength
 * proxy is never called parity with a rival. Returns the parts to draw and the x title's baseline (the legend
 * goes below it).
 */
export function matrixAxes(
  canvas: ReturnType<typeof matrixCanvas>,
  frame: ReturnType<typeof matrixFrame>,
  options: { xMax: number; cuts: { strength: number; attractiveness: number }; t: Translate; strengthProxy?: boolean },
): { parts: string[]; xTitleY: number } {
  const { width, size, side } = canvas;
  const { margin, plotW, plotH, x, y, tickText } = frame;
  const { t } = options;
  const cx = x(options.cuts.strength);
  const cy = y(options.cuts.attractiveness);
  const parts = [
    `<line x1="${r1(cx)}" y1="${margin.top}" x2="${r1(cx)}" y2="${margin.top + plotH}" stroke="#9e9e9e" stroke-dasharray="6 4"/>`,
    `<line x1="${margin.left}" y1="${r1(cy)}" x2="${margin.left + plotW}" y2="${r1(cy)}" stroke="#9e9e9e" stroke-dasharray="6 4"/>`,
  ];
  for (const a of [0, 2, 4, 6, 8, 10]) parts.push(svgText(margin.left - 7, y(a) + size.tick * 0.35, String(a), size.tick, 'end', `fill="${MUTED}"`));
  const tickY = margin.top + plotH + size.tick + 6;
  for (const v of [0, 1, 2, 3, 4].map((i) => (options.xMax * i) / 4)) parts.push(svgText(x(v), tickY, tickText(v), size.tick, 'middle', `fill="${MUTED}"`));
  const pick = (choices: string[], room: number): string => choices.find((c) => textWidth(c, size.axis) <= room) ?? fitText(choices[choices.length - 1], size.axis, room);
  const xMid = margin.left + plotW / 2;
  const xTitles = options.strengthProxy
    ? [t('sheet.matrix.axisXProxy'), t('sheet.matrix.axisXProxyShort'), t('sheet.matrix.axisXShortest')]
    : [t('sheet.matrix.axisX'), t('sheet.matrix.axisXShort'), t('sheet.matrix.axisXShortest')];
  const xTitle = pick(xTitles, 2 * Math.min(xMid - side, width - side - xMid));
  const yTitle = pick([t('sheet.matrix.axisY'), t('sheet.matrix.axisYShort'), t('sheet.matrix.axisYShortest')], plotH);
  const xTitleY = tickY + size.axis + 8;
  parts.push(
    svgText(xMid, xTitleY, xTitle, size.axis, 'middle'),
    `<text transform="translate(${size.axis + 2} ${r1(margin.top + plotH / 2)}) rotate(-90)" text-anchor="middle" font-size="${size.axis}" fill="${TEXT}">${escapeXml(yTitle)}</text>`,
  );
  return { parts, xTitleY };
}

/** An SVG text element, its content escaped. */
export const svgText = (tx: number, ty: number, content: string, fontSize: number, anchor: 'start' | 'middle' | 'end', attrs = `fill="${TEXT}"`): string =>
  `<text x="${r1(tx)}" y="${r1(ty)}" text-anchor="${anchor}" font-size="${fontSize}" ${attrs}>${escapeXml(content)}</text>`;

/** The box of a line of text drawn at baseline y: DejaVu's ascent and descent, a pixel of air around. */
export function textBox(x: number, y: number, text: string, size: number, anchor: 'start' | 'middle' | 'end', bold = false): Box {
  const w = textWidth(text, size, bold);
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x0: x0 - 1, x1: x0 + w + 1, y0: y - 0.95 * size - 1, y1: y + 0.25 * size + 1 };
}

// Colours: key accounts filled dark green with a darker outline, the others hollow and grey, so the
// two differ in fill and outline, not in shade alone (and read in grey print or for colour-blind eyes).
const KEY = { fill: '#2e7d32', fillOpacity: 0.6, stroke: '#0b3d0f', strokeWidth: 2 };
const OTHER = { fill: '#b0bec5', fillOpacity: 0.15, stroke: '#607d8b', strokeWidth: 1 };
const TEXT = '#202124';
const MUTED = '#5f6368';

// Presentation attributes, not a <style> element: the taskpane's Content-Security-Policy allows no
// inline style sheets, and attributes render the same in browsers and in resvg.
export function matrixSvg(points: MatrixPoint[], options: MatrixOptions): string {
  const canvas = matrixCanvas(options.width, options.height);
  const { width, narrow, height, size, side } = canvas;
  const t = options.t ?? english;
  const locale = options.locale ?? (options.t ? t.locale : undefined);
  const all = points.filter((p) => Number.isFinite(p.attractiveness) && Number.isFinite(p.strength));
  const finite = pointsToDraw(all, options.maxBubbles ?? 1500);

  // Strength runs from 0 to a round value above both the data and twice the cut, so parity sits mid-way.
  const maxStrength = Math.max(2 * options.strengthCut, ...finite.map((p) => p.strength), 0.5);
  const xMax = Math.ceil(maxStrength * 4) / 4;

  // Legend: symbols and words, wrapped into as many rows as the width needs.
  const legendItems: { symbol: 'key' | 'other' | null; text: string }[] = [
    { symbol: 'key', text: t('sheet.matrix.keyAccount') },
    { symbol: 'other', text: t('sheet.matrix.otherAccount') },
    { symbol: null, text: t('sheet.matrix.bubbleSize') },
  ];
  if (finite.length < all.length) {
    legendItems.push({ symbol: null, text: t('sheet.matrix.shown', { shown: formatNumber(finite.length, 'count', locale), all: formatNumber(all.length, 'count', locale) }) });
  }
  const frame = matrixFrame(canvas, {
    titled: !!options.title, xMax, legend: legendItems, itemWidth: (item) => (item.symbol ? 16 : 0) + textWidth(item.text, size.legend), locale,
  });
  const { legendRows, legendRowHeight, margin, plotW, plotH, x, y } = frame;
  const maxRevenue = Math.max(...finite.map((p) => Math.max(p.revenue, 0)), 1);
  const rMax = Math.min(28, Math.max(8, plotW / 22));
  const rMin = narrow ? 2.5 : 3;
  const radius = (r: number): number => rMin + Math.sqrt(Math.max(r, 0) / maxRevenue) * rMax;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Segoe UI, Arial, sans-serif" role="img" aria-label="${escapeXml(options.title ?? t('sheet.matrix.label'))}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#bdbdbd"/>`,
  ];
  const text = svgText;

  if (options.title) {
    const title = fitText(options.title, size.title, width - 2 * side, true);
    parts.push(text(width / 2, size.title + 6, title, size.title, 'middle', 'font-weight="bold" fill="#1b5e20"'));
  }
  // Axes: cut lines, ticks, then titles in the longest wording that fits.
  const axes = matrixAxes(canvas, frame, { xMax, cuts: { strength: options.strengthCut, attractiveness: options.attractivenessCut }, t, strengthProxy: options.strengthProxy });
  parts.push(...axes.parts);
  const { xTitleY } = axes;

  // Quadrant names in the plot's corners, drawn over the bubbles (below); their boxes are kept clear of account names.
  const placed: Box[] = [];
  const quadrants: string[] = [];
  const inset = 8;
  const quadrant = (label: string, qx: number, qy: number, anchor: 'start' | 'end'): void => {
    placed.push(textBox(qx, qy, label, size.quadrant, anchor, true));
    quadrants.push(text(qx, qy, label, size.quadrant, anchor, `font-weight="bold" fill="${MUTED}" stroke="#ffffff" stroke-width="3" stroke-opacity="0.7" stroke-linejoin="round" paint-order="stroke"`));
  };
  // Each name fits its half of the plot ("Racionalizar" is longer than "Streamline").
  const room = plotW / 2 - inset - 4;
  const name = (p: 'Strategic' | 'Star' | 'Status' | 'Streamline'): string => fitText(positionName(p, t), size.quadrant, room, true);
  quadrant(name('Star'), margin.left + inset, margin.top + size.quadrant + 4, 'start');
  quadrant(name('Strategic'), margin.left + plotW - inset, margin.top + size.quadrant + 4, 'end');
  quadrant(name('Streamline'), margin.left + inset, margin.top + plotH - 8, 'start');
  quadrant(name('Status'), margin.left + plotW - inset, margin.top + plotH - 8, 'end');

  // Bubbles: the others first, then key accounts on top; big ones first so small ones stay visible.
  const byRevenue = [...finite].sort((p, q) => q.revenue - p.revenue);
  const bubble = (p: MatrixPoint): string => {
    const s = p.key ? KEY : OTHER;
    return `<circle cx="${r1(x(p.strength))}" cy="${r1(y(p.attractiveness))}" r="${r1(radius(p.revenue))}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"><title>${escapeXml(p.key ? t('sheet.matrix.keyAccountTip', { account: p.account }) : p.account)}</title></circle>`;
  };
  for (const p of byRevenue) if (!p.key) parts.push(bubble(p));
  for (const p of byRevenue) if (p.key) parts.push(bubble(p));
  parts.push(...quadrants);

  // Names of the largest key accounts: above, below, right or left of the bubble, wherever the name
  // stays inside the plot clear of every name and quadrant label already placed; otherwise left out.
  const inside: Box = { x0: margin.left + 2, y0: margin.top + 2, x1: margin.left + plotW - 2, y1: margin.top + plotH - 2 };
  const maxLabels = options.labels ?? (narrow ? 6 : 12);
  const nameRoom = Math.min(plotW * 0.5, 160);
  let named = 0;
  for (const p of byRevenue) {
    if (!p.key || named >= maxLabels) continue;
    // The name as long as there is room for, then a shorter cut where the long one does not fit.
    const names = [...new Set([fitText(p.account, size.name, nameRoom), fitText(p.account, size.name, Math.min(nameRoom, 80))])];
    const bx = x(p.strength);
    const by = y(p.attractiveness);
    const gap = radius(p.revenue) + 3;
    const diagonal = gap * 0.75;
    const candidates: [number, number, 'start' | 'middle' | 'end'][] = [
      [bx, by - gap - 0.25 * size.name, 'middle'],
      [bx, by + gap + 0.95 * size.name, 'middle'],
      [bx + gap, by + 0.35 * size.name, 'start'],
      [bx - gap, by + 0.35 * size.name, 'end'],
      [bx - diagonal, by + diagonal + 0.95 * size.name, 'end'],
      [bx + diagonal, by + diagonal + 0.95 * size.name, 'start'],
      [bx - diagonal, by - diagonal - 0.25 * size.name, 'end'],
      [bx + diagonal, by - diagonal - 0.25 * size.name, 'start'],
    ];
    const spot = names.flatMap((name) => candidates.map(([lx, ly, anchor]) => ({ name, lx, ly, anchor, box: textBox(lx, ly, name, size.name, anchor) })))
      .find(({ box }) => box.x0 >= inside.x0 && box.x1 <= inside.x1 && box.y0 >= inside.y0 && box.y1 <= inside.y1 && !placed.some((b) => overlaps(box, b)));
    if (!spot) continue;
    placed.push(spot.box);
    named++;
    // A white halo keeps the name readable over bubbles.
    parts.push(text(spot.lx, spot.ly, spot.name, size.name, spot.anchor, `fill="${TEXT}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" data-label="account"`));
  }

  // Legend under the axis title.
  legendRows.forEach((row, i) => {
    const ly = xTitleY + 10 + (i + 1) * legendRowHeight - 6;
    for (const { x: lx, item } of row) {
      let tx = lx;
      if (item.symbol) {
        const s = item.symbol === 'key' ? KEY : OTHER;
        parts.push(`<circle cx="${r1(lx + 5)}" cy="${r1(ly - size.legend * 0.35)}" r="5" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"/>`);
        tx += 16;
      }
      parts.push(text(tx, ly, item.text, size.legend, 'start', `fill="${MUTED}"`));
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
