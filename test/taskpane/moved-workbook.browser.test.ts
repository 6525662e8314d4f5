// A workbook moved to Excel in the forms real files take: exported by Google Sheets (a KAM result's
// anchor as IFERROR(__xludf.DUMMYFUNCTION("KAM_SCORE(…)"), cached), the rest of its spill as
// IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""), cached)), and saved by Excel with an external-link
// index before the add-in name ([2]!_xldudf_KAM_SCORE(, office-js#2568). The .xlsx is written and read
// with exceljs; the BUILT taskpane.js rewrites it through a stand-in Excel (Excel cannot run here) from
// the ribbon button; HyperFormula, a real spreadsheet engine, then shows whether the results spill.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser';
import { standInExcel, StandInSheet, StandInWrite } from '../support/excel-stand-in';
import { buildEngine } from '../support/hyperformula';
import { RATINGS, TOTALS, WEIGHTS } from '../support/published-table';

const env = useBrowser();

const exported = (inner: string, cached: number | string): string => `IFERROR(__xludf.DUMMYFUNCTION("${inner.replace(/"/g, '""')}"),${cached})`;
const spilled = (cached: number | string): string => exported('"COMPUTED_VALUE"', cached);
const letter = (c: number): string => String.fromCharCode(65 + c);

/** The workbook file: ratings in B2:J6 with weights in B1:J1, the KAM results in column K (and L on "Saved"). */
async function writeMovedWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const fromSheets = book.addWorksheet('From Sheets');
  const saved = book.addWorksheet('Saved by Excel');
  for (const sheet of [fromSheets, saved]) {
    sheet.getRow(1).values = ['Weights', ...WEIGHTS[0]];
    RATINGS.forEach((row, i) => (sheet.getRow(i + 2).values = [`Firm ${i + 1}`, ...row]));
  }
  const range = `B2:J${RATINGS.length + 1}`;
  fromSheets.getCell('K2').value = { formula: exported(`KAM_SCORE(${range},B1:J1)`, TOTALS[0]), result: TOTALS[0] } as ExcelJS.CellFormulaValue;
  TOTALS.slice(1).forEach((total, i) => (fromSheets.getCell(`K${i + 3}`).value = { formula: spilled(total), result: total } as ExcelJS.CellFormulaValue));
  saved.getCell('K2').value = { formula: `[2]!_xldudf_KAM_SCORE(${range},B1:J1)`, result: TOTALS[0] } as ExcelJS.CellFormulaValue;
  await book.xlsx.writeFile(file);
}

type Grid = StandInSheet;

/**
 * Each sheet as Excel's range.formulas and range.values present it: Excel shows the exported wrapper with
 * its implicit-intersection operator, IFERROR(@__xludf.DUMMYFUNCTION(…)) (apache/poi#1046).
 */
async function readAsExcel(file: string): Promise<Grid[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((sheet) => {
    const formulas: unknown[][] = [];
    const values: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      formulas.push([]);
      values.push([]);
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = sheet.getCell(r, c);
        const formula = cell.formula;
        formulas[r - 1].push(formula ? `=${formula.replace(/^IFERROR\(__xludf\./, 'IFERROR(@__xludf.')}` : cell.value ?? '');
        values[r - 1].push(formula ? (cell.value as ExcelJS.CellFormulaValue).result ?? 0 : cell.value ?? '');
      }
    }
    return { name: sheet.name, formulas, values };
  });
}

/** Column K of a sheet after the writes, as HyperFormula computes it. */
function columnK(grid: Grid, writes: StandInWrite[]): unknown[] {
  // Excel's range.formulas shows an empty cell as "", which is empty, not text.
  const cells = grid.formulas.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  for (const w of writes.filter((x) => x.sheet === grid.name)) cells[w.r][w.c] = w.clear ? null : w.formula;
  const engine = buildEngine({ [grid.name]: cells });
  return TOTALS.map((_, i) => engine.getCellValue({ sheet: 0, row: i + 1, col: 10 }));
}

describe('a workbook moved to Excel, rewritten from the ribbon', () => {
  it('unwraps the exported KAM formula, clears its exported spill cells and strips [2]!, so every result spills', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-moved-'));
    const file = path.join(dir, 'moved.xlsx');
    await writeMovedWorkbook(file);
    const grids = await readAsExcel(file);
    expect(grids[0].formulas[2][10]).toBe('=IFERROR(@__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),7.7)');
    expect(grids[1].formulas[1][10]).toBe('=[2]!_xldudf_KAM_SCORE(B2:J6,B1:J1)');

    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => (route.request().url().startsWith(env.url) ? route.continue() : route.fulfill({ body: '', contentType: 'text/javascript' })));
    await page.addInitScript(standInExcel, grids);
    await page.goto(`${env.url}/excel/taskpane.html`);
    await expect.poll(() => page.evaluate(() => typeof (window as any).__actions.rewriteKamFormulas)).toBe('function');
    await page.evaluate(() => new Promise<void>((resolve) => (window as any).__actions.rewriteKamFormulas({ completed: resolve })));
    const writes = (await page.evaluate(() => (window as any).__writes)) as StandInWrite[];
    expect(await page.textContent('#host-status')).toBe(
      "2 cells on 2 sheets now use the Excel names (KAM.SCORE, …). 4 cells holding Google Sheets' copies of spilled results were cleared, so the results spill again.",
    );
    expect(errors).toEqual([]);
    await page.close();

    expect(writes.filter((w) => w.formula !== undefined)).toEqual([
      { sheet: 'From Sheets', r: 1, c: 10, formula: '=KAM.SCORE(B2:J6,B1:J1)' },
      { sheet: 'Saved by Excel', r: 1, c: 10, formula: '=KAM.SCORE(B2:J6,B1:J1)' },
    ]);
    expect(writes.filter((w) => w.clear).map((w) => `${w.sheet}!${letter(w.c)}${w.r + 1} ${w.clear}`)).toEqual(
      ['From Sheets!K3 Contents', 'From Sheets!K4 Contents', 'From Sheets!K5 Contents', 'From Sheets!K6 Contents'],
    );
    // Recalculated: both sheets spill the published totals; had the exported cells stayed, Excel shows #SPILL!.
    for (const grid of grids) expect(columnK(grid, writes)).toEqual(TOTALS);
    const renamedOnly = writes.filter((w) => w.formula !== undefined);
    expect(columnK(grids[0], renamedOnly)[0]).toMatchObject({ type: 'SPILL' });
    fs.rmSync(dir, { recursive: true });
  });
});
