// One rule for profit, wherever it is derived: revenue × margin − cost to serve (a profit column is taken as given).
import { describe, expect, it } from 'vitest';
import { accountProfit, factorValue, missingFactorValue, sourceLabel } from '../../../src/core/model/account-values';
import { ingestRows } from '../../../src/core/ingest';
import { buildPortfolio } from '../../../src/core/portfolio/portfolio';
import { defaultModel, modelInputs } from '../../../src/core/model/defaults';
import { WizardSession } from '../../../taskpane/wizard/session';
import { MemoryHost, MemoryWorkbook } from '../../support/memory-host';
import { SHEET_NAMES } from '../../../src/core/workbook/plan';

const LIST = [
  ['Customer', 'Revenue', 'Gross margin', 'Cost to serve'],
  ['Acme', 1000, 0.3, 50],
  ['Borde', 2000, 0.1, 300],
  ['Cima', 500, 0.2, null],
];
/** What the rule gives for LIST's rows. */
const EXPECTED = { Acme: 250, Borde: -100, Cima: 100 };

describe('profit after cost to serve', () => {
  it('is revenue × margin − cost to serve, or the profit given', () => {
    expect(accountProfit({ account: 'a', revenue: 1000, margin: 0.3, costToServe: 50 })).toBe(250);
    expect(accountProfit({ account: 'a', revenue: 1000, margin: 0.3 })).toBe(300);
    expect(accountProfit({ account: 'a', revenue: 1000, margin: 0.3, costToServe: 50, profit: 7 })).toBe(7);
    expect(accountProfit({ account: 'a', revenue: 1000 })).toBeNull();
  });

  it('is derived so by ingest from a customer list', () => {
    const ingest = ingestRows(LIST);
    expect(Object.fromEntries(ingest.accounts.map((a) => [a.account, a.profit]))).toEqual(EXPECTED);
  });

  it('is derived so by ingest from a transaction export with a margin and a cost to serve per line', () => {
    // Four order lines per customer: Acme 4 × (250 × 0.3 − 12.5) = 250, Borde 4 × (500 × 0.1 − 75) = −100.
    const lines = [1, 2, 3, 4].flatMap((m) => [
      [`2024-0${m}-10`, `A${m}`, 'Acme', 250, 0.3, 12.5],
      [`2024-0${m}-11`, `B${m}`, 'Borde', 500, 0.1, 75],
    ]);
    const ingest = ingestRows([['Order date', 'Order ID', 'Customer', 'Sales', 'Margin', 'Cost to serve'], ...lines]);
    expect(ingest.kind).toBe('transactions');
    expect(Object.fromEntries(ingest.accounts.map((a) => [a.account, a.profit]))).toEqual({ Acme: 250, Borde: -100 });
  });

  it('is derived so by the portfolio for accounts that carry no profit', () => {
    const accounts = LIST.slice(1).map(([account, revenue, margin, costToServe]) => ({
      account: account as string, revenue: revenue as number, margin: margin as number, factors: {}, sourceRows: [], ...(costToServe === null ? {} : { costToServe: costToServe as number }),
    }));
    const portfolio = buildPortfolio(accounts, defaultModel(modelInputs(accounts)));
    expect(Object.fromEntries(portfolio.rows.map((r) => [r.account, r.profit]))).toEqual(EXPECTED);
  });

  it('is written so into the portfolio sheet the wizard builds', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('Customers', LIST);
    book.selection = { sheet: 'Customers', row: 2, column: 1 };
    const session = new WizardSession(new MemoryHost(book, 'sheets'));
    await session.pick('region');
    await session.build();
    const header = [...Array(12).keys()].map((j) => book.get(SHEET_NAMES.portfolio, `${String.fromCharCode(65 + j)}5`)?.value);
    const profitColumn = String.fromCharCode(65 + header.indexOf('Profit'));
    const written = [6, 7, 8].map((r) => book.get(SHEET_NAMES.portfolio, `${profitColumn}${r}`)?.value);
    expect(written).toEqual(Object.values(EXPECTED));
  });
});

describe('factor values', () => {
  it('reads account fields and other columns, and scores a missing value at the middle of the scale', () => {
    const account = { account: 'a', revenue: 10, factors: { 'Strategic fit': 7, Notes: 'x' as unknown as number } };
    expect(factorValue(account, 'revenue')).toBe(10);
    expect(factorValue(account, 'column:Strategic fit')).toBe(7);
    expect(factorValue(account, 'column:Notes')).toBeNull();
    expect(factorValue(account, 'growth')).toBeNull();
    expect(missingFactorValue({ worst: 0.4, best: 0.1 })).toBeCloseTo(0.25, 12);
    expect(sourceLabel('costToServe')).toBe('Cost to serve');
    expect(sourceLabel('column:Strategic fit')).toBe('Strategic fit');
  });
});
