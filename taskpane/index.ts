// The wizard's entry: waits for its host (Excel or Sheets), picks the language (the user's own choice, else the
// host's), shows the first screen in it with a language switch, then the steps.
import { detectHost, type HostKind } from './host';
import { ExcelHost } from '../src/excel/workbook-host';
import { SheetsHost, userLocale } from '../src/sheets/sidebar-host';
import { WizardSession } from './wizard/session';
import { rewriteTool, WizardUi } from './wizard/ui';
import { describeRewrite, type WorkbookHost } from '../src/core/workbook/plan';
import { translator, type Language, type MessageId } from '../src/core/i18n';
import { chooseLanguage, languageSwitch, rememberLanguage, rememberedLanguage } from './wizard/language';

/** The Excel ribbon's "Rewrite KAM formulas" button (manifest: ExecuteFunction rewriteKamFormulas). */
export const RIBBON_REWRITE = 'rewriteKamFormulas';

/** What the first screen's status line says, kept so a change of language says it again. */
let status: { said: () => string; isError: boolean } = { said: () => say('wizard.start.connecting'), isError: false };
let language: Language = chooseLanguage(rememberedLanguage(), typeof navigator !== 'undefined' ? navigator.language : undefined);
/** The host's own locale tag (Office's display language, Google's user locale): number conventions in its language. */
let hostTag: string | undefined;

const say = (id: MessageId, params?: Record<string, string>): string => translator(language, hostTag)(id, params);

function showStatus(id: MessageId, isError = false, params?: Record<string, string>): void {
  setStatus({ said: () => say(id, params), isError });
}

function setStatus(next: typeof status): void {
  status = next;
  const line = document.getElementById('host-status');
  if (!line) return;
  line.textContent = next.said();
  line.classList.toggle('error', next.isError);
}

/** The page's own words (taskpane.html marks each with data-i18n) and its lang, in the current language. */
function sayPage(): void {
  document.documentElement.lang = language;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) node.textContent = say(node.dataset.i18n as MessageId);
  document.title = say('wizard.start.pageTitle');
  setStatus(status);
}

/** The language the host reports: Office's display language in Excel, the user's Google locale in Sheets. */
async function hostLanguageTag(host: HostKind): Promise<string | undefined> {
  if (host === 'excel') return Office.context?.displayLanguage || undefined;
  if (host === 'sheets') return (await userLocale()) || undefined;
  return undefined;
}

async function main(): Promise<void> {
  const ui = { current: null as WizardUi | null, session: null as WizardSession | null, tools: null as HTMLElement | null, host: 'excel' as 'excel' | 'sheets' };
  const brand = document.querySelector('header.brand');
  // The switch: the page, the steps (drawn again with every setting kept) and what the build writes follow it.
  const onLanguage = (chosen: Language): void => {
    language = chosen;
    rememberLanguage(chosen);
    sayPage();
    switcher.update();
    ui.session?.setLanguage(chosen);
    if (ui.current) ui.current.setLanguage(chosen);
    if (ui.tools && ui.session) ui.tools.replaceChildren(rewriteTool(new WizardUi(document.createElement('div'), ui.session, { locale: hostTag }), ui.host));
  };
  const switcher = languageSwitch(() => language, onLanguage, () => say('wizard.language.label'));
  brand?.prepend(switcher.element);
  sayPage();

  const host = await detectHost();
  const start = document.getElementById('start-button') as HTMLButtonElement | null;
  hostTag = await hostLanguageTag(host);
  // The user's own choice wins over the host's language (a Spanish Office, an English reader).
  language = chooseLanguage(rememberedLanguage(), hostTag ?? (typeof navigator !== 'undefined' ? navigator.language : undefined));
  switcher.update();
  if (host === 'none' || host === 'office-missing') {
    showStatus(host === 'none' ? 'wizard.start.noHost' : 'wizard.start.officeMissing', host === 'office-missing');
    sayPage();
    if (start) start.disabled = true;
    return;
  }
  ui.host = host;
  showStatus('wizard.start.connected', false, { host });
  sayPage();
  const workbook: WorkbookHost = host === 'excel' ? new ExcelHost() : new SheetsHost();
  if (host === 'excel') {
    // The ribbon button runs in this same (shared) runtime; it reports in the taskpane, which it opens.
    Office.actions?.associate(RIBBON_REWRITE, (event: Office.AddinCommands.Event) => {
      workbook
        .rewriteFormulas()
        .then((summary) => setStatus({ said: () => describeRewrite(summary, translator(language, hostTag)), isError: false }))
        .catch((error: unknown) => showStatus('wizard.start.rewriteFailed', true, { message: String(error) }))
        .then(() => Office.addin?.showAsTaskpane())
        .finally(() => event.completed());
    });
  }
  const app = document.getElementById('app')!;
  const session = new WizardSession(workbook, { language, locale: hostTag });
  ui.session = session;
  const first = document.getElementById('start');
  // The rewrite tool is on the first screen too, for a workbook that arrives from the other host.
  if (first && !ui.current) {
    const holder = document.createElement('div');
    holder.id = 'first-tools';
    first.append(holder);
    ui.tools = holder;
    holder.append(rewriteTool(new WizardUi(document.createElement('div'), session, { locale: hostTag }), host));
  }
  start?.addEventListener('click', () => {
    first?.remove();
    ui.tools = null;
    ui.current = new WizardUi(app, session, { locale: hostTag });
    void ui.current.start();
  });
}

// Tells legacy-check.js (which parses in Internet Explorer) that this ES2020 bundle parsed and runs.
(window as unknown as { kamStarted?: boolean }).kamStarted = true;
main().catch((error: unknown) => showStatus('wizard.start.failed', true, { message: String(error) }));
