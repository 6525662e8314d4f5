// Where each account stood, read back from a workbook: the "KAM Portfolio" sheet of a portfolio made by the command
// line or the wizard, and the "KAM History" sheet the wizard adds a dated snapshot to at each build (its layout and
// the rows of a new snapshot are here too, so writing and reading it back cannot drift apart).
import { positionIndex, positionName, POSITIONS, type Position } from '../functions/position-names';
import { NUMBER_FORMATS } from '../format/number-formats';
import type { Portfolio } from '../portfolio/portfolio';
import type { Placement } from '../portfolio/drift-report';
import { markerText, type PlanBlock, type PlanCell, type PlanSheet, type SourceRegion } from './plan';
import { english, wordFrom, type MessageId, type Translate } from '../i18n';

/** The sheet the wizard keeps its snapshots on: never cleared by a build, only added to. */
export const HISTORY_SHEET = 'KAM History';

/** The columns of a snapshot row, by their words in the catalogs; read back by these headers in any language. */
const HISTORY_COLUMNS = {
  snapshot: 'sheet.column.snapshot', builtOn: 'sheet.column.builtOn', account: 'sheet.column.account', segment: 'sheet.column.segment',
  position: 'sheet.column.position', attractiveness: 'sheet.column.attractiveness', strength: 'sheet.column.strength', key: 'sheet.column.key',
  revenue: 'sheet.column.revenue', profit: 'sheet.column.profit',
} as const satisfies Record<string, MessageId>;
/** The header row of a snapshot in the reader's language. */
export const historyHeader = (t: Translate = english): string[] => Object.values(HISTORY_COLUMNS).map((id) => t(id));
/** The same in English. */
export const HISTORY_HEADER = historyHeader();
const HISTORY_FORMATS = [null, null, null, null, null, NUMBER_FORMATS.score, NUMBER_FORMATS.ratio, null, NUMBER_FORMATS.money, NUMBER_FORMATS.money];
/** The header row of a new history sheet (title, marker and note above it, as on every sheet the wizard builds). */
const HISTORY_HEADER_ROW = 5;

/**
 * The KAM Portfolio columns a placement is read from (both the command line's and the wizard's layouts have them), by
 * their words in any language: a portfolio built in Spanish is read by an English user's command line and wizard.
 */
const PORTFOLIO_COLUMNS: Record<string, readonly MessageId[]> = {
  account: ['sheet.column.account'],
  position: ['sheet.column.position'],
  attractiveness: ['sheet.column.attractiveness', 'plan.chartColumn.y'],
  strength: ['sheet.column.strength', 'sheet.column.strengthProxy'],
  key: ['sheet.column.key'],
};

type Grid = readonly (readonly unknown[])[];
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const positionOf = (v: unknown): Position | null => {
  const i = typeof v === 'string' ? positionIndex(v) : -1;
  return i >= 0 ? POSITIONS[i]! : null;
};
/** TRUE or FALSE as a saved file holds it: a boolean, or its text in English or Spanish (a CSV, a pasted copy). */
const booleanOf = (v: unknown): boolean | null => {
  if (typeof v === 'boolean') return v;
  const t = text(v).toUpperCase();
  return t === 'TRUE' || t === 'VERDADERO' ? true : t === 'FALSE' || t === 'FALSO' ? false : null;
};

/** The first row (of the first 30) holding every wanted header, with each one's column; null when there is none. */
function findHeader(grid: Grid, wanted: Record<string, readonly MessageId[]>, required: string[]): { row: number; columns: Record<string, number> } | null {
  for (let r = 0; r < Math.min(grid.length, 30); r++) {
    const cells = (grid[r] ?? []).map((v) => text(v));
    const columns: Record<string, number> = {};
    for (const [role, ids] of Object.entries(wanted)) {
      const j = cells.findIndex((c) => c !== '' && wordFrom(c, ids) !== undefined);
      if (j >= 0) columns[role] = j;
    }
    if (required.every((role) => role in columns)) return { row: r, columns };
  }
  return null;
}

/**
 * The placements on a KAM Portfolio sheet (its values from A1, row by row: what a saved workbook holds, formula
 * cells by their last calculated value). Null when the sheet has no header row with Account and Position.
 */
export function readPortfolioPlacements(grid: Grid): Placement[] | null {
  const header = findHeader(grid, PORTFOLIO_COLUMNS, ['account', 'position']);
  if (!header) return null;
  const c = header.columns;
  const out: Placement[] = [];
  for (const row of grid.slice(header.row + 1)) {
    const account = text(row?.[c.account!]);
    if (!account) continue;
    out.push({
      account,
      position: positionOf(row[c.position!]),
      attractiveness: c.attractiveness === undefined ? null : numberOf(row[c.attractiveness]),
      strength: c.strength === undefined ? null : numberOf(row[c.strength]),
      key: c.key === undefined ? null : booleanOf(row[c.key]),
    });
  }
  return out;
}

export interface Snapshot {
  number: number;
  builtOn: string;
  placements: Placement[];
}

export interface History {
  snapshots: Snapshot[];
  /** The sheet row (1-based) the next snapshot starts at: the first after everything on the sheet. */
  nextRow: number;
  /** Whether the sheet already has the header row (a new or emptied sheet gets title, marker, note and header). */
  hasHeader: boolean;
}

/** A sheet read through the workbook interface as a grid from A1 (its used range may start further in). */
export function gridFromRegion(region: SourceRegion): unknown[][] {
  const grid: unknown[][] = Array.from({ length: region.row - 1 }, () => []);
  for (const values of region.values) grid.push([...Array<unknown>(region.column - 1).fill(null), ...values]);
  return grid;
}

/** The snapshots on a KAM History sheet (null: no such sheet yet), oldest first. */
export function readHistory(region: SourceRegion | null): History {
  if (!region) return { snapshots: [], nextRow: HISTORY_HEADER_ROW, hasHeader: false };
  const grid = gridFromRegion(region);
  let last = 0;
  grid.forEach((row, i) => {
    if (row.some((v) => text(v) !== '')) last = i + 1;
  });
  const wanted = Object.fromEntries(Object.entries(HISTORY_COLUMNS).map(([role, id]) => [role, [id]]));
  const header = findHeader(grid, wanted, ['snapshot', 'account', 'position']);
  if (!header) return { snapshots: [], nextRow: Math.max(HISTORY_HEADER_ROW, last + 1), hasHeader: false };
  const c = header.columns;
  const byNumber = new Map<number, Snapshot>();
  for (const row of grid.slice(header.row + 1)) {
    const number = numberOf(row?.[c.snapshot!]);
    const account = text(row?.[c.account!]);
    if (number === null || !account) continue;
    let snapshot = byNumber.get(number);
    if (!snapshot) byNumber.set(number, (snapshot = { number, builtOn: c.builtOn === undefined ? '' : text(row[c.builtOn]), placements: [] }));
    snapshot.placements.push({
      account,
      position: positionOf(row[c.position!]),
      attractiveness: c.attractiveness === undefined ? null : numberOf(row[c.attractiveness]),
      strength: c.strength === undefined ? null : numberOf(row[c.strength]),
      key: c.key === undefined ? null : booleanOf(row[c.key]),
    });
  }
  return { snapshots: [...byNumber.values()].sort((a, b) => a.number - b.number), nextRow: last + 1, hasHeader: true };
}

/**
 * The history sheet as a build writes it: on a new (or header-less) sheet the title, owner marker, note and header,
 * then the new snapshot's rows after everything already on the sheet, in the build's language (positions too: they
 * are read back in any language). The sheet is marked to be kept, not cleared: earlier snapshots stay exactly as they
 * were, in whatever language they were written.
 */
export function historyPlanSheet(history: History, portfolio: Portfolio, builtOn: string, t: Translate = english): PlanSheet {
  const number = (history.snapshots[history.snapshots.length - 1]?.number ?? 0) + 1;
  const blocks: PlanBlock[] = [];
  let row = history.nextRow;
  if (!history.hasHeader) {
    if (row <= HISTORY_HEADER_ROW) {
      blocks.push(
        { row: 1, column: 1, cells: [[HISTORY_SHEET]], bold: true },
        { row: 2, column: 1, cells: [[markerText(t)]] },
        { row: 3, column: 1, cells: [[t('history.note')]] },
      );
      row = HISTORY_HEADER_ROW;
    }
    blocks.push({ row, column: 1, cells: [historyHeader(t)], bold: true });
    row++;
  }
  const cells: PlanCell[][] = portfolio.rows.map((r) => [number, builtOn, r.account, r.segment, r.position ? positionName(r.position, t) : '', r.attractiveness, r.strength, r.key, r.revenue, r.profit]);
  blocks.push({ row, column: 1, cells, formats: HISTORY_FORMATS });
  return { name: HISTORY_SHEET, blocks, freezeRows: HISTORY_HEADER_ROW, keep: true };
}
