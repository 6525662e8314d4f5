// Test support: Excel as the task pane reaches it through Office.js, installed into a Chromium page before
// its scripts run (page.addInitScript(installFakeExcel, seed)), so the BUILT taskpane can be driven
// through every step as the Sheets sidebar is. Faithful to Office.js's documented behaviour where our
// code depends on it (Microsoft Learn, office-js-docs-pr):
// - a proxy's properties can be read only after load() and context.sync() ("PropertyNotLoaded"; Excel
//   JavaScript object model, "load"), and writes are queued and run, in order, at sync;
// - *OrNullObject methods answer with isNullObject after sync; getItem of a missing sheet fails the
//   sync with ItemNotFound; a second sheet or name of the same name (case ignored) with ItemAlreadyExists;
// - values/formulas/numberFormat take a 2-D array of the range's shape, or fail with InvalidArgument;
//   a string starting with "=", "+" or "-" is read as a formula, a numeric string as a number — unless
//   the cell's number format is Text ("@"), when it stays text (Range.values, Range.numberFormat);
// - getUsedRange(true) of an empty sheet fails with ItemNotFound;
// - undo: every sync is one undo record, or one record for the whole Excel.run with mergeUndoGroup
//   (ExcelApi 1.20); Worksheet.delete clears the undo stack ("Undo support with the Excel JavaScript API").
// It does not calculate: a formula cell reads back as "" (Excel would give its result).
// The function is passed to the page as source text, so it must not use anything from outside itself.

export type ExcelSeedValue = string | number | boolean | null;

export interface ExcelSeed {
  sheets: { name: string; rows: ExcelSeedValue[][]; formats?: { range: string; format: string }[] }[];
  active: { sheet: string; row: number; column: number };
  /** Requirement sets this Excel supports, e.g. { ExcelApi: '1.20' }. */
  requirementSets: Record<string, string>;
  displayLanguage?: string;
}

export interface ExcelCellDump { v: ExcelSeedValue; f?: string; nf?: string; b?: boolean }
export interface ExcelDump {
  sheets: { name: string; cells: Record<string, ExcelCellDump>; hidden: number[]; frozenRows: number; charts: Record<string, unknown>[] }[];
  names: Record<string, string>;
  undoDepth: number;
  runs: { grouped: boolean; syncs: number }[];
}

export function installFakeExcel(seed: ExcelSeed): void {
  type Value = string | number | boolean | null;
  interface Cell { value: Value; formula?: string; format?: string; bold?: boolean }
  interface Sheet { name: string; cells: Map<string, Cell>; hidden: Set<number>; frozenRows: number; charts: Record<string, unknown>[] }
  interface Box { sheet: Sheet; row: number; column: number; rows: number; columns: number }
  const MAX_ROWS = 1048576;
  const MAX_COLUMNS = 16384;
  const w = window as unknown as Record<string, any>;

  class OfficeError extends Error {
    code: string;
    debugInfo: { code: string; message: string };
    constructor(code: string, message: string) {
      super(message);
      this.name = 'RichApi.Error';
      this.code = code;
      this.debugInfo = { code, message };
    }
  }

  const book = { sheets: [] as Sheet[], names: new Map<string, { name: string; sheet: string; box: Omit<Box, 'sheet'> }>(), active: seed.active };
  const key = (r: number, c: number): string => `${r},${c}`;
  const letters = (c: number): string => {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const parse = (a1: string): Omit<Box, 'sheet'> => {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
    if (!m) throw new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${a1}`);
    const col = (s: string): number => s.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    const column = col(m[1]);
    return { row, column, rows: (m[4] ? Number(m[4]) : row) - row + 1, columns: (m[3] ? col(m[3]) : column) - column + 1 };
  };
  const sheetNamed = (name: string): Sheet | undefined => book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const needSheet = (name: string): Sheet => {
    const s = sheetNamed(name);
    if (!s) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet "${name}")`);
    return s;
  };
  const newSheet = (name: string): Sheet => ({ name, cells: new Map(), hidden: new Set(), frozenRows: 0, charts: [] });
  const filled = (s: Sheet, r: number, c: number): boolean => {
    const cell = s.cells.get(key(r, c));
    return !!cell && (cell.formula !== undefined || (cell.value !== null && cell.value !== ''));
  };
  const quote = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
  const address = (b: Box): string => `${quote(b.sheet.name)}!${letters(b.column)}${b.row}${b.rows === 1 && b.columns === 1 ? '' : `:${letters(b.column + b.columns - 1)}${b.row + b.rows - 1}`}`;

  for (const s of seed.sheets) {
    const sheet = newSheet(s.name);
    s.rows.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null && v !== '') sheet.cells.set(key(i + 1, j + 1), { value: v });
    }));
    for (const f of s.formats ?? []) {
      const b = parse(f.range);
      for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.columns; j++) {
        const k = key(b.row + i, b.column + j);
        sheet.cells.set(k, { ...(sheet.cells.get(k) ?? { value: null }), format: f.format });
      }
    }
    book.sheets.push(sheet);
  }

  // ---- Undo records, a gate to hold syncs (to see the pane while it waits), and a log of runs ----
  const snapshot = (): string => JSON.stringify({
    sheets: book.sheets.map((s) => ({ name: s.name, cells: [...s.cells], hidden: [...s.hidden], frozenRows: s.frozenRows, charts: s.charts })),
    names: [...book.names],
  });
  const restore = (text: string): void => {
    const saved = JSON.parse(text);
    book.sheets = saved.sheets.map((s: any) => ({ name: s.name, cells: new Map(s.cells), hidden: new Set(s.hidden), frozenRows: s.frozenRows, charts: s.charts }));
    book.names = new Map(saved.names);
  };
  const undo: string[] = [];
  const runs: { grouped: boolean; syncs: number }[] = [];
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;

  // ---- Reading and writing cells as Excel does ----
  const written = (input: unknown, format: string | undefined): Cell => {
    if (typeof input !== 'string') return { value: input as Value, format };
    if (input === '') return { value: null, format };
    if (format === '@') return { value: input, format };
    if (/^[=+-]/.test(input) && !/^[+-]\d+(\.\d+)?$/.test(input)) return { value: null, formula: input.startsWith('=') ? input : `=${input}`, format };
    if (/^[+-]?\d+(\.\d+)?$/.test(input.trim())) return { value: Number(input), format };
    return { value: input, format };
  };
  const shapeOf = (b: Box, grid: unknown, what: string): unknown[][] => {
    if (!Array.isArray(grid) || grid.length !== b.rows || grid.some((r) => !Array.isArray(r) || r.length !== b.columns)) {
      throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what} of ${address(b)})`);
    }
    return grid as unknown[][];
  };
  const each = (b: Box, fn: (r: number, c: number, i: number, j: number) => void): void => {
    for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.columns; j++) fn(b.row + i, b.column + j, i, j);
  };
  const read = (b: Box, what: string): unknown[][] => Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.columns }, (_, j) => {
    const cell = b.sheet.cells.get(key(b.row + i, b.column + j));
    if (what === 'numberFormat') return cell?.format ?? 'General';
    if (what === 'formulas') return cell?.formula ?? (cell?.value ?? '');
    return cell?.formula !== undefined ? '' : (cell?.value ?? '');
  }));
  const usedBox = (s: Sheet): Box | null => {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [k] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      if (!filled(s, r, c)) continue;
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom ? { sheet: s, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 } : null;
  };
  const region = (b: Box): Box => {
    let top = b.row, left = b.column, bottom = b.row + b.rows - 1, right = b.column + b.columns - 1;
    const s = b.sheet;
    for (let grown = true; grown;) {
      grown = false;
      const rowHas = (r: number): boolean => { for (let c = left - 1; c <= right + 1; c++) if (c >= 1 && filled(s, r, c)) return true; return false; };
      const colHas = (c: number): boolean => { for (let r = top - 1; r <= bottom + 1; r++) if (r >= 1 && filled(s, r, c)) return true; return false; };
      // Whole runs at a time: a 10,000-row export grows in a few passes, not one row per pass.
      while (top > 1 && rowHas(top - 1)) { top--; grown = true; }
      while (rowHas(bottom + 1)) { bottom++; grown = true; }
      while (left > 1 && colHas(left - 1)) { left--; grown = true; }
      while (colHas(right + 1)) { right++; grown = true; }
    }
    return { sheet: s, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  };

  // ---- Proxies: loads and writes are queued on the context and run at sync ----
  class Context {
    queue: (() => void)[] = [];
    writes = 0;
    /** Writes over the whole run: a grouped run with any write is one undo record, even if it wrote what was there. */
    wrote = false;
    syncs = 0;
    constructor(readonly grouped: boolean) {}
    workbook = new Workbook(this);
    async sync(): Promise<void> {
      if (gate) await gate;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const ops = this.queue.splice(0);
      const before = !this.grouped && this.writes ? snapshot() : null;
      if (this.writes) this.wrote = true;
      this.writes = 0;
      this.syncs++;
      for (const op of ops) op();
      if (before !== null) undo.push(before);
    }
  }
  const notLoaded = (what: string): never => {
    throw new OfficeError('PropertyNotLoaded', `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  };
  class Proxy {
    loaded: Record<string, unknown> = {};
    constructor(readonly ctx: Context) {}
    protected got(name: string): any {
      return name in this.loaded ? this.loaded[name] : notLoaded(name);
    }
    protected write(op: () => void): void {
      this.ctx.writes++;
      this.ctx.queue.push(op);
    }
  }

  class Range extends Proxy {
    format: { font: { bold?: boolean } };
    constructor(ctx: Context, readonly resolve: () => Box, readonly nullable = false) {
      super(ctx);
      const self = this;
      this.format = { font: { set bold(v: boolean) { self.write(() => each(self.resolve(), (r, c) => { const k = key(r, c); const s = self.resolve().sheet; s.cells.set(k, { ...(s.cells.get(k) ?? { value: null }), bold: v }); })); } } };
      if (nullable) this.ctx.queue.push(() => { this.loaded.isNullObject = (() => { try { this.resolve(); return false; } catch { return true; } })(); });
    }
    get isNullObject(): boolean { return this.got('isNullObject'); }
    load(props: string | string[]): this {
      const list = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : props;
      this.ctx.queue.push(() => {
        if (this.nullable && this.loaded.isNullObject) return;
        const b = this.resolve();
        for (const p of list) {
          if (p === 'address') this.loaded.address = address(b);
          else if (p === 'values' || p === 'formulas' || p === 'numberFormat') this.loaded[p] = read(b, p);
          else if (p === 'rowIndex') this.loaded.rowIndex = b.row - 1;
          else if (p === 'columnIndex') this.loaded.columnIndex = b.column - 1;
          else if (p === 'rowCount') this.loaded.rowCount = b.rows;
          else if (p === 'columnCount') this.loaded.columnCount = b.columns;
          else if (p === 'columnHidden') this.loaded.columnHidden = Array.from({ length: b.columns }, (_, j) => b.sheet.hidden.has(b.column + j)).every(Boolean);
          else throw new OfficeError('InvalidArgument', `The fake Excel does not load "${p}".`);
        }
      });
      return this;
    }
    get address(): string { return this.got('address'); }
    get values(): unknown[][] { return this.got('values'); }
    get formulas(): unknown[][] { return this.got('formulas'); }
    get numberFormat(): unknown[][] { return this.got('numberFormat'); }
    get rowIndex(): number { return this.got('rowIndex'); }
    get columnIndex(): number { return this.got('columnIndex'); }
    get rowCount(): number { return this.got('rowCount'); }
    get columnCount(): number { return this.got('columnCount'); }
    set values(grid: unknown[][]) { this.setCells(grid, 'values'); }
    set formulas(grid: unknown[][]) { this.setCells(grid, 'formulas'); }
    private setCells(grid: unknown[][], what: string): void {
      this.write(() => {
        const b = this.resolve();
        const g = shapeOf(b, grid, what);
        each(b, (r, c, i, j) => {
          const k = key(r, c);
          const old = b.sheet.cells.get(k);
          const cell = written(g[i][j], old?.format);
          b.sheet.cells.set(k, { ...cell, bold: old?.bold });
        });
      });
    }
    set numberFormat(grid: unknown[][]) {
      this.write(() => {
        const b = this.resolve();
        const g = shapeOf(b, grid, 'numberFormat');
        each(b, (r, c, i, j) => {
          const k = key(r, c);
          b.sheet.cells.set(k, { ...(b.sheet.cells.get(k) ?? { value: null }), format: String(g[i][j]) });
        });
      });
    }
    set columnHidden(hidden: boolean) {
      this.write(() => {
        const b = this.resolve();
        for (let j = 0; j < b.columns; j++) {
          if (hidden) b.sheet.hidden.add(b.column + j);
          else b.sheet.hidden.delete(b.column + j);
        }
      });
    }
    clear(_what?: string): void {
      this.write(() => {
        const b = this.resolve();
        for (const k of [...b.sheet.cells.keys()]) {
          const [r, c] = k.split(',').map(Number);
          if (r >= b.row && r < b.row + b.rows && c >= b.column && c < b.column + b.columns) b.sheet.cells.delete(k);
        }
      });
    }
    getEntireColumn(): Range {
      return new Range(this.ctx, () => ({ ...this.resolve(), row: 1, rows: MAX_ROWS }));
    }
    getSurroundingRegion(): Range {
      return new Range(this.ctx, () => region(this.resolve()));
    }
    getTables(_fullyContained?: boolean): { items: unknown[]; load(p?: string): unknown } {
      const collection = { loadedItems: null as unknown[] | null, get items(): unknown[] { return collection.loadedItems ?? notLoaded('items'); }, load: (_p?: string) => { this.ctx.queue.push(() => { collection.loadedItems = []; }); return collection; } };
      return collection;
    }
    get worksheet(): Worksheet {
      return new Worksheet(this.ctx, () => this.resolve().sheet.name);
    }
  }

  class Chart extends Proxy {
    state: Record<string, unknown> = {};
    title: { text?: string };
    axes: {
      categoryAxis: { title: { text?: string }; minimum?: number; maximum?: number; numberFormat?: string };
      valueAxis: { title: { text?: string }; minimum?: number; maximum?: number; numberFormat?: string };
    };
    legend: { visible?: boolean };
    series: { getItemAt(i: number): unknown };
    constructor(ctx: Context, readonly sheetName: () => string, type: string, source: Range) {
      super(ctx);
      const self = this;
      const set = (path: string, v: unknown): void => self.write(() => { self.state[path] = v; });
      const rangeOf = (r: Range): string => address(r.resolve());
      this.write(() => {
        this.state = { type, source: rangeOf(source) };
        needSheet(sheetName()).charts.push(this.state);
      });
      this.title = { set text(v: string) { set('title', v); } };
      this.axes = {
        categoryAxis: {
          title: { set text(v: string) { set('xTitle', v); } },
          set minimum(v: number) { set('xMin', v); }, set maximum(v: number) { set('xMax', v); }, set numberFormat(v: string) { set('xFormat', v); },
        },
        valueAxis: {
          title: { set text(v: string) { set('yTitle', v); } },
          set minimum(v: number) { set('yMin', v); }, set maximum(v: number) { set('yMax', v); }, set numberFormat(v: string) { set('yFormat', v); },
        },
      };
      this.legend = { set visible(v: boolean) { set('legendVisible', v); } };
      const series = {
        setXAxisValues(r: Range) { self.write(() => { self.state.x = rangeOf(r); }); },
        setValues(r: Range) { self.write(() => { self.state.y = rangeOf(r); }); },
        setBubbleSizes(r: Range) { self.write(() => { self.state.size = rangeOf(r); }); },
        set name(v: string) { set('seriesName', v); },
      };
      this.series = { getItemAt: () => series };
    }
    set plotVisibleOnly(v: boolean) { this.write(() => { this.state.plotVisibleOnly = v; }); }
    /** ExcelApi 1.8: "NotPlotted", "Zero" or "Interplotted". */
    set displayBlanksAs(v: string) { this.write(() => { this.state.displayBlanksAs = v; }); }
    setPosition(anchor: string): void { this.write(() => { this.state.anchor = anchor; }); }
    delete(): void {
      this.write(() => {
        const s = needSheet(this.sheetName());
        s.charts = s.charts.filter((c) => c !== this.state);
      });
    }
  }

  class Worksheet extends Proxy {
    charts: { items: Chart[]; load(p?: string): unknown; add(type: string, source: Range, by?: string): Chart };
    freezePanes: { freezeRows(n: number): void };
    constructor(ctx: Context, readonly nameNow: () => string, readonly nullable = false) {
      super(ctx);
      const self = this;
      if (nullable) this.ctx.queue.push(() => { this.loaded.isNullObject = !sheetNamed(this.nameNow()); });
      let loadedCharts: Chart[] | null = null;
      this.charts = {
        get items(): Chart[] { return loadedCharts ?? notLoaded('items'); },
        load: () => {
          self.ctx.queue.push(() => {
            const s = needSheet(self.nameNow());
            loadedCharts = s.charts.map((state) => {
              const c = Object.create(Chart.prototype) as Chart;
              Object.assign(c, { ctx: self.ctx, loaded: {}, state, sheetName: () => self.nameNow() });
              return c;
            });
          });
          return self.charts;
        },
        add: (type: string, source: Range) => new Chart(self.ctx, () => self.nameNow(), type, source),
      };
      this.freezePanes = { freezeRows: (n: number) => self.write(() => { needSheet(self.nameNow()).frozenRows = n; }) };
    }
    get isNullObject(): boolean { return this.got('isNullObject'); }
    get name(): string { return this.got('name'); }
    load(props?: string | string[]): this {
      this.ctx.queue.push(() => {
        if (this.nullable && this.loaded.isNullObject) return;
        if (!props || String(props).includes('name')) this.loaded.name = needSheet(this.nameNow()).name;
      });
      return this;
    }
    private box(b: Omit<Box, 'sheet'>): () => Box {
      return () => ({ sheet: needSheet(this.nameNow()), ...b });
    }
    getRange(a1?: string): Range {
      return new Range(this.ctx, this.box(a1 ? parse(a1) : { row: 1, column: 1, rows: MAX_ROWS, columns: MAX_COLUMNS }));
    }
    getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
      if (rows < 1 || columns < 1) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return new Range(this.ctx, this.box({ row: row + 1, column: column + 1, rows, columns }));
    }
    getUsedRange(_valuesOnly?: boolean): Range {
      return new Range(this.ctx, () => usedBox(needSheet(this.nameNow())) ?? (() => { throw new OfficeError('ItemNotFound', 'The requested resource doesn\'t exist. (empty sheet)'); })());
    }
    getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
      return new Range(this.ctx, () => usedBox(needSheet(this.nameNow())) ?? (() => { throw new OfficeError('ItemNotFound', 'empty'); })(), true);
    }
    delete(): void {
      this.write(() => {
        const s = needSheet(this.nameNow());
        if (book.sheets.length === 1) throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        book.sheets = book.sheets.filter((x) => x !== s);
        // Worksheet.delete is not undoable: it clears the undo stack.
        undo.length = 0;
      });
    }
  }

  class Workbook extends Proxy {
    worksheets: any;
    names: any;
    constructor(ctx: Context) {
      super(ctx);
      const self = this;
      let items: Worksheet[] | null = null;
      this.worksheets = {
        get items(): Worksheet[] { return items ?? notLoaded('items'); },
        load: () => {
          self.ctx.queue.push(() => {
            items = book.sheets.map((s) => {
              const ws = new Worksheet(self.ctx, () => s.name);
              ws.loaded.name = s.name;
              return ws;
            });
          });
          return self.worksheets;
        },
        getItem: (name: string) => new Worksheet(self.ctx, () => needSheet(name).name),
        getItemOrNullObject: (name: string) => new Worksheet(self.ctx, () => name, true),
        add: (name: string) => {
          self.write(() => {
            if (sheetNamed(name)) throw new OfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (worksheet "${name}")`);
            book.sheets.push(newSheet(name));
          });
          return new Worksheet(self.ctx, () => name);
        },
      };
      let names: unknown[] | null = null;
      this.names = {
        get items(): unknown[] { return names ?? notLoaded('items'); },
        load: () => {
          self.ctx.queue.push(() => {
            names = [...book.names.values()].map((n) => ({ name: n.name, delete: () => self.write(() => { book.names.delete(n.name.toLowerCase()); }) }));
          });
          return self.names;
        },
        add: (name: string, range: Range) => {
          self.write(() => {
            if (book.names.has(name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (name "${name}")`);
            const b = range.resolve();
            book.names.set(name.toLowerCase(), { name, sheet: b.sheet.name, box: { row: b.row, column: b.column, rows: b.rows, columns: b.columns } });
          });
        },
        getItemOrNullObject: (name: string) => {
          const item = { loaded: {} as Record<string, unknown>, get isNullObject() { return 'isNullObject' in item.loaded ? item.loaded.isNullObject : notLoaded('isNullObject'); }, delete: () => self.write(() => { book.names.delete(name.toLowerCase()); }) };
          self.ctx.queue.push(() => { item.loaded.isNullObject = !book.names.has(name.toLowerCase()); });
          return item;
        },
      };
    }
    getActiveCell(): Range {
      return new Range(this.ctx, () => ({ sheet: needSheet(book.active.sheet), row: book.active.row, column: book.active.column, rows: 1, columns: 1 }));
    }
  }

  const supported = (set: string, version?: string): boolean => {
    const have = seed.requirementSets[set];
    if (!have) return false;
    if (!version) return true;
    const [a, b] = have.split('.').map(Number);
    const [c, d] = version.split('.').map(Number);
    return a > c || (a === c && (b ?? 0) >= (d ?? 0));
  };

  w.Excel = {
    async run(...args: unknown[]): Promise<unknown> {
      const options = (args.length > 1 ? args[0] : {}) as { mergeUndoGroup?: boolean };
      const batch = args[args.length - 1] as (c: Context) => Promise<unknown>;
      // mergeUndoGroup is ExcelApi 1.20; an older Excel ignores it and keeps one record per sync.
      const grouped = !!options.mergeUndoGroup && supported('ExcelApi', '1.20');
      const ctx = new Context(grouped);
      const before = grouped ? snapshot() : null;
      const log = { grouped, syncs: 0 };
      runs.push(log);
      try {
        const result = await batch(ctx);
        if (ctx.queue.length) await ctx.sync();
        return result;
      } finally {
        log.syncs = ctx.syncs;
        if (before !== null && ctx.wrote) undo.push(before);
      }
    },
  };
  w.OfficeExtension = { Error: OfficeError };
  w.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} }; // functions.js shares the page
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    context: { displayLanguage: seed.displayLanguage ?? 'en-US', requirements: { isSetSupported: supported } },
    actions: { associate() {} },
    addin: { showAsTaskpane: () => Promise.resolve() },
  };
  w.__excel = {
    dump(): unknown {
      return {
        sheets: book.sheets.map((s) => ({
          name: s.name,
          cells: Object.fromEntries([...s.cells].map(([k, c]) => {
            const [r, col] = k.split(',').map(Number);
            const out: Record<string, unknown> = { v: c.value };
            if (c.formula !== undefined) out.f = c.formula;
            if (c.format) out.nf = c.format;
            if (c.bold) out.b = true;
            return [`${letters(col)}${r}`, out];
          })),
          hidden: [...s.hidden].sort((a, b) => a - b),
          frozenRows: s.frozenRows,
          charts: s.charts,
        })),
        names: Object.fromEntries([...book.names.values()].map((n) => [n.name, `${quote(n.sheet)}!${letters(n.box.column)}${n.box.row}:${letters(n.box.column + n.box.columns - 1)}${n.box.row + n.box.rows - 1}`])),
        undoDepth: undo.length,
        runs,
      };
    },
    /** Ctrl+Z: takes back the last undo record. */
    undo(): boolean {
      const last = undo.pop();
      if (last === undefined) return false;
      restore(last);
      return true;
    },
    /** Holds every sync until release(), so a test can look at the pane while Excel "works". */
    hold(): void {
      gate = new Promise((resolve) => { open = resolve; });
    },
    release(): void {
      gate = null;
      open?.();
    },
    /** A user's edit of a cell (a typed number or text), outside any add-in batch. */
    type(sheet: string, a1: string, value: Value): void {
      const s = needSheet(sheet);
      const b = parse(a1);
      const k = key(b.row, b.column);
      s.cells.set(k, { ...(s.cells.get(k) ?? {}), ...written(value, s.cells.get(k)?.format) });
    },
    addSheet(name: string, rows: Value[][]): void {
      const sheet = newSheet(name);
      rows.forEach((r, i) => r.forEach((v, j) => { if (v !== null) sheet.cells.set(key(i + 1, j + 1), { value: v }); }));
      book.sheets.push(sheet);
    },
    renameSheet(from: string, to: string): void {
      needSheet(from).name = to;
    },
  };
}
