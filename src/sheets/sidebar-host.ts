// The workbook interface in the Sheets sidebar: each operation is one google.script.run call to the
// server functions in Code.js (src/sheets/server.ts), which use SpreadsheetApp.
import type {
  ApplyProgress, ApplyResult, RegionScope, RemoveResult, RewriteSummary, SheetInfo, SourceRegion, WorkbookHost, WorkbookPlan,
} from '../core/workbook/plan';
import { WorkbookError } from '../core/workbook/plan';
import { translator, type Language } from '../core/i18n';

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(new WorkbookError(error instanceof Error ? error.message : String(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/** The user's locale as Google knows it (Session.getActiveUserLocale on the server): one call when the sidebar opens. */
export function userLocale(): Promise<string> {
  return call<string>('kamUserLocale').catch(() => '');
}

export class SheetsHost implements WorkbookHost {
  readonly host = 'sheets' as const;
  private language: Language = 'en';
  setLanguage(language: Language): void {
    this.language = language;
  }
  readSelection(scope: RegionScope): Promise<SourceRegion> {
    return call('kamReadSelection', scope, this.language);
  }
  readSheet(sheet: string, range?: string): Promise<SourceRegion | null> {
    return range === undefined ? call('kamReadSheet', sheet) : call('kamReadSheet', sheet, range);
  }
  listSheets(): Promise<SheetInfo[]> {
    return call('kamListSheets');
  }
  async applyPlan(plan: WorkbookPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    // One server call writes everything; the sidebar can only say it has started.
    const t = translator(plan.language);
    onProgress?.({ step: 1, steps: 2, label: t('host.progress.sheets') });
    const result = await call<ApplyResult>('kamApplyPlan', JSON.parse(JSON.stringify(plan)));
    onProgress?.({ step: 2, steps: 2, label: t('host.progress.done') });
    return result;
  }
  rewriteFormulas(): Promise<RewriteSummary> {
    return call('kamRewriteFormulas');
  }
  removeBuilt(names: readonly string[]): Promise<RemoveResult> {
    return call('kamRemoveBuilt', [...names]);
  }
}
