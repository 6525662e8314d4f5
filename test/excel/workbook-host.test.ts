// The Office.js workbook adapter against office-addin-mock: reads need load + sync (the mock returns
// an error string otherwise), the build refuses foreign sheets, writes are batched per block with
// text cells formatted as Text, and the formula rewrite reports its count.
import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelHost } from '../../src/excel/workbook-host';
import { MARKER_TEXT, WorkbookPlan } from '../../src/core/workbook/plan';

interface Written { sheet: string; row: number; column: number; rows: number; columns: number; numberFormat?: unknown; formulas?: unknown; columnHidden?: boolean; format: { font: { bold?: boolean } } }

/** A workbook whose sheets, writes and names are recorded in plain arrays (created at call time). */
function workbookMock(sheets: { name: string; marker: string; formulas?: unknown[][]; values?: unknown[][] }[], namedItems: string[] = []) {
  const written: Written[] = [];
  const added: string[] = [];
  const names: { name: string; range: string }[] = [];
  const cleared: string[] = [];
  const deleted: string[] = [];
  const charts: Record<string, unknown>[] = [];
  const sheetObject = (name: string) => {
    const info = sheets.find((s) => s.name === name);
    return {
      name,
      getRange(address?: string) {
        return {
          address, values: [[address === 'A2' ? info?.marker ?? '' : '']],
          load() { return this; },
          clear() { cleared.push(name); },
        };
      },
      getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
        const w: Written = { sheet: name, row: row + 1, column: column + 1, rows, columns, format: { font: {} } };
        written.push(w);
        return Object.assign(w, { getEntireColumn: () => w });
      },
      getUsedRangeOrNullObject() {
        return { isNullObject: !info?.formulas, formulas: info?.formulas, values: info?.values, rowIndex: 0, columnIndex: 0, load() { return this; } };
      },
      charts: {
        items: [] as unknown[],
        load() { return this; },
        add(type: string) {
          // Each setter records the sheet column of the range it was given (the chart data's layout: CHART_COLUMNS).
          type R = { column: number };
          const series = {
            calls: [] as string[],
            setXAxisValues(r: R) { series.calls.push(`x ${r.column}`); },
            setValues(r: R) { series.calls.push(`y ${r.column}`); },
            setBubbleSizes(r: R) { series.calls.push(`size ${r.column}`); },
            name: '',
          };
          const chart: Record<string, unknown> = { type, title: {}, series: { getItemAt: () => series }, axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } }, setPosition(a: string) { chart.anchor = a; } };
          charts.push(chart);
          return chart;
        },
      },
      freezePanes: { freezeRows() {} },
      delete() { deleted.push(name); },
    };
  };
  const data = {
    context: {
      workbook: {
        activeCell: {
          worksheet: {
            name: 'Customers',
            // The first rows' number formats, read with the region (the unit of each column).
            top: { numberFormat: [['General', 'General', 'General'], ['General', '#,##0', '0.0%'], ['@', '#,##0', '0.0%']] },
            getRangeByIndexes: function () { return this.top; },
          },
          region: {
            address: 'Customers!$A$3:$C$5', rowIndex: 2, columnIndex: 0, rowCount: 3, columnCount: 3,
            values: [['Customer', 'Revenue', 'Margin'], ['Acme', 100, 0.2], ['=Evil', '', 0.1]],
          },
          getSurroundingRegion: function () { return this.region; },
        },
        getActiveCell: function () { return this.activeCell; },
        worksheets: {
          // office-addin-mock cannot load "items/name" on a collection: this load fills items as a sync would.
          load: function (this: { items?: unknown[] }) { this.items = sheets.map((s) => sheetObject(s.name)); return this; },
          add: function (name: string) { added.push(name); return sheetObject(name); },
          getItem: function (name: string) { return sheetObject(name); },
        },
        names: {
          load: function (this: { items?: unknown[] }) {
            this.items = namedItems.map((n) => ({ name: n, delete() { deleted.push(`name ${n}`); } }));
            return this;
          },
          getItemOrNullObject: function () { return { isNullObject: true }; },
          add: function (name: string, range: { address: string }) { names.push({ name, range: range.address }); },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T> };
  return { mock, written, added, names, cleared, charts, deleted };
}

const plan: WorkbookPlan = {
  host: 'excel',
  sheets: [
    { name: 'KAM Model', blocks: [{ row: 1, column: 1, cells: [['KAM Model'], [MARKER_TEXT]] }] },
    {
      name: 'KAM Portfolio',
      blocks: [{ row: 6, column: 1, cells: [['=HYPERLINK("x")', 42, { formula: '=KAM.SCORE(B6:C7, KAM_Weights)' }], ['+cmd', null]], formats: [null, '#,##0', '0.00'] }],
      numberFormats: [{ row: 6, column: 4, rows: 2, columns: 1, format: '0.0%' }],
      hiddenColumns: [{ column: 13, count: 4 }],
    },
  ],
  names: [{ name: 'KAM_Weights', sheet: 'KAM Model', range: '$B$8:$D$8' }],
  chart: { sheet: 'KAM Portfolio', title: 'Matrix', dataRange: 'M5:Q7', rows: 2, xTitle: 'x', yTitle: 'y', anchor: 'R5', cuts: { attractiveness: 5, strength: 1 } },
};

describe('ExcelHost on office-addin-mock', () => {
  it('reads the region around the active cell after loading it', async () => {
    const { mock } = workbookMock([]);
    const host = new ExcelHost(mock.run.bind(mock));
    const region = await host.readSelection('region');
    expect(region).toEqual({
      sheet: 'Customers', range: 'A3:C5', row: 3, column: 1,
      values: [['Customer', 'Revenue', 'Margin'], ['Acme', 100, 0.2], ['=Evil', null, 0.1]],
      formats: [['General', 'General', 'General'], ['General', '#,##0', '0.0%'], ['@', '#,##0', '0.0%']],
    });
  });

  it('lists sheets with their marker cells', async () => {
    const { mock } = workbookMock([{ name: 'Customers', marker: '' }, { name: 'KAM Model', marker: MARKER_TEXT }]);
    expect(await new ExcelHost(mock.run.bind(mock)).listSheets()).toEqual([{ name: 'Customers', marker: '' }, { name: 'KAM Model', marker: MARKER_TEXT }]);
  });

  it('refuses to build over a sheet it did not create, writing nothing', async () => {
    const { mock, written, added } = workbookMock([{ name: 'KAM Portfolio', marker: 'my notes' }]);
    await expect(new ExcelHost(mock.run.bind(mock)).applyPlan(plan)).rejects.toThrow(/"KAM Portfolio" that the KAM wizard did not create/);
    expect(written).toEqual([]);
    expect(added).toEqual([]);
  });

  it('writes each block in one range call, text cells formatted as Text, then names and the bubble chart', async () => {
    const { mock, written, added, names, cleared, charts } = workbookMock([{ name: 'KAM Model', marker: MARKER_TEXT }]);
    const result = await new ExcelHost(mock.run.bind(mock)).applyPlan(plan);
    expect(result).toMatchObject({ created: ['KAM Portfolio'], updated: ['KAM Model'], names: 1, chart: true });
    expect(added).toEqual(['KAM Portfolio']);
    expect(cleared).toEqual(['KAM Model']);
    const block = written.find((w) => w.sheet === 'KAM Portfolio' && w.row === 6)!;
    expect(block).toMatchObject({ column: 1, rows: 2, columns: 3 });
    expect(block.numberFormat).toEqual([['@', '#,##0', '0.00'], ['@', '#,##0', '0.00']]);
    // Cells a formula spills into get their format without values; the chart's helper columns are hidden.
    expect(written.find((w) => w.sheet === 'KAM Portfolio' && w.column === 4)).toMatchObject({ rows: 2, numberFormat: [['0.0%'], ['0.0%']] });
    expect(written.find((w) => w.sheet === 'KAM Portfolio' && w.column === 13)).toMatchObject({ columns: 4, columnHidden: true });
    expect(block.formulas).toEqual([['=HYPERLINK("x")', 42, '=KAM.SCORE(B6:C7, KAM_Weights)'], ['+cmd', '', '']]);
    expect(names).toEqual([{ name: 'KAM_Weights', range: '$B$8:$D$8' }]);
    expect(charts[0]).toMatchObject({ type: 'Bubble', anchor: 'R5', plotVisibleOnly: false });
    // Data in M:Q as Account, Relative strength, Attractiveness, Position, Revenue: X from N, Y from O, size from Q.
    const series = (charts[0].series as { getItemAt: () => { calls: string[] } }).getItemAt();
    expect(series.calls).toEqual(['x 14', 'y 15', 'size 17']);
  });

  it('rewrites Sheets spellings for Excel, leaving text that looks like a formula alone', async () => {
    const formulas = [['=KAM_SCORE(A1:B2, C1:D1)', '=KAM_CLV(A1, 0.8, 0.1)'], ['=SUM(A1)', '=KAM_FLAGS(A1,B1,C1)']];
    const values = [[7, 3], [1, '=KAM_FLAGS(A1,B1,C1)']];
    const { mock, written } = workbookMock([{ name: 'Moved', marker: '', formulas, values }]);
    expect(await new ExcelHost(mock.run.bind(mock)).rewriteFormulas()).toEqual({ cells: 2, sheets: 1, host: 'excel', cleared: 0 });
    expect(written.map((w) => w.formulas)).toEqual([[['=KAM.SCORE(A1:B2, C1:D1)']], [['=KAM.CLV(A1, 0.8, 0.1)']]]);
  });

  it('merges the build into one undo step where Excel supports it (Excel.run mergeUndoGroup)', async () => {
    const { mock } = workbookMock([]);
    const options: unknown[] = [];
    const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>, o?: Excel.RunOptions): Promise<T> => {
      options.push(o);
      return mock.run(batch);
    };
    const result = await new ExcelHost(run, () => true).applyPlan(plan);
    expect(options).toEqual([{ mergeUndoGroup: true }]);
    expect(result.oneUndoStep).toBe(true);
    // Without ExcelApi 1.20 the build runs as before and says it is not one undo step.
    options.length = 0;
    expect((await new ExcelHost(run, () => false).applyPlan(plan)).oneUndoStep).toBe(false);
    expect(options).toEqual([undefined]);
  });

  it('builds again ungrouped when Excel refuses to group (UndoNotSupported)', async () => {
    const { mock, added } = workbookMock([]);
    const options: unknown[] = [];
    const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>, o?: Excel.RunOptions): Promise<T> => {
      options.push(o);
      if (o?.mergeUndoGroup) return Promise.reject(Object.assign(new Error('The operation cannot be grouped.'), { code: 'UndoNotSupported' }));
      return mock.run(batch);
    };
    const result = await new ExcelHost(run, () => true).applyPlan(plan);
    expect(options).toEqual([{ mergeUndoGroup: true }, undefined]);
    expect(result.oneUndoStep).toBe(false);
    expect(added).toEqual(['KAM Model', 'KAM Portfolio']);
  });

  it('removes only the sheets carrying its marker and its own names', async () => {
    const { mock, deleted } = workbookMock(
      [{ name: 'Customers', marker: '' }, { name: 'KAM Model', marker: MARKER_TEXT }, { name: 'KAM Rewards', marker: MARKER_TEXT }, { name: 'Notes', marker: 'mine' }],
      ['KAM_Weights', 'My_Name', 'kam_capacity'],
    );
    const removed = await new ExcelHost(mock.run.bind(mock)).removeBuilt(['KAM_Weights', 'KAM_Capacity']);
    expect(removed).toEqual({ sheets: ['KAM Model', 'KAM Rewards'], names: 2 });
    expect(deleted.sort()).toEqual(['KAM Model', 'KAM Rewards', 'name KAM_Weights', 'name kam_capacity']);
  });
});
