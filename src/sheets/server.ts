// The wizard's server side in Apps Script: the workbook interface over SpreadsheetApp, exposed as
// global functions the sidebar calls through google.script.run. One getValues/setValues per block.
import { formulaChanges } from '../core/workbook/formula-rewrite';
import {
  ApplyResult, checkOwnership, conflictMessage, CurveChartSpec, describeRewrite, encodeBlock, FORMAT_ROWS, formatRuns, isOwned, MARKER_CELL, parseRange, RegionScope, RemoveResult,
  RewriteSummary, SheetInfo, SourceRegion, WorkbookPlan,
} from '../core/workbook/plan';
import { languageFromTag, translator, type Language, type Translate } from '../core/i18n';

type Raw = string | number | boolean | null;

/** google.script.run cannot carry a Date: dates go as ISO yyyy-mm-dd text, which ingest reads as a date. */
function plain(values: unknown[][], timeZone: string): Raw[][] {
  return values.map((row) => row.map((v) => {
    // Checked by tag, not instanceof: a Date from another realm (a test harness) is a Date too.
    if (Object.prototype.toString.call(v) === '[object Date]') return Utilities.formatDate(v as Date, timeZone, 'yyyy-MM-dd');
    if (v === '' || v === undefined) return null;
    return v as Raw;
  }));
}

function region(range: GoogleAppsScript.Spreadsheet.Range): SourceRegion {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // Number formats of the first rows only: enough to tell each column's unit, little to send.
  const top = range.offset(0, 0, Math.min(range.getNumRows(), FORMAT_ROWS), range.getNumColumns());
  return {
    sheet: range.getSheet().getName(),
    range: range.getA1Notation(),
    row: range.getRow(),
    column: range.getColumn(),
    values: plain(range.getValues(), ss.getSpreadsheetTimeZone()),
    formats: top.getNumberFormats().map((r) => r.map((f) => (typeof f === 'string' && f ? f : null))),
  };
}

/**
 * The user's locale as Google reports it (Session.getActiveUserLocale, e.g. "es" or "es_419"; Apps Script reference,
 * Class Session): the sidebar asks once to pick its language, and the menu says its result in it.
 */
function userLocale(): string {
  try {
    return Session.getActiveUserLocale() || '';
  } catch {
    return '';
  }
}

/** The wizard's language when it sends one, else the user's locale. */
const say = (language?: Language): Translate => (language ? translator(language) : translator(languageFromTag(userLocale()), userLocale()));

function readSelection(scope: RegionScope, language?: Language): SourceRegion {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  // Sheets has no table object in SpreadsheetApp: "table" is the data region around the active cell.
  const range = scope === 'used' ? sheet.getDataRange() : (sheet.getActiveRange() ?? sheet.getRange(1, 1)).getDataRegion();
  if (range.getNumRows() === 1 && range.getNumColumns() === 1 && range.getValue() === '') {
    throw new Error(say(language)('host.error.emptySelection'));
  }
  return region(range);
}

function readSheet(name: string, a1?: string): SourceRegion | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) return null;
  return region(a1 ? sheet.getRange(a1) : sheet.getDataRange());
}

function listSheets(): SheetInfo[] {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => {
    const marker = s.getRange(MARKER_CELL.row, MARKER_CELL.column).getValue();
    return { name: s.getName(), marker: typeof marker === 'string' ? marker : '' };
  });
}

function applyPlan(plan: WorkbookPlan): ApplyResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const t = translator(plan.language);
  const ownership = checkOwnership(listSheets(), plan);
  // Checked again here, right before writing: the user may have added a sheet since the wizard looked.
  if (ownership.conflicts.length) throw new Error(conflictMessage(ownership.conflicts, t));
  const notes: string[] = [];
  for (const planSheet of plan.sheets) {
    let sheet = ss.getSheetByName(planSheet.name);
    if (sheet && planSheet.keep) {
      // A sheet that is only added to (KAM History): what is on it stays.
    } else if (sheet) {
      sheet.getCharts().forEach((chart) => sheet!.removeChart(chart));
      sheet.clear();
      // Columns the last build hid may hold other data this time.
      sheet.showColumns(1, sheet.getMaxColumns());
    } else sheet = ss.insertSheet(planSheet.name, ss.getSheets().length);
    for (const block of planSheet.blocks) {
      const rows = block.cells.length;
      const columns = Math.max(...block.cells.map((r) => r.length));
      if (!rows || !columns) continue;
      const { input } = encodeBlock(block, 'sheets');
      // Number formats by runs of columns; text keeps its apostrophe, so it stays text in any format.
      for (const run of formatRuns(block)) sheet.getRange(run.row, run.column, run.rows, run.columns).setNumberFormat(run.format);
      const range = sheet.getRange(block.row, block.column, rows, columns);
      range.setValues(input.map((r) => (r.length < columns ? [...r, ...Array(columns - r.length).fill('')] : r)));
      if (block.bold) range.setFontWeight('bold');
      if (block.note) sheet.getRange(block.row, block.column).setNote(block.note);
    }
    for (const f of planSheet.numberFormats ?? []) sheet.getRange(f.row, f.column, f.rows, f.columns).setNumberFormat(f.format);
    for (const h of planSheet.hiddenColumns ?? []) sheet.hideColumns(h.column, h.count);
    if (planSheet.freezeRows) sheet.setFrozenRows(planSheet.freezeRows);
  }
  for (const name of ownership.retire) ss.deleteSheet(ss.getSheetByName(name)!);
  for (const n of plan.names) ss.setNamedRange(n.name, ss.getSheetByName(n.sheet)!.getRange(n.range));
  let chart = false;
  if (plan.chart) {
    const spec = plan.chart;
    const sheet = ss.getSheetByName(spec.sheet)!;
    const anchor = sheet.getRange(spec.anchor);
    const built = sheet.newChart()
      .setChartType(Charts.ChartType.BUBBLE)
      .addRange(sheet.getRange(spec.dataRange))
      .setNumHeaders(1)
      .setPosition(anchor.getRow(), anchor.getColumn(), 0, 0)
      .setOption('title', spec.title)
      .setOption('hAxis.title', spec.xTitle)
      .setOption('vAxis.title', spec.yTitle)
      .setOption('vAxis.viewWindow.min', 0)
      .setOption('vAxis.viewWindow.max', 10)
      // Its data sits in hidden helper columns; charts skip hidden columns unless told (default IGNORE_BOTH).
      .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
      .build();
    sheet.insertChart(built);
    chart = true;
    notes.push(t('host.note.sheetsCuts'));
  }
  for (const spec of plan.curves ?? []) curveChart(ss, spec);
  return { created: ownership.create, updated: ownership.update, removed: ownership.retire, names: plan.names.length, chart, notes };
}

/**
 * A line through x-y points: Sheets' SCATTER chart over the x column and the y column (the first column is the x
 * axis), drawn as a line (Google Charts' scatter options lineWidth and pointSize), with the axes' formats and range.
 */
function curveChart(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: CurveChartSpec): void {
  const sheet = ss.getSheetByName(spec.sheet)!;
  const anchor = sheet.getRange(spec.anchor);
  const x = parseRange(spec.xRange);
  const y = parseRange(spec.yRange);
  // Neighbouring columns of the same rows go in as one range, as a user selecting them would.
  const ranges = y.column === x.column + 1 && y.row === x.row && y.rows === x.rows
    ? [sheet.getRange(x.row, x.column, x.rows, 2)]
    : [sheet.getRange(spec.xRange), sheet.getRange(spec.yRange)];
  let builder = sheet.newChart().setChartType(Charts.ChartType.SCATTER);
  for (const range of ranges) builder = builder.addRange(range);
  const built = builder
    .setNumHeaders(0)
    .setPosition(anchor.getRow(), anchor.getColumn(), 0, 0)
    .setOption('title', spec.title)
    .setOption('hAxis.title', spec.xTitle)
    .setOption('vAxis.title', spec.yTitle)
    .setOption('hAxis.viewWindow.min', spec.xMin)
    .setOption('hAxis.viewWindow.max', spec.xMax)
    .setOption('hAxis.format', spec.xFormat)
    .setOption('vAxis.format', spec.yFormat)
    .setOption('lineWidth', 2)
    .setOption('pointSize', 0)
    .setOption('legend.position', 'none')
    .build();
  sheet.insertChart(built);
}

/** Deletes the sheets carrying the wizard's marker and the wizard's named ranges; nothing else. */
function removeBuilt(names: string[]): RemoveResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owned = listSheets().filter(isOwned).map((s) => s.name);
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  let removed = 0;
  for (const named of ss.getNamedRanges()) {
    if (!wanted.has(named.getName().toLowerCase())) continue;
    named.remove();
    removed++;
  }
  for (const name of owned) ss.deleteSheet(ss.getSheetByName(name)!);
  return { sheets: owned, names: removed };
}

function rewriteFormulas(): RewriteSummary {
  let cells = 0;
  let cleared = 0;
  let sheets = 0;
  for (const sheet of SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
    const range = sheet.getDataRange();
    const changes = formulaChanges(range.getFormulas(), 'sheets');
    for (const change of changes) {
      const cell = range.getCell(change.row + 1, change.column + 1);
      if (change.formula === '') cell.clearContent();
      else cell.setFormula(change.formula);
    }
    cleared += changes.filter((c) => c.formula === '').length;
    cells += changes.filter((c) => c.formula !== '').length;
    if (changes.length) sheets++;
  }
  return { cells, sheets, host: 'sheets', cleared };
}

global.kamReadSelection = (scope: RegionScope, language?: Language) => readSelection(scope, language);
global.kamUserLocale = () => userLocale();
global.kamReadSheet = (name: string, range?: string) => readSheet(name, range);
global.kamListSheets = () => listSheets();
global.kamApplyPlan = (plan: WorkbookPlan) => applyPlan(plan);
global.kamRewriteFormulas = () => rewriteFormulas();
global.kamRemoveBuilt = (names: string[]) => removeBuilt(names);

/** Menu action: rewrites every KAM formula for Sheets and says how many cells changed. */
global.kamRewriteFromMenu = () => {
  const result = rewriteFormulas();
  const ui = SpreadsheetApp.getUi();
  const t = say();
  ui.alert(t('host.menu.rewriteTitle'), describeRewrite(result, t), ui.ButtonSet.OK);
};


