// The command line's own user errors (one line saying what is wrong and what to do, and an exit code), and how its lines end.
import { endSentence } from '../core/i18n';

/** Exit codes: 1 the input cannot be used, 2 the command line itself is wrong, 3 the output cannot be written. */
export const EXIT = { ok: 0, input: 1, usage: 2, output: 3 } as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.input) {
    super(message);
    this.name = 'CliError';
  }
}

/** Lines as printed, each sentence ending in one full stop even where the line was put together from pieces. */
export function endSentences(lines: readonly string[]): string {
  return lines.map(endSentence).join('\n');
}
