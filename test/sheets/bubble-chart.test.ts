// The portfolio's bubble chart as Google Sheets draws it. A Sheets bubble chart reads its range by column
// position: bubble label, X, Y, then the series (one colour per value), then the bubble size (Google
// Charts' bubble chart data format; the Sheets API's BubbleChartSpec: bubbleLabels, domain, series,
// groupIds, bubbleSizes). The wizard is built through the BUILT Code.js, the workbook recalculated by
// HyperFormula, and the chart's range read in that order.
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../support/fake-spreadsheet';
import { evaluateBook } from '../support/evaluate-book';
import { VmSheetsHost } from '../support/sheets-server';
import { WizardSession } from '../../taskpane/wizard/session';
import { CHART_COLUMNS, parseRange, SHEET_NAMES } from '../../src/core/workbook/plan';

const CUSTOMERS = [
  ['Customer', 'Segment', 'Stage', 'Revenue', 'Gross margin', 'Strategic fit'],
  ['Acme', 'Retail', 'Integrated', 900000, 0.35, 9],
  ['Bolt', 'Industry', 'Basic', 120000, 0.1, 3],
  ['Corex', 'Retail', 'Cooperative', 400000, 0.2, 6],
  ['Dyna', 'Industry', 'Exploratory', 60000, 0.05, 2],
  ['Eon', 'Retail', 'Interdependent', 250000, 0.25, 8],
];

interface Bubble { label: unknown; x: unknown; y: unknown; series: unknown; size: unknown }

/** A range as a Sheets bubble chart reads it: header rows skipped, then ID, X, Y, series, size by position. */
function sheetsBubbles(values: unknown[][], headers: number): Bubble[] {
  return values.slice(headers).map((row) => ({ label: row[0], x: row[1], y: row[2], series: row[3], size: row[4] }));
}

async function built(): Promise<{ ss: FakeSpreadsheet; chartRange: string; headers: number }> {
  const ss = new FakeSpreadsheet();
  ss.addSheet('Customers', CUSTOMERS).active = { row: 2, column: 1 };
  const session = new WizardSession(new VmSheetsHost(ss));
  await session.pick('region');
  await session.build();
  const chart = ss.getSheetByName(SHEET_NAMES.portfolio)!.charts[0];
  expect(chart.type).toBe('BUBBLE');
  expect(chart.ranges).toHaveLength(1);
  return { ss, chartRange: chart.ranges[0], headers: chart.options.numHeaders as number };
}

describe('the Sheets bubble chart of the portfolio', () => {
  it('gives each account its strength across, attractiveness up, its position as the colour and its revenue as the size', async () => {
    const { ss, chartRange, headers } = await built();
    const [sheet, a1] = chartRange.split('!');
    expect(sheet).toBe(SHEET_NAMES.portfolio);
    const range = parseRange(a1);
    expect(range.columns).toBe(5);
    const book = evaluateBook(ss);
    const values = book.values(sheet, range);
    expect(headers).toBe(1);
    expect(values[0]).toEqual([...CHART_COLUMNS]);
    const bubbles = sheetsBubbles(values, headers);
    expect(bubbles.map((b) => b.label)).toEqual(CUSTOMERS.slice(1).map((r) => r[0]));
    expect(bubbles.map((b) => b.size)).toEqual(CUSTOMERS.slice(1).map((r) => r[3]));
    for (const b of bubbles) {
      expect(['Strategic', 'Star', 'Status', 'Streamline']).toContain(b.series);
      expect(typeof b.x).toBe('number');
      expect(b.y as number).toBeGreaterThanOrEqual(0);
      expect(b.y as number).toBeLessThanOrEqual(10);
    }
    // The same numbers as the portfolio's own columns, account by account.
    const headerRow = book.values(sheet, { row: 5, column: 1, rows: 1, columns: range.column - 1 })[0];
    const at = (name: string): number => headerRow.indexOf(name) + 1;
    const table = book.values(sheet, { row: 6, column: 1, rows: bubbles.length, columns: range.column - 1 });
    bubbles.forEach((b, i) => {
      expect(b.x).toBe(table[i][at('Relative strength') - 1]);
      expect(b.y).toBe(table[i][at('Attractiveness (0-10)') - 1]);
      expect(b.series).toBe(table[i][at('Position') - 1]);
    });
    expect(new Set(bubbles.map((b) => b.series)).size).toBeGreaterThan(1);
    expect(new Set(bubbles.map((b) => b.x)).size).toBeGreaterThan(1);
  });

  it('would draw every bubble the same size with four columns, the revenue read as the colour', async () => {
    const { ss, chartRange, headers } = await built();
    const [sheet, a1] = chartRange.split('!');
    const values = evaluateBook(ss).values(sheet, parseRange(a1));
    const withoutPosition = values.map((row) => [row[0], row[1], row[2], row[4]]);
    const bubbles = sheetsBubbles(withoutPosition, headers);
    expect(bubbles.every((b) => b.size === undefined)).toBe(true);
    expect(bubbles.map((b) => b.series)).toEqual(CUSTOMERS.slice(1).map((r) => r[3]));
  });
});
