// Which spreadsheet the wizard runs in: Excel (office.js), Sheets (google.script.run) or neither.
export type HostKind = 'excel' | 'sheets' | 'none';

declare const google: { script?: { run?: unknown } } | undefined;

export function detectHost(): Promise<HostKind> {
  if (typeof google !== 'undefined' && google?.script?.run) return Promise.resolve('sheets');
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve('none');
  return Office.onReady().then((info) => (info.host === Office.HostType.Excel ? 'excel' : 'none'));
}
