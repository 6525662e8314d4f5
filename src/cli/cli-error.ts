// The command line's own user errors (one line saying what is wrong and what to do, and an exit code), and how its lines end.

/** Exit codes: 1 the input cannot be used, 2 the command line itself is wrong, 3 the output cannot be written. */
export const EXIT = { ok: 0, input: 1, usage: 2, output: 3 } as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.input) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Lines as printed: a sentence that ends with a name ending in a full stop ("… Química del Sur S.A.") gets one full
 * stop, not two.
 */
export function endSentences(lines: readonly string[]): string {
  return lines.map((line) => line.replace(/(\p{L})\.\.$/u, '$1.')).join('\n');
}
