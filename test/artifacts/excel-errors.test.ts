// Error cells and data types reaching the BUILT dist/excel/functions.js as Excel hands them over under
// the BUILT functions.json (test/support/excel-invoke.ts): an #N/A in one account's row stays in that
// row, as docs/functions.md promises, only because the metadata sets allowErrorForDataTypeAny.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/functions/catalogue';
import { loadExcelBundle, readDist, StubCustomFunctionError } from '../support/dist';
import { ExcelOutcome, FunctionsJson, invokeAsExcel, SheetError } from '../support/excel-invoke';
import { RATINGS, TOTALS, WEIGHTS } from '../support/published-table';

const metadata: FunctionsJson = JSON.parse(readDist('excel/functions.json'));
const fns = loadExcelBundle();
const withNaInRow3 = RATINGS.map((row, i) => (i === 2 ? [row[0], new SheetError('#N/A'), ...row.slice(2)] : row));

const column = (outcome: ExcelOutcome): unknown[] => {
  if (!('result' in outcome)) throw new Error(`Excel withheld the call: ${outcome.withheld}`);
  return (outcome.result as unknown[][]).map((row) => row[0]);
};

describe('dist/excel/functions.json', () => {
  it('lets error cells and data types reach every function: both flags set, every parameter of type any', () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(catalogue.map((f) => f.id).sort());
    for (const fn of metadata.functions) for (const p of fn.parameters) expect(p.type, `${fn.id} ${p.name}`).toBe('any');
  });
});

describe("Excel's rule for error cells, through functions.js", () => {
  it('keeps an #N/A in one row to that row with the shipped metadata', () => {
    const out = column(invokeAsExcel(metadata, 'SCORE', fns.SCORE, [withNaInRow3, WEIGHTS, null]));
    expect(out.filter((_, i) => i !== 2)).toEqual(TOTALS.filter((_, i) => i !== 2));
    expect(out[2]).toBeInstanceOf(StubCustomFunctionError);
    expect(out[2]).toMatchObject({ code: '#N/A' });
  });

  it('would turn the whole result into #N/A without allowErrorForDataTypeAny: the function is never called', () => {
    const { allowErrorForDataTypeAny: _, ...generated } = metadata;
    let calls = 0;
    const counted = (...args: unknown[]): unknown => (calls++, fns.SCORE(...args));
    expect(invokeAsExcel(generated, 'SCORE', counted, [withNaInRow3, WEIGHTS, null])).toEqual({ withheld: '#N/A' });
    expect(calls).toBe(0);
  });

  it('passes an error through every function it can reach a row of', () => {
    const out = column(invokeAsExcel(metadata, 'POSITION', fns.POSITION, [[[8], [new SheetError('#DIV/0!')], [7]], [[1.2], [1], [0.5]], null, null]));
    expect(out[0]).toBe('Strategic');
    expect(out[1]).toMatchObject({ code: '#DIV/0!' });
    expect(out[2]).toBe('Star');
    const clv = column(invokeAsExcel(metadata, 'CLV', fns.CLV, [[[100], [new SheetError('#REF!')]], 0.8, 0.1, null]));
    expect(clv[0]).toBeCloseTo(100 * 0.8 / (1 + 0.1 - 0.8), 9);
    expect(clv[1]).toMatchObject({ code: '#REF!' });
  });

  it('names the cell for an error Excel has but the catalogue does not (#SPILL!, #CALC!, …)', () => {
    const scores = RATINGS.slice(0, 2).map((row, i) => (i === 1 ? [new SheetError('#SPILL!'), ...row.slice(1)] : row));
    const out = column(invokeAsExcel(metadata, 'SCORE', fns.SCORE, [scores, WEIGHTS, null]));
    expect(out[0]).toBe(TOTALS[0]);
    expect(out[1]).toMatchObject({ code: '#VALUE!', message: 'scores: row 2, column 1 holds the error #SPILL!. Correct that cell, or the formula it comes from.' });
  });
});

describe('data types, through functions.js', () => {
  it('reads formatted numbers and doubles as their number', () => {
    const scores = RATINGS.map((row) => row.map((v, j) => (j % 2 ? { type: 'FormattedNumber', basicValue: v, numberFormat: '0.0' } : { type: 'Double', basicValue: v })));
    expect(column(invokeAsExcel(metadata, 'SCORE', fns.SCORE, [scores, WEIGHTS, null]))).toEqual(TOTALS);
  });

  it('reads a linked entity (a Stocks or Geography cell) as the text it shows', () => {
    const entity = (text: string): unknown => ({ type: 'LinkedEntity', text, basicValue: '#VALUE!', basicType: 'Error', id: { domainId: 'Stocks', entityId: text, serviceId: 268, culture: 'en-US' } });
    const out = invokeAsExcel(metadata, 'SELECT', fns.SELECT, [[[entity('Contoso Ltd')], [entity('Fabrikam Inc')], [{ type: 'String', basicValue: 'Tailspin' }]], [[5], [9], [7]], 2, null, null]);
    expect(column(out)).toEqual(['Fabrikam Inc', 'Tailspin']);
  });

  it('turns a picture or an entity without text into an error naming the cell, in that row only', () => {
    const scores = [RATINGS[0], [{ type: 'WebImage', address: 'https://example.com/x.png', basicValue: '#VALUE!' }, ...RATINGS[1].slice(1)], RATINGS[2]];
    const out = column(invokeAsExcel(metadata, 'SCORE', fns.SCORE, [scores, WEIGHTS, null]));
    expect(out[0]).toBe(TOTALS[0]);
    expect(out[1]).toMatchObject({ code: '#VALUE!', message: 'scores: row 2, column 1 holds a picture, not a number or text. Put a plain value there (or clear the cell).' });
    expect(out[2]).toBe(TOTALS[2]);
    const names = column(invokeAsExcel(metadata, 'SELECT', fns.SELECT, [[['A'], [{ type: 'Entity', basicValue: '#VALUE!' }]], [[5], [9]], 2, null, 'flags']));
    expect(names[0]).toBe(true);
    expect(names[1]).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('accounts: row 2, column 1 holds a data type without text') });
  });

  it('still reads an error passed as a CustomFunctions.Error-like object ({code, message})', () => {
    const scores = [RATINGS[0], [new StubCustomFunctionError('#N/A', 'lookup failed'), ...RATINGS[1].slice(1)]];
    const out = fns.SCORE(scores, WEIGHTS, null) as unknown[][];
    expect(out[1][0]).toMatchObject({ code: '#N/A', message: 'lookup failed' });
  });
});
