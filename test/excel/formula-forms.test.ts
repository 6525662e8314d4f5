// The formulas the wizard's build writes for Excel are in the invariant en-US form whatever the display
// language: the Excel host writes them through range.formulas, which Excel reads in that form in every
// language, while formulasLocal would take the user's ("=SUMME(A1; 1,5)") — Office.js, Excel.Range.formulas
// and formulasLocal (@types/office-js, ExcelApi 1.1). Custom functions go in by their KAM.<ID> name,
// which is the same in every language (docs/es/README.md): a translated name written through
// range.formulas gives #NAME? (OfficeDev/office-js#891). docs/hosts.md, "Spanish Excel".
import { describe, expect, it } from 'vitest';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { customerBook } from '../support/customer-books';
import { WizardSession } from '../../taskpane/wizard/session';
import { localeFormProblems, numbersIn } from '../support/formula-forms';
import { spanishCustomerBook } from '../support/customer-books';
import type { Language } from '../../src/core/i18n';

/** Every formula the build wrote, by "sheet!row,column". */
async function builtFormulas(makeBook: () => MemoryWorkbook, language: Language): Promise<Map<string, string>> {
  const book = makeBook();
  const host = new MemoryHost(book, 'excel');
  host.setLanguage(language);
  const session = new WizardSession(host, { language });
  await session.pick('region');
  await session.build();
  const formulas = new Map<string, string>();
  for (const sheet of book.sheets) for (const [at, cell] of sheet.cells) if (cell.formula) formulas.set(`${sheet.name}!${at}`, cell.formula);
  return formulas;
}

describe.each([
  ['an English customer list', customerBook],
  ['a Spanish customer list with decimals', spanishCustomerBook],
])('the formulas the wizard writes for Excel, from %s', (_, makeBook) => {
  it('use "," between arguments and "." in decimals, in English and in Spanish', async () => {
    for (const language of ['en', 'es'] as const) {
      const formulas = await builtFormulas(makeBook, language);
      expect(formulas.size).toBeGreaterThan(20);
      expect([...formulas.values()].some((f) => /KAM\.SCORE\(/.test(f))).toBe(true);
      const wrong = [...formulas].map(([at, f]) => [at, f, localeFormProblems(f)] as const).filter(([, , p]) => p.length);
      expect(wrong, `${language}: ${wrong.slice(0, 3).map(([at, f, p]) => `${at} ${f}: ${p.join('; ')}`).join('\n')}`).toEqual([]);
    }
  });

  it('write the same numbers in a Spanish build as in an English one', async () => {
    const en = await builtFormulas(makeBook, 'en');
    const es = await builtFormulas(makeBook, 'es');
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
    let decimals = 0;
    for (const [at, f] of en) {
      expect(numbersIn(es.get(at)!), `${at}: ${es.get(at)} / ${f}`).toEqual(numbersIn(f));
      decimals += numbersIn(f).filter((n) => n.includes('.')).length;
    }
    expect(decimals).toBeGreaterThan(0); // ROUND(0.2*COUNT(…), 0) on KAM Profit, at least
  });
});

describe('localeFormProblems', () => {
  it('finds the forms a Spanish or German Excel types, and passes the invariant ones', () => {
    expect(localeFormProblems('=KAM.CLV(E2:E9, 0.85, 0.1)')).toEqual([]);
    expect(localeFormProblems('=SUM({1,2;3,4}, "a;b", \'Q1; Q2\'!A1)')).toEqual([]);
    expect(localeFormProblems('=KAM.CLV(E2:E9; 0,85; 0,1)')).toEqual(expect.arrayContaining(['separates arguments with ";" (a locale form)', 'has a number written with a decimal comma']));
    expect(localeFormProblems('=ROUND(0,2*COUNT(A1:A9), 0)')).toContain('has a number written with a decimal comma');
    expect(localeFormProblems('=SUMME(A1; 1,5)').length).toBeGreaterThan(0);
    expect(numbersIn('=ROUND(0.2*COUNT(\'KAM 2\'!$F$6:$F$11), 0)&"1,5"')).toEqual(['0.2', '0']);
  });
});
