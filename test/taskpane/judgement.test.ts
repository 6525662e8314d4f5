// The same judgement through the wizard (issue 10): each fixture put in an in-memory workbook, read by the
// wizard session, must give the golden judgement the command line gives (test/cli/judgement.test.ts); and the
// workbook the wizard builds, recalculated by HyperFormula, must show the same key accounts and reasons.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTableRows } from '../../src/io';
import { mergeModel } from '../../src/core/model/merge';
import { SHEET_NAMES } from '../../src/core/workbook/plan';
import { WizardSession } from '../../taskpane/wizard/session';
import { fixture } from '../support/cli';
import { ROOT } from '../support/dist';
import { expectExpertSelection, expectGoldenJudgement, judgement, JUDGEMENT_CASES, JudgementCase } from '../support/judgement';
import { MemoryHost, MemoryValue, MemoryWorkbook } from '../support/memory-host';
import { evaluateWorkbook } from '../support/workbook-files';

const books = new Map<string, MemoryValue[][]>();

beforeAll(async () => {
  for (const file of new Set(Object.values(JUDGEMENT_CASES).map((c) => c.file))) {
    const rows: MemoryValue[][] = [];
    await readTableRows(fixture(file), (cells, rowNumber) => {
      rows[rowNumber - 1] = cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? null)) as MemoryValue);
    });
    books.set(file, Array.from(rows, (r) => r ?? []));
  }
});

/** A wizard session on the fixture's rows, with the case's command-line options applied to its model. */
async function session(name: JudgementCase): Promise<{ s: WizardSession; book: MemoryWorkbook }> {
  const c = JUDGEMENT_CASES[name];
  const book = new MemoryWorkbook();
  book.addSheet('Data', books.get(c.file)!);
  book.selection = { sheet: 'Data', row: 2, column: 1 };
  const s = new WizardSession(new MemoryHost(book, 'excel'));
  await s.pick('region');
  const args: string[] = [...c.args];
  if (args[0] === '--capacity') s.model().capacity.days = Number(args[1]);
  if (args[0] === '--model') s.setModel(mergeModel(s.model(), JSON.parse(fs.readFileSync(`${ROOT}/${args[1]}`, 'utf8'))));
  return { s, book };
}

describe('the judgement on each fixture, through the wizard', () => {
  it.each(Object.keys(JUDGEMENT_CASES) as JudgementCase[])('%s gives the same judgement as the command line', async (name) => {
    const { s } = await session(name);
    const p = s.portfolio();
    expectGoldenJudgement(name, judgement(p.rows), { write: false });
    expectExpertSelection(p.rows, { equalCosts: name !== 'six-accounts-days-by-stage' });
  }, 60_000);

  it.each(['six-accounts-days-by-stage', 'clientes-etapas', 'orders-export'] as JudgementCase[])(
    '%s: the built workbook, recalculated, shows the same key accounts and reasons',
    async (name) => {
      const { s, book } = await session(name);
      await s.build();
      const p = s.portfolio();
      const evaluated = evaluateWorkbook(book);
      const sheet = evaluated.engine.getSheetId(SHEET_NAMES.portfolio)!;
      const header = new Map<string, number>();
      for (const [at, cell] of book.sheet(SHEET_NAMES.portfolio)!.cells) {
        const [r, c] = at.split(',').map(Number);
        if (r === 5 && typeof cell.value === 'string') header.set(cell.value, c - 1);
      }
      const column = (title: string): unknown[] => p.rows.map((_, i) => evaluated.engine.getCellValue({ sheet, row: 5 + i, col: header.get(title)! }));
      expect(column('Key account?')).toEqual(p.rows.map((r) => r.key));
      expect(column('Why not key')).toEqual(p.rows.map((r) => r.whyNotKey));
      expect(column('Position')).toEqual(p.rows.map((r) => r.position));
    },
    120_000,
  );
});
