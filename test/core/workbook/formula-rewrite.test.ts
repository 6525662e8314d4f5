// Moving a workbook between hosts: catalogue names rewritten, everything else left exactly as it was.
import { describe, expect, it } from 'vitest';
import { formulaChanges, rewriteFormula, spillCells } from '../../../src/core/workbook/formula-rewrite';
import { FUNCTION_IDS } from '../../../src/core/functions/function-ids';

describe('rewriteFormula', () => {
  it.each(FUNCTION_IDS)('rewrites %s both ways and from the saved-file forms', (id) => {
    expect(rewriteFormula(`=KAM.${id}(A1:A3)`, 'sheets')).toEqual({ formula: `=KAM_${id}(A1:A3)`, renamed: 1 });
    expect(rewriteFormula(`=KAM_${id}(A1:A3)`, 'excel')).toEqual({ formula: `=KAM.${id}(A1:A3)`, renamed: 1 });
    expect(rewriteFormula(`=_xldudf_KAM_${id}(A1:A3)`, 'excel').formula).toBe(`=KAM.${id}(A1:A3)`);
    expect(rewriteFormula(`=_xldudf_KAM_${id}(A1:A3)`, 'sheets').formula).toBe(`=KAM_${id}(A1:A3)`);
  });

  it.each([
    ['=kam.score(A1:B2, C1:D1)', 'sheets', '=KAM_SCORE(A1:B2, C1:D1)'],
    ['=Kam_Select(A:A, B:B, 10, , "flags")', 'excel', '=KAM.SELECT(A:A, B:B, 10, , "flags")'],
    ['=IF(KAM.POSITION(A1,B1)="Star", KAM.CLV(C1, 0.8, 0.1), 0)', 'sheets', '=IF(KAM_POSITION(A1,B1)="Star", KAM_CLV(C1, 0.8, 0.1), 0)'],
    ['=KAM_SCORE(KAM_FLAGS(A1,B1,C1), 1)', 'excel', '=KAM.SCORE(KAM.FLAGS(A1,B1,C1), 1)'],
    ['=_xll.KAM.REWARD(A1,B1,C1)', 'sheets', '=KAM_REWARD(A1,B1,C1)'],
  ] as const)('%s → %s', (from, host, to) => {
    expect(rewriteFormula(from, host).formula).toBe(to);
  });

  it.each([
    ['text in quotes', '=CONCAT("KAM.SCORE(", A1)'],
    ['quoted sheet names containing KAM', "='KAM.SCORE(x'!A1 + 'KAM Model'!B2"],
    ['names without a bracket (named ranges, unquoted sheets)', '=SUM(KAM_Weights) + KAM_SCORE!A1'],
    ['other functions that merely contain the name', '=MYKAM_SCORE(A1) + XKAM.SCORE(B1)'],
    ['unknown ids', '=KAM_TOTAL(A1) + KAM.FOO(B1)'],
    ['structured references', '=SUM(Table1[KAM.SCORE(x)])'],
    ['the host spelling in another case', '=kam_score(A1:B2, C1:D1)'],
  ])('leaves %s alone', (_, formula) => {
    expect(rewriteFormula(formula, 'sheets')).toEqual({ formula, renamed: 0 });
  });

  it('unwraps the IFERROR(__xludf.DUMMYFUNCTION(…)) form Google Sheets exports for Excel', () => {
    const exported = '=IFERROR(__xludf.DUMMYFUNCTION("KAM_SCORE(A2:B4,""x"")"),7.5)';
    expect(rewriteFormula(exported, 'excel').formula).toBe('=KAM.SCORE(A2:B4,"x")');
    expect(rewriteFormula(exported, 'sheets').formula).toBe('=KAM_SCORE(A2:B4,"x")');
  });

  it('formulaChanges lists only changed formulas and skips text that looks like one', () => {
    const formulas = [['=KAM.SCORE(A1)', 5, '=SUM(A1)'], ['=KAM.CLV(A1,0.5,0.1)', '', 'note']];
    const values = [[7, 5, 3], ['=KAM.CLV(A1,0.5,0.1)', '', 'note']];
    expect(formulaChanges(formulas, 'sheets', values)).toEqual([{ row: 0, column: 0, formula: '=KAM_SCORE(A1)' }]);
    expect(formulaChanges(formulas, 'sheets')).toHaveLength(2);
  });
});

describe('the forms a moved workbook takes', () => {
  it.each([
    ['an external-link index (office-js#2568)', '=[2]!_xldudf_KAM_SCORE(A2:B4, C1:D1)', '=KAM.SCORE(A2:B4, C1:D1)'],
    ['an index before the Sheets spelling', '=[1]!KAM_SELECT(A2:A9, B2:B9, 5)', '=KAM.SELECT(A2:A9, B2:B9, 5)'],
    ['an index before the host spelling already', '=[3]!KAM.CLV(A2:A9, 0.8, 0.1)', '=KAM.CLV(A2:A9, 0.8, 0.1)'],
    ['an add-in file Excel attributed the name to (office-js#4811)', "='C:\\Program Files\\Microsoft Office\\root\\Office16\\Library\\Analysis\\FUNCRES.XLAM'!_xldudf_KAM_FLAGS(A2:A9, B2:B9, C2:C9)", '=KAM.FLAGS(A2:A9, B2:B9, C2:C9)'],
    ['an unquoted add-in file (office-js#3872)', '=ROUND(BloombergUI.xla!_xldudf_KAM_SCORE(A2:B4, C1:D1), 2)', '=ROUND(KAM.SCORE(A2:B4, C1:D1), 2)'],
  ])('strips %s', (_, saved, excel) => {
    expect(rewriteFormula(saved, 'excel')).toEqual({ formula: excel, renamed: 1 });
    expect(rewriteFormula(saved, 'sheets').formula).toBe(excel.replace(/KAM\./g, 'KAM_'));
  });

  it.each([
    ["a sheet-qualified reference", "=SUM('KAM Model'!B2:B4) + [2]Sheet1!A1"],
    ['a VBA function of another workbook with our name but no _xldudf_', '=PERSONAL.XLSB!KAM_SCORE(A1:B2, C1:D1)'],
  ])('leaves %s alone', (_, formula) => {
    expect(rewriteFormula(formula, 'sheets')).toEqual({ formula, renamed: 0 });
  });

  const exported = (inner: string, cached: number | string): string => `=IFERROR(__xludf.DUMMYFUNCTION("${inner.replace(/"/g, '""')}"),${cached})`;
  const spill = (cached: number | string): string => `=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),${cached})`;

  it('clears the spill cells Sheets exported under a KAM result, so it can spill in Excel', () => {
    const formulas = [
      ['Account', 'Attractiveness', 'Strength'],
      ['Acme', exported('KAM_SCORE(D2:E4, D1:E1)', 7.5), exported('KAM_STRENGTH(F2:G4, H2:I4, F1:G1)', 1.2)],
      ['Bolt', spill(4.1), spill(0.9)],
      ['Corex', spill(6), spill(1)],
      ['Total', '=SUM(B2:B4)', ''],
    ];
    expect(formulaChanges(formulas, 'excel')).toEqual([
      { row: 1, column: 1, formula: '=KAM.SCORE(D2:E4, D1:E1)' },
      { row: 1, column: 2, formula: '=KAM.STRENGTH(F2:G4, H2:I4, F1:G1)' },
      { row: 2, column: 1, formula: '' }, { row: 3, column: 1, formula: '' },
      { row: 2, column: 2, formula: '' }, { row: 3, column: 2, formula: '' },
    ]);
  });

  it('reads the exported forms as Excel shows them, with its implicit-intersection @ (apache/poi#1046)', () => {
    const formulas = [
      ['=IFERROR(@__xludf.DUMMYFUNCTION("KAM_CLV(A2:A3,0.8,0.1)"),266.67)'],
      ['=IFERROR(@__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),100)'],
    ];
    expect(formulaChanges(formulas, 'excel')).toEqual([
      { row: 0, column: 0, formula: '=KAM.CLV(A2:A3,0.8,0.1)' },
      { row: 1, column: 0, formula: '' },
    ]);
  });

  it('clears a table-shaped spill (KAM_SELECT "table"), and spill cells left by an earlier rewrite', () => {
    const formulas = [
      ['Account', 'Value', 'Days', 'Cumulative'],
      ['=KAM.SELECT(A:A, B:B, 100, C:C, "table")', spill(9), spill(30), spill(30)],
      [spill('"Bolt"'), spill(7), spill(40), spill(70)],
    ];
    const changes = formulaChanges(formulas, 'excel');
    expect(changes).toHaveLength(7);
    expect(changes.every((c) => c.formula === '')).toBe(true);
  });

  it('leaves spill cells that may belong to another Google-only formula', () => {
    const formulas = [
      ['Price', 'Score'],
      [exported('GOOGLEFINANCE("X")', 10), exported('KAM_SCORE(C2:D4, C1:D1)', 5)],
      [exported('GOOGLEFINANCE("Y")', 11), spill(6)],
      [spill(12), spill(7)],
    ];
    // Row 3 sits beside another exported formula, which might have spilled across: the KAM result stops above it.
    expect(formulaChanges(formulas, 'excel')).toEqual([{ row: 1, column: 1, formula: '=KAM.SCORE(C2:D4, C1:D1)' }]);
    // A spill of a formula that is not ours is never touched.
    expect(spillCells(formulas, 1, 0)).toEqual([]);
  });

  it('stops at a column whose spill continues from the row above (another result)', () => {
    const formulas = [
      ['x', exported('GOOGLEFINANCE("X")', 1)],
      [exported('KAM_SCORE(C2:D4, C1:D1)', 5), spill(2)],
      [spill(6), ''],
    ];
    expect(spillCells(formulas, 1, 0)).toEqual([{ row: 2, column: 0 }]);
  });
});
