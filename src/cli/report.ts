// What the command line prints: a human summary, or the portfolio as JSON for scripts.
import path from 'node:path';
import type { PortfolioOutcome } from './portfolio-command';
import { POSITIONS } from '../core/functions/position-names';
import { firstNotes, userNotes } from '../core/portfolio/notes';
import { objectiveLabel } from '../core/portfolio/portfolio';
import { BEHAVIOUR_SIGNALS } from '../core/model/behaviour';
import { sourceLabel } from '../core/model/account-values';
import { decisionLines, decisionsJson } from './decisions-report';

const count = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Where relative strength comes from, in one line. */
function strengthLine({ model }: PortfolioOutcome): string {
  const s = model.strength;
  if (s.kind === 'behaviour') {
    const used = BEHAVIOUR_SIGNALS.filter((x) => s.signals[x.signal] > 0).map((x) => x.signal).join(', ');
    return `Strength: a proxy from buying behaviour (${used}), ranked across the accounts; 1 is the middle relationship, not parity with a rival.`;
  }
  if (s.kind === 'ratings') return `Strength: your ratings against your best rival's on ${count(s.criteria.length, 'buying criterion')}.`;
  if (s.kind === 'column') return `Strength: column "${sourceLabel(s.source)}".`;
  return 'Strength: the relationship stage as a proxy.';
}

export function summaryText(outcome: PortfolioOutcome): string {
  const { ingest, portfolio, out, pictures, notes, origins, model } = outcome;
  const lines: string[] = [];
  const kind = ingest.kind === 'transactions' ? `transaction export (${count(ingest.rowsRead, 'row')} rolled up)` : 'customer list';
  lines.push(`Read ${count(ingest.accounts.length, 'account')} from ${path.basename(ingest.source.file)}${ingest.source.sheet ? `, sheet "${ingest.source.sheet}"` : ''} — ${kind}, header on row ${ingest.headerRow}.`);
  lines.push(strengthLine(outcome));
  const positions = new Map<string, number>();
  for (const row of portfolio.rows) if (row.position) positions.set(row.position, (positions.get(row.position) ?? 0) + 1);
  lines.push(`Positions: ${POSITIONS.map((p) => `${p} ${positions.get(p) ?? 0}`).join(', ')}.`);
  const { selection } = portfolio;
  lines.push(`Capacity: ${selection.capacity} team days a year, from ${origins.capacity}.`);
  lines.push(`Days per key account: ${origins.costs}.`);
  lines.push(`Key accounts: ${selection.chosen.length} by ${objectiveLabel(model).toLowerCase()}, using ${round(selection.totalCost, 1)} of ${selection.capacity} team days.`);
  for (const [rank, index] of selection.chosen.slice(0, 10).entries()) {
    const r = portfolio.rows[index];
    lines.push(`  ${String(rank + 1).padStart(2)}. ${r.account} — ${r.position ?? '?'}, attractiveness ${round(r.attractiveness)}, ${r.cost} days${r.flags ? ` [${r.flags}]` : ''}`);
  }
  if (selection.chosen.length > 10) lines.push(`  … and ${selection.chosen.length - 10} more (sheet "Key accounts").`);
  const weakest = Math.min(...selection.chosen.map((i) => portfolio.rows[i].attractiveness ?? Infinity));
  const leftOut = portfolio.rows
    .filter((r) => !r.key && r.attractiveness !== null && r.attractiveness > (Number.isFinite(weakest) ? weakest : -Infinity))
    .sort((a, b) => (b.attractiveness ?? 0) - (a.attractiveness ?? 0));
  if (leftOut.length) {
    lines.push(`Why not key (${count(leftOut.length, 'account')} more attractive than the weakest key account):`);
    for (const r of leftOut.slice(0, 8)) lines.push(`  - ${r.account} (attractiveness ${round(r.attractiveness)}${r.flags ? `, ${r.flags}` : ''}): ${r.whyNotKey}`);
    if (leftOut.length > 8) lines.push(`  … and ${leftOut.length - 8} more (column "Why not key" of the portfolio).`);
  }
  lines.push(...decisionLines(portfolio, model, outcome.decisions, outcome.speech, outcome.profitPictures));
  const all = userNotes(ingest, portfolio.warnings);
  if (all.length) {
    lines.push(`Notes (${all.length}), most important first:`);
    for (const n of firstNotes(all, 12, 'json')) lines.push(`  - ${n}`);
  }
  lines.push(`Wrote ${out}`);
  for (const note of notes) lines.push(note);
  lines.push(`Matrix: ${pictures.svg} and ${pictures.png}${pictures.inside ? ' (also on the workbook\'s "KAM Matrix" sheet)' : ''}`);
  return lines.join('\n');
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
    warnings: userNotes(ingest, portfolio.warnings).filter((n) => !/^(BLANK_ROW|TOTALS_ROW|SUMMARY_ROW|NO_ACCOUNT_NAME|REPEATED_HEADER)$/.test(n.code)),
    decisions: decisionsJson(portfolio, model, decisions, speech),
    output: { workbook: out, matrixSvg: pictures.svg, matrixPng: pictures.png, profitSvg: profitPictures?.svg ?? null, profitPng: profitPictures?.png ?? null, notes },
  };
}
