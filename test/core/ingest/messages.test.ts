// Every ingest message is a full sentence a spreadsheet user can act on, in each language, and each code has one.
import { describe, expect, it } from 'vitest';
import type { IssueCode } from '../../../src/core/ingest/messages';
import { describeRows, issue, MESSAGES, sayIssue } from '../../../src/core/ingest/messages';
import { english, render, translator, type Phrase } from '../../../src/core/i18n';

const column = { letter: 'D', header: 'Revenue' };
const source = 'customers.xlsx, sheet "Accounts"';
const headers = ['Region', 'Revenue'];

/** One example per code; the test below fails when a code is added without an example. */
const EXAMPLES: { [C in IssueCode]: Parameters<(typeof MESSAGES)[C]>[0] } = {
  EMPTY_TABLE: { source },
  NO_HEADER_ROW: { source, rowsSearched: 30 },
  NO_DATA_ROWS: { source, headerRow: 4 },
  NO_ACCOUNT_COLUMN: { source, headerRow: 4, headers },
  NO_NUMERIC_DATA: { source, headerRow: 4, headers },
  NO_AMOUNT_COLUMN: { source, headerRow: 4, headers },
  MAPPING_NOT_FOUND: { source, role: 'revenue', header: 'Turnover', headerRow: 4, headers },
  BLANK_ROW: { row: 7, lastRow: 7 },
  TOTALS_ROW: { row: 40, label: 'Total' },
  SUMMARY_ROW: { row: 41, label: 'Average' },
  NO_ACCOUNT_NAME: { row: 9, column: { letter: 'A', header: 'Customer' } },
  REPEATED_HEADER: { row: 60 },
  DUPLICATE_ACCOUNT_MERGED: { source, account: 'Acme', rows: [5, 9] },
  NEAR_DUPLICATE_ACCOUNTS: { source, groups: [{ names: ['Acme Inc.', 'ACME, Inc'], rows: [5, 6] }, { names: ['Tajo S.A.', 'Tajo S.L.'], rows: [8, 9] }] },
  SPELLING_VARIANTS_MERGED: { source, names: ['Acme', 'ACME'] },
  NOT_A_NUMBER: { source, column, rows: [5], count: 1, example: 'tbd' },
  CELL_ERROR: { source, column, rows: [5, 6], count: 2, example: '#DIV/0!' },
  NOT_A_DATE: { source, column, rows: [5], count: 1, example: 'soon' },
  UNDATED_ORDERS: { source, column, rows: [5, 6, 7, 8, 9], count: 12 },
  AMBIGUOUS_DECIMAL: { source, column, example: '1,234', separator: '.', reading: 1234 },
  AMBIGUOUS_DATE_ORDER: { source, column, example: '03/04/2024', order: 'DMY' },
  ROLE_CONFLICT: { source, role: 'revenue', used: column, notUsed: [{ letter: 'E', header: 'Sales 2023' }] },
  ROLE_WRONG_TYPE: { source, role: 'revenue', column },
  GROWTH_NOT_COMPUTED: { source, first: '2024-02-01', last: '2024-11-30' },
  NO_DATE_COLUMN: { source },
  GROWTH_SMALL_BASE: { source, count: 3, names: ['Acme', 'Borg', 'Cyan'], years: [2023, 2024], smallBase: 1234.5, largest: 1950 },
  SEGMENT_MIXED: { source, column: { letter: 'G', header: 'Segment' }, count: 2 },
  SEGMENT_VARIES: { source, column: { letter: 'G', header: 'Segment' }, breadth: true },
  SEGMENT_CHOSEN: { source, column: { letter: 'G', header: 'Segment' } },
  CATEGORY_AS_SEGMENT: { source, column: { letter: 'G', header: 'Category' } },
  CATEGORY_FOR_BREADTH: { source, column: { letter: 'J', header: 'Sub-Category' } },
  PROFIT_DERIVED: { revenue: column, margin: { letter: 'E', header: 'Margin' }, costToServe: null },
  MARGIN_AS_AMOUNT: { source, column },
  PERCENT_POINTS: { source, column, example: 32.5 },
  COLUMNS_NOT_USED: { source, columns: [{ letter: 'B', header: 'Region' }] },
  KIND_DETECTED: { source, kind: 'transactions' },
  FILE_NOT_FOUND: { file: 'customers.xlsx' },
  FILE_UNREADABLE: { file: 'customers.xlsx', reason: 'EACCES' },
  EMPTY_FILE: { file: 'customers.xlsx' },
  PASSWORD_PROTECTED: { file: 'customers.xlsx' },
  UNSUPPORTED_FORMAT: { file: 'customers.ods', format: 'ods' },
  NOT_A_WORKBOOK: { file: 'customers.xlsx' },
  CORRUPT_WORKBOOK: { file: 'customers.xlsx', detail: 'FILE_ENDED' },
  SHEET_NOT_FOUND: { file: 'customers.xlsx', sheet: 'Nope', sheets: ['Accounts'] },
  SHEET_AMBIGUOUS: { file: 'customers.xlsx', sheet: 'notas', matches: ['Notas', 'Notás'] },
  NO_DATA: { file: 'customers.xlsx', sheet: null },
  ENCODING_FALLBACK: { file: 'customers.csv' },
  UNCLOSED_QUOTE: { file: 'customers.csv', row: 12 },
};

describe('MESSAGES', () => {
  it('has an example for every code', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it.each(Object.entries(EXAMPLES) as [IssueCode, never][])('%s reads as full sentences, in English and in Spanish', (code, params) => {
    for (const t of [english, translator('es')]) {
      const message = render((MESSAGES[code] as unknown as (p: never) => Phrase)(params), t);
      expect(message).toMatch(/^["A-ZÁÉÍÓÚÑ]/);
      expect(message).toMatch(/[.)]$/);
      expect(message).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it('builds an issue with its code, severity, message and position', () => {
    const built = issue('REPEATED_HEADER', 'warning', { row: 60 }, { rows: [60] });
    expect(built).toEqual({
      code: 'REPEATED_HEADER',
      severity: 'warning',
      message: 'Row 60 repeats the header row and was skipped.',
      text: expect.any(Function),
      rows: [60],
    });
    expect(sayIssue(built, translator('es'))).toBe('La fila 60 repite la fila de encabezados y se ha omitido.');
  });
});

describe('describeRows', () => {
  it.each([
    [[7], 1, 'row 7'],
    [[7, 9], 2, 'rows 7 and 9'],
    [[1, 2, 3], 3, 'rows 1, 2 and 3'],
    [[1, 2, 3, 4, 5], 12, 'rows 1, 2, 3, 4, 5 and 7 more'],
  ])('describes %j of %d as %j', (rows, total, text) => {
    expect(render(describeRows(rows, total), english)).toBe(text);
  });
});
