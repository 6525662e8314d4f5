// The matrix picture: quadrants, one bubble per account sized by revenue, names escaped, laid out for
// the width it is shown at — text at least 11 px, no two texts on top of each other, key accounts
// told apart by fill and outline, with a legend.
import { describe, expect, it } from 'vitest';
import { escapeXml, matrixSvg, type MatrixPoint } from '../../../src/core/workbook/matrix-chart';
import { textWidth } from '../../../src/core/workbook/text-width';
import { english, translator } from '../../../src/core/i18n';

const points = [
  { account: 'Acme', attractiveness: 8, strength: 1.5, revenue: 1000, key: true },
  { account: 'Beta & Co', attractiveness: 2, strength: 0.5, revenue: 100, key: false },
  { account: '<img src=x onerror=alert(1)>', attractiveness: 7, strength: 0.7, revenue: 400, key: true },
];

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface DrawnText { text: string; size: number; box: { x0: number; x1: number; y0: number; y1: number } | null }

/** Every <text> of the picture with its size and, for unrotated text, the box its words take. */
function texts(svg: string): DrawnText[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, raw]) => {
    const attr = (name: string): string | undefined => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attrs)?.[1];
    const text = unescape(raw);
    const size = Number(attr('font-size'));
    if (attr('transform')) return { text, size, box: null };
    const w = textWidth(text, size, attr('font-weight') === 'bold');
    const x = Number(attr('x'));
    const y = Number(attr('y'));
    const anchor = attr('text-anchor');
    const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    return { text, size, box: { x0, x1: x0 + w, y0: y - 0.93 * size, y1: y + 0.24 * size } };
  });
}

function overlapping(list: DrawnText[]): string[] {
  const out: string[] = [];
  const boxed = list.filter((t) => t.box);
  for (let i = 0; i < boxed.length; i++) {
    for (let j = i + 1; j < boxed.length; j++) {
      const a = boxed[i].box!;
      const b = boxed[j].box!;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) out.push(`"${boxed[i].text}" / "${boxed[j].text}"`);
    }
  }
  return out;
}

describe('matrixSvg', () => {
  const svg = matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, title: 'Portfolio', locale: 'en-US' });

  it('labels the four quadrants', () => {
    for (const q of ['Strategic', 'Star', 'Status', 'Streamline']) expect(svg).toContain(`>${q}</text>`);
  });

  it('draws one bubble per account, the largest revenue the largest bubble', () => {
    const radii = [...svg.matchAll(/<circle [^>]*r="([\d.]+)"[^>]*><title>/g)].map((m) => Number(m[1]));
    expect(radii).toHaveLength(3);
    expect(Math.max(...radii)).toBe(Number(/<circle [^>]*r="([\d.]+)"[^>]*><title>Acme/.exec(svg)![1]));
  });

  it('places Strategic accounts top right: high attractiveness up, strength to the right', () => {
    const acme = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>Acme/)!;
    const beta = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>Beta/)!;
    expect(Number(acme[1])).toBeGreaterThan(Number(beta[1]));
    expect(Number(acme[2])).toBeLessThan(Number(beta[2]));
  });

  it('escapes account names: they are data, never markup', () => {
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('Beta &amp; Co');
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });

  it('tells key accounts apart by fill and a thicker outline, and says so in a legend', () => {
    const key = /<circle [^>]*fill="([^"]+)"[^>]*stroke-width="([\d.]+)"[^>]*><title>Acme \(key account\)/.exec(svg)!;
    const other = /<circle [^>]*fill="([^"]+)"[^>]*stroke-width="([\d.]+)"[^>]*><title>Beta/.exec(svg)!;
    expect(key[1]).not.toBe(other[1]);
    expect(Number(key[2])).toBeGreaterThan(Number(other[2]));
    for (const words of ['Key account', 'Other account', 'Bubble size: revenue']) expect(svg).toContain(`>${words}</text>`);
  });
});

describe('matrixSvg laid out for its width', () => {
  // Many key accounts crowded together: names must be placed apart or left out.
  const crowd: MatrixPoint[] = Array.from({ length: 120 }, (_, i) => ({
    account: `Account with a long legal name number ${i} S.A.`,
    attractiveness: 6 + (i % 7) * 0.3,
    strength: 0.8 + (i % 5) * 0.05,
    revenue: 1000 + i * 37,
    key: i % 3 === 0,
  }));

  it.each([272, 322, 560, 800])('at %s px: text of 11 px or more, and no two texts on top of each other', (width) => {
    const svg = matrixSvg(crowd, { attractivenessCut: 5, strengthCut: 1, width, title: 'Key account portfolio — a workbook with a long name.xlsx', locale: 'en-US' });
    expect(svg).toContain(`width="${width}"`);
    const drawn = texts(svg);
    expect(Math.min(...drawn.map((t) => t.size))).toBeGreaterThanOrEqual(11);
    expect(overlapping(drawn)).toEqual([]);
    // Every text stays inside the picture.
    for (const t of drawn.filter((d) => d.box)) {
      expect(t.box!.x0, t.text).toBeGreaterThanOrEqual(0);
      expect(t.box!.x1, t.text).toBeLessThanOrEqual(width);
    }
    const names = drawn.filter((t) => t.text.startsWith('Account with'));
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(width < 480 ? 6 : 12);
  });

  it('words the axes to fit: the full wording when there is room, a short one in a sidebar', () => {
    expect(matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, width: 800 })).toContain('Relative strength (1 = parity with the best rival)');
    const narrow = matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, width: 272 });
    expect(narrow).not.toContain('with the best rival');
    expect(narrow).toContain('Relative strength (1 = parity)');
  });

  it('never calls a behavioural proxy parity with a rival: its axis says 1 is the middle relationship', () => {
    for (const width of [800, 272]) {
      const svg = matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, width, strengthProxy: true });
      expect(svg).not.toContain('parity');
      expect(svg).toMatch(/Relative strength( from buying behaviour \(1 = the middle relationship\)| \(proxy; 1 = middle\))?</);
    }
    expect(matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, strengthProxy: true, t: translator('es') })).toContain('Fortaleza relativa según el comportamiento de compra (1 = la relación mediana)');
  });

  it('writes axis numbers in the locale it is given', () => {
    expect(matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, locale: 'es-ES' })).toContain('>0,5</text>');
  });
});

describe('matrixSvg on a large portfolio', () => {
  it('draws every key account and the largest others, and says so', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ account: `A${i}`, attractiveness: i % 10, strength: 1, revenue: i, key: i % 1000 === 0 }));
    const svg = matrixSvg(many, { attractivenessCut: 5, strengthCut: 1, maxBubbles: 100, locale: 'en-US' });
    const titles = [...svg.matchAll(/<title>(A\d+)/g)].map((m) => m[1]);
    expect(titles).toHaveLength(100);
    for (const k of ['A0', 'A1000', 'A4000']) expect(titles).toContain(k);
    expect(titles).toContain('A4999');
    expect(titles).not.toContain('A1');
    expect(svg).toContain('100 largest of 5,000 shown');
  });
});

describe('matrixSvg in Spanish', () => {
  const es = translator('es');
  const crowd: MatrixPoint[] = Array.from({ length: 60 }, (_, i) => ({
    account: `Distribuciones Industriales del Norte ${i} S.L.`,
    attractiveness: 1 + (i % 9),
    strength: 0.3 + (i % 7) * 0.25,
    revenue: 1000 + i * 37,
    key: i % 4 === 0,
  }));
  // The words the picture says, in English: none may be left in the Spanish picture.
  const englishWords = [
    ...['Strategic', 'Star', 'Status', 'Streamline'],
    ...(['sheet.matrix.axisX', 'sheet.matrix.axisXShort', 'sheet.matrix.axisY', 'sheet.matrix.axisYShort', 'sheet.matrix.bubbleSize',
      'sheet.matrix.keyAccount', 'sheet.matrix.otherAccount'] as const).map((id) => english(id)),
  ];

  it.each([272, 322, 560, 800])('at %s px: Spanish quadrants, axes and legend, fitted, no text on another, no English word', (width) => {
    const svg = matrixSvg(crowd, { attractivenessCut: 5, strengthCut: 1, width, t: es });
    const drawn = texts(svg);
    const words = drawn.map((d) => d.text);
    for (const q of ['Estratégica', 'Estrella', 'Estatus', 'Racionalizar']) expect(words).toContain(q);
    expect(words).toContain(es('sheet.matrix.keyAccount'));
    expect(words.some((w) => w.startsWith('Fortaleza relativa'))).toBe(true);
    expect(words.some((w) => w.startsWith('Atractivo'))).toBe(true);
    for (const w of englishWords) expect(words, w).not.toContain(w);
    expect(overlapping(drawn)).toEqual([]);
    for (const d of drawn.filter((x) => x.box)) {
      expect(d.box!.x0, d.text).toBeGreaterThanOrEqual(0);
      expect(d.box!.x1, d.text).toBeLessThanOrEqual(width);
    }
    // Axis numbers in Spanish conventions, from the translator's locale.
    expect(words).toContain('0,5');
    expect(svg).toContain(`(${es('sheet.matrix.keyAccount').toLowerCase()})</title>`);
  });

  it('says how many bubbles it shows in Spanish', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ account: `A${i}`, attractiveness: i % 10, strength: 1, revenue: i, key: i % 1000 === 0 }));
    expect(matrixSvg(many, { attractivenessCut: 5, strengthCut: 1, maxBubbles: 100, t: es })).toContain('Se muestran las 100 mayores de 5.000');
  });
});
