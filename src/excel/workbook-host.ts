// The workbook interface over Office.js (Excel): reads in one sync, writes each block in one call,
// the whole build in a handful of syncs.
import { formulaChanges } from '../core/workbook/formula-rewrite';
import {
  ApplyProgress, ApplyResult, CHART_COLUMN, checkOwnership, conflictMessage, encodeBlock, MARKER_CELL, parseRange, RegionScope, RewriteSummary, SheetInfo,
  SourceRegion, WorkbookError, WorkbookHost, WorkbookPlan,
} from '../core/workbook/plan';

type Raw = string | number | boolean | null;

function toRegion(sheet: string, range: Excel.Range): SourceRegion {
  const address = range.address.includes('!') ? range.address.slice(range.address.lastIndexOf('!') + 1) : range.address;
  const at = parseRange(address.replace(/\$/g, ''));
  return {
    sheet,
    range: address.replace(/\$/g, ''),
    row: at.row,
    column: at.column,
    values: (range.values as unknown[][]).map((r) => r.map((v) => (v === '' || v === undefined ? null : (v as Raw)))),
  };
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class ExcelHost implements WorkbookHost {
  readonly host = 'excel' as const;
  /** `run` is Excel.run; tests pass office-addin-mock's. */
  constructor(private readonly run: Run = (batch) => Excel.run(batch)) {}

  readSelection(scope: RegionScope): Promise<SourceRegion> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      const sheet = cell.worksheet;
      sheet.load('name');
      let range: Excel.Range;
      if (scope === 'used') range = sheet.getUsedRange(true);
      else if (scope === 'table') {
        const tables = cell.getTables(false);
        tables.load('items');
        await context.sync();
        range = tables.items.length ? tables.items[0].getRange() : cell.getSurroundingRegion();
      } else range = cell.getSurroundingRegion();
      range.load(['address', 'values']);
      await context.sync();
      return toRegion(sheet.name, range);
    });
  }

  readSheet(name: string, range?: string): Promise<SourceRegion | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return null;
      const target = range ? sheet.getRange(range) : sheet.getUsedRange(true);
      target.load(['address', 'values']);
      sheet.load('name');
      await context.sync();
      return toRegion(sheet.name, target);
    });
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.run((context) => this.sheetsIn(context));
  }

  private async sheetsIn(context: Excel.RequestContext): Promise<SheetInfo[]> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const markers = sheets.items.map((s) => {
      const cell = s.getRange(MARKER_CELL.address);
      cell.load('values');
      return cell;
    });
    await context.sync();
    return sheets.items.map((s, i) => {
      const v = markers[i].values?.[0]?.[0];
      return { name: s.name, marker: typeof v === 'string' ? v : '' };
    });
  }

  applyPlan(plan: WorkbookPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    return this.run(async (context) => {
      const ownership = checkOwnership(await this.sheetsIn(context), plan);
      if (ownership.conflicts.length) throw new WorkbookError(conflictMessage(ownership.conflicts));
      const steps = plan.sheets.length + 2;
      const book = context.workbook;
      let step = 0;
      for (const planSheet of plan.sheets) {
        onProgress?.({ step: ++step, steps, label: `Writing ${planSheet.name}` });
        let sheet: Excel.Worksheet;
        if (ownership.update.some((n) => n.toLowerCase() === planSheet.name.toLowerCase())) {
          sheet = book.worksheets.getItem(planSheet.name);
          sheet.charts.load('items');
          await context.sync();
          sheet.charts.items.forEach((c) => c.delete());
          sheet.getRange().clear('All');
        } else sheet = book.worksheets.add(planSheet.name);
        for (const block of planSheet.blocks) {
          const rows = block.cells.length;
          const columns = Math.max(...block.cells.map((r) => r.length));
          if (!rows || !columns) continue;
          const { input, formats } = encodeBlock(block, 'excel');
          const range = sheet.getRangeByIndexes(block.row - 1, block.column - 1, rows, columns);
          const pad = <T>(r: T[], fill: T): T[] => (r.length < columns ? [...r, ...Array(columns - r.length).fill(fill)] : r);
          // Formats first, in the same batch: a Text cell keeps "=HYPERLINK(…)" as text.
          if (formats) range.numberFormat = formats.map((r) => pad(r, 'General'));
          range.formulas = input.map((r) => pad(r, '')) as unknown as string[][];
          if (block.bold) range.format.font.bold = true;
        }
        if (planSheet.freezeRows) sheet.freezePanes.freezeRows(planSheet.freezeRows);
        await context.sync();
      }
      for (const name of ownership.retire) book.worksheets.getItem(name).delete();
      onProgress?.({ step: ++step, steps, label: 'Naming the settings' });
      for (const n of plan.names) {
        const existing = book.names.getItemOrNullObject(n.name);
        await context.sync();
        if (!existing.isNullObject) existing.delete();
        book.names.add(n.name, book.worksheets.getItem(n.sheet).getRange(n.range));
      }
      await context.sync();
      onProgress?.({ step: ++step, steps, label: 'Drawing the matrix' });
      const notes: string[] = [];
      let chart = false;
      if (plan.chart) {
        const spec = plan.chart;
        const sheet = book.worksheets.getItem(spec.sheet);
        const data = parseRange(spec.dataRange);
        const column = (offset: number): Excel.Range => sheet.getRangeByIndexes(data.row, data.column - 1 + offset, spec.rows, 1);
        const bubble = sheet.charts.add('Bubble', column(CHART_COLUMN.x), 'Columns');
        bubble.title.text = spec.title;
        const series = bubble.series.getItemAt(0);
        series.setXAxisValues(column(CHART_COLUMN.x));
        series.setValues(column(CHART_COLUMN.y));
        series.setBubbleSizes(column(CHART_COLUMN.size));
        series.name = 'Accounts';
        bubble.axes.categoryAxis.title.text = spec.xTitle;
        bubble.axes.valueAxis.title.text = spec.yTitle;
        bubble.axes.valueAxis.minimum = 0;
        bubble.axes.valueAxis.maximum = 10;
        bubble.setPosition(spec.anchor);
        await context.sync();
        chart = true;
        notes.push('Excel draws no cut lines on a bubble chart; the cuts are in the chart title.');
      }
      return { created: ownership.create, updated: ownership.update, removed: ownership.retire, names: plan.names.length, chart, notes };
    });
  }

  rewriteFormulas(): Promise<RewriteSummary> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const used = sheets.items.map((s) => {
        const range = s.getUsedRangeOrNullObject(true);
        range.load(['formulas', 'values', 'rowIndex', 'columnIndex']);
        return { sheet: s, range };
      });
      await context.sync();
      let cells = 0;
      let cleared = 0;
      let changed = 0;
      for (const { sheet, range } of used) {
        if (range.isNullObject) continue;
        const changes = formulaChanges(range.formulas, 'excel', range.values);
        for (const c of changes) {
          const cell = sheet.getRangeByIndexes(range.rowIndex + c.row, range.columnIndex + c.column, 1, 1);
          if (c.formula === '') cell.clear('Contents');
          else cell.formulas = [[c.formula]];
        }
        cleared += changes.filter((c) => c.formula === '').length;
        cells += changes.filter((c) => c.formula !== '').length;
        if (changes.length) changed++;
      }
      await context.sync();
      return { cells, sheets: changed, host: 'excel', cleared };
    });
  }
}
