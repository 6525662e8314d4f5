// Test support: a fake SpreadsheetApp faithful to what the wizard's server functions use — ranges,
// getValues/setValues read as typed (apostrophe = text, "=" = formula), number formats, formulas,
// named ranges, sheets, charts, hidden columns — with a call log to check that writes are batched.
import { parseRange, a1Range } from '../../src/core/workbook/plan';
import { formatDate } from './apps-script-utilities';

type Value = string | number | boolean | Date;
interface Cell { value: Value; formula: string; format: string; bold?: boolean; note?: string }

const blank = (): Cell => ({ value: '', formula: '', format: '' });

export class FakeSheet {
  cells = new Map<string, Cell>();
  charts: FakeChart[] = [];
  frozenRows = 0;
  active = { row: 1, column: 1 };
  /** Hidden columns, 1-based. */
  hidden = new Set<number>();
  /** A new Sheets sheet has 26 columns; writing past them adds columns. */
  maxColumns = 26;
  constructor(public book: FakeSpreadsheet, public name: string) {}
  cell(r: number, c: number): Cell {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = blank()));
    return cell;
  }
  peek(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  filled(r: number, c: number): boolean {
    const cell = this.peek(r, c);
    return !!cell && (cell.formula !== '' || cell.value !== '');
  }
  lastRow(): number { let m = 0; for (const [k, c] of this.cells) if (c.value !== '' || c.formula) m = Math.max(m, Number(k.split(',')[0])); return m; }
  lastColumn(): number { let m = 0; for (const [k, c] of this.cells) if (c.value !== '' || c.formula) m = Math.max(m, Number(k.split(',')[1])); return m; }
  getName(): string { return this.name; }
  getRange(a: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    if (typeof a === 'string') {
      const p = parseRange(a);
      return new FakeRange(this, p.row, p.column, p.rows, p.columns);
    }
    if (a < 1 || (column ?? 0) < 1) throw new Error('Exception: Range not found');
    return new FakeRange(this, a, column!, rows, columns);
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }
  getActiveRange(): FakeRange { return new FakeRange(this, this.active.row, this.active.column, 1, 1); }
  clear(): FakeSheet { this.book.log.push(`clear ${this.name}`); this.cells.clear(); return this; }
  getCharts(): FakeChart[] { return [...this.charts]; }
  removeChart(chart: FakeChart): void { this.charts = this.charts.filter((c) => c !== chart); }
  newChart(): FakeChartBuilder { return new FakeChartBuilder(); }
  insertChart(chart: FakeChart): void { this.charts.push(chart); }
  setFrozenRows(n: number): void { this.frozenRows = n; }
  getMaxColumns(): number { return Math.max(this.maxColumns, this.lastColumn()); }
  hideColumns(column: number, count = 1): void { for (let j = 0; j < count; j++) this.hidden.add(column + j); }
  showColumns(column: number, count = 1): void {
    if (column < 1 || column + count - 1 > this.getMaxColumns()) throw new Error('Exception: Those columns are out of bounds.');
    for (let j = 0; j < count; j++) this.hidden.delete(column + j);
  }
}

export class FakeRange {
  constructor(public sheet: FakeSheet, public row: number, public column: number, public rows: number, public columns: number) {}
  private each<T>(fn: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.columns }, (_, j) => fn(this.sheet.peek(this.row + i, this.column + j), this.row + i, this.column + j)));
  }
  private checkShape(grid: unknown[][], what: string): void {
    if (grid.length !== this.rows) throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.rows}. (${what})`);
    for (const r of grid) if (r.length !== this.columns) throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.columns}. (${what})`);
  }
  getSheet(): FakeSheet { return this.sheet; }
  getRow(): number { return this.row; }
  getColumn(): number { return this.column; }
  getNumRows(): number { return this.rows; }
  getNumColumns(): number { return this.columns; }
  getA1Notation(): string { return a1Range(this.row, this.column, this.rows, this.columns); }
  getValues(): Value[][] { this.sheet.book.log.push(`getValues ${this.sheet.name}!${this.getA1Notation()}`); return this.each((c) => (c ? c.value : '')); }
  getValue(): Value { return this.sheet.peek(this.row, this.column)?.value ?? ''; }
  getFormulas(): string[][] { return this.each((c) => c?.formula ?? ''); }
  getNumberFormats(): string[][] { return this.each((c) => c?.format ?? ''); }
  getCell(r: number, c: number): FakeRange { return new FakeRange(this.sheet, this.row + r - 1, this.column + c - 1, 1, 1); }
  offset(rows: number, columns: number, numRows?: number, numColumns?: number): FakeRange {
    return new FakeRange(this.sheet, this.row + rows, this.column + columns, numRows ?? this.rows, numColumns ?? this.columns);
  }
  /** As Apps Script does: strings are read as if typed, unless the cell is formatted as plain text. */
  setValues(grid: unknown[][]): FakeRange {
    this.checkShape(grid, 'setValues');
    this.sheet.book.log.push(`setValues ${this.sheet.name}!${this.getA1Notation()}`);
    grid.forEach((r, i) => r.forEach((v, j) => {
      if (v instanceof Date || (typeof v === 'object' && v !== null)) throw new Error('Exception: unsupported value type');
      const cell = this.sheet.cell(this.row + i, this.column + j);
      cell.formula = '';
      if (typeof v !== 'string') { cell.value = v as Value; return; }
      if (cell.format === '@') { cell.value = v; return; }
      if (v.startsWith("'")) { cell.value = v.slice(1); return; }
      if (v.startsWith('=')) { cell.formula = v; cell.value = ''; return; }
      if (/^[+-]/.test(v) && !/^[+-]\d+(\.\d+)?$/.test(v)) { cell.formula = `=${v}`; cell.value = '#ERROR!'; return; }
      if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) { cell.value = Number(v); return; }
      cell.value = v;
    }));
    return this;
  }
  clearContent(): FakeRange {
    this.sheet.book.log.push(`clearContent ${this.sheet.name}!${this.getA1Notation()}`);
    this.each((_, r, c) => { const cell = this.sheet.cell(r, c); cell.value = ''; cell.formula = ''; });
    return this;
  }
  setFormula(f: string): FakeRange { this.sheet.book.log.push(`setFormula ${this.sheet.name}!${this.getA1Notation()}`); const c = this.sheet.cell(this.row, this.column); c.formula = f; c.value = ''; return this; }
  setNumberFormats(grid: string[][]): FakeRange {
    this.checkShape(grid, 'setNumberFormats');
    grid.forEach((r, i) => r.forEach((f, j) => { this.sheet.cell(this.row + i, this.column + j).format = f; }));
    return this;
  }
  /** One format for every cell of the range (the cells keep their values). */
  setNumberFormat(format: string): FakeRange {
    this.sheet.book.log.push(`setNumberFormat ${this.sheet.name}!${this.getA1Notation()}`);
    this.each((_, r, c) => { this.sheet.cell(r, c).format = format; });
    return this;
  }
  setFontWeight(w: string): FakeRange { this.each((_, r, c) => { this.sheet.cell(r, c).bold = w === 'bold'; }); return this; }
  setNote(note: string): FakeRange { this.sheet.cell(this.row, this.column).note = note; return this; }
  /** The rectangle around the range bounded by blank rows and columns. */
  getDataRegion(): FakeRange {
    let top = this.row, left = this.column, bottom = this.row + this.rows - 1, right = this.column + this.columns - 1;
    const s = this.sheet;
    for (let grown = true; grown;) {
      grown = false;
      const rowHas = (r: number): boolean => { for (let c = left - 1; c <= right + 1; c++) if (c >= 1 && s.filled(r, c)) return true; return false; };
      const colHas = (c: number): boolean => { for (let r = top - 1; r <= bottom + 1; r++) if (r >= 1 && s.filled(r, c)) return true; return false; };
      // Whole runs at a time: a 10,000-row export grows in a few passes, not one row per pass.
      while (top > 1 && rowHas(top - 1)) { top--; grown = true; }
      while (rowHas(bottom + 1)) { bottom++; grown = true; }
      while (left > 1 && colHas(left - 1)) { left--; grown = true; }
      while (colHas(right + 1)) { right++; grown = true; }
    }
    return new FakeRange(s, top, left, bottom - top + 1, right - left + 1);
  }
}

export class FakeChart { constructor(public type: string, public ranges: string[], public options: Record<string, unknown>, public position: number[]) {} }
class FakeChartBuilder {
  type = ''; ranges: string[] = []; options: Record<string, unknown> = {}; position: number[] = [];
  setHiddenDimensionStrategy(strategy: string): this { this.options.hiddenDimensionStrategy = strategy; return this; }
  setChartType(t: string): this { this.type = t; return this; }
  addRange(r: FakeRange): this { this.ranges.push(`${r.sheet.name}!${r.getA1Notation()}`); return this; }
  setNumHeaders(n: number): this { this.options.numHeaders = n; return this; }
  setPosition(...p: number[]): this { this.position = p; return this; }
  setOption(k: string, v: unknown): this { this.options[k] = v; return this; }
  build(): FakeChart { return new FakeChart(this.type, this.ranges, this.options, this.position); }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  names = new Map<string, FakeRange>();
  log: string[] = [];
  alerts: string[] = [];
  activeSheet: FakeSheet | null = null;
  addSheet(name: string, rows: (string | number | boolean | null)[][] = []): FakeSheet {
    const sheet = new FakeSheet(this, name);
    rows.forEach((r, i) => r.forEach((v, j) => { if (v !== null && v !== '') sheet.cell(i + 1, j + 1).value = v; }));
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }
  getActiveSheet(): FakeSheet { return this.activeSheet ?? this.sheets[0]; }
  getSheets(): FakeSheet[] { return [...this.sheets]; }
  getSheetByName(name: string): FakeSheet | null { return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null; }
  insertSheet(name: string, index?: number): FakeSheet {
    if (this.getSheetByName(name)) throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
  setNamedRange(name: string, range: FakeRange): void { this.names.set(name, range); }
  getNamedRanges(): { getName(): string; getRange(): FakeRange; remove(): void }[] {
    return [...this.names].map(([name, range]) => ({ getName: () => name, getRange: () => range, remove: () => { this.names.delete(name); } }));
  }
  /** The spreadsheet's time zone (File › Settings in Sheets). */
  timeZone = 'Etc/UTC';
  getSpreadsheetTimeZone(): string { return this.timeZone; }
  getUi(): unknown {
    return {
      ButtonSet: { OK: 'OK' },
      alert: (title: string, message: string) => { this.alerts.push(`${title}: ${message}`); },
      createAddonMenu: () => ({ addItem() { return this; }, addToUi() {} }),
    };
  }
}

/** The Apps Script globals the bundle's server functions use, over one fake spreadsheet. */
export function appsScriptGlobals(book: FakeSpreadsheet): Record<string, unknown> {
  return {
    SpreadsheetApp: { getActiveSpreadsheet: () => book, getActive: () => book, getUi: () => book.getUi() },
    Charts: { ChartType: { BUBBLE: 'BUBBLE', SCATTER: 'SCATTER' }, ChartHiddenDimensionStrategy: { IGNORE_BOTH: 'IGNORE_BOTH', SHOW_BOTH: 'SHOW_BOTH' } },
    Utilities: { formatDate },
  };
}
