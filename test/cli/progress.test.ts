// The progress line: only on a terminal, only once a read takes more than a moment, cleared at the end.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => (written.push(text), true) } as never, written };
}

describe('createProgress', () => {
  it('shows rows read and the rate on a terminal after the first moment, then clears the line', () => {
    let clock = 0;
    const { stream, written } = fakeStream(true);
    const progress = createProgress(stream, () => clock);
    clock = 300;
    progress.rows(10_000, 'Reading customers.xlsx');
    expect(written).toEqual([]); // quick inputs show nothing
    clock = 2000;
    progress.rows(250_000, 'Reading customers.xlsx');
    expect(written).toEqual(['\r\x1b[2KReading customers.xlsx: 250,000 rows (125,000 rows/s)']);
    progress.done();
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('is silent when stderr is not a terminal (pipes, logs, CI)', () => {
    let clock = 0;
    const { stream, written } = fakeStream(false);
    const progress = createProgress(stream, () => clock);
    clock = 5000;
    progress.rows(1_000_000, 'Reading');
    progress.step('Writing');
    progress.done();
    expect(written).toEqual([]);
  });
});
