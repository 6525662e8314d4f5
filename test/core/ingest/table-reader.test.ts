// Tests for the streaming table reader: customer lists, transaction roll-ups, skipped rows and errors.
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/ingest/raw-cell';
import { createTableReader, ingestRows } from '../../../src/core/ingest/table-reader';
import type { IngestResult } from '../../../src/core/ingest/types';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const codes = (result: IngestResult) => result.warnings.map((w) => w.code);
const skipped = (result: IngestResult) => result.skippedRows.map((s) => [s.row, s.code, s.lastRow]);
const byName = (result: IngestResult, name: string) => result.accounts.find((a) => a.account === name);

describe('a messy customer list', () => {
  const table: RawCell[][] = [
    ['Key account portfolio 2024'],
    ['Source: CRM', null],
    [],
    ['Customer', 'Segment', 'Account manager', 'Revenue', 'Gross margin %', 'Cost to serve', 'Growth %', 'Customer since', 'Relationship stage', 'Strategic fit (0-10)'],
    ['Acme Inc.', 'Retail', 'Ana', '$1,234.50', 0.3, 100, '12 %', 2015, 'Basic', 7],
    ['ACME, Inc', 'Retail', 'Ana', 5000, '25%', 200, 0.05, utc(2018, 3, 1), 'Cooperative', 5],
    [],
    ['', '', '', '', '', '', '', '', '', ''],
    ['=Acme', 'Industry', 'Bob', '(1,200)', 0.1, 50, -0.02, '15/03/2019', 'Exploratory', null],
    ['+Corp', 'Industry', 'Bob', 8000, 0.2, 2500, 0.1, 2020, 'Interdependent', 8],
    ['Northwind', 'Industry', 'Bob', 10000, 0.2, 3000, 0.1, 2020, 'Integrated', 9],
    [' NORTHWIND ', 'Retail', 'Eve', 2000, 0.4, 100, 0.2, 2010, 'Integrated', 3],
    ['Total', null, null, 25034.5, null, 5950],
  ];
  const result = ingestRows(table, { sourceName: 'list.xlsx' });

  it('finds the header under the title block and reads every account', () => {
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('customers');
    expect(result.headerRow).toBe(4);
    expect(result.rowsRead).toBe(13);
    expect(result.accounts.map((a) => a.account)).toEqual(['Acme Inc.', 'ACME, Inc', '=Acme', '+Corp', 'Northwind']);
  });

  it('reports blank rows as one run and the totals row, with row numbers', () => {
    expect(skipped(result)).toEqual([
      [7, 'BLANK_ROW', 8],
      [13, 'TOTALS_ROW', undefined],
    ]);
    expect(result.skippedRows[0]!.reason).toBe('Rows 7 to 8 are blank and were skipped.');
  });

  it('reads numbers typed as text, percentages and formula-like names as data', () => {
    expect(byName(result, 'Acme Inc.')).toEqual({
      account: 'Acme Inc.', segment: 'Retail', manager: 'Ana', stage: 'Basic', revenue: 1234.5, profit: 270.35,
      margin: 0.3, costToServe: 100, growth: 0.12, tenure: 5, factors: { 'Strategic fit (0-10)': 7 }, sourceRows: [5],
    });
    expect(byName(result, '=Acme')).toMatchObject({ revenue: -1200, profit: -170, tenure: 1.8, factors: { 'Strategic fit (0-10)': null } });
    expect(byName(result, '+Corp')).toMatchObject({ revenue: 8000, profit: -900, tenure: 0 });
  });

  it('merges exact duplicates: amounts added, ratios weighted by revenue, text from the first row', () => {
    expect(byName(result, 'Northwind')).toEqual({
      account: 'Northwind', segment: 'Industry', manager: 'Bob', stage: 'Integrated', revenue: 12000, profit: -300,
      margin: 0.233333, costToServe: 3100, growth: 0.116667, tenure: 10, factors: { 'Strategic fit (0-10)': 9 }, sourceRows: [11, 12],
    });
    const merged = result.warnings.find((w) => w.code === 'DUPLICATE_ACCOUNT_MERGED');
    expect(merged?.rows).toEqual([11, 12]);
    expect(merged?.message).toContain('"Northwind" appears in rows 11 and 12 of list.xlsx');
  });

  it('warns about near-duplicates without merging them', () => {
    const near = result.warnings.find((w) => w.code === 'NEAR_DUPLICATE_ACCOUNTS');
    expect(near?.rows).toEqual([5, 6, 9]);
    expect(near?.message).toContain('"Acme Inc.", "ACME, Inc", "=Acme"');
  });

  it('measures tenure to the latest date in the table and says which', () => {
    expect(result.asOf).toBe('2020-12-31');
    expect(byName(result, 'ACME, Inc')?.tenure).toBe(2.84);
  });

  it('explains the derived profit and the detected kind', () => {
    expect(codes(result)).toEqual(['KIND_DETECTED', 'DUPLICATE_ACCOUNT_MERGED', 'PROFIT_DERIVED', 'NEAR_DUPLICATE_ACCOUNTS']);
  });

  it('describes every column', () => {
    expect(result.columns.map((c) => [c.letter, c.role, c.factor, c.valueType])).toEqual([
      ['A', 'account', false, 'text'],
      ['B', 'segment', false, 'text'],
      ['C', 'manager', false, 'text'],
      ['D', 'revenue', false, 'number'],
      ['E', 'margin', false, 'number'],
      ['F', 'costToServe', false, 'number'],
      ['G', 'growth', false, 'number'],
      ['H', 'tenure', false, 'number'],
      ['I', 'stage', false, 'text'],
      ['J', null, true, 'number'],
    ]);
  });
});

describe('rows left out', () => {
  const header = ['Account', 'Region', 'Sales', 'Profit'];
  it.each([
    ['a labelled grand total', [['A', 'N', 10, 1], ['B', 'N', 20, 2], ['Grand total', null, 30, 3]], [[4, 'TOTALS_ROW']]],
    ['a "Total" label whatever its numbers', [['A', 'N', 10, 1], ['TOTAL:', null, 99, 9]], [[3, 'TOTALS_ROW']]],
    ['an unlabelled row that adds up', [['A', 'N', 10, 1], ['B', 'N', 20, 2], [null, null, 30, 3]], [[4, 'TOTALS_ROW']]],
    ['an unlabelled row that does not add up', [['A', 'N', 10, 1], ['B', 'N', 20, 2], [null, 'N', 31, 3]], [[4, 'NO_ACCOUNT_NAME']]],
    ['section subtotals', [['A', 'N', 10, 1], ['B', 'N', 20, 2], ['Total North', null, 30, 3], ['C', 'S', 5, 1], ['D', 'S', 6, 1], ['Total South', null, 11, 2]], [[4, 'TOTALS_ROW'], [7, 'TOTALS_ROW']]],
    ['a named row equal to the sums in two columns', [['A', 'N', 10, 1], ['B', 'N', 20, 2], ['Sum of all', null, 30, 3]], [[4, 'TOTALS_ROW']]],
    ['an average row', [['A', 'N', 10, 1], ['Average', null, 10, 1]], [[3, 'SUMMARY_ROW']]],
    ['a repeated header', [['A', 'N', 10, 1], header, ['B', 'N', 20, 2]], [[3, 'REPEATED_HEADER']]],
  ] as const)('skips %s', (_, rows, expected) => {
    const result = ingestRows([header, ...(rows as unknown as RawCell[][])]);
    expect(result.skippedRows.map((s) => [s.row, s.code])).toEqual(expected);
  });

  it.each([
    ['an account whose name starts like a total', [['Total Energies', 'N', 10, 1], ['Siemens', 'N', 20, 2]]],
    ['an account equal to the sum in one column only', [['A', 'N', 10, 1], ['B', 'N', 20, 2], ['C', 'N', 30, 5]]],
    ['an account named like a summary word', [['Media Markt', 'N', 10, 1], ['Media', 'N', 3, 1]].slice(0, 1)],
  ] as const)('keeps %s', (_, rows) => {
    const result = ingestRows([header, ...(rows as unknown as RawCell[][])]);
    expect(result.skippedRows).toEqual([]);
    expect(result.accounts).toHaveLength(rows.length);
  });

  it('reports gaps in row numbers as blank rows, but not blank rows after the table', () => {
    const reader = createTableReader();
    reader.push(header, 1);
    reader.push(['A', 'N', 10, 1], 2);
    reader.push(['B', 'N', 20, 2], 5);
    reader.push([], 6);
    reader.push([null, ''], 9);
    const result = reader.finish();
    expect(skipped(result)).toEqual([[3, 'BLANK_ROW', 4]]);
    expect(result.rowsRead).toBe(5);
  });
});

describe('a transaction export', () => {
  const ledger: RawCell[][] = [
    ['Date', 'Invoice', 'Customer', 'Account manager', 'Amount', 'Profit'],
    ['2023-01-05', 'INV-1', 'Acme', 'Ana', '1,000.00', '200.00'],
    ['2023-01-05', 'INV-1', 'Acme', 'Ana', '500.00', '50.00'],
    ['2023-03-10', 'INV-2', 'Beta', 'Bob', '2,000.00', '300.00'],
    ['2023-06-15', 'INV-3', 'Acme', 'Ana', '1,500.00', '250.00'],
    ['2023-11-30', 'INV-4', 'Gamma', 'Bob', '800.00', '-100.00'],
    ['2024-02-01', 'INV-5', 'Beta', 'Bob', '2,500.00', '400.00'],
    ['2024-05-20', 'INV-6', 'ACME', 'Carla', '3,000.00', '600.00'],
    ['2024-07-07', 'INV-7', 'Beta', 'Bob', '-200.00', '-200.00'],
    ['2024-09-09', 'INV-8', 'Delta', 'Ana', '1,200.00', '100.00'],
    ['2024-12-20', 'INV-9', 'Beta', 'Bob', '1,000.00', '150.00'],
    ['not a date', '', 'Delta', 'Ana', '10.00', '1.00'],
  ];
  const result = ingestRows(ledger, { sourceName: 'ledger.csv' });

  it('is detected and rolled up per account', () => {
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('transactions');
    expect(result.growthYears).toEqual([2023, 2024]);
    expect(result.asOf).toBe('2024-12-20');
    expect(result.accounts).toEqual([
      {
        account: 'Acme', manager: 'Carla', revenue: 6000, profit: 1100, margin: 0.183333, growth: 0, tenure: 1.96, orders: 3,
        ordersPerYear: 1.532517, daysSinceLastOrder: 214, trend: 0, revenueByYear: { 2023: 3000, 2024: 3000 }, firstOrder: '2023-01-05', lastOrder: '2024-05-20', factors: {}, sourceRows: [2, 3, 5, 8],
      },
      {
        account: 'Beta', manager: 'Bob', revenue: 5300, profit: 650, margin: 0.122642, growth: 0.65, tenure: 1.78, orders: 4,
        ordersPerYear: 2.24424, daysSinceLastOrder: 0, trend: 0.245283, revenueByYear: { 2023: 2000, 2024: 3300 }, firstOrder: '2023-03-10', lastOrder: '2024-12-20', factors: {}, sourceRows: [4, 7, 9, 11],
      },
      {
        account: 'Gamma', manager: 'Bob', revenue: 800, profit: -100, margin: -0.125, growth: -1, tenure: 1.06, orders: 1,
        ordersPerYear: 0.946244, daysSinceLastOrder: 386, trend: -1, revenueByYear: { 2023: 800 }, firstOrder: '2023-11-30', lastOrder: '2023-11-30', factors: {}, sourceRows: [6],
      },
      {
        account: 'Delta', manager: 'Ana', revenue: 1210, profit: 101, margin: 0.083471, tenure: 0.28, orders: 2,
        ordersPerYear: 2, daysSinceLastOrder: 102, trend: 1, revenueByYear: { 2024: 1200 }, firstOrder: '2024-09-09', lastOrder: '2024-09-09', factors: {}, sourceRows: [10, 12],
      },
    ]);
  });

  it('reports undated lines, merged spellings and the unreadable date', () => {
    expect(codes(result)).toEqual(['KIND_DETECTED', 'NOT_A_DATE', 'SPELLING_VARIANTS_MERGED', 'UNDATED_ORDERS']);
    const undated = result.warnings.find((w) => w.code === 'UNDATED_ORDERS')!;
    expect(undated.rows).toEqual([12]);
    expect(undated.message).toBe(
      'In ledger.csv, row 12 has no valid date in column A ("Date"): the amounts on that row count in the totals but not in any year, growth or tenure. Fill in the dates to include them.',
    );
  });

  it.each([
    ['ends before December', [['2021-01-10', 'A', 100], ['2022-06-01', 'A', 50], ['2023-11-30', 'A', 10]], [2021, 2022], -0.5],
    ['starts after January', [['2023-02-01', 'A', 100], ['2024-12-01', 'A', 50], ['2024-12-02', 'A', 10]], null, undefined],
    ['covers two full years', [['2023-01-31', 'A', 100], ['2024-12-01', 'A', 50], ['2024-12-02', 'A', 10]], [2023, 2024], -0.4],
  ] as const)('computes growth only over full calendar years: the file %s', (_, rows, years, growth) => {
    const result = ingestRows([['Date', 'Customer', 'Amount'], ...(rows as unknown as RawCell[][])], { kind: 'transactions' });
    expect(result.growthYears).toEqual(years ?? undefined);
    expect(result.accounts[0]!.growth).toBe(growth);
    expect(codes(result).includes('GROWTH_NOT_COMPUTED')).toBe(years === null);
  });

  it('counts order lines when there is no order number, and measures tenure to a given date', () => {
    const result = ingestRows(
      [['Fecha', 'Cliente', 'Importe'], [utc(2024, 1, 1), 'Acme', 10], [utc(2024, 1, 1), 'Acme', 5], [utc(2024, 7, 1), 'Beta', 7]],
      { asOf: '2025-01-01', kind: 'transactions' },
    );
    expect(result.accounts.map((a) => [a.account, a.orders, a.tenure])).toEqual([
      ['Acme', 2, 1],
      ['Beta', 1, 0.5],
    ]);
    expect(result.asOf).toBe('2025-01-01');
  });

  it('derives line profit from a margin column when there is no profit column', () => {
    const result = ingestRows([['Date', 'Customer', 'Amount', 'Margin %'], ['2024-01-01', 'A', 100, '10 %'], ['2024-02-01', 'A', 200, '20 %']], {
      kind: 'transactions',
    });
    expect(result.accounts[0]).toMatchObject({ revenue: 300, profit: 50, margin: 0.166667 });
  });
});

describe('column-level decisions', () => {
  it.each([
    ['commas proven by other values', ['1.234', '2.500,50', '900'], [1234, 2500.5, 900], ','],
    ['points proven by other values', ['1,234', '2,500.50', '900'], [1234, 2500.5, 900], '.'],
    ['grouping repeated', ['1,234', '1,234,567'], [1234, 1234567], '.'],
  ] as const)('decides the decimal separator of a column from %s', (_, values, expected, separator) => {
    const result = ingestRows([['Customer', 'Revenue'], ...values.map((v, i) => [`C${i}`, v])]);
    expect(result.accounts.map((a) => a.revenue)).toEqual(expected);
    expect(result.columns[1]!.decimalSeparator).toBe(separator);
    expect(codes(result)).not.toContain('AMBIGUOUS_DECIMAL');
  });

  it('uses the rest of the file when a column proves nothing', () => {
    const result = ingestRows([['Customer', 'Revenue', 'Potential'], ['A', '1.234', '9,5'], ['B', '2.000', '3,25']]);
    expect(result.accounts.map((a) => a.revenue)).toEqual([1234, 2000]);
  });

  it('falls back to the default separator and warns when nothing settles it', () => {
    const table = [['Customer', 'Revenue'], ['A', '1,234'], ['B', '2,000']];
    const english = ingestRows(table, { sourceName: 'x.csv' });
    expect(english.accounts.map((a) => a.revenue)).toEqual([1234, 2000]);
    expect(english.warnings.find((w) => w.code === 'AMBIGUOUS_DECIMAL')?.message).toBe(
      'Column B ("Revenue") of x.csv has values like "1,234" that could use "," or "." as the decimal separator, and nothing in the file settles it; they were read with "." as decimal separator ("1,234" = 1234). If that is wrong, choose the decimal separator explicitly.',
    );
    const spanish = ingestRows(table, { defaultDecimalSeparator: ',' });
    expect(spanish.accounts.map((a) => a.revenue)).toEqual([1.234, 2]);
    const forced = ingestRows(table, { decimalSeparator: ',' });
    expect(forced.accounts.map((a) => a.revenue)).toEqual([1.234, 2]);
    expect(codes(forced)).not.toContain('AMBIGUOUS_DECIMAL');
  });

  it.each([
    ['day-first proven', ['15/03/2024', '01/02/2024'], undefined, ['2024-03-15', '2024-02-01'], false],
    ['month-first proven', ['03/15/2024', '01/02/2024'], undefined, ['2024-03-15', '2024-01-02'], false],
    ['nothing proven, day first by default', ['05/01/2024', '01/02/2024'], undefined, ['2024-01-05', '2024-02-01'], true],
    ['nothing proven, month first forced', ['05/01/2024', '01/02/2024'], 'MDY', ['2024-05-01', '2024-01-02'], false],
  ] as const)('decides the date order of a column: %s', (_, dates, dateOrder, expected, warned) => {
    const result = ingestRows([['Cliente', 'Ventas', 'Fecha'], ...dates.map((d, i) => [`C${i}`, 1, d])], dateOrder ? { dateOrder } : {});
    expect(result.accounts.map((a) => a.date)).toEqual(expected);
    expect(codes(result).includes('AMBIGUOUS_DATE_ORDER')).toBe(warned);
  });

  it.each([
    ['fractions', [0.25, 0.3], [0.25, 0.3], 'fraction'],
    ['percentage points', [25, 30], [0.25, 0.3], 'points'],
    ['percent text', ['25 %', '30%'], [0.25, 0.3], 'fraction'],
    ['points mixed with percent text', [25, '30%'], [0.25, 0.3], 'points'],
  ] as const)('reads a margin column of %s as fractions', (_, margins, expected, scale) => {
    const result = ingestRows([['Customer', 'Margin'], ...margins.map((m, i) => [`C${i}`, m])]);
    expect(result.accounts.map((a) => a.margin)).toEqual(expected);
    expect(result.columns[1]!.percentScale).toBe(scale);
  });

  it('reads a margin column of amounts as profit', () => {
    const result = ingestRows([['Cliente', 'Ventas', 'Margen'], ['A', 10000, 2500], ['B', 8000, 1200]]);
    expect(result.accounts.map((a) => [a.profit, a.margin])).toEqual([[2500, undefined], [1200, undefined]]);
    expect(result.columns[2]!.role).toBe('profit');
    expect(codes(result)).toContain('MARGIN_AS_AMOUNT');
  });

  it('keeps a margin column of amounts as a factor when there is a profit column', () => {
    const result = ingestRows([['Cliente', 'Ventas', 'Beneficio', 'Margen'], ['A', 10000, 2000, 2500], ['B', 8000, 1000, 1200]]);
    expect(result.accounts.map((a) => [a.profit, a.factors])).toEqual([[2000, { Margen: 2500 }], [1000, { Margen: 1200 }]]);
    expect(codes(result)).toContain('ROLE_WRONG_TYPE');
  });

  it.each([
    ['years', 12, 12],
    ['years as text', '12 años', 12],
    ['a start year', 2010, 14],
    ['a start date', utc(2020, 1, 1), 5],
    ['a start date as text', '01/01/2020', 5],
    ['a year typed into a date cell', utc(1905, 7, 2), 14], // Excel's serial 2010 shown as a date
    ['an Excel serial', 43831, 5],
  ] as const)('reads tenure written as %s', (_, cell, years) => {
    const result = ingestRows([['Customer', 'Revenue', 'Customer since'], ['A', 1, cell]], { asOf: '2024-12-31' });
    expect(result.accounts[0]!.tenure).toBe(years);
  });

  it('names factors by header, by letter when blank, with the letter when repeated', () => {
    const result = ingestRows([['Customer', 'Score', '', 'Score'], ['A', 1, 2, 3]]);
    expect(result.accounts[0]!.factors).toEqual({ 'Score (B)': 1, 'Column C': 2, 'Score (D)': 3 });
  });

  it('keeps the latest year when several columns are revenue, the others as factors', () => {
    const result = ingestRows([['Customer', 'Sales 2023', 'Sales 2024'], ['A', 100, 130]]);
    expect(result.accounts[0]).toMatchObject({ revenue: 130, factors: { 'Sales 2023': 100 } });
    expect(codes(result)).toContain('ROLE_CONFLICT');
  });

  it('tallies cells that are not numbers and spreadsheet errors per column', () => {
    const rows = [['Customer', 'Revenue'], ['A', 'abc'], ['B', '#DIV/0!'], ['C', 'tbd'], ['D', 5], ['E', 6], ['F', 7], ['G', 8]];
    const result = ingestRows(rows, { sourceName: 't' });
    const notNumber = result.warnings.find((w) => w.code === 'NOT_A_NUMBER')!;
    expect(notNumber).toMatchObject({ rows: [2, 4], column: 'B' });
    expect(notNumber.message).toBe(
      'Column B ("Revenue") of t should hold numbers, but rows 2 and 4 hold text such as "abc"; those cells were left blank (an attractiveness factor scores a blank at the middle of its scale, and the portfolio names those accounts). Correct them if they should count.',
    );
    expect(result.warnings.find((w) => w.code === 'CELL_ERROR')).toMatchObject({ rows: [3], column: 'B' });
    expect(result.accounts.map((a) => a.revenue)).toEqual([undefined, undefined, undefined, 5, 6, 7, 8]);
  });

  it('reads Date objects by their local day when the host builds them in local time', () => {
    const result = ingestRows([['Cliente', 'Ventas', 'Fecha'], ['A', 1, new Date(2024, 2, 15)]], { dateObjects: 'local' });
    expect(result.accounts[0]!.date).toBe('2024-03-15');
  });
});

describe('options', () => {
  it('accepts an explicit mapping, a header row and a kind', () => {
    const result = ingestRows(
      [['Report'], ['Nombre', 'Cifra', 'Dia'], ['A', 10, '2024-01-01'], ['A', 5, '2024-02-01']],
      { mapping: { account: 'Nombre', revenue: 'cifra', date: 'C' }, headerRow: 2, kind: 'customers' },
    );
    expect(result.headerRow).toBe(2);
    expect(result.kind).toBe('customers');
    expect(result.accounts).toEqual([{ account: 'A', revenue: 15, date: '2024-01-01', factors: {}, sourceRows: [3, 4] }]);
  });

  it('names rows and columns as the sheet does when the range starts elsewhere', () => {
    const result = ingestRows([['Customer', 'Revenue'], ['A', 'x'], ['B', 5], ['C', 6]], { firstRow: 10, firstColumn: 2 });
    expect(result.headerRow).toBe(10);
    expect(result.warnings.find((w) => w.code === 'NOT_A_NUMBER')).toMatchObject({ rows: [11], column: 'D' });
  });

  it.each([1, 2, 3, 1000])('gives the same result whatever the sample size (%d rows)', (sampleRows) => {
    const rows: RawCell[][] = [['Date', 'Customer', 'Amount']];
    for (let i = 0; i < 40; i++) rows.push([`2024-01-${String((i % 28) + 1).padStart(2, '0')}`, `C${i % 4}`, `${i}.50`]);
    rows.push(['Total', null, '800.00']);
    const result = ingestRows(rows, { sampleRows });
    expect(result.kind).toBe('transactions');
    expect(result.accounts.map((a) => [a.account, a.revenue, a.orders])).toEqual([
      ['C0', 185, 10],
      ['C1', 195, 10],
      ['C2', 205, 10],
      ['C3', 215, 10],
    ]);
    expect(skipped(result)).toEqual([[42, 'TOTALS_ROW', undefined]]);
  });
});

describe('tables that cannot be read', () => {
  it.each([
    ['an empty table', [], 'EMPTY_TABLE'],
    ['blank rows only', [[], ['', null]], 'EMPTY_TABLE'],
    ['a title only', [['Just a title']], 'NO_HEADER_ROW'],
    ['headers without data', [['Customer', 'Revenue']], 'NO_DATA_ROWS'],
    ['no account column', [['Region', 'Revenue'], ['North', 5]], 'NO_ACCOUNT_COLUMN'],
    ['no numbers', [['Customer', 'Segment'], ['Acme', 'Retail']], 'NO_NUMERIC_DATA'],
    ['orders without amounts', [['Date', 'Customer', 'Note'], ['2024-01-01', 'A', 'x'], ['2024-01-02', 'A', 'y'], ['2024-01-03', 'A', 'z']], 'NO_AMOUNT_COLUMN'],
    ['rows without names', [['Customer', 'Revenue'], [null, 5], ['', 7]], 'NO_DATA_ROWS'],
  ] as const)('reports %s', (_, rows, code) => {
    const result = ingestRows(rows as unknown as RawCell[][], { sourceName: 'book.xlsx' });
    expect(result.errors.map((e) => e.code)).toEqual([code]);
    expect(result.errors[0]!.severity).toBe('error');
    expect(result.errors[0]!.message).toMatch(/book\.xlsx/);
    expect(result.accounts).toEqual([]);
  });

  it('lists the headers it found when no column names the accounts', () => {
    const result = ingestRows([['Region', 'Revenue', 'Margin'], ['North', 5, 0.2]], { sourceName: 'regions.xlsx' });
    expect(result.errors[0]!.message).toBe(
      'No column in regions.xlsx holds the account names (the headers in row 1 are "Region", "Revenue", "Margin"). Name that column "Customer" or "Cliente", or map it to the account role.',
    );
    expect(result.columns.map((c) => c.role)).toEqual([null, 'revenue', 'margin']);
  });

  it('reports a mapping to a missing header', () => {
    const result = ingestRows([['Customer', 'Sales'], ['A', 1]], { mapping: { revenue: 'Turnover' } });
    expect(result.errors.map((e) => e.code)).toEqual(['MAPPING_NOT_FOUND']);
  });

  it('refuses rows out of order and rows after finish', () => {
    const reader = createTableReader();
    reader.push(['Customer', 'Revenue'], 3);
    expect(() => reader.push(['A', 1], 3)).toThrow(RangeError);
    reader.finish();
    expect(() => reader.push(['A', 1], 4)).toThrow(/after finish/);
  });
});

describe("the customer's segment and the breadth of what it buys (issue 10)", () => {
  // An order export shaped like a real one: a per-customer Segment, per-line Category and Sub-Category.
  const header = ['Order ID', 'Order Date', 'Customer Name', 'Segment', 'Category', 'Sub-Category', 'Sales', 'Profit'];
  const lines: RawCell[][] = [
    ['O-1', '2024-01-03', 'Acme', 'Corporate', 'Furniture', 'Chairs', 100, 10],
    ['O-1', '2024-01-03', 'Acme', 'Corporate', 'Technology', 'Phones', 200, 20],
    ['O-2', '2024-02-03', 'Borg', 'Consumer', 'Office Supplies', 'Paper', 50, 5],
    ['O-2', '2024-02-03', 'Borg', 'Consumer', 'Office Supplies', 'Binders', 60, 6],
    ['O-3', '2024-03-03', 'Cyan', 'Home Office', 'Technology', 'Phones', 70, 7],
    ['O-4', '2024-04-03', 'Cyan', 'Home Office', 'Technology', 'Phones', 80, 8],
    ['O-5', '2024-05-03', 'Dyno', 'Consumer', 'Furniture', 'Tables', 90, -9],
    ['O-5', '2024-05-03', 'Dyno', 'Consumer', 'Furniture', 'Chairs', 95, 9],
    ['O-6', '2024-06-03', 'Acme', 'Corporate', 'Office Supplies', 'Paper', 30, 3],
  ];

  it('takes the segment from the column named Segment, and counts categories bought for breadth', () => {
    const result = ingestRows([header, ...lines], { sourceName: 'orders.csv' });
    expect(result.kind).toBe('transactions');
    expect(result.columns.map((c) => c.role)).toEqual(['orderId', 'date', 'account', 'segment', null, 'category', 'revenue', 'profit']);
    expect(Object.fromEntries(result.accounts.map((a) => [a.account, [a.segment, a.categories]]))).toEqual({
      Acme: ['Corporate', 3], Borg: ['Consumer', 2], Cyan: ['Home Office', 1], Dyno: ['Consumer', 2],
    });
    const notes = result.warnings.map((w) => w.code);
    expect(notes).toContain('SEGMENT_CHOSEN');
    expect(notes).toContain('CATEGORY_FOR_BREADTH');
    expect(result.warnings.find((w) => w.code === 'ROLE_CONFLICT')?.message).toMatch(/column F \("Sub-Category"\) was used, column E \("Category"\) was not/);
  });

  it('does not take a "segment" whose values change within one customer\'s orders', () => {
    // Here the segment column describes the lines (a product segment): it feeds breadth instead.
    const rows = [['Order ID', 'Order Date', 'Customer Name', 'Segment', 'Sales'], ...lines.map((l) => [l[0], l[1], l[2], l[5], l[6]])];
    const result = ingestRows(rows, { sourceName: 'orders.csv' });
    expect(result.columns.map((c) => c.role)).toEqual(['orderId', 'date', 'account', 'category', 'revenue']);
    expect(result.accounts.every((a) => a.segment === undefined)).toBe(true);
    expect(result.accounts.find((a) => a.account === 'Acme')?.categories).toBe(3);
    const varies = result.warnings.find((w) => w.code === 'SEGMENT_VARIES')!;
    expect(varies.message).toMatch(/column D \("Segment"\) of orders\.csv is named like a segment, but its values change within one customer's orders/i);
    // The user's mapping wins.
    const mapped = ingestRows(rows, { mapping: { segment: 'Segment' } });
    expect(mapped.columns[3]!.role).toBe('segment');
  });

  it('reads a Category column of a customer list as the segment when no column names one', () => {
    const result = ingestRows([['Customer', 'Category', 'Revenue'], ['Acme', 'A', 10], ['Borg', 'B', 5]]);
    expect(result.accounts.map((a) => a.segment)).toEqual(['A', 'B']);
    expect(result.warnings.map((w) => w.code)).toContain('CATEGORY_AS_SEGMENT');
    const both = ingestRows([['Customer', 'Segment', 'Category', 'Revenue'], ['Acme', 'Retail', 'A', 10]]);
    expect(both.accounts[0]!.segment).toBe('Retail');
    expect(both.warnings.find((w) => w.code === 'COLUMNS_NOT_USED')?.message).toMatch(/"Category"/);
  });

  it('reads an effort column as the days a year each account needs', () => {
    const result = ingestRows([['Customer', 'Revenue', 'Days a year'], ['Acme', 10, 60], ['Borg', 5, '20']]);
    expect(result.accounts.map((a) => a.effort)).toEqual([60, 20]);
  });
});

describe('growth from a base too small to mean anything (issue 10)', () => {
  it('is left blank, with one note naming the accounts and the largest rise it would have shown', () => {
    const rows: RawCell[][] = [['Date', 'Customer', 'Amount']];
    for (const name of ['Acme', 'Borg', 'Cyan', 'Dyno']) {
      rows.push([`2023-01-1${rows.length % 9}`, name, 1000], [`2024-01-1${rows.length % 9}`, name, 1100]);
    }
    rows.push(['2023-01-20', 'Tiny', 1], ['2024-03-01', 'Tiny', 1950]); // a first order of 1, then a real year
    rows.push(['2023-11-20', 'Late', 900], ['2024-06-01', 'Late', 5000]); // started in November: a part year
    rows.push(['2023-11-25', 'Lost', 900]); // a part year, then nothing: a fall is kept
    rows.push(['2024-12-20', 'Acme', 1]);
    const result = ingestRows(rows, { sourceName: 'orders.csv' });
    const growth = Object.fromEntries(result.accounts.map((a) => [a.account, a.growth]));
    expect(growth).toEqual({ Acme: 0.101, Borg: 0.1, Cyan: 0.1, Dyno: 0.1, Tiny: undefined, Late: undefined, Lost: -1 });
    expect(result.accounts.find((a) => a.account === 'Tiny')?.trend).toBeCloseTo(1949 / 1951, 6);
    const note = result.warnings.find((w) => w.code === 'GROWTH_SMALL_BASE')!;
    expect(note.message).toBe(
      'Growth 2023–2024 was left blank for 2 accounts ("Tiny", "Late"): 2023 is too small a base, because they started buying after March 2023 or bought less than 100 that year (a tenth of the median account\'s). A rise from such a base (up to +194,900 %) says nothing, so there is no growth figure: they are scored at the middle of the growth scale.',
    );
  });
});

describe('near-duplicate names', () => {
  it('are one grouped note, however many sets differ only by legal form', () => {
    const result = ingestRows([
      ['Customer', 'Revenue'], ['Tajo S.A.', 1], ['Tajo S.L.', 2], ['Acme Inc.', 3], ['ACME, LLC', 4], ['Vega GmbH', 5], ['Vega AG', 6], ['Solo', 7],
    ], { sourceName: 'list.csv' });
    const near = result.warnings.filter((w) => w.code === 'NEAR_DUPLICATE_ACCOUNTS');
    expect(near).toHaveLength(1);
    expect(near[0]!.message).toBe(
      'In list.csv, 3 sets of names differ only in legal form (S.A., S.L., Inc., LLC, GmbH…), punctuation or capitals and were kept as separate accounts: "Tajo S.A." / "Tajo S.L." (rows 2 and 3); "Acme Inc." / "ACME, LLC" (rows 4 and 5); "Vega GmbH" / "Vega AG" (rows 6 and 7). If any of them is one customer, write its name the same way in every row.',
    );
    expect(near[0]!.rows).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
