// The checked-in samples read cleanly, with their planted problems found and reported.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAccounts } from '../../src/io';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

describe('samples/customers.xlsx', () => {
  it('reads ~300 accounts from the messy list and reports what it did', async () => {
    const result = await readAccounts(join(SAMPLES, 'customers.xlsx'));
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('customers');
    expect(result.headerRow).toBe(4);
    expect(result.rowsRead).toBe(306);
    expect(result.accounts).toHaveLength(298);
    expect(result.skippedRows.map((s) => s.code)).toEqual(['BLANK_ROW', 'BLANK_ROW', 'TOTALS_ROW']);
    expect(result.columns.map((c) => c.role ?? (c.factor ? 'factor' : null))).toEqual([
      'account', 'segment', 'manager', 'revenue', 'margin', 'costToServe', 'growth', 'tenure', 'stage', 'factor',
    ]);
    const codes = result.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'DUPLICATE_ACCOUNT_MERGED')).toHaveLength(2);
    expect(result.warnings.filter((w) => w.code === 'NEAR_DUPLICATE_ACCOUNTS').map((w) => w.message)).toEqual([
      expect.stringContaining('"Acme Inc.", "ACME, Inc", "=Acme"'),
    ]);
    expect(result.accounts.map((a) => a.account)).toEqual(expect.arrayContaining(['=Acme', '+Corp']));
    expect(result.accounts.find((a) => a.revenue === -1200)).toBeDefined();
    const managers = new Set(result.accounts.map((a) => a.manager));
    expect(managers.size).toBe(10);
    const bigLosers = result.accounts.filter((a) => (a.profit ?? 0) < 0 && (a.revenue ?? 0) > 1_000_000);
    expect(bigLosers.length).toBeGreaterThan(0);
    expect(result.accounts.every((a) => a.tenure !== undefined && a.tenure >= 0)).toBe(true);
  });
});

describe('samples/transactions.csv', () => {
  it('rolls 20,000 order lines up into about 250 accounts over four full years', async () => {
    const result = await readAccounts(join(SAMPLES, 'transactions.csv'));
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('transactions');
    expect(result.rowsRead).toBe(20_001);
    expect(result.accounts.length).toBeGreaterThan(240);
    expect(result.growthYears).toEqual([2023, 2024]);
    expect(result.asOf?.startsWith('2024-12')).toBe(true);
    const lines = result.accounts.reduce((sum, a) => sum + a.sourceRows.length, 0);
    expect(lines).toBe(20_000);
    expect(result.accounts.find((a) => a.account === 'Smith, Jones & Co')).toBeDefined();
    // Customers who started during 2023, or bought almost nothing that year, get no growth figure (issue 10).
    expect(result.warnings.map((w) => w.code)).toEqual(['KIND_DETECTED', 'SPELLING_VARIANTS_MERGED', 'GROWTH_SMALL_BASE']);
  });
});
