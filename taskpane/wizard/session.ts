// The wizard's logic, without the DOM: read the customer data, map it, keep the model, preview the
// portfolio and build — all through the workbook interface, so tests drive it on an in-memory workbook.
import { ingestRows } from '../../src/core/ingest';
import type { AccountRecord, ColumnRole, IngestResult, RoleMapping } from '../../src/core/ingest';
import { ACCOUNT_FIELDS, KamModel } from '../../src/core/model/model';
import { FIELD_LABELS } from '../../src/core/model/account-values';
import { defaultModel, modelInputs } from '../../src/core/model/defaults';
import { buildPortfolio, Portfolio } from '../../src/core/portfolio/portfolio';
import { defaultRewardPlan } from '../../src/core/functions/reward';
import { buildPlan } from '../../src/core/workbook/portfolio-plan';
import { detectedMapping, ModelSheetError, readModelSheet, SourceMapping } from '../../src/core/model/model-sheet';
import {
  ApplyProgress, ApplyResult, checkOwnership, conflictMessage, isOwned, RegionScope, SHEET_NAMES, SourceRegion, WorkbookError, WorkbookHost, WorkbookPlan,
} from '../../src/core/workbook/plan';

/** Roles offered in the mapping step (the order users think in). */
export const MAPPED_ROLES: ColumnRole[] = [
  'account', 'accountId', 'segment', 'manager', 'stage', 'revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'date', 'orders', 'orderId', 'potential', 'shareOfWallet',
];

export interface WizardState {
  source: SourceRegion | null;
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
    this.state.source = source;
    this.state.mapping = null;
    const ingest = this.read(source, {});
    this.state.ingest = ingest;
    this.state.mapping = this.mappingFrom(ingest, {});
    this.state.model = null;
    this.state.fromModelSheet = false;
    return ingest;
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

