// The wizard's logic, without the DOM: read the customer data, map it, keep the model, preview the
// portfolio and build — all through the workbook interface, so tests drive it on an in-memory workbook.
import { ingestRows } from '../../src/core/ingest';
import type { AccountRecord, ColumnRole, IngestResult, RoleMapping } from '../../src/core/ingest';
import { ACCOUNT_FIELDS, KamModel } from '../../src/core/model/model';
import { FIELD_LABELS } from '../../src/core/model/account-values';
import { defaultModel, modelInputs } from '../../src/core/model/defaults';
import { usableSignals } from '../../src/core/model/behaviour';
import { stageValues } from '../../src/core/model/stages';
import { buildPortfolio, Portfolio, resolveStages, tableStages } from '../../src/core/portfolio/portfolio';
import { defaultRewardPlan } from '../../src/core/functions/reward';
import { buildPlan } from '../../src/core/workbook/portfolio-plan';
import { detectedMapping, ModelSheetError, readModelSheet, SourceMapping } from '../../src/core/model/model-sheet';
import {
  a1Range, ApplyProgress, ApplyResult, checkOwnership, conflictMessage, isOwned, parseRange, RegionScope, SHEET_NAMES, SourceRegion, WorkbookError, WorkbookHost, WorkbookPlan,
} from '../../src/core/workbook/plan';

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
export function moreBelowMessage(m: MoreBelow): string {
  const gap = m.nextRow - m.lastRow - 1;
  return `The table read stops at row ${m.lastRow}, but ${m.rows} more row${m.rows === 1 ? '' : 's'} with data follow after ${gap === 1 ? 'a blank row' : `${gap} blank rows`} (rows ${m.nextRow} to ${m.endRow}). Include them if they belong to the same table.`;
}

/** A stage value of the data, how many accounts have it, and the stage it is read as (null: not a stage). */
export interface StageChoice {
  value: string;
  accounts: number;
  stage: string | null;
}

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
}

export class WizardSession {
  state: WizardState = { source: null, ingest: null, mapping: null, model: null, rewardPlan: defaultRewardPlan(), fromModelSheet: false };
  constructor(readonly host: WorkbookHost) {}

  /**
   * Opening the wizard: a KAM Model sheet the wizard built is read back (with its source table);
   * otherwise nothing is read until the user picks the data.
   */
  async open(): Promise<{ reopened: boolean; problem?: string }> {
    const sheets = await this.host.listSheets();
    const modelSheet = sheets.find((s) => s.name.toLowerCase() === SHEET_NAMES.model.toLowerCase());
    if (!modelSheet || !isOwned(modelSheet)) return { reopened: false };
    const values = await this.host.readSheet(modelSheet.name);
    if (!values) return { reopened: false };
    try {
      const saved = readModelSheet(values.values.map((r) => r.slice()));
      const source = await this.host.readSheet(saved.mapping.sheet, saved.mapping.range || undefined);
      if (!source) {
        return {
          reopened: false,
          problem: saved.mapping.file
            ? `This portfolio was made by the kam command line from "${saved.mapping.file}", and its rows were not copied into this workbook (sheet "${saved.mapping.sheet}" is not here). Pick the customer data to build it here.`
            : `The KAM Model sheet refers to sheet "${saved.mapping.sheet}", which is no longer in this workbook. Pick the customer data again.`,
        };
      }
      this.state.source = source;
      this.state.mapping = saved.mapping;
      this.state.rewardPlan = saved.rewardPlan;
      this.state.ingest = this.read(source, saved.mapping.columns, saved.mapping.headerRow);
      this.state.model = saved.model;
      this.state.fromModelSheet = true;
      return { reopened: true };
    } catch (error) {
      if (error instanceof ModelSheetError) return { reopened: false, problem: `${error.message} Pick the customer data again; building will rewrite the KAM Model sheet.` };
      throw error;
    }
  }

  /** Step 1: read the table around the selection (or the region, or the used range). */
  async pick(scope: RegionScope): Promise<IngestResult> {
    const source = await this.host.readSelection(scope);
    this.state.moreBelow = scope === 'used' ? null : await this.findMoreBelow(source);
    return this.useSource(source);
  }

  /** Step 1's offer: read the table again down to the last row of data below the blank rows. */
  async includeRest(): Promise<IngestResult> {
    const more = this.state.moreBelow;
    const source = this.state.source;
    if (!more || !source) throw new WorkbookError('There is nothing more below the table to include.');
    const wider = await this.host.readSheet(source.sheet, more.range);
    if (!wider) throw new WorkbookError(`Sheet "${source.sheet}" is no longer in this workbook: pick the customer data again.`);
    this.state.moreBelow = null;
    return this.useSource(wider);
  }

  private useSource(source: SourceRegion): IngestResult {
    this.state.source = source;
    this.state.mapping = null;
    const ingest = this.read(source, {});
    this.state.ingest = ingest;
    this.state.mapping = this.mappingFrom(ingest, {});
    this.state.model = null;
    this.state.fromModelSheet = false;
    return ingest;
  }

  /**
   * Rows with data below the table read, in its columns, after one or more blank rows: the table around the
   * selection stops at the first blank row, and real lists often go on below one. A row counts as data when
   * at least two of its cells in the table's columns hold something (a lone note is not data).
   */
  private async findMoreBelow(source: SourceRegion): Promise<MoreBelow | null> {
    const used = await this.host.readSheet(source.sheet);
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

  private read(source: SourceRegion, columns: RoleMapping, headerRow?: number): IngestResult {
    const separator = this.state.mapping?.decimalSeparator;
    return ingestRows(source.values, {
      firstRow: source.row,
      firstColumn: source.column - 1,
      mapping: columns,
      headerRow: headerRow || undefined,
      sourceName: `sheet "${source.sheet}" (${source.range})`,
      ...(separator ? { defaultDecimalSeparator: separator } : {}),
    });
  }

  private mappingFrom(ingest: IngestResult, columns: RoleMapping, unused: ColumnRole[] = []): SourceMapping {
    const source = this.state.source!;
    const separator = this.state.mapping?.decimalSeparator;
    return {
      sheet: source.sheet, range: source.range, headerRow: ingest.headerRow, kind: ingest.kind, columns: { ...detectedMapping(ingest), ...columns }, unused,
      ...(separator ? { decimalSeparator: separator } : {}),
    };
  }

  /** Step 2: the user's column choice per role ("" = not used). Re-reads the table with it. */
  remap(choice: Partial<Record<ColumnRole, string>>): IngestResult {
    const columns: RoleMapping = {};
    const unused: ColumnRole[] = [];
    for (const [role, column] of Object.entries(choice) as [ColumnRole, string][]) {
      if (column) columns[role] = column;
      else unused.push(role);
    }
    const ingest = this.read(this.state.source!, columns, this.state.ingest?.headerRow || undefined);
    this.state.ingest = ingest;
    this.state.mapping = this.mappingFrom(ingest, columns, unused);
    for (const role of unused) delete this.state.mapping.columns[role];
    if (!this.state.fromModelSheet) this.state.model = null;
    return ingest;
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

  /** The model: the one read back from the workbook, or defaults derived from the data. */
  model(): KamModel {
    if (!this.state.model) this.state.model = defaultModel(modelInputs(this.accounts()));
    return this.state.model;
  }

  setModel(model: KamModel): void {
    this.state.model = model;
  }

  /** Numeric columns a factor can use: the mapped fields present, and the other numeric columns. */
  factorSources(): { source: string; label: string }[] {
    const accounts = this.accounts();
    const out: { source: string; label: string }[] = [];
    for (const field of ACCOUNT_FIELDS) if (accounts.some((a) => typeof a[field] === 'number')) out.push({ source: field, label: FIELD_LABELS[field] });
    const headers = new Set<string>();
    for (const a of accounts) for (const [h, v] of Object.entries(a.factors ?? {})) if (typeof v === 'number') headers.add(h);
    for (const h of headers) out.push({ source: `column:${h}`, label: h });
    return out;
  }

  /** Every distinct stage value of the data, most common first, with the stage the model reads it as. */
  stageChoices(): StageChoice[] {
    const accounts = this.accounts();
    const model = this.model();
    const resolved = resolveStages(accounts, model);
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

  portfolio(): Portfolio {
    const accounts = this.accounts();
    if (!accounts.length) throw new WorkbookError('No accounts were read from the customer data: go back to step 1 and pick your customer table.');
    return buildPortfolio(accounts, this.model());
  }

  /** The plan the build step writes (also what tests inspect). */
  async plan(): Promise<WorkbookPlan> {
    const previousRewards = await this.ownedSheet(SHEET_NAMES.rewards);
    return buildPlan({
      host: this.host.host,
      model: this.model(),
      mapping: this.state.mapping!,
      source: this.state.source!,
      ingest: this.state.ingest!,
      accounts: this.accounts(),
      portfolio: this.portfolio(),
      rewardPlan: this.state.rewardPlan,
      previousRewards,
    });
  }

  private async ownedSheet(name: string): Promise<SourceRegion | null> {
    const info = (await this.host.listSheets()).find((s) => s.name.toLowerCase() === name.toLowerCase());
    return info && isOwned(info) ? this.host.readSheet(info.name) : null;
  }

  /** Step 7: checks ownership first (nothing is written on a conflict), then writes the plan. */
  async build(onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    const plan = await this.plan();
    const ownership = checkOwnership(await this.host.listSheets(), plan);
    if (ownership.conflicts.length) throw new WorkbookError(conflictMessage(ownership.conflicts));
    const result = await this.host.applyPlan(plan, onProgress);
    this.state.fromModelSheet = true;
    return result;
  }
}

