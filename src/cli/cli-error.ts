// The command line's own user errors: one line saying what is wrong and what to do, and an exit code.

/** Exit codes: 1 the input cannot be used, 2 the command line itself is wrong, 3 the output cannot be written. */
export const EXIT = { ok: 0, input: 1, usage: 2, output: 3 } as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.input) {
    super(message);
    this.name = 'CliError';
  }
}
