// A line chart as an SVG picture, laid out for the width it is shown at (text 11 px or more, never scaled down):
// the capacity curve of the wizard's capacity step and the cumulative-profit ("whale") curve share it.
import { escapeXml, r1, textBox, type Box, overlaps } from './matrix-chart';
import { fitText, textWidth } from './text-width';

export interface LineSeries {
  /** Points in data units, in the order the line goes through them. */
  points: readonly (readonly [number, number])[];
  /** Drawn as a staircase (the value holds until the next point), as a step function such as an optimum over capacity. */
  step?: boolean;
  stroke: string;
  strokeWidth: number;
  dash?: string;
}

/** A point marked on the chart, explained in the legend (no text in the plot, so nothing can overlap). */
export interface LineMarker {
  x: number;
  y: number;
  fill: string;
  legend: string;
}

/** A dashed reference line across (y) or up (x) the plot, explained in the legend. */
export interface LineGuide {
  x?: number;
  y?: number;
  stroke: string;
  legend?: string;
}

export interface Axis {
  min: number;
  max: number;
  format: (value: number) => string;
}

export interface LineChartOptions {
  width: number;
  height?: number;
  title?: string;
  xTitle: string;
  yTitle: string;
  x: Axis;
  y: Axis;
  series: LineSeries[];
  markers?: LineMarker[];
  guides?: LineGuide[];
  /** Extra legend lines (a series' meaning). */
  legend?: { text: string; stroke: string; dash?: string }[];
  ariaLabel: string;
  /** An attribute on the root element naming what the picture is (for tests and for recognising our files). */
  kind: string;
}

const TEXT = '#202124';
const MUTED = '#5f6368';

/** Round steps for an axis: 1, 2, 2.5 or 5 times a power of ten, about `target` of them over the span. */
export function niceTicks(min: number, max: number, target: number): { min: number; max: number; ticks: number[] } {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, target);
  }
  const raw = (max - min) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: lo, max: hi, ticks };
}

export function lineChartSvg(options: LineChartOptions): string {
  const width = Math.max(240, Math.round(options.width));
  const narrow = width < 480;
  const height = Math.round(options.height ?? (narrow ? width * 0.95 : width * 0.6));
  const size = { title: narrow ? 14 : 17, axis: narrow ? 12 : 13, tick: 11, legend: 11 };
  const side = 10;
  const xAxis = niceTicks(options.x.min, options.x.max, narrow ? 4 : 6);
  const yAxis = niceTicks(options.y.min, options.y.max, narrow ? 5 : 6);

  // Legend: a symbol and its words per entry, wrapped into as many rows as the width needs.
  type Entry = { text: string; draw: (x: number, y: number) => string; w: number };
  const entries: Entry[] = [];
  const lineSymbol = (stroke: string, dash?: string) => (x: number, y: number): string =>
    `<line x1="${r1(x)}" y1="${r1(y)}" x2="${r1(x + 14)}" y2="${r1(y)}" stroke="${stroke}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  for (const l of options.legend ?? []) entries.push({ text: l.text, draw: lineSymbol(l.stroke, l.dash), w: 20 });
  for (const g of options.guides ?? []) if (g.legend) entries.push({ text: g.legend, draw: lineSymbol(g.stroke, '5 4'), w: 20 });
  for (const m of options.markers ?? []) {
    entries.push({ text: m.legend, draw: (x, y) => `<circle cx="${r1(x + 6)}" cy="${r1(y)}" r="4.5" fill="${m.fill}" stroke="#ffffff" stroke-width="1.5"/>`, w: 16 });
  }
  const rows: { x: number; entry: Entry }[][] = [[]];
  let cursor = side;
  for (const entry of entries) {
    const room = width - 2 * side - entry.w;
    entry.text = fitText(entry.text, size.legend, room);
    const w = entry.w + textWidth(entry.text, size.legend);
    if (cursor > side && cursor + w > width - side) {
      rows.push([]);
      cursor = side;
    }
    rows[rows.length - 1]!.push({ x: cursor, entry });
    cursor += w + 14;
  }
  const legendRows = entries.length ? rows.length : 0;
  const legendRowHeight = size.legend + 8;

  const yLabels = yAxis.ticks.map((v) => options.y.format(v));
  const yTickWidth = Math.max(...yLabels.map((t) => textWidth(t, size.tick)));
  const xLabels = xAxis.ticks.map((v) => options.x.format(v));
  const margin = {
    left: Math.ceil(size.axis + 10 + yTickWidth + 8),
    right: Math.ceil(Math.max(12, textWidth(xLabels[xLabels.length - 1]!, size.tick) / 2 + 4)),
    top: options.title ? size.title + 20 : 12,
    bottom: Math.ceil(size.tick + 10 + size.axis + 10 + legendRows * legendRowHeight + 6),
  };
  const plotW = width - margin.left - margin.right;
  const plotH = Math.max(80, height - margin.top - margin.bottom);
  const total = margin.top + plotH + margin.bottom;
  const sx = (v: number): number => margin.left + ((Math.min(Math.max(v, xAxis.min), xAxis.max) - xAxis.min) / (xAxis.max - xAxis.min)) * plotW;
  const sy = (v: number): number => margin.top + (1 - (Math.min(Math.max(v, yAxis.min), yAxis.max) - yAxis.min) / (yAxis.max - yAxis.min)) * plotH;
  const text = (tx: number, ty: number, content: string, fontSize: number, anchor: 'start' | 'middle' | 'end', attrs = `fill="${TEXT}"`): string =>
    `<text x="${r1(tx)}" y="${r1(ty)}" text-anchor="${anchor}" font-size="${fontSize}" ${attrs}>${escapeXml(content)}</text>`;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="DejaVu Sans, Segoe UI, Arial, sans-serif" role="img" aria-label="${escapeXml(options.ariaLabel)}" data-chart="${escapeXml(options.kind)}">`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    `<rect x="${margin.left}" y="${margin.top}" width="${r1(plotW)}" height="${r1(plotH)}" fill="#fafafa" stroke="#bdbdbd"/>`,
  ];
  if (options.title) parts.push(text(width / 2, size.title + 6, fitText(options.title, size.title, width - 2 * side, true), size.title, 'middle', 'font-weight="bold" fill="#1b5e20"'));

  // Grid and ticks; tick labels that would collide with the previous one are left out.
  const placed: Box[] = [];
  yAxis.ticks.forEach((v, i) => {
    parts.push(`<line x1="${margin.left}" y1="${r1(sy(v))}" x2="${r1(margin.left + plotW)}" y2="${r1(sy(v))}" stroke="#eceff1"/>`);
    const box = textBox(margin.left - 7, sy(v) + size.tick * 0.35, yLabels[i]!, size.tick, 'end');
    if (placed.some((b) => overlaps(b, box))) return;
    placed.push(box);
    parts.push(text(margin.left - 7, sy(v) + size.tick * 0.35, yLabels[i]!, size.tick, 'end', `fill="${MUTED}"`));
  });
  const tickY = margin.top + plotH + size.tick + 6;
  xAxis.ticks.forEach((v, i) => {
    const box = textBox(sx(v), tickY, xLabels[i]!, size.tick, 'middle');
    if (placed.some((b) => overlaps(b, box)) || box.x1 > width || box.x0 < 0) return;
    placed.push(box);
    parts.push(text(sx(v), tickY, xLabels[i]!, size.tick, 'middle', `fill="${MUTED}"`));
  });
  const xMid = margin.left + plotW / 2;
  const xTitleY = tickY + size.axis + 8;
  parts.push(
    text(xMid, xTitleY, fitText(options.xTitle, size.axis, width - 2 * side), size.axis, 'middle'),
    `<text transform="translate(${size.axis + 2} ${r1(margin.top + plotH / 2)}) rotate(-90)" text-anchor="middle" font-size="${size.axis}" fill="${TEXT}">${escapeXml(fitText(options.yTitle, size.axis, plotH))}</text>`,
  );

  for (const g of options.guides ?? []) {
    if (g.y !== undefined && g.y >= yAxis.min && g.y <= yAxis.max) {
      parts.push(`<line x1="${margin.left}" y1="${r1(sy(g.y))}" x2="${r1(margin.left + plotW)}" y2="${r1(sy(g.y))}" stroke="${g.stroke}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    }
    if (g.x !== undefined && g.x >= xAxis.min && g.x <= xAxis.max) {
      parts.push(`<line x1="${r1(sx(g.x))}" y1="${margin.top}" x2="${r1(sx(g.x))}" y2="${r1(margin.top + plotH)}" stroke="${g.stroke}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    }
  }
  for (const s of options.series) {
    if (!s.points.length) continue;
    const path: string[] = [];
    s.points.forEach(([x, y], i) => {
      if (i === 0) path.push(`M${r1(sx(x))} ${r1(sy(y))}`);
      else if (s.step) path.push(`H${r1(sx(x))} V${r1(sy(y))}`);
      else path.push(`L${r1(sx(x))} ${r1(sy(y))}`);
    });
    parts.push(`<path d="${path.join(' ')}" fill="none" stroke="${s.stroke}" stroke-width="${s.strokeWidth}" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
  }
  for (const m of options.markers ?? []) {
    parts.push(`<circle cx="${r1(sx(m.x))}" cy="${r1(sy(m.y))}" r="5" fill="${m.fill}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(m.legend)}</title></circle>`);
  }
  rows.forEach((row, i) => {
    const ly = xTitleY + 8 + (i + 1) * legendRowHeight - 4;
    for (const { x, entry } of row) {
      parts.push(entry.draw(x, ly - size.legend * 0.35), text(x + entry.w, ly, entry.text, size.legend, 'start', `fill="${MUTED}"`));
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
