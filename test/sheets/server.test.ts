// The wizard's Sheets server functions, run from the BUILT dist/sheets/Code.js in a bare vm over a
// fake SpreadsheetApp: reading, building (batched writes, text kept as text), rebuilding, ownership,
// reopening and rewriting formulas.
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../support/fake-spreadsheet';
import { sheetsServer, VmSheetsHost } from '../support/sheets-server';
import { WizardSession } from '../../taskpane/wizard/session';
import { CHART_COLUMNS, MARKER_TEXT, SHEET_NAMES } from '../../src/core/workbook/plan';
import { NAMES } from '../../src/core/model/model-sheet';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';

/** Every sheet a build writes: the four of the portfolio, who makes the money, and the history it adds to. */
const BUILT = [...Object.values(SHEET_NAMES), HISTORY_SHEET];

const HOSTILE = ['=HYPERLINK("http://evil","x")', '+cmd', '-1+2', '@x', '<img src=x onerror=alert(1)>'];

function book(): FakeSpreadsheet {
  const ss = new FakeSpreadsheet();
  const data = ss.addSheet('Customers', [
    ['Customer', 'Segment', 'Account manager', 'Stage', 'Revenue', 'Gross margin', 'Strategic fit'],
    ['Acme', 'Retail', 'Ana', 'Integrated', 500000, 0.3, 8],
    ...HOSTILE.map((name, i) => [name, 'Retail', i % 2 ? 'Ana' : 'Luis', 'Cooperative', 100000 + i * 50000, 0.1 + i * 0.03, 3 + i]),
  ]);
  // The names were typed as text (Sheets shows them as text when entered with an apostrophe).
  data.active = { row: 3, column: 2 };
  return ss;
}

const snapshot = (ss: FakeSpreadsheet, name: string): string => JSON.stringify([...ss.getSheetByName(name)!.cells]);

describe('Sheets server functions from the built Code.js', () => {
  it('reads the data region around the active cell, with dates as text', () => {
    const ss = book();
    ss.getSheetByName('Customers')!.cell(2, 8).value = new Date(Date.UTC(2024, 2, 1));
    const call = sheetsServer(ss);
    const region = call('kamReadSelection', ['region']) as { sheet: string; range: string; values: unknown[][] };
    expect(region.sheet).toBe('Customers');
    expect(region.range).toBe('A1:H7');
    expect(region.values[1][7]).toBe('2024-03-01');
    expect(call('kamReadSheet', ['Nope'])).toBeNull();
  });

  it('builds the workbook: Sheets spelling, one setValues per block, names as text, named ranges, chart', async () => {
    const ss = book();
    const before = snapshot(ss, 'Customers');
    const session = new WizardSession(new VmSheetsHost(ss));
    await session.pick('region');
    const plan = await session.plan();
    const blocks = plan.sheets.reduce((n, s) => n + s.blocks.length, 0);
    const result = await session.build();
    expect(result.created).toEqual(BUILT);
    expect(result.chart).toBe(true);
    expect(ss.log.filter((l) => l.startsWith('setValues'))).toHaveLength(blocks);

    const portfolio = ss.getSheetByName(SHEET_NAMES.portfolio)!;
    const formulas = [...portfolio.cells.values()].map((c) => c.formula).filter(Boolean);
    expect(formulas.filter((f) => f.startsWith("=KAM_SCORE("))).toEqual(["=KAM_SCORE($H$6:$K$11, KAM_Weights, KAM_Scales)"]); // revenue, profit, margin, fit
    for (const id of ['POSITION', 'FLAGS', 'CLV']) expect(formulas.filter((f) => f.includes(`KAM_${id}(`))).toHaveLength(1);
    expect(formulas.filter((f) => f.includes('KAM_SELECT('))).toHaveLength(2); // the key-account flags and the reasons
    expect(formulas.some((f) => f.includes('KAM.'))).toBe(false);
    HOSTILE.forEach((name, i) => {
      const cell = portfolio.peek(7 + i, 1)!;
      expect(cell.formula).toBe('');
      expect(cell.value).toBe(name);
    });
    expect(portfolio.peek(6, 5)!.formula).toBe("='Customers'!E2");
    expect(ss.names.get('KAM_Weights')!.sheet.name).toBe(SHEET_NAMES.model);
    expect(ss.names.get('KAM_RewardPlan')!.getNumColumns()).toBe(8);
    expect(portfolio.charts[0].type).toBe('BUBBLE');
    const key = ss.getSheetByName(SHEET_NAMES.keyAccounts)!;
    expect(key.peek(6, 1)!.formula).toMatch(/^=KAM_SELECT\('KAM Portfolio'!\$A\$6:\$A\$11, .*"table"\)$/);
    const rewards = ss.getSheetByName(SHEET_NAMES.rewards)!;
    // One payout per key account, blank until its actuals are typed (COUNT is the host's own).
    expect(rewards.peek(6, 11)!.formula).toBe('=IF(COUNT(C6:F6)=0, "", KAM_REWARD(B6, C6:F6, G6:J6, KAM_RewardPlan))');

    // Number formats, by column: revenue in money, margin as %, scores and strength to two decimals.
    const header = (name: string): number => [...portfolio.cells].find(([k, c]) => k.startsWith('5,') && c.value === name)![0].split(',').map(Number)[1];
    expect(portfolio.peek(6, header('Revenue'))!.format).toBe('#,##0');
    expect(portfolio.peek(11, header('Gross margin'))!.format).toBe('0.0%');
    expect(portfolio.peek(11, header('Attractiveness (0-10)'))!.format).toBe('0.00');
    expect(portfolio.peek(6, 1)!.format).toBe('');
    // The chart's helper columns are hidden and the chart is told to plot them.
    // The chart's helper columns start one column after the last column of the table.
    const helper = header('Fragile placement?') + 2;
    expect(portfolio.peek(5, helper)!.value).toBe('Account');
    expect([...portfolio.hidden].sort((a, b) => a - b)).toEqual(CHART_COLUMNS.map((_, k) => helper + k));
    expect(portfolio.charts[0].options.hiddenDimensionStrategy).toBe('SHOW_BOTH');
    expect(ss.getSheetByName(SHEET_NAMES.model)!.peek(2, 1)!.value).toBe(MARKER_TEXT);
    expect(snapshot(ss, 'Customers')).toBe(before);
  });

  it('rebuilds in place, keeps typed targets, and reopens with the same settings', async () => {
    const ss = book();
    const session = new WizardSession(new VmSheetsHost(ss));
    await session.pick('region');
    session.model().capacity.days = 90;
    await session.build();
    const rewards = ss.getSheetByName(SHEET_NAMES.rewards)!;
    const firstKey = rewards.peek(6, 1)!.value;
    rewards.cell(6, 3).value = 1.25;
    const again = await session.build();
    expect(again.updated).toEqual(BUILT);
    expect(ss.getSheets().map((s) => s.name)).toEqual(['Customers', ...BUILT]);
    expect(ss.getSheetByName(SHEET_NAMES.rewards)!.peek(6, 1)!.value).toBe(firstKey);
    expect(ss.getSheetByName(SHEET_NAMES.rewards)!.peek(6, 3)!.value).toBe(1.25);
    expect(ss.getSheetByName(SHEET_NAMES.portfolio)!.charts).toHaveLength(1);

    const reopened = new WizardSession(new VmSheetsHost(ss));
    expect(await reopened.open()).toEqual({ reopened: true });
    expect(reopened.model()).toEqual(session.model());
  });

  it('removes what it built — its marked sheets and its names — and nothing of the user', async () => {
    const ss = book();
    const session = new WizardSession(new VmSheetsHost(ss));
    await session.pick('region');
    await session.build();
    ss.addSheet('My notes', [['keep me']]);
    ss.setNamedRange('MyRange', ss.getSheetByName('Customers')!.getRange('A1:A3'));
    const before = snapshot(ss, 'Customers');
    const removed = await new VmSheetsHost(ss).removeBuilt(Object.values(NAMES));
    expect(removed.sheets).toEqual(BUILT);
    expect(removed.names).toBeGreaterThan(10);
    expect(ss.getSheets().map((s) => s.name)).toEqual(['Customers', 'My notes']);
    expect([...ss.names.keys()]).toEqual(['MyRange']);
    expect(snapshot(ss, 'Customers')).toBe(before);
  });

  it('stops before writing anything when a sheet of the user has one of its names', async () => {
    const ss = book();
    ss.addSheet('key accounts', [['mine']]);
    const session = new WizardSession(new VmSheetsHost(ss));
    await session.pick('region');
    await expect(session.build()).rejects.toThrow(/"key accounts" that the KAM wizard did not create/);
    const call = sheetsServer(ss);
    const plan = await session.plan();
    expect(() => call('kamApplyPlan', [plan])).toThrow(/did not create/);
    expect(ss.getSheetByName(SHEET_NAMES.model)).toBeNull();
    expect(ss.log.filter((l) => l.startsWith('setValues'))).toEqual([]);
  });

  it('rewrites Excel spellings for Sheets and reports the count; the menu action shows it', () => {
    const ss = book();
    const sheet = ss.addSheet('Moved', []);
    sheet.cell(1, 1).formula = '=KAM.SCORE(A2:B3, KAM_Weights)';
    sheet.cell(2, 1).formula = '=_xldudf_KAM_POSITION(A1:A3, B1:B3) + LEN("KAM.SCORE(")';
    sheet.cell(3, 1).formula = '=KAM_CLV(A1:A3, 0.8, 0.1)';
    sheet.cell(4, 1).value = '=KAM.SCORE( as text';
    const call = sheetsServer(ss);
    expect(call('kamRewriteFormulas', [])).toEqual({ cells: 2, sheets: 1, host: 'sheets', cleared: 0 });
    expect(sheet.peek(1, 1)!.formula).toBe('=KAM_SCORE(A2:B3, KAM_Weights)');
    expect(sheet.peek(2, 1)!.formula).toBe('=KAM_POSITION(A1:A3, B1:B3) + LEN("KAM.SCORE(")');
    expect(sheet.peek(4, 1)!.value).toBe('=KAM.SCORE( as text');
    sheet.cell(1, 1).formula = '=KAM.FLAGS(A1:A2, B1:B2, C1:C2)';
    call('kamRewriteFromMenu', []);
    expect(ss.alerts[0]).toMatch(/1 cell on 1 sheet now use the Sheets names/);
  });

  it('unwraps a result Sheets exported to .xlsx and clears its exported spill cells, then has nothing left to do', () => {
    const ss = book();
    const sheet = ss.addSheet('Imported', []);
    sheet.cell(2, 3).formula = '=IFERROR(__xludf.DUMMYFUNCTION("KAM_SCORE(A2:B4,A1:B1)"),5.5)';
    sheet.cell(3, 3).formula = '=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),4)';
    sheet.cell(4, 3).formula = '=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),3)';
    const call = sheetsServer(ss);
    call('kamRewriteFromMenu', []);
    expect(ss.alerts[0]).toBe(
      "KAM formulas for Google Sheets: 1 cell on 1 sheet now use the Sheets names (KAM_SCORE, …). 2 cells holding Google Sheets' copies of spilled results were cleared, so the results spill again.",
    );
    expect(sheet.peek(2, 3)!.formula).toBe('=KAM_SCORE(A2:B4,A1:B1)');
    expect([sheet.peek(3, 3), sheet.peek(4, 3)]).toEqual([expect.objectContaining({ formula: '', value: '' }), expect.objectContaining({ formula: '', value: '' })]);
    call('kamRewriteFromMenu', []);
    expect(ss.alerts[1]).toBe('KAM formulas for Google Sheets: No cell needed changing: every KAM formula already uses the Sheets names (KAM_SCORE, …).');
  });
});
