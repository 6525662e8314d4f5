// Which spreadsheet the wizard runs in: Excel (office.js), Sheets (google.script.run) or neither.
// 'office-missing': the Excel page references office.js but it did not load (blocked or offline).
export type HostKind = 'excel' | 'sheets' | 'none' | 'office-missing';

declare const google: { script?: { run?: unknown } } | undefined;

export function detectHost(): Promise<HostKind> {
  if (typeof google !== 'undefined' && google?.script?.run) return Promise.resolve('sheets');
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    const wantsOffice = document.querySelector('script[src*="appsforoffice.microsoft.com"]') !== null;
    return Promise.resolve(wantsOffice ? 'office-missing' : 'none');
  }
  return Office.onReady().then((info) => (info.host === Office.HostType.Excel ? 'excel' : 'none'));
}
