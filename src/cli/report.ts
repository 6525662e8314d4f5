// What the command line prints: a human summary, or the portfolio as JSON for scripts.
import path from 'node:path';
import type { PortfolioOutcome } from './portfolio-command';
import { endSentences } from './cli-error';
import { POSITIONS } from '../core/functions/position-names';
import { firstNotes, userNotes } from '../core/portfolio/notes';
import { objectiveLabel } from '../core/portfolio/portfolio';
import { BEHAVIOUR_SIGNALS, signalLabel } from '../core/model/behaviour';
import { sourceLabel } from '../core/model/account-values';
import { decisionLines, decisionsJson } from './decisions-report';
import { positionName } from '../core/portfolio/decision-texts';
import { formatNumber } from '../core/format/display';
import { COMMAND_LINE_SHEETS, SHEET_NAMES } from '../core/workbook/plan';
import type { Translate } from '../core/i18n';


/** Where relative strength comes from, in one line. */
function strengthLine({ model }: PortfolioOutcome, t: Translate): string {
  const s = model.strength;
  if (s.kind === 'behaviour') {
    const used = BEHAVIOUR_SIGNALS.filter((x) => s.signals[x.signal] > 0).map((x) => signalLabel(x.signal, t));
    return t('cli.summary.strengthBehaviour', { signals: used.join('; ') });
  }
  if (s.kind === 'ratings') return t('cli.summary.strengthRatings', { count: s.criteria.length });
  if (s.kind === 'column') return t('cli.summary.strengthColumn', { column: sourceLabel(s.source) });
  return t('cli.summary.strengthStage');
}

export function summaryText(outcome: PortfolioOutcome): string {
  const { ingest, portfolio, out, pictures, notes, origins, model, speech } = outcome;
  const { t, locale } = speech;
  const days = (x: number): string => formatNumber(x, 'days', locale);
  const score = (x: number | null): string => formatNumber(x, 'ratio', locale);
  const lines: string[] = [];
  lines.push(t('cli.summary.read', {
    accounts: ingest.accounts.length,
    file: path.basename(ingest.source.file),
    hasSheet: ingest.source.sheet ? 'yes' : 'no',
    sheet: ingest.source.sheet ?? '',
    kind: ingest.kind,
    rows: ingest.rowsRead,
    headerRow: ingest.headerRow,
  }));
  lines.push(strengthLine(outcome, t));
  const positions = new Map<string, number>();
  for (const row of portfolio.rows) if (row.position) positions.set(row.position, (positions.get(row.position) ?? 0) + 1);
  lines.push(t('cli.summary.positions', { positions: POSITIONS.map((p) => `${positionName(speech, p)} ${formatNumber(positions.get(p) ?? 0, 'count', locale)}`).join(', ') }));
  const { selection } = portfolio;
  lines.push(t('cli.summary.capacity', { days: days(selection.capacity), origin: origins.capacity }));
  lines.push(t('cli.summary.days', { origin: origins.costs }));
  lines.push(t('cli.summary.keyAccounts', { count: selection.chosen.length, objective: objectiveLabel(model, t, true), used: days(selection.totalCost), capacity: days(selection.capacity) }));
  for (const [rank, index] of selection.chosen.slice(0, 10).entries()) {
    const r = portfolio.rows[index]!;
    lines.push(`  ${String(rank + 1).padStart(2)}. ${t('cli.summary.keyAccount', { account: r.account, position: r.position ? positionName(speech, r.position) : '?', score: score(r.attractiveness), days: days(r.cost), flags: r.flags, hasFlags: r.flags ? 'yes' : 'no' })}`);
  }
  if (selection.chosen.length > 10) lines.push(`  ${t('cli.summary.keyMore', { count: selection.chosen.length - 10, sheet: SHEET_NAMES.keyAccounts })}`);
  const weakest = Math.min(...selection.chosen.map((i) => portfolio.rows[i]!.attractiveness ?? Infinity));
  const leftOut = portfolio.rows
    .filter((r) => !r.key && r.attractiveness !== null && r.attractiveness > (Number.isFinite(weakest) ? weakest : -Infinity))
    .sort((a, b) => (b.attractiveness ?? 0) - (a.attractiveness ?? 0));
  if (leftOut.length) {
    lines.push(t('cli.summary.whyNot', { count: leftOut.length }));
    for (const r of leftOut.slice(0, 8)) lines.push(`  - ${t('cli.summary.whyNotLine', { account: r.account, score: score(r.attractiveness), flags: r.flags, hasFlags: r.flags ? 'yes' : 'no', why: r.whyNotKey })}`);
    if (leftOut.length > 8) lines.push(`  ${t('cli.summary.whyNotMore', { count: leftOut.length - 8, column: t('sheet.column.whyNot') })}`);
  }
  lines.push(...decisionLines(portfolio, model, outcome.decisions, speech, outcome.profitPictures));
  const all = userNotes(ingest, portfolio.warnings, t);
  if (all.length) {
    lines.push(t('cli.summary.notes', { count: all.length }));
    for (const n of firstNotes(all, 12, 'json', t)) lines.push(`  - ${n}`);
  }
  lines.push(t('cli.summary.wrote', { file: out }));
  for (const note of notes) lines.push(note);
  lines.push(t('cli.summary.matrix', { svg: pictures.svg, png: pictures.png, inside: pictures.inside ? 'yes' : 'no', sheet: COMMAND_LINE_SHEETS.matrix }));
  return endSentences(lines);
}

export function portfolioJson({ ingest, model, portfolio, out, pictures, notes, origins, decisions, speech, profitPictures }: PortfolioOutcome): unknown {
  return {
    source: { file: ingest.source.file, sheet: ingest.source.sheet, kind: ingest.kind, headerRow: ingest.headerRow, rowsRead: ingest.rowsRead, skippedRows: ingest.skippedRows },
    model,
    cuts: portfolio.cuts,
    accounts: portfolio.rows,
    selection: {
      accounts: portfolio.selection.chosen.map((i) => portfolio.rows[i].account),
      objective: model.capacity.value,
      totalValue: portfolio.selection.totalValue,
      totalCost: portfolio.selection.totalCost,
      capacity: portfolio.selection.capacity,
      capacityFrom: origins.capacity,
      costsFrom: origins.costs,
    },
    warnings: userNotes(ingest, portfolio.warnings, speech.t).filter((n) => !/^(BLANK_ROW|TOTALS_ROW|SUMMARY_ROW|NO_ACCOUNT_NAME|REPEATED_HEADER)$/.test(n.code)),
    decisions: decisionsJson(portfolio, model, decisions, speech),
    output: { workbook: out, matrixSvg: pictures.svg, matrixPng: pictures.png, profitSvg: profitPictures?.svg ?? null, profitPng: profitPictures?.png ?? null, notes },
  };
}
