// Test support: the built Apps Script bundle (dist/sheets/Code.js) in a bare vm over a fake
// spreadsheet, reached as the sidebar reaches it — by name, with arguments and results passed as JSON
// (google.script.run carries no Date, class or function).
import { loadSheetsBundle } from './dist';
import { appsScriptGlobals, FakeSpreadsheet } from './fake-spreadsheet';
import type {
  ApplyProgress, ApplyResult, RegionScope, RemoveResult, RewriteSummary, SheetInfo, SourceRegion, WorkbookHost, WorkbookPlan,
} from '../../src/core/workbook/plan';

export function sheetsServer(book: FakeSpreadsheet): (name: string, args: unknown[]) => unknown {
  const gas = loadSheetsBundle(appsScriptGlobals(book));
  return (name, args) => {
    if (!/^kam[A-Z]\w+$/.test(name) || typeof gas[name] !== 'function') throw new Error(`Script function not found: ${name}`);
    const result = gas[name](...JSON.parse(JSON.stringify(args)));
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  };
}

/** The workbook interface over the built server functions, as SheetsHost reaches them in the sidebar. */
export class VmSheetsHost implements WorkbookHost {
  readonly host = 'sheets' as const;
  private readonly call: (name: string, args: unknown[]) => unknown;
  constructor(book: FakeSpreadsheet) {
    this.call = sheetsServer(book);
  }
  async readSelection(scope: RegionScope): Promise<SourceRegion> { return this.call('kamReadSelection', [scope]) as SourceRegion; }
  async readSheet(sheet: string, range?: string): Promise<SourceRegion | null> { return this.call('kamReadSheet', range ? [sheet, range] : [sheet]) as SourceRegion | null; }
  async listSheets(): Promise<SheetInfo[]> { return this.call('kamListSheets', []) as SheetInfo[]; }
  async applyPlan(plan: WorkbookPlan, _p?: (p: ApplyProgress) => void): Promise<ApplyResult> { return this.call('kamApplyPlan', [plan]) as ApplyResult; }
  async rewriteFormulas(): Promise<RewriteSummary> { return this.call('kamRewriteFormulas', []) as RewriteSummary; }
  async removeBuilt(names: readonly string[]): Promise<RemoveResult> { return this.call('kamRemoveBuilt', [[...names]]) as RemoveResult; }
}
