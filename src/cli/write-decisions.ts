// The command line's sheets beyond the matrix, as values: "KAM Profit" (who makes the money, in the wizard's layout:
// the headline numbers, then the accounts ranked by profit with the cumulative profit), "KAM Segments" (accounts, key
// accounts, revenue, profit and positions per segment, with the segments that have no key account) and the whale
// curve as a picture.
import type ExcelJS from 'exceljs';
import type { Portfolio } from '../core/portfolio/portfolio';
import type { ProfitCurve } from '../core/portfolio/profit-curve';
import type { SegmentReview } from '../core/portfolio/segments';
import { segmentWarnings, type Speech } from '../core/portfolio/decision-texts';
import { profitHeader, PROFIT_LAYOUT } from '../core/workbook/profit-plan';
import { COMMAND_LINE_SHEETS, SHEET_NAMES } from '../core/workbook/plan';
import { NUMBER_FORMATS } from '../core/format/number-formats';
import { formatNumber } from '../core/format/display';
import { POSITIONS } from '../core/functions/position-names';
import type { Translate } from '../core/i18n';
import { finishSheet, HEADER_ROW, putHead, putRow, type Book } from './write-portfolio';

export interface DecisionSheets {
  portfolio: Portfolio;
  profit: ProfitCurve | null;
  segments: SegmentReview | null;
  speech: Speech;
  /** The whale curve as a PNG (null when no account has a profit figure). */
  profitPng: Buffer | null;
}

const F = NUMBER_FORMATS as Record<keyof typeof NUMBER_FORMATS, string>;

/** KAM Profit as the wizard lays it out (the headline in rows 5-12, the ranking from row 15), with values and each account's name. */
export function writeProfitSheet(book: Book, d: DecisionSheets): void {
  const sheet = book.addWorksheet(SHEET_NAMES.profit, { views: [{ state: 'frozen', ySplit: PROFIT_LAYOUT.tableHeaderRow }] });
  sheet.columns = [{ width: 44 }, { width: 16 }, { width: 18 }, { width: 16 }, { width: 18 }, { width: 32 }];
  const t = d.speech.t;
  putHead(sheet, SHEET_NAMES.profit, t('cli.profitSheet.note'), t);
  const c = d.profit;
  if (!c) {
    putRow(sheet, HEADER_ROW, [t('whale.noProfit')]);
    finishSheet(sheet);
    return;
  }
  const positive = c.total > 0;
  const headline: [string, number | string, string | null][] = [
    [t('profitSheet.label.withProfit'), c.ranked.length, F.count],
    [t('profitSheet.label.total'), c.total, F.money],
    [t('profitSheet.label.top'), c.top.accounts, F.count],
    [t('profitSheet.label.topShare'), positive ? c.top.profit / c.total : '', F.percent],
    [t('profitSheet.label.losers'), c.losing.accounts, F.count],
    [t('profitSheet.label.loss'), c.losing.loss, F.money],
    [t('profitSheet.label.peak'), positive ? c.peak.profit / c.total : '', F.percent],
    [t('profitSheet.label.peakAt'), positive ? c.peak.accounts : '', F.count],
  ];
  headline.forEach(([label, value, format], i) => putRow(sheet, PROFIT_LAYOUT.headlineRow + i, [label, value], null, [null, format]));
  putRow(sheet, PROFIT_LAYOUT.tableHeaderRow, [...profitHeader(t), t('sheet.column.account')], 'header');
  const formats = [F.count, F.money, F.money, F.percent, F.percent, null];
  const n = c.ranked.length;
  putRow(sheet, PROFIT_LAYOUT.firstRow, [0, '', 0, 0, 0, ''], null, formats);
  c.ranked.forEach((i, k) => {
    putRow(sheet, PROFIT_LAYOUT.firstRow + k + 1, [k + 1, d.portfolio.rows[i]!.profit, c.cumulative[k], (k + 1) / n, positive ? c.cumulative[k]! / c.total : '', d.portfolio.rows[i]!.account], null, formats);
  });
  finishSheet(sheet);
}

/** The segments' header row on KAM Segments, in the reader's language (the wizard retires the sheet; nothing reads it back). */
export const segmentHeader = (t: Translate): string[] => [
  t('sheet.column.segment'), t('cli.segmentsSheet.accounts'), t('sheet.keyAccounts.title'), t('sheet.column.revenue'), t('cli.segmentsSheet.revenueShare'), t('sheet.column.profit'),
  ...POSITIONS.map((p) => t(`position.${p}`)), t('cli.segmentsSheet.attractive'), t('cli.segmentsSheet.attractiveShare'), t('cli.segmentsSheet.uncovered'),
];

export function writeSegmentsSheet(book: Book, d: DecisionSheets): void {
  const sheet = book.addWorksheet(COMMAND_LINE_SHEETS.segments, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const t = d.speech.t;
  const header = segmentHeader(t);
  sheet.columns = [{ width: 28 }, ...Array.from({ length: header.length - 1 }, () => ({ width: 13 }))];
  const review = d.segments;
  putHead(sheet, COMMAND_LINE_SHEETS.segments, review ? t('cli.segmentsSheet.hint', { threshold: formatNumber(review.threshold, 'percent', d.speech.locale) }) : t('cli.segmentsSheet.noSegments'), t);
  if (!review) {
    finishSheet(sheet);
    return;
  }
  putRow(sheet, HEADER_ROW, header, 'header');
  const formats = [null, F.count, F.count, F.money, F.percent, F.money, F.count, F.count, F.count, F.count, F.count, F.percent, null];
  review.segments.forEach((s, i) => {
    putRow(sheet, HEADER_ROW + 1 + i, [
      s.segment || t('segments.none'), s.accounts, s.keyAccounts, s.revenue, s.revenueShare, s.profit,
      s.positions.Strategic, s.positions.Star, s.positions.Status, s.positions.Streamline, s.attractive, s.attractiveShare, s.uncovered,
    ], null, formats);
  });
  let row = HEADER_ROW + review.segments.length + 2;
  for (const warning of segmentWarnings(d.speech, review)) putRow(sheet, row++, [`${t('segments.warningPrefix')} ${warning}`]);
  finishSheet(sheet);
}

/** The whale curve as the command line drew it, on a sheet of its own (the wizard's build replaces it with a live chart). */
export function writeProfitPicture(book: ExcelJS.Workbook, d: DecisionSheets): void {
  const sheet = book.addWorksheet(COMMAND_LINE_SHEETS.profitPicture);
  putHead(sheet, COMMAND_LINE_SHEETS.profitPicture, d.speech.t('whale.pictureNote'), d.speech.t);
  const png = d.profitPng!;
  const imageId = book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  // The picture at its own size: a PNG's width and height are the first fields of its header (IHDR).
  sheet.addImage(imageId, { tl: { col: 0, row: HEADER_ROW - 1 }, ext: { width: png.readUInt32BE(16), height: png.readUInt32BE(20) } });
}
