// The `kam` command line: parses arguments, runs one command, and is the one place that prints errors.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { CliError, EXIT } from './cli-error';
import { runPortfolio, type PortfolioOutcome } from './portfolio-command';
import { portfolioJson, summaryText } from './report';
import { languageFromTags, type Language } from '../core/i18n';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'customers.xlsx');

export const HELP = `kam — key account management from the command line (Cranfield KAM method)

Usage:
  kam portfolio <workbook.xlsx|file.csv> [options]
  kam portfolio --sample            run on the bundled sample (samples/customers.xlsx),
                                    writing customers-portfolio.xlsx in the current folder
  kam --help | kam --version

Reads a customer list (one row per account) or a transaction export (order lines with date,
customer, amount, profit — rolled up per account), scores attractiveness, places each account
on the portfolio matrix (Strategic, Star, Status, Streamline), chooses the key accounts that
bring the most value within the team's capacity, flags big names, old friends and difficult
accounts, and writes a portfolio workbook. The input file is never changed.

Options:
  --sheet NAME        sheet to read, by its tab name: exactly, or ignoring case and accents
                      when only one sheet matches (default: the first visible sheet with data)
  --model FILE        model settings as JSON (factors, weights, scales, strength, cuts,
                      capacity, lifetime value, flags); anything left out keeps its default.
                      The "KAM Model" sheet of a portfolio ends with its model as JSON.
  --capacity DAYS     team days a year for key accounts (overrides the model)
  --kind KIND         customers | transactions (default: detected)
  --out FILE          output workbook (default: <input>-portfolio.xlsx beside the input);
                      the matrix is also saved beside it as -matrix.svg and -matrix.png
  --force             replace --out even if it is not a portfolio kam wrote
  --no-source         do not copy the source rows into the output workbook (they are
                      copied by default, up to 200,000 rows)
  --json              print the portfolio as JSON on stdout (accounts, selection, warnings)
  -h, --help          show this help

Exit codes: 0 done, 1 the input cannot be used, 2 wrong command line or model file,
3 the output cannot be written.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        model: { type: 'string' },
        capacity: { type: 'string' },
        kind: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-source': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        sample: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`kam: ${(error as Error).message}. Run kam --help for the options.`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 && !values.sample && !values.version) {
    io.out(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (values.version) {
    io.out(String(process.env.KAM_VERSION ?? '0.1.0'));
    return EXIT.ok;
  }
  const [command, ...rest] = values.sample && positionals.length === 0 ? ['portfolio'] : positionals;
  try {
    if (command !== 'portfolio') throw new CliError(`Unknown command "${command}". The command is: kam portfolio <workbook>.`, EXIT.usage);
    const input = values.sample ? SAMPLE : rest[0];
    if (!input) throw new CliError('Name the workbook to read: kam portfolio customers.xlsx', EXIT.usage);
    if (rest.length > 1) throw new CliError(`One input at a time: got ${rest.join(', ')}.`, EXIT.usage);
    let capacity: number | undefined;
    if (values.capacity !== undefined) {
      capacity = Number(values.capacity);
      if (!Number.isFinite(capacity) || capacity <= 0) throw new CliError(`--capacity must be a positive number of team days (got "${values.capacity}").`, EXIT.usage);
    }
    if (values.kind !== undefined && values.kind !== 'customers' && values.kind !== 'transactions') {
      throw new CliError(`--kind must be customers or transactions (got "${values.kind}").`, EXIT.usage);
    }
    const outcome: PortfolioOutcome = await runPortfolio({
      input,
      sheet: values.sheet,
      model: values.model,
      capacity,
      // The bundled sample is read-only data of the package: its portfolio goes to the current folder.
      out: values.out ?? (values.sample ? path.resolve('customers-portfolio.xlsx') : undefined),
      copySource: !values['no-source'],
      force: values.force,
      kind: values.kind as 'customers' | 'transactions' | undefined,
      language: cliLanguage(),
    });
    io.out(values.json ? JSON.stringify(portfolioJson(outcome), null, 2) : summaryText(outcome));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`kam: ${error.message}`);
      return error.exitCode;
    }
    io.err(`kam: unexpected error: ${(error as Error).stack ?? error}`);
    return 70;
  }
}

/** The language of the sentences kam writes: the environment's locale (LC_ALL, LC_MESSAGES, LANG), English by default. */
export function cliLanguage(): Language {
  return languageFromTags([process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG]);
}

/** Runs the command line on this process's arguments (bin/kam.cjs calls it). */
export function run(): void {
  main(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }).then((code) => {
    process.exitCode = code;
  });
}
