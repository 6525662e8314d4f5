// dist/excel as Excel loads it: functions.js with the runtime's CustomFunctions global, and functions.json.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/functions/catalogue';
import { excelName } from '../../src/core/functions/function-ids';
import { loadExcelBundle, readDist, StubCustomFunctionError } from '../support/dist';
import { RATINGS, WEIGHTS } from '../support/published-table';

describe('dist/excel/functions.js', () => {
  it('associates every catalogue function under its id', () => {
    expect(Object.keys(loadExcelBundle()).sort()).toEqual(catalogue.map((f) => f.id).sort());
  });

  it('computes SCORE as Excel calls it (omitted optional argument arrives as null)', () => {
    const fns = loadExcelBundle();
    expect(fns.SCORE(RATINGS, WEIGHTS, null)).toEqual([[5.95], [7.7], [6.85], [2.1], [3.7]]);
    const blankRow = RATINGS[0].map(() => null);
    expect(fns.SCORE([RATINGS[0], blankRow], WEIGHTS, null)).toEqual([[5.95], ['']]);
  });

  it('places a #VALUE! error with its message in the failing row only', () => {
    const fns = loadExcelBundle();
    const out = fns.SCORE([RATINGS[0], [true, ...RATINGS[1].slice(1)]], WEIGHTS, null) as unknown[][];
    expect(out[0]).toEqual([5.95]);
    expect(out[1][0]).toBeInstanceOf(StubCustomFunctionError);
    expect(out[1][0]).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('row 2, column 1 holds TRUE') });
  });

  it('throws a #VALUE! error naming the argument for a whole-argument problem', () => {
    const fns = loadExcelBundle();
    expect(() => fns.SCORE(RATINGS, [[1, 2]], null)).toThrow(StubCustomFunctionError);
    try {
      fns.SCORE(RATINGS, [[1, 2]], null);
    } catch (error) {
      expect(error).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('scores has 9 columns but weights has 2 weights') });
    }
  });
});

describe('dist/excel/functions.json', () => {
  const metadata = JSON.parse(readDist('excel/functions.json'));

  it('lists every catalogue function with matching ids, parameters and dimensionality', () => {
    const byId = new Map(metadata.functions.map((f: { id: string }) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(catalogue.map((f) => f.id).sort());
    for (const spec of catalogue) {
      const entry = byId.get(spec.id) as any;
      expect(entry.name).toBe(spec.id);
      expect(entry.description.length).toBeGreaterThan(20);
      expect(entry.result.dimensionality).toBe('matrix');
      expect(entry.parameters.map((p: any) => p.name)).toEqual(spec.params.map((p) => p.name));
      for (const [i, param] of spec.params.entries()) {
        const json = entry.parameters[i];
        expect(json.dimensionality ?? 'scalar').toBe(param.kind === 'range' ? 'matrix' : 'scalar');
        expect(Boolean(json.optional)).toBe(Boolean(param.optional));
        expect(json.description).toBe(param.description);
      }
      expect(entry.description).toContain(`=${excelName(spec.id)}(`);
    }
  });
});
