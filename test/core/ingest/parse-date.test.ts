// Tests for reading dates (serials, Date objects, text in EN/ES forms) and Excel serial arithmetic.
import { describe, expect, it } from 'vitest';
import { readDateCell, readDateText } from '../../../src/core/ingest/parse-date';
import { isoFromSerial, serialFromDate, serialFromYmd, ymdFromSerial } from '../../../src/core/ingest/excel-serial';

const serialOf = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return serialFromYmd(y, m, d);
};

describe('Excel serial days', () => {
  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61], // 60 is Lotus's phantom 29 February 1900
    ['1970-01-01', 25569],
    ['2024-03-15', 45366],
    ['9999-12-31', 2958465],
  ])('%s is serial %d, both ways', (iso, serial) => {
    expect(serialOf(iso)).toBe(serial);
    expect(isoFromSerial(serial)).toBe(iso);
  });

  it.each([
    [2023, 2, 29],
    [2024, 13, 1],
    [2024, 4, 31],
    [1899, 12, 31],
  ])('rejects the impossible date %d-%d-%d', (y, m, d) => {
    expect(serialFromYmd(y, m, d)).toBeNull();
  });

  it('reads a Date by its UTC or its local calendar day', () => {
    const date = new Date(Date.UTC(2024, 2, 15, 23, 30));
    expect(serialFromDate(date, 'utc')).toBe(45366);
    const local = new Date(2024, 2, 15, 23, 30);
    expect(serialFromDate(local, 'local')).toBe(45366);
    expect(ymdFromSerial(45366.75)).toEqual({ year: 2024, month: 3, day: 15 });
  });
});

describe('readDateText', () => {
  it.each([
    ['2024-03-15', 'DMY', '2024-03-15', null],
    ['2024/3/5', 'MDY', '2024-03-05', null],
    ['2024-03-15T10:30:00Z', 'DMY', '2024-03-15', null],
    ['15/03/2024', 'MDY', '2024-03-15', 'DMY'],
    ['03/15/2024', 'DMY', '2024-03-15', 'MDY'],
    ['15.03.2024', 'DMY', '2024-03-15', 'DMY'],
    ['15-03-24', 'DMY', '2024-03-15', 'DMY'],
    ['15/03/95', 'DMY', '1995-03-15', 'DMY'],
    ['15/03/2024 14:05', 'DMY', '2024-03-15', 'DMY'],
    ['15-Mar-2024', 'MDY', '2024-03-15', null],
    ['15 Mar 2024', 'DMY', '2024-03-15', null],
    ['Mar 15, 2024', 'DMY', '2024-03-15', null],
    ['March 15th, 2024', 'DMY', '2024-03-15', null],
    ['Friday, March 15, 2024', 'DMY', '2024-03-15', null],
    ['15 de marzo de 2024', 'DMY', '2024-03-15', null],
    ['1-ene-2024', 'DMY', '2024-01-01', null],
    ['miércoles 3 de abril de 2024', 'DMY', '2024-04-03', null],
    ['Sept 9 2024', 'DMY', '2024-09-09', null],
    ['dic-2023', 'DMY', '2023-12-01', null],
    ['03/2018', 'DMY', '2018-03-01', null],
    ['20240315', 'DMY', '2024-03-15', null],
    ['45366', 'DMY', '2024-03-15', null],
    ['2024', 'DMY', '2024-01-01', null],
  ] as const)('reads %j (column order %s) as %s', (text, order, iso, reveals) => {
    const reading = readDateText(text, order);
    expect(reading.kind).toBe('date');
    if (reading.kind !== 'date') return;
    expect(isoFromSerial(reading.serial)).toBe(iso);
    expect(reading.reveals).toBe(reveals);
  });

  it.each([
    ['03/04/2024', 'DMY', '2024-04-03'],
    ['03/04/2024', 'MDY', '2024-03-04'],
  ] as const)('reads the ambiguous %j with order %s as %s and says so', (text, order, iso) => {
    const reading = readDateText(text, order);
    expect(reading).toMatchObject({ kind: 'date', ambiguous: true });
    expect(isoFromSerial((reading as { serial: number }).serial)).toBe(iso);
  });

  it('does not call a date with equal day and month ambiguous', () => {
    expect(readDateText('04/04/2024', 'DMY')).toMatchObject({ kind: 'date', ambiguous: false });
  });

  it.each(['', ' ', '-', 'n/a'])('reads %j as blank', (text) => {
    expect(readDateText(text, 'DMY')).toEqual({ kind: 'blank' });
  });

  it.each(['31/02/2024', '2024-13-01', 'soon', 'Q1 2024', '13/13/2024', 'Mar', 'Mar 15 16 2024'])('rejects %j', (text) => {
    expect(readDateText(text, 'DMY').kind).toBe('invalid');
  });
});

describe('readDateCell', () => {
  it.each([
    [45366, '2024-03-15'],
    [45366.6, '2024-03-15'],
    [2024, '2024-01-01'],
    [new Date(Date.UTC(2024, 2, 15)), '2024-03-15'],
  ])('reads the cell %j as %s', (cell, iso) => {
    const reading = readDateCell(cell, 'DMY');
    expect(reading.kind === 'date' && isoFromSerial(reading.serial)).toBe(iso);
  });

  it.each([
    [null, 'blank'],
    [undefined, 'blank'],
    [true, 'invalid'],
    [-5, 'invalid'],
    [3e6, 'invalid'],
  ] as const)('reads %j as %s', (cell, kind) => {
    expect(readDateCell(cell, 'DMY').kind).toBe(kind);
  });
});
