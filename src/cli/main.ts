// The `kam` command line: parses arguments, picks the language, runs one command, and is the one place that prints errors.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { CliError, EXIT } from './cli-error';
import { runPortfolio, type PortfolioOutcome } from './portfolio-command';
import { portfolioJson, summaryText } from './report';
import { compareJson, compareText, runCompare } from './compare-command';
import { languageFromTags, LANGUAGES, type Language } from '../core/i18n';
import { speech as speechOf, type Speech } from '../core/portfolio/decision-texts';
import { parseTypedNumber } from '../core/format/display';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'customers.xlsx');

/** kam --help in a language (the text is the catalog's, so a third language is a file). */
export const helpText = (s: Speech): string => s.t('cli.help', { languages: LANGUAGES.join('|') });

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const OPTIONS = {
  sheet: { type: 'string' },
  model: { type: 'string' },
  capacity: { type: 'string' },
  kind: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  force: { type: 'boolean', default: false },
  'no-source': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  sample: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** Options only `kam portfolio` reads: given to `kam compare` they are a mistake worth saying. */
const PORTFOLIO_ONLY = ['sheet', 'model', 'capacity', 'kind', 'force', 'no-source', 'sample'] as const;

/**
 * The language asked for with --lang (looked for before the rest is parsed, so even a wrong option is reported in it),
 * else the environment's. An unknown --lang value is reported in the environment's language.
 */
function chooseLanguage(argv: string[]): { language: Language; wrong: string | null } {
  const fallback = cliLanguage();
  let asked: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') asked = argv[i + 1];
    else if (arg.startsWith('--lang=')) asked = arg.slice('--lang='.length);
  });
  if (asked === undefined) return { language: fallback, wrong: null };
  const code = asked.trim().toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code) ? { language: code as Language, wrong: null } : { language: fallback, wrong: asked };
}

/** Node's own argument errors (always English) said again in the user's language. */
function argumentError(error: Error & { code?: string }, s: Speech): string {
  const named = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return s.t('cli.error.unknownOption', { option: named });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return s.t('cli.error.optionValue', { option: named.split(' ')[0] ?? named });
  return s.t('cli.error.arguments', { problem: error.message });
}

export async function main(argv: string[], io: Io): Promise<number> {
  const { language, wrong } = chooseLanguage(argv);
  const s = speechOf(language);
  if (wrong !== null) {
    io.err(`kam: ${s.t('cli.error.lang', { value: wrong, languages: LANGUAGES.join(', ') })}`);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.err(`kam: ${argumentError(error as Error, s)}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 && !values.sample && !values.version) {
    io.out(helpText(s));
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (values.version) {
    io.out(String(process.env.KAM_VERSION ?? '0.1.0'));
    return EXIT.ok;
  }
  const [command, ...rest] = values.sample && positionals.length === 0 ? ['portfolio'] : positionals;
  try {
    if (command === 'compare') {
      const given = PORTFOLIO_ONLY.filter((o) => values[o] !== undefined && values[o] !== false);
      if (given.length) throw new CliError(s.t('cli.error.notForCompare', { option: `--${given[0]}` }), EXIT.usage);
      if (rest.length !== 2) throw new CliError(s.t('cli.error.compareInputs', { count: rest.length }), EXIT.usage);
      const outcome = await runCompare({ previous: rest[0]!, current: rest[1]!, out: values.out, speech: s });
      io.out(values.json ? JSON.stringify(compareJson(outcome, s), null, 2) : compareText(outcome, s));
      return EXIT.ok;
    }
    if (command !== 'portfolio') throw new CliError(s.t('cli.error.unknownCommand', { command: command ?? '' }), EXIT.usage);
    const input = values.sample ? SAMPLE : rest[0];
    if (!input) throw new CliError(s.t('cli.error.noInput'), EXIT.usage);
    if (rest.length > 1) throw new CliError(s.t('cli.error.oneInput', { inputs: rest.join(', ') }), EXIT.usage);
    let capacity: number | undefined;
    if (values.capacity !== undefined) {
      // Days as the user's language writes them ("450", "1,200" or "1.200").
      capacity = parseTypedNumber(values.capacity, 'days', s.locale) ?? NaN;
      if (!Number.isFinite(capacity) || capacity <= 0) throw new CliError(s.t('cli.error.capacity', { value: values.capacity }), EXIT.usage);
    }
    if (values.kind !== undefined && values.kind !== 'customers' && values.kind !== 'transactions') {
      throw new CliError(s.t('cli.error.kind', { value: values.kind }), EXIT.usage);
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
      language,
    });
    io.out(values.json ? JSON.stringify(portfolioJson(outcome), null, 2) : summaryText(outcome));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`kam: ${error.message}`);
      return error.exitCode;
    }
    io.err(`kam: ${s.t('cli.error.unexpected', { error: String((error as Error).stack ?? error) })}`);
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
