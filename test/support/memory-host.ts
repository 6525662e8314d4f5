// An in-memory workbook behind the workbook interface, for tests: cells hold values or formulas,
// writes are read the way each host reads them (so text that looks like a formula is caught).
import { formulaChanges } from '../../src/core/workbook/formula-rewrite';
import type { FormulaHost } from '../../src/core/functions/function-ids';
import { translator, type Language, type Translate } from '../../src/core/i18n';
import {
  a1Range, ApplyProgress, ApplyResult, checkOwnership, conflictMessage, encodeBlock, FORMAT_ROWS, formatRuns, isOwned, MARKER_CELL, parseRange, PlanSheet,
  RegionScope, RemoveResult, RewriteSummary, SheetInfo, SourceRegion, WorkbookError, WorkbookHost, WorkbookPlan,
} from '../../src/core/workbook/plan';

export type MemoryValue = string | number | boolean | null;

export interface MemoryCell {
  value: MemoryValue;
  formula?: string;
  format?: string;
  bold?: boolean;
  note?: string;
}

export interface MemorySheet {
  name: string;
  cells: Map<string, MemoryCell>;
  freezeRows?: number;
  charts: { title: string; dataRange: string; kind?: 'bubble' | 'curve'; xRange?: string; yRange?: string }[];
  /** Hidden columns, 1-based. */
  hidden: Set<number>;
}

const key = (row: number, column: number): string => `${row},${column}`;

/**
 * How a host reads a string written as a value. Sheets reads setValues input as typed: "'x" is the
 * text x, "=…" a formula, "12" a number. Excel reads "=…" as a formula unless the cell's format is Text.
 * "+x", "-x" and "@x" are taken as formulas too (the cautious reading of both hosts).
 */
export function readAsHost(input: string | number | boolean, format: string | undefined, host: FormulaHost): MemoryCell {
  if (typeof input !== 'string') return { value: input, format };
  if (input === '') return { value: null, format };
  if (host === 'excel' && format === '@') return { value: input, format };
  if (input.startsWith("'")) return { value: input.slice(1), format };
  if (/^[=+\-@]/.test(input)) {
    if (/^[+-]\d+(\.\d+)?$/.test(input)) return { value: Number(input), format };
    return { value: null, formula: input.startsWith('=') ? input : `=${input}`, format };
  }
  if (/^\d+(\.\d+)?$/.test(input.trim())) return { value: Number(input), format };
  return { value: input, format };
}

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  names = new Map<string, { sheet: string; range: string }>();
  selection = { sheet: '', row: 1, column: 1 };

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, rows: MemoryValue[][] = [], at = { row: 1, column: 1 }): MemorySheet {
    const sheet: MemorySheet = { name, cells: new Map(), charts: [], hidden: new Set() };
    this.sheets.push(sheet);
    rows.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null && v !== '') sheet.cells.set(key(at.row + i, at.column + j), { value: v });
    }));
    if (!this.selection.sheet) this.selection = { sheet: name, row: at.row, column: at.column };
    return sheet;
  }

  get(sheet: string, address: string): MemoryCell | undefined {
    const { row, column } = parseRange(address);
    return this.sheet(sheet)?.cells.get(key(row, column));
  }

  /** Values (formulas where there are some) of a range, for assertions. */
  grid(sheet: string, range: string, what: 'value' | 'formula' = 'value'): MemoryValue[][] {
    const s = this.sheet(sheet);
    const { row, column, rows, columns } = parseRange(range);
    return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => {
      const cell = s?.cells.get(key(row + i, column + j));
      if (!cell) return null;
      return what === 'formula' && cell.formula ? cell.formula : cell.value;
    }));
  }

  usedBox(sheet: MemorySheet): { row: number; column: number; rows: number; columns: number } | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === null && !cell.formula) continue;
      const [r, c] = k.split(',').map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom ? { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 } : null;
  }

  filled(sheet: MemorySheet, r: number, c: number): boolean {
    const cell = sheet.cells.get(key(r, c));
    return !!cell && (cell.formula !== undefined || (cell.value !== null && cell.value !== ''));
  }

  /** The current region: the rectangle around the cell bounded by blank rows and columns. */
  region(sheet: MemorySheet, row: number, column: number): { row: number; column: number; rows: number; columns: number } {
    let top = row, left = column, bottom = row, right = column;
    for (let grown = true; grown;) {
      grown = false;
      const rowHas = (r: number): boolean => { for (let c = left - 1; c <= right + 1; c++) if (c >= 1 && this.filled(sheet, r, c)) return true; return false; };
      const colHas = (c: number): boolean => { for (let r = top - 1; r <= bottom + 1; r++) if (r >= 1 && this.filled(sheet, r, c)) return true; return false; };
      // Grow each side as far as it goes before the next: one row at a time re-checking every side is
      // quadratic, minutes on a 10,000-row export.
      while (top > 1 && rowHas(top - 1)) { top--; grown = true; }
      while (rowHas(bottom + 1)) { bottom++; grown = true; }
      while (left > 1 && colHas(left - 1)) { left--; grown = true; }
      while (colHas(right + 1)) { right++; grown = true; }
    }
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  read(sheet: MemorySheet, box: { row: number; column: number; rows: number; columns: number }): SourceRegion {
    const formatRows = Math.min(box.rows, FORMAT_ROWS);
    return {
      sheet: sheet.name,
      range: a1Range(box.row, box.column, box.rows, box.columns),
      row: box.row,
      column: box.column,
      values: this.grid(sheet.name, a1Range(box.row, box.column, box.rows, box.columns)),
      formats: Array.from({ length: formatRows }, (_, i) => Array.from({ length: box.columns }, (_, j) => sheet.cells.get(key(box.row + i, box.column + j))?.format ?? null)),
    };
  }

  /** A cell's number format (as a test sets it on the source, or as the build wrote it). */
  setFormat(sheet: string, address: string, format: string): void {
    const s = this.sheet(sheet)!;
    const { row, column, rows, columns } = parseRange(address);
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) {
      const k = key(row + i, column + j);
      s.cells.set(k, { ...(s.cells.get(k) ?? { value: null }), format });
    }
  }
}

/** The workbook interface over a MemoryWorkbook, spelling formulas for `host`. */
export class MemoryHost implements WorkbookHost {
  writes = 0;
  private t: Translate = translator('en');
  constructor(readonly book: MemoryWorkbook, readonly host: FormulaHost = 'sheets') {}

  setLanguage(language: Language): void {
    this.t = translator(language);
  }

  async readSelection(scope: RegionScope): Promise<SourceRegion> {
    const { sheet: name, row, column } = this.book.selection;
    const sheet = this.book.sheet(name);
    if (!sheet) throw new WorkbookError(this.t('host.error.noSheet'));
    const box = scope === 'used' ? this.book.usedBox(sheet) : this.book.region(sheet, row, column);
    if (!box) throw new WorkbookError(this.t('host.error.emptySheet', { sheet: name }));
    return this.book.read(sheet, box);
  }

  async readSheet(name: string, range?: string): Promise<SourceRegion | null> {
    const sheet = this.book.sheet(name);
    if (!sheet) return null;
    const box = range ? parseRange(range) : this.book.usedBox(sheet);
    return box ? this.book.read(sheet, box) : { sheet: sheet.name, range: 'A1', row: 1, column: 1, values: [[null]] };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.book.sheets.map((s) => {
      const marker = s.cells.get(key(MARKER_CELL.row, MARKER_CELL.column))?.value;
      return { name: s.name, marker: typeof marker === 'string' ? marker : '' };
    });
  }

  async applyPlan(plan: WorkbookPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    const t = translator(plan.language);
    const ownership = checkOwnership(await this.listSheets(), plan);
    if (ownership.conflicts.length) throw new WorkbookError(conflictMessage(ownership.conflicts, t));
    const steps = plan.sheets.length + 2;
    plan.sheets.forEach((planSheet, i) => {
      onProgress?.({ step: i + 1, steps, label: t('host.progress.writing', { sheet: planSheet.name }) });
      this.writeSheet(planSheet, plan.host);
    });
    this.book.sheets = this.book.sheets.filter((s) => !ownership.retire.includes(s.name));
    onProgress?.({ step: steps - 1, steps, label: t('host.progress.names') });
    for (const n of plan.names) this.book.names.set(n.name, { sheet: n.sheet, range: n.range });
    onProgress?.({ step: steps, steps, label: t('host.progress.chart') });
    if (plan.chart) this.book.sheet(plan.chart.sheet)!.charts = [{ title: plan.chart.title, dataRange: plan.chart.dataRange, kind: 'bubble' }];
    for (const c of plan.curves ?? []) this.book.sheet(c.sheet)!.charts = [{ title: c.title, dataRange: `${c.xRange},${c.yRange}`, kind: 'curve', xRange: c.xRange, yRange: c.yRange }];
    return { created: ownership.create, updated: ownership.update, removed: ownership.retire, names: plan.names.length, chart: !!plan.chart, notes: [] };
  }

  async removeBuilt(names: readonly string[]): Promise<RemoveResult> {
    const owned = (await this.listSheets()).filter(isOwned).map((s) => s.name);
    this.book.sheets = this.book.sheets.filter((s) => !owned.includes(s.name));
    let removed = 0;
    for (const n of names) if (this.book.names.delete(n)) removed++;
    return { sheets: owned, names: removed };
  }

  private writeSheet(planSheet: PlanSheet, host: FormulaHost): void {
    let sheet = this.book.sheet(planSheet.name);
    if (sheet && planSheet.keep) {
      // Only added to: what is on the sheet stays.
    } else if (sheet) {
      sheet.cells.clear();
      sheet.hidden.clear();
    } else sheet = this.book.addSheet(planSheet.name);
    sheet.freezeRows = planSheet.freezeRows;
    const format = (row: number, column: number, f: string): void => {
      const k = key(row, column);
      sheet!.cells.set(k, { ...(sheet!.cells.get(k) ?? { value: null }), format: f });
    };
    for (const block of planSheet.blocks) {
      this.writes++;
      const { input, formats } = encodeBlock(block, host);
      // Sheets takes number formats by column before the values, as the server does.
      if (host === 'sheets') for (const run of formatRuns(block)) for (let i = 0; i < run.rows; i++) for (let j = 0; j < run.columns; j++) format(run.row + i, run.column + j, run.format);
      input.forEach((r, i) => r.forEach((v, j) => {
        const at = key(block.row + i, block.column + j);
        const cell = readAsHost(v, formats?.[i][j] ?? sheet!.cells.get(at)?.format, host);
        if (block.bold) cell.bold = true;
        if (cell.value !== null || cell.formula || cell.format) sheet!.cells.set(at, cell);
      }));
      if (block.note) sheet.cells.get(key(block.row, block.column))!.note = block.note;
    }
    for (const f of planSheet.numberFormats ?? []) for (let i = 0; i < f.rows; i++) for (let j = 0; j < f.columns; j++) format(f.row + i, f.column + j, f.format);
    for (const h of planSheet.hiddenColumns ?? []) for (let j = 0; j < h.count; j++) sheet.hidden.add(h.column + j);
  }

  async rewriteFormulas(): Promise<RewriteSummary> {
    let cells = 0;
    let sheets = 0;
    for (const sheet of this.book.sheets) {
      const entries = [...sheet.cells.entries()].filter(([, c]) => c.formula);
      const changes = formulaChanges(entries.map(([, c]) => [c.formula]), this.host);
      for (const change of changes) entries[change.row][1].formula = change.formula;
      cells += changes.length;
      if (changes.length) sheets++;
    }
    return { cells, sheets, host: this.host };
  }
}

