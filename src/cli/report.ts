// What the command line prints: a human summary, or the portfolio as JSON for scripts.
import path from 'node:path';
import type { PortfolioOutcome } from './portfolio-command';
import { POSITIONS } from '../core/functions/position-names';

const count = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export function summaryText({ ingest, portfolio, out, pictures, notes }: PortfolioOutcome): string {
  const lines: string[] = [];
  const kind = ingest.kind === 'transactions' ? `transaction export (${count(ingest.rowsRead, 'row')} rolled up)` : 'customer list';
  lines.push(`Read ${count(ingest.accounts.length, 'account')} from ${path.basename(ingest.source.file)}${ingest.source.sheet ? `, sheet "${ingest.source.sheet}"` : ''} — ${kind}, header on row ${ingest.headerRow}.`);
  if (ingest.skippedRows.length) {
    lines.push(`Skipped ${count(ingest.skippedRows.length, 'row')}:`);
    for (const r of ingest.skippedRows.slice(0, 5)) lines.push(`  - ${r.reason}`);
    if (ingest.skippedRows.length > 5) lines.push(`  … ${ingest.skippedRows.length - 5} more with --json.`);
  }
  const positions = new Map<string, number>();
  for (const row of portfolio.rows) if (row.position) positions.set(row.position, (positions.get(row.position) ?? 0) + 1);
  lines.push(`Positions: ${POSITIONS.map((p) => `${p} ${positions.get(p) ?? 0}`).join(', ')}.`);
  const { selection } = portfolio;
  lines.push(`Key accounts: ${selection.chosen.length}, using ${round(selection.totalCost, 1)} of ${selection.capacity} team days.`);
  for (const [rank, index] of selection.chosen.slice(0, 10).entries()) {
    const r = portfolio.rows[index];
    lines.push(`  ${String(rank + 1).padStart(2)}. ${r.account} — ${r.position ?? '?'}, attractiveness ${round(r.attractiveness)}, ${r.cost} days${r.flags ? ` [${r.flags}]` : ''}`);
  }
  if (selection.chosen.length > 10) lines.push(`  … and ${selection.chosen.length - 10} more (sheet "Key accounts").`);
  const warnings = [...ingest.warnings.map((w) => w.message), ...portfolio.warnings.map((w) => w.message)];
  if (warnings.length) {
    lines.push(`Warnings (${warnings.length}):`);
    for (const w of warnings.slice(0, 12)) lines.push(`  - ${w}`);
    if (warnings.length > 12) lines.push(`  … ${warnings.length - 12} more with --json.`);
  }
  lines.push(`Wrote ${out}`);
  for (const note of notes) lines.push(note);
  lines.push(`Matrix: ${pictures.svg} and ${pictures.png}${pictures.inside ? ' (also on the workbook\'s "KAM Matrix" sheet)' : ''}`);
  return lines.join('\n');
}

export function portfolioJson({ ingest, model, portfolio, out, pictures, notes }: PortfolioOutcome): unknown {
  return {
    source: { file: ingest.source.file, sheet: ingest.source.sheet, kind: ingest.kind, headerRow: ingest.headerRow, rowsRead: ingest.rowsRead, skippedRows: ingest.skippedRows },
    model,
    cuts: portfolio.cuts,
    accounts: portfolio.rows,
    selection: {
      accounts: portfolio.selection.chosen.map((i) => portfolio.rows[i].account),
      totalValue: portfolio.selection.totalValue,
      totalCost: portfolio.selection.totalCost,
      capacity: portfolio.selection.capacity,
    },
    warnings: [...ingest.warnings.map((w) => ({ code: w.code, message: w.message })), ...portfolio.warnings],
    output: { workbook: out, matrixSvg: pictures.svg, matrixPng: pictures.png, notes },
  };
}
