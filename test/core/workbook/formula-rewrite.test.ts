// Moving a workbook between hosts: catalogue names rewritten, everything else left exactly as it was.
import { describe, expect, it } from 'vitest';
import { formulaChanges, rewriteFormula } from '../../../src/core/workbook/formula-rewrite';
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
