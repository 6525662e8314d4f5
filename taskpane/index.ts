// The wizard's entry: waits for its host (Excel or Sheets) and shows the first screen.
import { detectHost } from './host';

function showStatus(text: string, isError = false): void {
  const status = document.getElementById('host-status');
  if (!status) return;
  status.textContent = text;
  status.classList.toggle('error', isError);
}

async function main(): Promise<void> {
  const host = await detectHost();
  const start = document.getElementById('start-button') as HTMLButtonElement | null;
  if (host === 'none') {
    showStatus('Open this page from Excel (Home › KAM Portfolio) or from Google Sheets (Extensions › KAM Portfolio) to read your workbook.');
    if (start) start.disabled = true;
    return;
  }
  showStatus(host === 'excel' ? 'Connected to Excel.' : 'Connected to Google Sheets.');
}

main().catch((error: unknown) => showStatus(`The wizard could not start: ${String(error)}`, true));
