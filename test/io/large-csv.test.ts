// A 200,000-line transaction export streams through the reader without holding the rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readAccounts } from '../../src/io';

const LINES = 200_000;
const CUSTOMERS = 500;
let folder = '';
let file = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kam-large-'));
  file = join(folder, 'ledger.csv');
  const parts = ['Date;Invoice;Customer;Amount;Profit\n'];
  for (let i = 0; i < LINES; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const year = 2021 + Math.floor((i * 4) / LINES);
    parts.push(`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year};F-${i};"Cliente ${i % CUSTOMERS}, S.L.";1.000,50 €;100,25\n`);
  }
  writeFileSync(file, parts.join(''));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('reads every line and rolls them up per customer', async () => {
  let progressCalls = 0;
  const result = await readAccounts(file, { onProgress: () => progressCalls++ });
  expect(result.errors).toEqual([]);
  expect(result.kind).toBe('transactions');
  expect(result.rowsRead).toBe(LINES + 1);
  expect(result.accounts).toHaveLength(CUSTOMERS);
  expect(result.accounts[0]).toMatchObject({ account: 'Cliente 0, S.L.', orders: LINES / CUSTOMERS, revenue: 1000.5 * (LINES / CUSTOMERS) });
  expect(progressCalls).toBe(LINES / 10_000 + 1);
});
