// The wizard's logic, without the DOM: read the customer data, map it, keep the model (and the user's
// edits to it) as the data changes, check every value, preview the portfolio and build — all through the
// workbook interface, so tests drive it on an in-memory workbook.
import { ingestRows } from '../../src/core/ingest';
import type { AccountRecord, ColumnRole, IngestResult, RoleMapping } from '../../src/core/ingest';
import { ACCOUNT_FIELDS, Cut, FactorSource, KamModel, StrengthSource } from '../../src/core/model/model';
import { factorValue, fieldLabel, sourceLabel } from '../../src/core/model/account-values';
import { defaultModel, modelInputs } from '../../src/core/model/defaults';
import { behaviourStrengths, DEFAULT_BEHAVIOUR_WEIGHTS, usableSignals } from '../../src/core/model/behaviour';
import { stageValues } from '../../src/core/model/stages';
import { buildPortfolio, Portfolio, resolveStages, tableStages } from '../../src/core/portfolio/portfolio';
import { defaultRewardPlan } from '../../src/core/functions/reward';
import { buildPlan } from '../../src/core/workbook/portfolio-plan';
import { detectedMapping, ModelSheetError, NAMES, readModelSheet, SourceMapping } from '../../src/core/model/model-sheet';
import { columnLooks, ColumnLooks, unitOfSource, Unit } from '../../src/core/format/units';
import {
  a1Range, ApplyProgress, ApplyResult, checkOwnership, COMMAND_LINE_SHEETS, conflictMessage, isOwned, Ownership, parseRange, RegionScope, RemoveResult, SHEET_NAMES, SourceRegion,
  WorkbookError, WorkbookHost, WorkbookPlan,
} from '../../src/core/workbook/plan';
import { HISTORY_SHEET, readHistory, type History } from '../../src/core/workbook/placement-sheets';
import { DEFAULT_LANGUAGE, english, translator, type Language, type Translate } from '../../src/core/i18n';
import { defaultCriteria, defaultScale, defaultStageStrength, defaultStrengthColumn, rebaseModel } from './edits';
import { capacityProblems, factorProblems, Problem, Show, strengthProblems } from './checks';

/** Roles offered in the mapping step (the order users think in). */
export const MAPPED_ROLES: ColumnRole[] = [
  'account', 'accountId', 'segment', 'manager', 'stage', 'revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'effort', 'date', 'orders', 'orderId', 'category', 'potential', 'shareOfWallet',
];

/** Roles that mean something only in a transaction export (order lines). */
const ORDER_ROLES: ReadonlySet<ColumnRole> = new Set(['date', 'orderId', 'category']);

/** The roles the mapping step offers for a table kind. */
export function rolesFor(kind: 'customers' | 'transactions'): ColumnRole[] {
  return MAPPED_ROLES.filter((r) => kind === 'transactions' || !ORDER_ROLES.has(r));
}

/** Data below the table read, after blank rows: the wizard says so and offers to include it. */
export interface MoreBelow {
  /** The last row of the table as read, and the first row of data below the gap. */
  lastRow: number;
  nextRow: number;
  /** The last row with data, and how many rows hold data below the gap. */
  endRow: number;
  rows: number;
  /** The range that includes the rest, without the sheet name. */
  range: string;
}

/** The words the first step shows for data below the table. */
export function moreBelowMessage(m: MoreBelow, t: Translate = english): string {
  // Row numbers as the sheet's row headers show them (1240, never 1.240); counts in the language's form.
  return t('wizard.data.moreBelow', { lastRow: String(m.lastRow), rows: m.rows, gap: m.nextRow - m.lastRow - 1, from: String(m.nextRow), to: String(m.endRow) });
}

/** A stage value of the data, how many accounts have it, and the stage it is read as (null: not a stage). */
export interface StageChoice {
  value: string;
  accounts: number;
  stage: string | null;
}

/** A call to Excel or Sheets failed: said as the spreadsheet's problem, which it is. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostError';
  }
}

/** The model cannot be computed with the settings as they are: said as a problem with the settings. */
export class ModelProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelProblem';
  }
}

type StrengthKind = StrengthSource['kind'];

export interface WizardState {
  source: SourceRegion | null;
  /** Data found below the table read, after blank rows (step 1 offers to include it). */
  moreBelow?: MoreBelow | null;
  ingest: IngestResult | null;
  mapping: SourceMapping | null;
  model: KamModel | null;
  rewardPlan: (string | number)[][];
  /** Settings came from the workbook's KAM Model sheet. */
  fromModelSheet: boolean;
  /** The user's column per role from step 2 ("" = not used), kept when the data is read again. */
  columnChoice: Partial<Record<ColumnRole, string>>;
  /** Each strength source the user set up, with its cut, restored when they switch back to it. */
  strengthDrafts: Partial<Record<StrengthKind, { strength: StrengthSource; cut: Cut }>>;
  /** What the last change of data did to the model, in words. */
  notices: string[];
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class WizardSession {
  state: WizardState = {
    source: null, ingest: null, mapping: null, model: null, rewardPlan: defaultRewardPlan(), fromModelSheet: false, columnChoice: {}, strengthDrafts: {}, notices: [],
  };
  private defaultsCache: { key: string; ingest: IngestResult; model: KamModel } | null = null;
  private looksCache: { ingest: IngestResult; looks: ColumnLooks } | null = null;

  /** The language of what the build writes in words (notes, the profit sheet's headline), and of the wizard's messages. */
  language: Language;
  /** The host's locale tag (es-MX): its number conventions when the wizard speaks its language. */
  private readonly hostLocale: string | undefined;
  /** The clock that dates a build's snapshot on KAM History (tests set it). */
  private readonly clock: () => Date;

  constructor(readonly host: WorkbookHost, options: { language?: Language; clock?: () => Date; locale?: string } = {}) {
    this.hostLocale = options.locale;
    this.language = options.language ?? DEFAULT_LANGUAGE;
    this.clock = options.clock ?? (() => new Date());
    this.host.setLanguage?.(this.language);
  }

  /** The wizard's words in its language. */
  get t(): Translate {
    return translator(this.language, this.hostLocale);
  }

  /**
   * The user switched language: the wizard's messages, the host's own errors and progress, and what the next
   * build writes follow it. The settings (the model, the column choices) are words the user owns and stay as they are.
   */
  setLanguage(language: Language): void {
    const before = this.t;
    this.language = language;
    this.host.setLanguage?.(language);
    // A name the wizard gave (a factor named after its column, "Criterion 2") follows the language; one typed stays.
    const after = this.t;
    const model = this.state.model;
    if (!model || before.language === after.language) return;
    for (const f of model.factors) if (f.name === sourceLabel(f.source, before)) f.name = sourceLabel(f.source, after);
    if (model.strength.kind === 'ratings') {
      model.strength.criteria.forEach((c, i) => {
        if (c.name === before('wizard.criteria.numbered', { number: i + 1 })) c.name = after('wizard.criteria.numbered', { number: i + 1 });
      });
    }
  }

  /** The spreadsheet's name, for messages. */
  get hostName(): string {
    return this.t('wizard.host.name', { host: this.host.host });
  }

  /**
   * A host call: a failure that is not already in the user's words is reported as the spreadsheet's, with
   * what it means for the workbook (`after`; by default nothing was changed).
   */
  private async call<T>(what: string, work: () => Promise<T>, after = this.t('wizard.host.nothingChanged')): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof WorkbookError || error instanceof HostError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new HostError(this.t('wizard.host.failed', { host: this.hostName, what, message: message.replace(/\.$/, ''), after }));
    }
  }

  /**
   * Opening the wizard: a KAM Model sheet the wizard built is read back (with its source table);
   * otherwise nothing is read until the user picks the data.
   */
  async open(): Promise<{ reopened: boolean; problem?: string }> {
    const sheets = await this.call(this.t('wizard.host.listSheets'), () => this.host.listSheets());
    const modelSheet = sheets.find((s) => s.name.toLowerCase() === SHEET_NAMES.model.toLowerCase());
    if (!modelSheet || !isOwned(modelSheet)) return { reopened: false };
    const values = await this.call(this.t('wizard.host.readSheet', { sheet: SHEET_NAMES.model }), () => this.host.readSheet(modelSheet.name));
    if (!values) return { reopened: false };
    try {
      const saved = readModelSheet(values.values.map((r) => r.slice()));
      const source = await this.call(this.t('wizard.host.readData'), () => this.host.readSheet(saved.mapping.sheet, saved.mapping.range || undefined));
      if (!source) {
        return {
          reopened: false,
          problem: saved.mapping.file
            ? this.t('wizard.open.fromCli', { file: saved.mapping.file, sheet: saved.mapping.sheet })
            : this.t('wizard.open.sheetGone', { sheet: saved.mapping.sheet }),
        };
      }
      this.state.source = source;
      this.state.mapping = saved.mapping;
      this.state.rewardPlan = saved.rewardPlan;
      this.state.ingest = this.read(source, saved.mapping.columns, saved.mapping.headerRow);
      this.state.model = saved.model;
      this.state.fromModelSheet = true;
      this.state.columnChoice = Object.fromEntries([
        ...Object.entries(saved.mapping.columns),
        ...(saved.mapping.unused ?? []).map((role) => [role, '']),
      ]) as Partial<Record<ColumnRole, string>>;
      return { reopened: true };
    } catch (error) {
      if (error instanceof ModelSheetError) return { reopened: false, problem: this.t('wizard.open.badModelSheet', { message: error.said(this.t) }) };
      throw error;
    }
  }

  /**
   * Step 1: read the table around the selection (or the region, or the used range). Reading the same
   * table again keeps the user's column choices and model edits; only what its new data changes moves.
   */
  async pick(scope: RegionScope, onRead?: (read: { rows: number; sheet: string }) => void | Promise<void>): Promise<IngestResult> {
    const before = this.state.ingest && !this.state.ingest.errors.length ? this.accounts() : [];
    const oldDefaults = this.state.model ? this.defaults() : null;
    const oldHeaders = new Set((this.state.ingest?.columns ?? []).map((c) => c.header).filter(Boolean));
    const source = await this.call(this.t('wizard.host.readSelection'), () => this.host.readSelection(scope));
    this.state.moreBelow = scope === 'used' ? null : await this.findMoreBelow(source);
    return this.useSource(source, before, oldDefaults, oldHeaders, onRead);
  }

  /** Step 1's offer: read the table again down to the last row of data below the blank rows. */
  async includeRest(): Promise<IngestResult> {
    const more = this.state.moreBelow;
    const source = this.state.source;
    if (!more || !source) throw new WorkbookError(this.t('wizard.data.nothingBelow'));
    const before = this.state.ingest && !this.state.ingest.errors.length ? this.accounts() : [];
    const oldDefaults = this.state.model ? this.defaults() : null;
    const oldHeaders = new Set((this.state.ingest?.columns ?? []).map((c) => c.header).filter(Boolean));
    const wider = await this.call(this.t('wizard.host.readBelow'), () => this.host.readSheet(source.sheet, more.range));
    if (!wider) throw new WorkbookError(this.t('wizard.data.sheetGone', { sheet: source.sheet }));
    this.state.moreBelow = null;
    return this.useSource(wider, before, oldDefaults, oldHeaders);
  }

  /**
   * Rows with data below the table read, in its columns, after one or more blank rows: the table around the
   * selection stops at the first blank row, and real lists often go on below one. A row counts as data when
   * at least two of its cells in the table's columns hold something (a lone note is not data).
   */
  private async findMoreBelow(source: SourceRegion): Promise<MoreBelow | null> {
    const used = await this.call(this.t('wizard.host.readTheSheet'), () => this.host.readSheet(source.sheet));
    if (!used) return null;
    const box = parseRange(source.range);
    const lastRow = box.row + box.rows - 1;
    const usedLast = used.row + used.values.length - 1;
    if (usedLast <= lastRow + 1) return null;
    let nextRow = 0;
    let endRow = 0;
    let rows = 0;
    for (let r = lastRow + 1; r <= usedLast; r++) {
      const values = used.values[r - used.row] ?? [];
      let filled = 0;
      for (let c = box.column; c < box.column + box.columns; c++) {
        const v = values[c - used.column];
        if (v !== null && v !== undefined && String(v).trim() !== '') filled++;
      }
      if (filled < 2) continue;
      if (!nextRow) nextRow = r;
      endRow = r;
      rows++;
    }
    if (!rows || nextRow <= lastRow + 1) return null;
    return { lastRow, nextRow, endRow, rows, range: a1Range(box.row, box.column, endRow - box.row + 1, box.columns) };
  }

  /** Reads a table the host gave; the same table read again keeps the user's choices (see pick). */
  private async useSource(
    source: SourceRegion,
    before: AccountRecord[],
    oldDefaults: KamModel | null,
    oldHeaders: Set<string>,
    onRead?: (read: { rows: number; sheet: string }) => void | Promise<void>,
  ): Promise<IngestResult> {
    this.state.source = source;
    // The host has answered; reading the rows (and rolling up an export) is the other long part.
    await onRead?.({ rows: source.values.length, sheet: source.sheet });
    // A new table: no decimal separator carried over from the last one until its own mapping says so.
    this.state.mapping = null;
    let ingest = this.read(source, {});
    const sameTable = ingest.columns.some((c) => c.header && oldHeaders.has(c.header));
    const headers = new Set(ingest.columns.map((c) => c.header || c.letter));
    const choice = sameTable
      ? Object.fromEntries(Object.entries(this.state.columnChoice).filter(([, column]) => column === '' || headers.has(column as string)))
      : {};
    const { columns, unused } = this.split(choice);
    if (Object.keys(choice).length) ingest = this.read(source, columns, ingest.headerRow || undefined);
    this.state.ingest = ingest;
    this.state.columnChoice = choice;
    this.state.mapping = this.mappingFrom(ingest, columns, unused);
    this.state.fromModelSheet = false;
    this.state.notices = [];
    if (!sameTable || !this.state.model || !oldDefaults || ingest.errors.length) {
      this.state.model = null;
      this.state.strengthDrafts = {};
    } else this.rebase(before, oldDefaults);
    return ingest;
  }

  private read(source: SourceRegion, columns: RoleMapping, headerRow?: number): IngestResult {
    const separator = this.state.mapping?.decimalSeparator;
    return ingestRows(source.values, {
      firstRow: source.row,
      firstColumn: source.column - 1,
      mapping: columns,
      headerRow: headerRow || undefined,
      sourceName: this.t('wizard.data.sourceName', { sheet: source.sheet, range: source.range }),
      ...(separator ? { defaultDecimalSeparator: separator } : {}),
    });
  }

  private split(choice: Partial<Record<ColumnRole, string>>): { columns: RoleMapping; unused: ColumnRole[] } {
    const columns: RoleMapping = {};
    const unused: ColumnRole[] = [];
    for (const [role, column] of Object.entries(choice) as [ColumnRole, string][]) {
      if (column) columns[role] = column;
      else unused.push(role);
    }
    return { columns, unused };
  }

  private mappingFrom(ingest: IngestResult, columns: RoleMapping, unused: ColumnRole[] = []): SourceMapping {
    const source = this.state.source!;
    const separator = this.state.mapping?.decimalSeparator;
    const mapping: SourceMapping = {
      sheet: source.sheet, range: source.range, headerRow: ingest.headerRow, kind: ingest.kind, columns: { ...detectedMapping(ingest), ...columns }, unused,
      ...(separator ? { decimalSeparator: separator } : {}),
    };
    for (const role of unused) delete mapping.columns[role];
    return mapping;
  }

  /**
   * Step 2: the user's column choice per role ("" = not used). Re-reads the table with it; the model
   * keeps every edit, and only what depends on a column that changed follows the new data.
   */
  remap(choice: Partial<Record<ColumnRole, string>>): IngestResult {
    const before = this.accounts();
    const oldDefaults = this.state.model ? this.defaults() : null;
    const { columns, unused } = this.split(choice);
    const ingest = this.read(this.state.source!, columns, this.state.ingest?.headerRow || undefined);
    this.state.ingest = ingest;
    this.state.columnChoice = { ...choice };
    this.state.mapping = this.mappingFrom(ingest, columns, unused);
    this.state.notices = [];
    if (oldDefaults && !ingest.errors.length) this.rebase(before, oldDefaults);
    return ingest;
  }

  private rebase(before: AccountRecord[], oldDefaults: KamModel): void {
    const rebased = rebaseModel(this.state.model!, before, this.accounts(), oldDefaults, this.defaults(), this.t);
    this.state.model = rebased.model;
    this.state.notices = rebased.notices;
  }

  /** The accounts as the model sees them: roles the user set aside are dropped. */
  accounts(): AccountRecord[] {
    const ingest = this.state.ingest;
    if (!ingest || ingest.errors.length) return [];
    const unused = new Set(this.state.mapping?.unused ?? []);
    if (!unused.size) return ingest.accounts;
    return ingest.accounts.map((a) => {
      const copy = { ...a } as Record<string, unknown>;
      for (const role of unused) if (role !== 'account') delete copy[role];
      return copy as unknown as AccountRecord;
    });
  }

  /** The default model for the accounts as they are now (what untouched settings follow). */
  defaults(): KamModel {
    const ingest = this.state.ingest;
    const key = `${this.language}|${(this.state.mapping?.unused ?? []).join(',')}`;
    if (!this.defaultsCache || this.defaultsCache.ingest !== ingest || this.defaultsCache.key !== key) {
      this.defaultsCache = { key, ingest: ingest!, model: defaultModel(modelInputs(this.accounts()), this.t) };
    }
    return clone(this.defaultsCache.model);
  }

  /** The model: the one read back from the workbook, or defaults derived from the data. */
  model(): KamModel {
    if (!this.state.model) this.state.model = this.defaults();
    return this.state.model;
  }

  setModel(model: KamModel): void {
    this.state.model = model;
  }

  /** What the source's cells say about each column (units, number formats). */
  looks(): ColumnLooks {
    const ingest = this.state.ingest!;
    if (this.looksCache?.ingest !== ingest) this.looksCache = { ingest, looks: columnLooks(this.state.source!, ingest) };
    return this.looksCache.looks;
  }

  /** The unit of a factor or strength source: money, %, days… */
  unitOf(source: FactorSource): Unit {
    return unitOfSource(source, this.looks().unit);
  }

  /** Numeric columns a factor can use: the mapped fields present, and the other numeric columns. */
  factorSources(): { source: FactorSource; label: string }[] {
    const accounts = this.accounts();
    const out: { source: FactorSource; label: string }[] = [];
    for (const field of ACCOUNT_FIELDS) if (accounts.some((a) => typeof a[field] === 'number')) out.push({ source: field, label: fieldLabel(field, this.t) });
    const headers = new Set<string>();
    for (const a of accounts) for (const [h, v] of Object.entries(a.factors ?? {})) if (typeof v === 'number') headers.add(h);
    for (const h of headers) out.push({ source: `column:${h}`, label: h });
    return out;
  }

  /** A new factor on a source, with its scale from the data (the 10th to the 90th percentile). */
  newFactor(source: FactorSource, label: string): KamModel['factors'][number] {
    return { name: label, source, weight: 10, ...defaultScale(this.accounts(), source) };
  }

  /** A factor's source changed: its scale follows the new column unless the user typed one. */
  changeFactorSource(index: number, source: FactorSource): void {
    const f = this.model().factors[index];
    const old = defaultScale(this.accounts(), f.source);
    const untouched = old.worst === f.worst && old.best === f.best;
    f.source = source;
    if (untouched) {
      const scale = defaultScale(this.accounts(), source);
      f.worst = scale.worst;
      f.best = scale.best;
      if (scale.scale) f.scale = scale.scale;
      else delete f.scale;
    }
  }

  /**
   * Where strength comes from: the settings the user had for that source, else sensible defaults for the
   * data (a strength-like column, never revenue against a cut of 1; rating pairs found by their headers).
   * The strength cut goes with the source. Returns what changed about the cut, in words, if anything.
   */
  setStrengthKind(kind: StrengthKind): string {
    const model = this.model();
    const drafts = this.state.strengthDrafts;
    drafts[model.strength.kind] = { strength: clone(model.strength), cut: model.cuts.strength };
    const before = model.cuts.strength;
    const saved = drafts[kind];
    if (saved) {
      model.strength = clone(saved.strength);
      model.cuts.strength = saved.cut;
    } else {
      const sources = this.factorSources().map((s) => s.source);
      if (kind === 'column') {
        const pick = defaultStrengthColumn(this.accounts(), sources);
        if (!pick) throw new ModelProblem(this.t('wizard.strength.noColumn'));
        model.strength = { kind: 'column', source: pick.source };
        model.cuts.strength = pick.cut;
      } else if (kind === 'ratings') {
        if (!sources.length) throw new ModelProblem(this.t('wizard.strength.noRatings'));
        model.strength = { kind: 'ratings', criteria: defaultCriteria(this.accounts(), sources, this.t) };
        model.cuts.strength = 1;
      } else if (kind === 'behaviour') {
        model.strength = { kind: 'behaviour', signals: { ...DEFAULT_BEHAVIOUR_WEIGHTS } };
        model.cuts.strength = 1;
      } else {
        model.strength = defaultStageStrength(this.defaults());
        model.cuts.strength = 1;
      }
    }
    if (model.cuts.strength === before) return '';
    return model.cuts.strength === 'median' ? this.t('wizard.strength.cutMedian') : this.t('wizard.strength.cutNow', { cut: model.cuts.strength });
  }

  /** The lowest and highest strength the accounts get, when it can be told before building (stage, column, behaviour). */
  strengthRange(): { min: number; max: number } | null {
    const model = this.model();
    const s = model.strength;
    const accounts = this.accounts();
    let values: number[] = [];
    if (s.kind === 'column') values = accounts.map((a) => factorValue(a, s.source)).filter((v): v is number => v !== null);
    else if (s.kind === 'behaviour') values = behaviourStrengths(accounts, s.signals).filter((v): v is number => v !== null);
    else if (s.kind === 'stage') {
      // Stage values read as the portfolio reads them: the stage names, the tables' stages, the vocabulary.
      const table = new Map(Object.entries(s.byStage).map(([k, v]) => [k.toLowerCase(), v]));
      values = resolveStages(accounts, model).map((r) => (r.stage ? table.get(r.stage.toLowerCase()) : undefined) ?? s.unknown);
    }
    const finite = values.filter((v) => Number.isFinite(v));
    return finite.length ? { min: Math.min(...finite), max: Math.max(...finite) } : null;
  }

  /** Every distinct stage value of the data, most common first, with the stage the model reads it as. */
  stageChoices(): StageChoice[] {
    const accounts = this.accounts();
    const resolved = resolveStages(accounts, this.model());
    const byValue = new Map<string, string | null>();
    accounts.forEach((a, i) => {
      if (a.stage) byValue.set(a.stage.trim().toLowerCase(), resolved[i]!.stage);
    });
    return stageValues(accounts.map((a) => a.stage)).map((v) => ({ ...v, stage: byValue.get(v.value.toLowerCase()) ?? null }));
  }

  /** The stages a value can be mapped to: the method's, and any the model's tables add. */
  stageOptions(): string[] {
    return tableStages(this.model());
  }

  /** The user's reading of a stage value: one of stageOptions(), or null for "not a stage". */
  mapStage(value: string, stage: string | null): void {
    const names = this.model().stageNames;
    // Keep the spelling the data (and the model sheet) already use for this value.
    const known = Object.keys(names).find((key) => key.trim().toLowerCase() === value.trim().toLowerCase());
    names[known ?? value.trim()] = stage ?? '';
  }

  /** Whether the data shows enough buying behaviour for the strength proxy (two signals that vary). */
  hasBehaviour(): boolean {
    return usableSignals(this.accounts()).length >= 2;
  }

  /** The problems of a step's values (steps count from 0), each naming its field. */
  problems(step: number, show: Show): Problem[] {
    if (!this.state.ingest || this.state.ingest.errors.length) return [];
    const model = this.model();
    if (step === 2) return factorProblems(model, model.factors.map((f) => this.unitOf(f.source)), show, this.t);
    if (step === 3) return strengthProblems(model, show, this.strengthRange(), this.t);
    if (step === 4) return capacityProblems(model, show, this.t);
    return [];
  }

  /** The portfolio the settings give; a setting the model cannot use is reported as such. */
  portfolio(): Portfolio {
    const accounts = this.accounts();
    if (!accounts.length) throw new WorkbookError(this.t('wizard.review.noAccounts'));
    try {
      return buildPortfolio(accounts, this.model(), this.t);
    } catch (error) {
      throw new ModelProblem(this.t('wizard.review.cannotCompute', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** The plan the build step writes (also what tests inspect). */
  async plan(): Promise<WorkbookPlan> {
    const previousRewards = await this.ownedSheet(SHEET_NAMES.rewards);
    const history = await this.history();
    const portfolio = this.portfolio();
    // The plan says its language too, so the host writes its own notes and progress in the wizard's (WorkbookPlan.language).
    const plan = buildPlan({
      host: this.host.host,
      model: this.model(),
      mapping: this.state.mapping!,
      source: this.state.source!,
      ingest: this.state.ingest!,
      accounts: this.accounts(),
      portfolio,
      rewardPlan: this.state.rewardPlan,
      previousRewards,
      language: this.language,
      history: { state: history, builtOn: buildStamp(this.clock()) },
    });
    return { ...plan, language: this.language };
  }

  /** The snapshots on the workbook's KAM History sheet (none before the first build), oldest first. */
  async history(): Promise<History> {
    return readHistory(await this.ownedSheet(HISTORY_SHEET));
  }

  private async ownedSheet(name: string): Promise<SourceRegion | null> {
    const info = (await this.call(this.t('wizard.host.listSheets'), () => this.host.listSheets())).find((s) => s.name.toLowerCase() === name.toLowerCase());
    return info && isOwned(info) ? this.call(this.t('wizard.host.readSheet', { sheet: name }), () => this.host.readSheet(info.name)) : null;
  }

  /** What a build would do to the workbook now: sheets it creates, sheets of its own it replaces, sheets in the way. */
  async buildPreview(): Promise<Ownership> {
    const sheets = await this.call(this.t('wizard.host.listSheets'), () => this.host.listSheets());
    return checkOwnership(sheets, {
      sheets: [...Object.values(SHEET_NAMES), HISTORY_SHEET].map((name) => ({ name, blocks: [] })),
      retire: [COMMAND_LINE_SHEETS.matrix, COMMAND_LINE_SHEETS.profitPicture, COMMAND_LINE_SHEETS.segments],
    });
  }

  /** Step 7: checks ownership first (nothing is written on a conflict), then writes the plan. */
  async build(onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    const plan = await this.plan();
    const ownership = checkOwnership(await this.call(this.t('wizard.host.listSheets'), () => this.host.listSheets()), plan);
    if (ownership.conflicts.length) throw new WorkbookError(conflictMessage(ownership.conflicts, this.t));
    const result = await this.call(this.t('wizard.host.writePortfolio'), () => this.host.applyPlan(plan, onProgress), this.t('wizard.host.partBuild'));
    this.state.fromModelSheet = true;
    return result;
  }

  /** Takes out everything the wizard built: its marked sheets and its named ranges. */
  removeBuilt(): Promise<RemoveResult> {
    return this.call(this.t('wizard.host.removeBuilt'), () => this.host.removeBuilt(Object.values(NAMES)), this.t('wizard.host.removeAgain'));
  }
}

/** When a build ran, as KAM History records it: local date and time to the minute, "2025-03-04 14:05" (text in both hosts). */
export function buildStamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
