// The workbook interface over Office.js (Excel): reads in two syncs, writes each block in one call,
// the whole build in a handful of syncs — merged into one undo step where Excel supports it.
import { formulaChanges } from '../core/workbook/formula-rewrite';
import { translator } from '../core/i18n';
import {
  ApplyProgress, ApplyResult, CHART_COLUMN, checkOwnership, conflictMessage, encodeBlock, FORMAT_ROWS, isOwned, MARKER_CELL, parseRange, RegionScope, RemoveResult,
  RewriteSummary, SheetInfo, SourceRegion, WorkbookError, WorkbookHost, WorkbookPlan,
} from '../core/workbook/plan';

type Raw = string | number | boolean | null;

/** Loads a range's address and values, then the number formats of its first rows (their units). */
async function readRegion(context: Excel.RequestContext, sheet: Excel.Worksheet, range: Excel.Range): Promise<SourceRegion> {
  range.load(['address', 'values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  sheet.load('name');
  await context.sync();
  const top = sheet.getRangeByIndexes(range.rowIndex, range.columnIndex, Math.min(range.rowCount, FORMAT_ROWS), range.columnCount);
  top.load('numberFormat');
  await context.sync();
  const address = range.address.includes('!') ? range.address.slice(range.address.lastIndexOf('!') + 1) : range.address;
  const at = parseRange(address.replace(/\$/g, ''));
  return {
    sheet: sheet.name,
    range: address.replace(/\$/g, ''),
    row: at.row,
    column: at.column,
    values: (range.values as unknown[][]).map((r) => r.map((v) => (v === '' || v === undefined ? null : (v as Raw)))),
    formats: (top.numberFormat as unknown[][]).map((r) => r.map((f) => (typeof f === 'string' ? f : null))),
  };
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;

/**
 * Whether this Excel can merge a build into one undo step: Excel.run's mergeUndoGroup needs ExcelApi 1.20
 * (Microsoft, "Undo support with the Excel JavaScript API"). Every call a build makes is one the page
 * lists as undoable; Worksheet.delete is not, which is why "Remove" cannot be undone.
 */
function undoGroupSupported(): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.20');
}

export class ExcelHost implements WorkbookHost {
  readonly host = 'excel' as const;
  /** `run` is Excel.run; tests pass office-addin-mock's. */
  constructor(
    private readonly run: Run = (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    private readonly canGroupUndo: () => boolean = undoGroupSupported,
  ) {}

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
      return readRegion(context, sheet, range);
    });
  }

  readSheet(name: string, range?: string): Promise<SourceRegion | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return null;
      const target = range ? sheet.getRange(range) : sheet.getUsedRange(true);
      return readRegion(context, sheet, target);
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

  /**
   * Writes the plan, as one undo step where Excel supports it. Should Excel still refuse to group
   * (UndoNotSupported), the build runs again ungrouped — it rewrites the same sheets, so nothing doubles.
   */
  async applyPlan(plan: WorkbookPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    if (!this.canGroupUndo()) return this.run((context) => this.write(context, plan, false, onProgress));
    try {
      return await this.run((context) => this.write(context, plan, true, onProgress), { mergeUndoGroup: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'UndoNotSupported') throw error;
      return this.run((context) => this.write(context, plan, false, onProgress));
    }
  }

  private async write(context: Excel.RequestContext, plan: WorkbookPlan, grouped: boolean, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    const t = translator(plan.language);
    const ownership = checkOwnership(await this.sheetsIn(context), plan);
    if (ownership.conflicts.length) throw new WorkbookError(conflictMessage(ownership.conflicts, t));
    const steps = plan.sheets.length + 2;
    const book = context.workbook;
    let step = 0;
    for (const planSheet of plan.sheets) {
      onProgress?.({ step: ++step, steps, label: t('host.progress.writing', { sheet: planSheet.name }) });
      let sheet: Excel.Worksheet;
      const existing = ownership.update.some((n) => n.toLowerCase() === planSheet.name.toLowerCase());
      if (existing && planSheet.keep) {
        // A sheet that is only added to (KAM History): what is on it stays.
        sheet = book.worksheets.getItem(planSheet.name);
      } else if (existing) {
        sheet = book.worksheets.getItem(planSheet.name);
        sheet.charts.load('items');
        await context.sync();
        sheet.charts.items.forEach((c) => c.delete());
        const all = sheet.getRange();
        all.clear('All');
        // Columns the last build hid may hold other data this time.
        all.columnHidden = false;
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
      for (const f of planSheet.numberFormats ?? []) {
        sheet.getRangeByIndexes(f.row - 1, f.column - 1, f.rows, f.columns).numberFormat = Array.from({ length: f.rows }, () => Array(f.columns).fill(f.format));
      }
      for (const h of planSheet.hiddenColumns ?? []) sheet.getRangeByIndexes(0, h.column - 1, 1, h.count).getEntireColumn().columnHidden = true;
      if (planSheet.freezeRows) sheet.freezePanes.freezeRows(planSheet.freezeRows);
      await context.sync();
    }
    onProgress?.({ step: ++step, steps, label: t('host.progress.names') });
    book.names.load('items/name');
    await context.sync();
    const ours = new Set(plan.names.map((n) => n.name.toLowerCase()));
    for (const existing of book.names.items) if (ours.has(existing.name.toLowerCase())) existing.delete();
    for (const n of plan.names) book.names.add(n.name, book.worksheets.getItem(n.sheet).getRange(n.range));
    await context.sync();
    onProgress?.({ step: ++step, steps, label: t('host.progress.chart') });
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
      series.name = t('host.chartSeries');
      bubble.axes.categoryAxis.title.text = spec.xTitle;
      bubble.axes.valueAxis.title.text = spec.yTitle;
      bubble.axes.valueAxis.minimum = 0;
      bubble.axes.valueAxis.maximum = 10;
      // Its data sits in hidden helper columns, which Excel leaves out unless told (ExcelApi 1.8).
      bubble.plotVisibleOnly = false;
      bubble.setPosition(spec.anchor);
      await context.sync();
      chart = true;
      notes.push(t('host.note.excelCuts'));
    }
    for (const spec of plan.curves ?? []) {
      // A line through x-y points: a scatter chart with lines (Excel.ChartType "XYScatterLinesNoMarkers"), its x values
      // from their own column; #N/A points are not plotted, and blank cells are left out (displayBlanksAs, ExcelApi 1.8).
      const sheet = book.worksheets.getItem(spec.sheet);
      const line = sheet.charts.add('XYScatterLinesNoMarkers', sheet.getRange(spec.yRange), 'Columns');
      line.title.text = spec.title;
      const series = line.series.getItemAt(0);
      series.setXAxisValues(sheet.getRange(spec.xRange));
      series.setValues(sheet.getRange(spec.yRange));
      series.name = spec.yTitle;
      line.axes.categoryAxis.title.text = spec.xTitle;
      line.axes.valueAxis.title.text = spec.yTitle;
      line.axes.categoryAxis.minimum = spec.xMin;
      line.axes.categoryAxis.maximum = spec.xMax;
      line.axes.categoryAxis.numberFormat = spec.xFormat;
      line.axes.valueAxis.numberFormat = spec.yFormat;
      line.legend.visible = false;
      line.displayBlanksAs = 'NotPlotted';
      line.setPosition(spec.anchor);
      await context.sync();
    }
    // Last, so everything else is written first: Excel cannot undo deleting a sheet (Worksheet.delete is on
    // Microsoft's list of APIs without undo), so a grouped build that retires one falls back to ungrouped.
    for (const name of ownership.retire) book.worksheets.getItem(name).delete();
    if (ownership.retire.length) {
      await context.sync();
      notes.push(t('host.note.retired', { sheets: ownership.retire.map((n) => `"${n}"`).join(', ') }));
    }
    return { created: ownership.create, updated: ownership.update, removed: ownership.retire, names: plan.names.length, chart, notes, oneUndoStep: grouped };
  }

  /** Deletes the sheets that carry the wizard's marker and the wizard's names. Excel cannot undo Worksheet.delete. */
  removeBuilt(names: readonly string[]): Promise<RemoveResult> {
    return this.run(async (context) => {
      const owned = (await this.sheetsIn(context)).filter(isOwned).map((s) => s.name);
      const book = context.workbook;
      book.names.load('items/name');
      await context.sync();
      const wanted = new Set(names.map((n) => n.toLowerCase()));
      const doomed = book.names.items.filter((n) => wanted.has(n.name.toLowerCase()));
      doomed.forEach((n) => n.delete());
      for (const name of owned) book.worksheets.getItem(name).delete();
      await context.sync();
      return { sheets: owned, names: doomed.length };
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
