// A one-line progress display on stderr (rows read, rate) for inputs that take more than a moment;
// silent when stderr is not a terminal, so scripts and logs stay clean. In the user's language.
import { english, type Translate } from '../core/i18n';

export interface Progress {
  rows(count: number, label: string): void;
  step(label: string): void;
  done(): void;
}

const DELAY_MS = 700;

/** `stream` and `now` are parameters so tests can use a fake terminal and clock. */
export function createProgress(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr, now: () => number = Date.now, t: Translate = english): Progress {
  const started = now();
  const live = Boolean(stream.isTTY);
  let shown = false;
  const write = (text: string): void => {
    if (!live || now() - started < DELAY_MS) return;
    shown = true;
    stream.write(`\r\x1b[2K${text}`);
  };
  return {
    rows(count, label) {
      const seconds = (now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(count / seconds) : 0;
      write(t('cli.progress.rows', { label, count, rate }));
    },
    step(label) {
      write(label);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
