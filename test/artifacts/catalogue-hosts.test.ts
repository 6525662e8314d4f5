// The catalogue functions beyond SCORE, called through the built artifacts as each host calls them:
// dist/sheets/Code.js in a bare scope ("" for blanks, a single cell as a value, row errors as "#VALUE! …" text)
// and dist/excel/functions.js with a stub runtime (null for blanks and omitted arguments, error objects).
import { describe, expect, it } from 'vitest';
import { defaultRewardPlan } from '../../src/core/functions/reward';
import { loadExcelBundle, loadSheetsBundle, StubCustomFunctionError } from '../support/dist';
import { WEIGHTS } from '../support/published-table';

const ABC = [8, 8, 2, 10, 9, 9, 5, 5, 5];
const R1 = [5, 7, 10, 1, 4, 4, 10, 10, 7];
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** Calls a function and returns what it throws. */
function failure(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('the catalogue in dist/sheets/Code.js', () => {
  const gas = loadSheetsBundle();

  it('computes STRENGTH, with "" for a blank row and a single rival row for every account', () => {
    const blank = ABC.map(() => '');
    expect(gas.KAM_STRENGTH([ABC, blank], [R1], WEIGHTS)).toEqual([[0.772727272727273], ['']]);
  });

  it('computes POSITION with a "median" cut and single cells passed as values', () => {
    expect(gas.KAM_POSITION([[8], [3], ['']], [[1.2], [0.8], ['']], 'median')).toEqual([['Strategic'], ['Streamline'], ['']]);
    expect(gas.KAM_POSITION(6, 0.9)).toEqual([['Star']]);
  });

  it('computes SELECT in each output', () => {
    const names = col('Acme', 'Borg', 'Cyan');
    const values = col(10, 6, 6);
    const costs = col(5, 3, 3);
    expect(gas.KAM_SELECT(names, values, 6, costs)).toEqual([['Borg'], ['Cyan']]);
    expect(gas.KAM_SELECT(names, values, 6, costs, 'table')).toEqual([['Borg', 6, 3, 3], ['Cyan', 6, 3, 6]]);
    expect(gas.KAM_SELECT(names, values, 6, costs, 'flags')).toEqual([[false], [true], [true]]);
  });

  it('computes REWARD with the default plan and with the plan as a range', () => {
    const positions = col('Star', 'Streamline');
    const actuals = [[0.12, 0.27, 0.28, 50], [0.12, 0.27, 0.28, 50]];
    const targets = [[0.1, 0.3, 0.4, 40], [0.1, 0.3, 0.4, 40]];
    expect(gas.KAM_REWARD(positions, actuals, targets)).toEqual([[1], [0.25]]);
    expect(gas.KAM_REWARD(positions, actuals, targets, defaultRewardPlan())).toEqual([[1], [0.25]]);
  });

  it('computes CLV with a single retention and a horizon', () => {
    expect(gas.KAM_CLV(col(100, ''), 0.5, 0, 2)).toEqual([[75], ['']]);
  });

  it('computes FLAGS with options as text', () => {
    expect(gas.KAM_FLAGS(col(1000, 100), col(3, 3), col(5, -1), col(1, 12), 'tenure=12')).toEqual([['Big name'], ['Old friend, Difficult']]);
  });

  it('computes STABILITY with factor names, "" for a blank row and an omitted cut', () => {
    expect(gas.KAM_STABILITY([[3, 7, 5, 6], ['', '', '', '']], [[30, 25, 25, 20]], '', undefined, [['Size', 'Growth', 'Margin', 'Fit']])).toEqual([
      [3.33333333333333, 'Size'],
      ['', ''],
    ]);
  });

  it('computes CAPACITY with a blank capacity row and a capacity problem as "#VALUE! message" text in its row', () => {
    expect(gas.KAM_CAPACITY(col(10, 6, 6, 2), col(5, 3, 3, 2), col(6, '', -1))).toEqual([
      [12, 6, 2],
      ['', '', ''],
      Array(3).fill('#VALUE! capacities: row 3 is -1. A capacity is 0 or more: what the team can take on, in the unit of costs (e.g. team days a year).'),
    ]);
  });

  it('computes DRIFT from a KAM_POSITION result and fails the call for an unknown position', () => {
    const previous = gas.KAM_POSITION(col(8, 3), col(1.2, 0.8));
    expect(gas.KAM_DRIFT(previous, col('Star', 'Streamline'))).toEqual([
      ['Previous ↓ / current →', 'Strategic', 'Star', 'Status', 'Streamline'],
      ['Strategic', 0, 1, 0, 0],
      ['Star', 0, 0, 0, 0],
      ['Status', 0, 0, 0, 0],
      ['Streamline', 0, 0, 0, 1],
    ]);
    expect((failure(() => gas.KAM_DRIFT(col('Key'), col('Star'))) as Error).message).toContain('previous_positions: row 1 holds "Key"');
  });

  it('writes a row problem as "#VALUE! message" text, which the next function passes through', () => {
    const positions = gas.KAM_POSITION(col(8, 'high'), col(1.2, 1.2));
    expect(positions[1][0]).toBe('#VALUE! attractiveness: row 2, column 1 holds the text "high", not a number. Type a number there (or clear the cell).');
    const rewards = gas.KAM_REWARD(positions, [[1, 1, 1, 1], [1, 1, 1, 1]], [[1, 1, 1, 1], [1, 1, 1, 1]]);
    expect(rewards).toEqual([[1], [positions[1][0]]]);
  });

  it('fails the call with an Error carrying the message for a whole-argument problem', () => {
    // The bundle runs in its own realm, so its Error is not this realm's Error class.
    expect(failure(() => gas.KAM_SELECT(col('Acme', 'acme'), col(1, 2), 1))).toMatchObject({
      name: 'Error',
      message: expect.stringContaining('accounts: "Acme" is in rows 1 and 2'),
    });
    expect((failure(() => gas.KAM_SELECT(col('Acme'), col(1), 1, col(2))) as Error).message).toContain('No account fits within capacity 1');
  });
});

describe('the catalogue in dist/excel/functions.js', () => {
  const fns = loadExcelBundle();

  it('computes each function as Excel calls it (null for blanks and omitted arguments)', () => {
    expect(fns.STRENGTH([ABC, ABC.map(() => null)], [R1], WEIGHTS)).toEqual([[0.772727272727273], ['']]);
    expect(fns.POSITION(col(8, 3), col(1.2, 0.8), null, null)).toEqual([['Strategic'], ['Streamline']]);
    expect(fns.SELECT(col('Acme', 'Borg', 'Cyan'), col(10, 6, 6), 6, col(5, 3, 3), null)).toEqual([['Borg'], ['Cyan']]);
    expect(fns.REWARD(col('Star'), [[0.12, 0.27, 0.28, 50]], [[0.1, 0.3, 0.4, 40]], null)).toEqual([[1]]);
    expect(fns.CLV(col(100, null), [[0.5]], 0, 2)).toEqual([[75], ['']]);
    expect(fns.FLAGS(col(1000, 100), col(3, 3), col(5, -1), null, null)).toEqual([['Big name'], ['Difficult']]);
    expect(fns.STABILITY([[3, 7, 5, 6]], [[30, 25, 25, 20]], null, null, null)).toEqual([[3.33333333333333, 1]]);
    expect(fns.CAPACITY(col(10, 6, 6, 2), col(5, 3, 3, 2), col(6, null))).toEqual([[12, 6, 2], ['', '', '']]);
    expect((fns.DRIFT(col('Star', null), col('Strategic', null)) as unknown[][])[2]).toEqual(['Star', 1, 0, 0, 0]);
  });

  it('passes an error cell through both STABILITY columns and throws #N/A for a DRIFT row holding one', () => {
    const out = fns.STABILITY([[new StubCustomFunctionError('#N/A'), 6]], [[1, 1]], null, null, null) as unknown[][];
    expect(out[0][0]).toMatchObject({ code: '#N/A' });
    expect(out[0][1]).toMatchObject({ code: '#N/A' });
    expect(failure(() => fns.DRIFT(col(new StubCustomFunctionError('#N/A')), col('Star')))).toMatchObject({
      code: '#N/A',
      message: expect.stringContaining('IFERROR'),
    });
  });

  it('places a #VALUE! error with its message in the failing row, and passes an error cell through', () => {
    const out = fns.CLV(col(100, 'n/a', new StubCustomFunctionError('#N/A')), [[0.5]], 0, null) as unknown[][];
    expect(out[0]).toEqual([100]);
    expect(out[1][0]).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('margins: row 2, column 1 holds the text "n/a"') });
    expect(out[2][0]).toMatchObject({ code: '#N/A' });
  });

  it('throws #N/A with its message when no account fits', () => {
    expect(failure(() => fns.SELECT(col('Acme'), col(1), 1, col(2), 'flags'))).toMatchObject({
      code: '#N/A',
      message: expect.stringContaining('No account fits within capacity 1'),
    });
  });
});
