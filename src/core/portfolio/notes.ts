// The notes a user reads about a portfolio, most important first: cells not read, rows left out, strength
// and segment problems, the selection's warnings, merged names, then how the table was read.
import type { IngestIssue, IngestResult, IssueCode, SkippedRow } from '../ingest';
import type { PortfolioWarning } from './portfolio';
import { english, list, type Translate } from '../i18n';

export interface Note {
  code: string;
  message: string;
}

/** Lower comes first. Codes not listed rank with the information notes. */
const RANK: Partial<Record<IssueCode | PortfolioWarning['code'] | 'SKIPPED_ROWS', number>> = {
  // Data that was not read as written: never scored silently.
  NOT_A_NUMBER: 1, CELL_ERROR: 1, NOT_A_DATE: 1, UNDATED_ORDERS: 1, 'account-problems': 1,
  SKIPPED_ROWS: 2,
  // What the matrix and the selection rest on.
  'strength-flat': 3, 'strength-one-side': 3, 'stages-not-recognised': 3, 'attractiveness-flat': 3, 'attractiveness-one-side': 3,
  SEGMENT_VARIES: 3, SEGMENT_MIXED: 3, GROWTH_SMALL_BASE: 3, GROWTH_NOT_COMPUTED: 3, NO_DATE_COLUMN: 3, 'missing-factor-values': 3,
  ROLE_WRONG_TYPE: 3, AMBIGUOUS_DECIMAL: 3, AMBIGUOUS_DATE_ORDER: 3, ROLE_CONFLICT: 4,
  'no-selection': 4, 'too-many-key-accounts': 4, 'too-many-per-manager': 4, 'flagged-key-account': 4, 'capacity-unused': 4,
  DUPLICATE_ACCOUNT_MERGED: 5, NEAR_DUPLICATE_ACCOUNTS: 5, SPELLING_VARIANTS_MERGED: 5,
};
const INFO_RANK = 6;

/** Rows left out, one note per kind: "Rows 105 and 216 are blank and were skipped." rather than a line each. */
function skippedNotes(skipped: readonly SkippedRow[], t: Translate): Note[] {
  const notes: Note[] = [];
  const byCode = new Map<SkippedRow['code'], SkippedRow[]>();
  for (const s of skipped) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  for (const [code, rows] of byCode) {
    if (rows.length === 1) {
      notes.push({ code, message: rows[0]!.text(t) });
      continue;
    }
    const numbers = list(rows.map((r) => (r.lastRow === undefined ? `${r.row}` : `${r.row}-${r.lastRow}`)), { max: 5 })(t);
    const rowList = t(code === 'BLANK_ROW' ? 'notes.rows' : 'notes.Rows', { count: rows.length, rows: numbers });
    const message = t(
      code === 'BLANK_ROW' ? 'notes.skipped.blank'
      : code === 'TOTALS_ROW' ? 'notes.skipped.totals'
      : code === 'SUMMARY_ROW' ? 'notes.skipped.summary'
      : code === 'REPEATED_HEADER' ? 'notes.skipped.header'
      : 'notes.skipped.noName',
      { rows: rowList },
    );
    notes.push({ code, message });
  }
  return notes;
}

/**
 * Every note about a portfolio, most important first; equal ranks keep their order. Ingest's notes are said in
 * `t`'s language; the portfolio's warnings come already said (buildPortfolio's translator).
 */
export function userNotes(ingest: Pick<IngestResult, 'errors' | 'warnings' | 'skippedRows'>, warnings: readonly PortfolioWarning[] = [], t: Translate = english): Note[] {
  const all: { note: Note; rank: number; at: number }[] = [];
  const add = (note: Note, rank: number): void => {
    all.push({ note, rank, at: all.length });
  };
  for (const e of ingest.errors) add({ code: e.code, message: e.text(t) }, 0);
  for (const n of skippedNotes(ingest.skippedRows, t)) add(n, RANK.SKIPPED_ROWS!);
  for (const w of ingest.warnings as IngestIssue[]) add({ code: w.code, message: w.text(t) }, RANK[w.code] ?? INFO_RANK);
  for (const w of warnings) add({ code: w.code, message: w.message }, RANK[w.code] ?? INFO_RANK);
  return all.sort((a, b) => a.rank - b.rank || a.at - b.at).map((x) => x.note);
}

/** The first `max` notes' messages, and "… and N more" when the list is cut (`where`: 'json' adds "with --json"). */
export function firstNotes(notes: readonly Note[], max: number, where: '' | 'json' = '', t: Translate = english): string[] {
  const shown = notes.slice(0, max).map((n) => n.message);
  if (notes.length > max) shown.push(t('notes.more', { count: notes.length - max, where: where || 'none' }));
  return shown;
}
