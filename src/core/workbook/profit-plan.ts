// The "KAM Profit" sheet the wizard builds: who makes the money, live. The accounts' profit after cost to serve
// (the portfolio's Profit column) ranked with LARGE, the cumulative profit down the ranking, the headline numbers by
// formula, and the whale curve as a native chart — the same numbers as profitCurve in the core.
import { english, type Translate } from '../i18n';
import { NUMBER_FORMATS } from '../format/number-formats';
import { TOP_SHARE } from '../portfolio/profit-curve';
import { a1, a1Range, markerText, quoteSheet, SHEET_NAMES, type CurveChartSpec, type PlanCell, type PlanSheet } from './plan';

/** Where things sit on the profit sheet: the headline block, then the ranked table under its header. */
export const PROFIT_LAYOUT = { headlineRow: 5, tableHeaderRow: 15, firstRow: 16 } as const;

/** The table's columns in the reader's language. */
export const profitHeader = (t: Translate = english): string[] =>
  [t('sheet.profit.column.rank'), t('sheet.column.profit'), t('sheet.profit.column.cumulative'), t('sheet.profit.column.customerShare'), t('sheet.profit.column.cumulativeShare')];
/** The same in English. */
export const PROFIT_HEADER = profitHeader();

const formula = (text: string): PlanCell => ({ formula: `=${text}` });

/**
 * The profit sheet for a portfolio of `accounts` rows whose profit sits in `profitColumn` (1-based) of KAM Portfolio
 * from row `firstRow`. Row 0 of the table is the origin (no customer, no profit) so the curve starts at 0.
 */
export function profitPlanSheet(accounts: number, profitColumn: number, firstRow: number, t: Translate): { sheet: PlanSheet; chart: CurveChartSpec } {
  const { headlineRow, tableHeaderRow, firstRow: tableFirst } = PROFIT_LAYOUT;
  const P = `${quoteSheet(SHEET_NAMES.portfolio)}!${a1Range(firstRow, profitColumn, accounts, 1, true)}`;
  const last = tableFirst + accounts; // the origin row, then one row per account
  const cumulative = a1Range(tableFirst, 3, accounts + 1, 1, true);
  const count = `COUNT(${P})`;
  const total = `SUM(${P})`;
  const topCell = a1(headlineRow + 2, 2, true);

  const headline: PlanCell[][] = [
    [t('profitSheet.label.withProfit'), formula(count)],
    [t('profitSheet.label.total'), formula(total)],
    [t('profitSheet.label.top'), formula(`IF(${count}=0, 0, MAX(1, ROUND(${TOP_SHARE}*${count}, 0)))`)],
    [t('profitSheet.label.topShare'), formula(`IFERROR(IF(${total}>0, INDEX(${cumulative}, ${topCell}+1)/${total}, ""), "")`)],
    [t('profitSheet.label.losers'), formula(`COUNTIF(${P}, "<0")`)],
    [t('profitSheet.label.loss'), formula(`-SUMIF(${P}, "<0")`)],
    [t('profitSheet.label.peak'), formula(`IFERROR(IF(${total}>0, MAX(${cumulative})/${total}, ""), "")`)],
    [t('profitSheet.label.peakAt'), formula(`IFERROR(IF(${total}>0, MATCH(MAX(${cumulative}), ${cumulative}, 0)-1, ""), "")`)],
  ];
  const headlineFormats = [NUMBER_FORMATS.count, NUMBER_FORMATS.money, NUMBER_FORMATS.count, NUMBER_FORMATS.percent, NUMBER_FORMATS.count, NUMBER_FORMATS.money, NUMBER_FORMATS.percent, NUMBER_FORMATS.count];

  // One row per rank: the k-th largest profit while there are that many figures; beyond, blank (and #N/A for the
  // chart, which leaves such points out in both hosts); x stays a number so Excel keeps it a value axis.
  const rows: PlanCell[][] = [[0, null, 0, 0, 0]];
  for (let k = 1; k <= accounts; k++) {
    const r = tableFirst + k;
    rows.push([
      k,
      formula(`IF(${a1(r, 1)}<=${count}, LARGE(${P}, ${a1(r, 1)}), "")`),
      formula(`IF(ISNUMBER(${a1(r, 2)}), ${a1(r, 2)}+N(${a1(r - 1, 3)}), "")`),
      formula(`${a1(r, 1)}/MAX(1, ${count})`),
      formula(`IF(AND(ISNUMBER(${a1(r, 3)}), ${total}>0), ${a1(r, 3)}/${total}, NA())`),
    ]);
  }
  const sheet: PlanSheet = {
    name: SHEET_NAMES.profit,
    freezeRows: tableHeaderRow,
    blocks: [
      { row: 1, column: 1, cells: [[SHEET_NAMES.profit]], bold: true },
      { row: 2, column: 1, cells: [[markerText(t)]] },
      { row: 3, column: 1, cells: [[t('profitSheet.note')]] },
      // Label and value per row, each row its own number format.
      ...headline.map((cells, i) => ({ row: headlineRow + i, column: 1, cells: [cells], formats: [null, headlineFormats[i]!] })),
      { row: tableHeaderRow, column: 1, cells: [profitHeader(t)], bold: true },
      { row: tableFirst, column: 1, cells: rows, formats: [NUMBER_FORMATS.count, NUMBER_FORMATS.money, NUMBER_FORMATS.money, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent] },
    ],
  };
  const chart: CurveChartSpec = {
    sheet: SHEET_NAMES.profit,
    title: t('whale.title'),
    xRange: a1Range(tableFirst, 4, last - tableFirst + 1, 1),
    yRange: a1Range(tableFirst, 5, last - tableFirst + 1, 1),
    xTitle: t('whale.axisX'),
    yTitle: t('whale.axisY'),
    xFormat: '0%',
    yFormat: '0%',
    xMin: 0,
    xMax: 1,
    anchor: a1(headlineRow, 7),
  };
  return { sheet, chart };
}
