// Tests for finding the header row below title blocks, notes and blank rows.
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/ingest/raw-cell';
import { findHeaderRow } from '../../../src/core/ingest/header-row';

const rows = (...cells: RawCell[][]) => cells.map((row, i) => ({ cells: row, rowNumber: i + 1 }));

describe('findHeaderRow', () => {
  it.each([
    ['a header on the first row', rows(['Customer', 'Revenue'], ['Acme', 100], ['Globex', 200]), 0],
    [
      'a merged title and a note above the header',
      rows(['Key account portfolio 2024'], ['Amounts in EUR'], ['Cliente', 'Ventas', 'Margen'], ['Acme', '1.234,50', '12 %']),
      2,
    ],
    [
      'a "Prepared by" line with a date',
      rows(['Sales summary'], ['Prepared by: Finance', 'Date:', new Date(Date.UTC(2024, 11, 31))], ['Account', 'Region', 'Sales'], ['Acme', 'North', 5]),
      2,
    ],
    [
      'a two-cell note line before an unknown-worded header',
      rows(['Region:', 'Europe'], ['Foo', 'Bar', 'Baz', 'Qux'], ['a', 1, 2, 3]),
      1,
    ],
    [
      'data rows that are mostly text',
      rows(['Customer', 'Segment', 'Manager', 'Stage', 'Revenue'], ['Acme', 'Retail', 'Ana', 'Basic', 100], ['Beta', 'Retail', 'Bob', 'Basic', 200]),
      0,
    ],
    ['year headers of a revenue-per-year table', rows(['Report'], ['Customer', 2022, 2023], ['Acme', 100, 120]), 1],
    ['Spanish headers with accents', rows(['Razón social', 'Facturación', 'Antigüedad'], ['Peña SL', 5, 3]), 0],
  ])('finds %s', (_, table, expected) => {
    expect(findHeaderRow(table)).toBe(expected);
  });

  it.each([
    ['a single title cell', rows(['Only a title'])],
    ['numbers only', rows([1, 2, 3], [4, 5, 6])],
    ['nothing', rows()],
  ])('finds no header in %s', (_, table) => {
    expect(findHeaderRow(table)).toBe(-1);
  });
});
