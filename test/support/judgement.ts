// Test support: the judgement a portfolio makes (positions, key accounts, reasons), in a compact form golden
// files can hold, and the checks an expert makes of any selection (kam-method.md, "What an expert checks").
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './dist';

/** The fields of a portfolio row the judgement reads (the core's PortfolioRow, or its --json form). */
export interface JudgedRow {
  account: string;
  segment: string;
  attractiveness: number | null;
  strength: number | null;
  position: string | null;
  key: boolean;
  eligible: boolean;
  whyNotKey: string;
  flags: string;
  cost: number;
  value: number | null;
}

export interface Judgement {
  positions: Record<string, number>;
  distinct: { strength: number; attractiveness: number };
  /** Key accounts, most attractive first, with position, attractiveness (2 decimals), days and flags. */
  key: string[];
  /** Every account more attractive than the weakest key account that is not key, with its reason. */
  leftOut: string[];
  /** Why not key, counted by reason (the trade-off texts counted by their opening words). */
  reasons: Record<string, number>;
}

const r2 = (x: number | null): string => (x === null ? '–' : x.toFixed(2));

/** The judgement in a form a golden file holds and a reviewer reads. */
export function judgement(rows: readonly JudgedRow[]): Judgement {
  const positions: Record<string, number> = { Strategic: 0, Star: 0, Status: 0, Streamline: 0 };
  for (const r of rows) if (r.position) positions[r.position]++;
  const key = rows.filter((r) => r.key).sort((a, b) => (b.attractiveness ?? 0) - (a.attractiveness ?? 0) || a.account.localeCompare(b.account));
  const weakest = Math.min(...key.map((r) => r.attractiveness ?? Infinity));
  const leftOut = rows
    .filter((r) => !r.key && r.attractiveness !== null && r.attractiveness > weakest)
    .sort((a, b) => (b.attractiveness ?? 0) - (a.attractiveness ?? 0) || a.account.localeCompare(b.account));
  const reasons: Record<string, number> = {};
  for (const r of rows) {
    if (r.key) continue;
    const kind = r.whyNotKey.startsWith('needs') ? r.whyNotKey.replace(/^needs [\d.]+[;,] (\w+ \w+ \w+).*$/, 'needs …; $1 …') : r.whyNotKey.replace(/needs [\d.]+ with [\d.]+ left/, 'needs … with … left');
    reasons[kind] = (reasons[kind] ?? 0) + 1;
  }
  return {
    positions,
    distinct: {
      strength: new Set(rows.map((r) => r.strength).filter((v) => v !== null)).size,
      attractiveness: new Set(rows.map((r) => r.attractiveness).filter((v) => v !== null)).size,
    },
    key: key.map((r) => `${r.account} — ${r.position}, ${r2(r.attractiveness)}, ${r.cost} days${r.flags ? ` [${r.flags}]` : ''}`),
    leftOut: leftOut.map((r) => `${r.account} — ${r.position}, ${r2(r.attractiveness)}${r.flags ? ` [${r.flags}]` : ''}: ${r.whyNotKey}`),
    reasons: Object.fromEntries(Object.entries(reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
  };
}

/**
 * What an expert checks in any selection: key accounts come from the high-attractiveness side and do not lose
 * money (unless a Star may); every account not chosen has a reason; with the same days for every account, no
 * eligible account is left out for a less valuable one.
 */
export function expectExpertSelection(rows: readonly JudgedRow[], options: { equalCosts: boolean; lossMakingStars?: boolean }): void {
  for (const r of rows) {
    if (r.key) {
      expect(['Strategic', 'Star'], `${r.account} is key`).toContain(r.position);
      if (r.flags.includes('Difficult')) expect(options.lossMakingStars && r.position === 'Star', `${r.account} loses money`).toBe(true);
      expect(r.whyNotKey).toBe('');
    } else {
      expect(r.whyNotKey, `${r.account} has no reason`).not.toBe('');
    }
  }
  if (options.equalCosts) {
    const weakestKey = Math.min(...rows.filter((r) => r.key).map((r) => r.value ?? Infinity));
    for (const r of rows) if (!r.key && r.eligible) expect(r.value ?? 0, `${r.account} is eligible and worth more`).toBeLessThanOrEqual(weakestKey);
  }
}

/** The fixtures and command-line options the judgement tests run, from the command line and the wizard. */
export const JUDGEMENT_CASES = {
  'orders-export': { file: 'orders-export.csv', args: [] as string[] },
  'clientes-etapas': { file: 'clientes-etapas.csv', args: [] as string[] },
  'six-accounts': { file: 'six-accounts.xlsx', args: [] as string[] },
  'six-accounts-60-days': { file: 'six-accounts.xlsx', args: ['--capacity', '60'] },
  'six-accounts-days-by-stage': { file: 'six-accounts.xlsx', args: ['--model', 'test/fixtures/judgement/six-days-by-stage.json'] },
} as const;
export type JudgementCase = keyof typeof JUDGEMENT_CASES;

const GOLDEN = path.join(ROOT, 'test/fixtures/golden/judgement');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * The golden judgement of a case. The command line writes it when UPDATE_GOLDEN=1 (then a person reviews it);
 * the wizard only compares, so it must give the same judgement.
 */
export function expectGoldenJudgement(name: JudgementCase, actual: unknown, { write }: { write: boolean }): void {
  const file = path.join(GOLDEN, `${name}.json`);
  if (UPDATE && write) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
  }
  expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}
