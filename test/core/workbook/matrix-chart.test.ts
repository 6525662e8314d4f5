// The matrix picture: quadrants, one bubble per account sized by revenue, names escaped.
import { describe, expect, it } from 'vitest';
import { escapeXml, matrixSvg } from '../../../src/core/workbook/matrix-chart';

const points = [
  { account: 'Acme', attractiveness: 8, strength: 1.5, revenue: 1000, key: true },
  { account: 'Beta & Co', attractiveness: 2, strength: 0.5, revenue: 100, key: false },
  { account: '<img src=x onerror=alert(1)>', attractiveness: 7, strength: 0.7, revenue: 400, key: true },
];

describe('matrixSvg', () => {
  const svg = matrixSvg(points, { attractivenessCut: 5, strengthCut: 1, title: 'Portfolio' });

  it('labels the four quadrants', () => {
    for (const q of ['Strategic', 'Star', 'Status', 'Streamline']) expect(svg).toContain(`>${q}</text>`);
  });

  it('draws one bubble per account, the largest revenue the largest bubble', () => {
    const radii = [...svg.matchAll(/<circle [^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii).toHaveLength(3);
    expect(radii[0]).toBe(Math.max(...radii));
  });

  it('places Strategic accounts top right: high attractiveness up, strength to the right', () => {
    const acme = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>Acme</)!;
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
});

describe('matrixSvg on a large portfolio', () => {
  it('draws every key account and the largest others, and says so', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ account: `A${i}`, attractiveness: i % 10, strength: 1, revenue: i, key: i % 1000 === 0 }));
    const svg = matrixSvg(many, { attractivenessCut: 5, strengthCut: 1, maxBubbles: 100 });
    const titles = [...svg.matchAll(/<title>(A\d+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(100);
    for (const k of ['A0', 'A1000', 'A4000']) expect(titles).toContain(k);
    expect(titles).toContain('A4999');
    expect(titles).not.toContain('A1');
    expect(svg).toContain('100 largest of 5,000 accounts');
  });
});
