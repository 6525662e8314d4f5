// The wizard's entry: waits for its host (Excel or Sheets), shows the first screen, then the steps.
import { detectHost } from './host';
import { ExcelHost } from '../src/excel/workbook-host';
import { SheetsHost } from '../src/sheets/sidebar-host';
import { WizardSession } from './wizard/session';
import { rewriteTool, WizardUi } from './wizard/ui';
import { describeRewrite, type WorkbookHost } from '../src/core/workbook/plan';
import { languageFromTag } from '../src/core/i18n';

/** The Excel ribbon's "Rewrite KAM formulas" button (manifest: ExecuteFunction rewriteKamFormulas). */
export const RIBBON_REWRITE = 'rewriteKamFormulas';

function showStatus(text: string, isError = false): void {
  const status = document.getElementById('host-status');
  if (!status) return;
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** What the first screen says when there is no workbook to reach. */
const NO_HOST = 'Open this page from Excel (Home › KAM Portfolio) or from Google Sheets (Extensions › KAM Portfolio) to read your workbook.';
const OFFICE_MISSING =
  "Microsoft's Office library (office.js, from appsforoffice.microsoft.com) could not be loaded, so the wizard cannot reach the workbook. " +
  'Check the network connection (or ask IT to allow appsforoffice.microsoft.com), then open KAM Portfolio again.';

async function main(): Promise<void> {
  const host = await detectHost();
  const start = document.getElementById('start-button') as HTMLButtonElement | null;
  if (host === 'none' || host === 'office-missing') {
    showStatus(host === 'none' ? NO_HOST : OFFICE_MISSING, host === 'office-missing');
    if (start) start.disabled = true;
    return;
  }
  showStatus(host === 'excel' ? 'Connected to Excel.' : 'Connected to Google Sheets.');
  const workbook: WorkbookHost = host === 'excel' ? new ExcelHost() : new SheetsHost();
  if (host === 'excel') {
    // The ribbon button runs in this same (shared) runtime; it reports in the taskpane, which it opens.
    Office.actions?.associate(RIBBON_REWRITE, (event: Office.AddinCommands.Event) => {
      workbook
        .rewriteFormulas()
        .then((summary) => showStatus(describeRewrite(summary)))
        .catch((error: unknown) => showStatus(`The formulas could not be rewritten: ${String(error)}`, true))
        .then(() => Office.addin?.showAsTaskpane())
        .finally(() => event.completed());
    });
  }
  const app = document.getElementById('app')!;
  // Numbers are shown in the user's language: Office's display language in Excel, the browser's in Sheets.
  const locale = (host === 'excel' ? Office.context?.displayLanguage : undefined) || navigator.language || undefined;
  const session = new WizardSession(workbook, { language: languageFromTag(locale) });
  const first = document.getElementById('start');
  const ui = { current: null as WizardUi | null };
  // The rewrite tool is on the first screen too, for a workbook that arrives from the other host.
  if (first && !ui.current) {
    const holder = document.createElement('div');
    holder.id = 'first-tools';
    first.append(holder);
    const lazy = new WizardUi(document.createElement('div'), session, { locale });
    holder.append(rewriteTool(lazy, workbook.host));
  }
  start?.addEventListener('click', () => {
    first?.remove();
    ui.current = new WizardUi(app, session, { locale });
    void ui.current.start();
  });
}

// Tells legacy-check.js (which parses in Internet Explorer) that this ES2020 bundle parsed and runs.
(window as unknown as { kamStarted?: boolean }).kamStarted = true;
main().catch((error: unknown) => showStatus(`The wizard could not start: ${String(error)}`, true));
