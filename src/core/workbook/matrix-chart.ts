// The portfolio matrix as an SVG picture: attractiveness up, relative strength across, one bubble
// per account sized by revenue, quadrants labelled. Pure string building, so the command line, the
// wizard and tests all draw the same picture.

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
  width?: number;
  height?: number;
  title?: string;
  /** How many of the largest key accounts get a name label (more would overlap). */
  labels?: number;
  /** Most bubbles drawn: every key account, then the largest others (default 1,500). */
  maxBubbles?: number;
}

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

const fmt = (x: number): string => (Math.round(x * 10) / 10).toString();

// Presentation attributes, not a <style> element: the taskpane's Content-Security-Policy allows no
// inline style sheets, and attributes render the same in browsers and in resvg.
const QUADRANT = 'font-size="16" font-weight="bold" fill="#5f6368" fill-opacity="0.55"';
const AXIS = 'font-size="13" fill="#202124"';
const TICK = 'font-size="11" fill="#5f6368"';
const NAME = 'font-size="11" fill="#202124"';

export function matrixSvg(points: MatrixPoint[], options: MatrixOptions): string {
  const width = options.width ?? 800;
  const height = options.height ?? 600;
  const margin = { left: 64, right: 24, top: options.title ? 48 : 24, bottom: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = points.filter((p) => Number.isFinite(p.attractiveness) && Number.isFinite(p.strength));
  const finite = pointsToDraw(all, options.maxBubbles ?? 1500);
  // Strength runs from 0 to a round value above both the data and twice the cut, so parity sits mid-way.
  const maxStrength = Math.max(2 * options.strengthCut, ...finite.map((p) => p.strength), 0.5);
  const xMax = Math.ceil(maxStrength * 4) / 4;
  const x = (s: number): number => margin.left + (Math.min(Math.max(s, 0), xMax) / xMax) * plotW;
  const y = (a: number): number => margin.top + (1 - Math.min(Math.max(a, 0), 10) / 10) * plotH;
  const maxRevenue = Math.max(...finite.map((p) => Math.max(p.revenue, 0)), 1);
  const radius = (r: number): number => 3 + Math.sqrt(Math.max(r, 0) / maxRevenue) * 28;
  const cx = x(options.strengthCut);
  const cy = y(options.attractivenessCut);
  const quadrant = (label: string, qx: number, qy: number, anchor: 'start' | 'end'): string =>
    `<text x="${fmt(qx)}" y="${fmt(qy)}" text-anchor="${anchor}" ${QUADRANT}>${label}</text>`;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Segoe UI, Arial, sans-serif" role="img" aria-label="${escapeXml(options.title ?? 'Key account portfolio matrix')}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#bdbdbd"/>`,
  ];
  if (options.title) parts.push(`<text x="${width / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold" fill="#1b5e20">${escapeXml(options.title)}</text>`);
  parts.push(
    `<line x1="${fmt(cx)}" y1="${margin.top}" x2="${fmt(cx)}" y2="${margin.top + plotH}" stroke="#9e9e9e" stroke-dasharray="6 4"/>`,
    `<line x1="${margin.left}" y1="${fmt(cy)}" x2="${margin.left + plotW}" y2="${fmt(cy)}" stroke="#9e9e9e" stroke-dasharray="6 4"/>`,
    quadrant('Star', margin.left + 10, margin.top + 22, 'start'),
    quadrant('Strategic', margin.left + plotW - 10, margin.top + 22, 'end'),
    quadrant('Streamline', margin.left + 10, margin.top + plotH - 12, 'start'),
    quadrant('Status', margin.left + plotW - 10, margin.top + plotH - 12, 'end'),
  );
  for (let a = 0; a <= 10; a += 2) {
    parts.push(`<text x="${margin.left - 8}" y="${fmt(y(a) + 4)}" text-anchor="end" ${TICK}>${a}</text>`);
  }
  for (let s = 0; s <= xMax + 1e-9; s += xMax / 4) {
    parts.push(`<text x="${fmt(x(s))}" y="${margin.top + plotH + 16}" text-anchor="middle" ${TICK}>${fmt(s)}</text>`);
  }
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle" ${AXIS}>Relative strength (1 = parity with the best rival)</text>`,
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" ${AXIS}>Account attractiveness (0-10)</text>`,
  );
  // Big bubbles first so small ones stay visible on top.
  const ordered = [...finite].sort((p, q) => q.revenue - p.revenue);
  for (const p of ordered) {
    const fill = p.key ? '#1b5e20' : '#90a4ae';
    parts.push(`<circle cx="${fmt(x(p.strength))}" cy="${fmt(y(p.attractiveness))}" r="${fmt(radius(p.revenue))}" fill="${fill}" fill-opacity="${p.key ? 0.55 : 0.35}" stroke="${fill}"><title>${escapeXml(p.account)}</title></circle>`);
  }
  // Name the largest key accounts, skipping a label that would overlap one already placed.
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  let labels = 0;
  for (const p of ordered) {
    if (!p.key || labels >= (options.labels ?? 12)) continue;
    const name = p.account.length > 24 ? `${p.account.slice(0, 23)}…` : p.account;
    const lx = x(p.strength);
    const ly = y(p.attractiveness) - radius(p.revenue) - 3;
    const box = { x0: lx - name.length * 3.4, x1: lx + name.length * 3.4, y0: ly - 11, y1: ly + 2 };
    if (placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
    placed.push(box);
    labels++;
    parts.push(`<text x="${fmt(lx)}" y="${fmt(ly)}" text-anchor="middle" ${NAME}>${escapeXml(name)}</text>`);
  }
  parts.push(
    `<text x="${width - margin.right}" y="${margin.top - 6}" text-anchor="end" ${TICK}>${finite.length < all.length ? `${finite.length.toLocaleString('en-US')} largest of ${all.length.toLocaleString('en-US')} accounts · ` : ''}Bubble size: revenue · dark: key account</text>`,
    '</svg>',
  );
  return parts.join('\n');
}
