// Tests for the keys that merge identical account names and flag near-identical ones.
import { describe, expect, it } from 'vitest';
import { accountKey, nearAccountKey } from '../../../src/core/ingest/account-names';

describe('account name keys', () => {
  it.each([
    ['Northwind Traders', 'NORTHWIND  TRADERS '],
    [' acme ltd', 'Acme Ltd'],
    ['Café', 'Cafe\u0301'], // composed and decomposed accents are the same text
  ])('%j and %j are the same account', (a, b) => {
    expect(accountKey(a)).toBe(accountKey(b));
  });

  it.each([
    ['Acme Inc.', 'ACME, Inc'],
    ['Acme Inc.', 'Acme'],
    ['Distribuciones Peña S.L.', 'Distribuciones Pena SL'],
    ['Smith & Sons Ltd', 'Smith and Sons Limited'],
    ['Grupo Bimbo S.A. de C.V.', 'Bimbo'],
    ['=Acme', 'Acme'],
  ])('%j and %j are probably the same account but not merged', (a, b) => {
    expect(nearAccountKey(a)).toBe(nearAccountKey(b));
    expect(accountKey(a)).not.toBe(accountKey(b));
  });

  it.each([
    ['Acme Foods', 'Acme Logistics'],
    ['Globex', 'Globe'],
  ])('%j and %j are different accounts', (a, b) => {
    expect(nearAccountKey(a)).not.toBe(nearAccountKey(b));
  });

  it('keeps a name made only of legal words instead of emptying it', () => {
    expect(nearAccountKey('The Company Ltd')).toBe('thecompanyltd');
  });
});
