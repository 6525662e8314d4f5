// What the build writes beyond the matrix, recalculated by a real spreadsheet engine (HyperFormula) and compared
// with the core: KAM_STABILITY's spilled columns and the "Fragile placement?" mark on KAM Portfolio (a number cut
// and a median cut), and the live KAM Profit sheet — the ranking, the cumulative profit, the headline numbers — with
// its scatter-line chart; on the bundled sample (300 accounts) and in both spellings.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { evaluateWorkbook, loadWorkbook } from '../support/workbook-files';
import { ROOT } from '../support/dist';
import { WizardSession } from '../../taskpane/wizard/session';
import { SHEET_NAMES } from '../../src/core/workbook/plan';
import { PROFIT_HEADER, PROFIT_LAYOUT, profitHeader as profitHeaderIn } from '../../src/core/workbook/profit-plan';
import { translator } from '../../src/core/i18n';
import { STABILITY_HEADERS } from '../../src/core/workbook/portfolio-plan';
import { profitCurve } from '../../src/core/portfolio/profit-curve';
import type { KamModel } from '../../src/core/model/model';

async function sample(): Promise<MemoryWorkbook> {
  const book = await loadWorkbook(path.join(ROOT, 'samples/customers.xlsx'));
  book.selection = { sheet: book.sheets[0]!.name, row: 6, column: 1 };
  return book;
}

/** The computed values of a sheet's row range, with a header row to find columns by. */
function sheetColumns(book: MemoryWorkbook, sheet: string, headerRow: number, rows: number): (header: string) => unknown[] {
  const evaluated = evaluateWorkbook(book);
  const id = evaluated.engine.getSheetId(sheet)!;
  const headers = new Map<string, number>();
  for (const [key, cell] of book.sheet(sheet)!.cells) {
    const [r, c] = key.split(',').map(Number);
    if (r === headerRow && typeof cell.value === 'string') headers.set(cell.value, c);
  }
  return (header) => {
    const c = headers.get(header);
    if (c === undefined) throw new Error(`no column "${header}" on ${sheet}`);
    return Array.from({ length: rows }, (_, i) => {
      const v = evaluated.engine.getCellValue({ sheet: id, row: headerRow + i, col: c - 1 });
      return v !== null && typeof v === 'object' && 'type' in v ? `#${(v as { type: string }).type}` : v;
    });
  };
}

async function build(host: 'sheets' | 'excel', change: (m: KamModel) => void = () => {}): Promise<{ book: MemoryWorkbook; session: WizardSession }> {
  const book = await sample();
  const session = new WizardSession(new MemoryHost(book, host));
  await session.pick('used');
  change(session.model());
  await session.build();
  return { book, session };
}

describe.each(['sheets', 'excel'] as const)('the live decision sheets agree with the core (%s)', (host) => {
  it.each([
    ['the default cut and 5 points', (m: KamModel) => { m.review.fragilePoints = 5; }],
    ['a median cut and 12 points', (m: KamModel) => { m.cuts.attractiveness = 'median'; m.review.fragilePoints = 12; }],
  ])('KAM_STABILITY and the fragile mark, row by row: %s', async (_, change) => {
    const { book, session } = await build(host, change);
    const p = session.portfolio();
    const col = sheetColumns(book, SHEET_NAMES.portfolio, 5, p.rows.length);
    const [pointsHeader, factorHeader, fragileHeader] = STABILITY_HEADERS;
    const points = col(pointsHeader);
    const factors = col(factorHeader);
    p.rows.forEach((r, i) => {
      if (r.stability === null) {
        expect([points[i], factors[i]], r.account).toEqual(['', '']);
      } else {
        // HyperFormula shows 10 significant digits of what the function returned (15).
        expect(points[i], r.account).toBeCloseTo(r.stability.points, 8);
        expect(factors[i], r.account).toBe(r.stability.factor);
      }
    });
    expect(col(fragileHeader)).toEqual(p.rows.map((r) => r.fragile));
    // Both kinds of placement are there to compare: some fragile, most firm.
    expect(p.rows.filter((r) => r.fragile).length).toBeGreaterThan(2);
    expect(p.rows.filter((r) => !r.fragile).length).toBeGreaterThan(100);
  });

  it('KAM Profit: the ranking, the cumulative profit and the headline numbers, and its chart', async () => {
    const { book, session } = await build(host);
    const p = session.portfolio();
    const curve = profitCurve(p.rows)!;
    const n = p.rows.length;
    const evaluated = evaluateWorkbook(book);
    const value = (address: string): unknown => evaluated.value(SHEET_NAMES.profit, address);
    const { headlineRow: h } = PROFIT_LAYOUT;
    expect(value(`B${h}`)).toBe(curve.ranked.length);
    expect(value(`B${h + 1}`)).toBeCloseTo(curve.total, 4);
    expect(value(`B${h + 2}`)).toBe(curve.top.accounts);
    expect(value(`B${h + 3}`)).toBeCloseTo(curve.top.profit / curve.total, 9);
    expect(value(`B${h + 4}`)).toBe(curve.losing.accounts);
    expect(value(`B${h + 5}`)).toBeCloseTo(curve.losing.loss, 4);
    expect(value(`B${h + 6}`)).toBeCloseTo(curve.peak.profit / curve.total, 9);
    expect(value(`B${h + 7}`)).toBe(curve.peak.accounts);

    const col = sheetColumns(book, SHEET_NAMES.profit, PROFIT_LAYOUT.tableHeaderRow, n + 1);
    const [rank, profit, cumulative, customers, share] = PROFIT_HEADER.map(col);
    expect(rank).toEqual(Array.from({ length: n + 1 }, (_, k) => k));
    const ranked = curve.ranked.map((i) => p.rows[i]!.profit);
    ranked.forEach((v, k) => {
      expect(profit[k + 1]).toBeCloseTo(v!, 6);
      expect(cumulative[k + 1]).toBeCloseTo(curve.cumulative[k]!, 4);
      expect(customers[k + 1]).toBeCloseTo((k + 1) / curve.ranked.length, 9);
      expect(share[k + 1]).toBeCloseTo(curve.cumulative[k]! / curve.total, 9);
    });
    // Rows past the accounts with a figure (none in the sample) would be #N/A for the chart; here the table ends.
    expect(share[0]).toBe(0);

    const chart = book.sheet(SHEET_NAMES.profit)!.charts[0]!;
    expect(chart.kind).toBe('curve');
    expect(chart.xRange).toBe(`D${PROFIT_LAYOUT.firstRow}:D${PROFIT_LAYOUT.firstRow + n}`);
    expect(chart.yRange).toBe(`E${PROFIT_LAYOUT.firstRow}:E${PROFIT_LAYOUT.firstRow + n}`);
  });

  it.each(['en', 'es'] as const)('accounts without a profit figure stay off the ranking: blank, and #N/A for the chart (built in %s)', async (language) => {
    const book = new MemoryWorkbook();
    book.addSheet('Customers', [
      ['Customer', 'Revenue', 'Profit', 'Strategic fit'],
      ['Acme', 500000, 90000, 8],
      ['Borg', 300000, -20000, 6],
      ['Cyan', 200000, null, 5],
      ['Dyno', 150000, 30000, 3],
      ['Echo', 90000, 10000, 7],
    ]);
    book.selection = { sheet: 'Customers', row: 2, column: 1 };
    const session = new WizardSession(new MemoryHost(book, host), { language });
    await session.pick('region');
    await session.build();
    // The table's headers in the build's language ("Beneficio acumulado"), the same numbers.
    const t = translator(language);
    const [, profitHeader, cumulativeHeader, , shareHeader] = profitHeaderIn(t);
    const col = sheetColumns(book, SHEET_NAMES.profit, PROFIT_LAYOUT.tableHeaderRow, 6);
    expect(col(profitHeader!)).toEqual([null, 90000, 30000, 10000, -20000, '']);
    expect(col(cumulativeHeader!)).toEqual([0, 90000, 120000, 130000, 110000, '']);
    expect(col(shareHeader!).slice(0, 5).map((v) => Math.round((v as number) * 1e9) / 1e9)).toEqual([0, 0.818181818, 1.090909091, 1.181818182, 1]);
    expect(col(shareHeader!)[5]).toBe('#NA');
    expect(book.get(SHEET_NAMES.profit, `A${PROFIT_LAYOUT.headlineRow}`)?.value).toBe(t('profitSheet.label.withProfit'));
    expect(book.sheet(SHEET_NAMES.profit)!.charts[0]!.title).toBe(t('whale.title'));
    const evaluated = evaluateWorkbook(book, language);
    expect(evaluated.value(SHEET_NAMES.profit, `B${PROFIT_LAYOUT.headlineRow}`)).toBe(4);
    expect(evaluated.value(SHEET_NAMES.profit, `B${PROFIT_LAYOUT.headlineRow + 4}`)).toBe(1);
    expect(evaluated.value(SHEET_NAMES.profit, `B${PROFIT_LAYOUT.headlineRow + 7}`)).toBe(3);
  });
});
