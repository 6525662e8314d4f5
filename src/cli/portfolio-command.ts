// `kam portfolio`: read a customer list or transaction export, apply the model, write the portfolio
// workbook (and the matrix picture beside it), print a summary or JSON.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { readAccounts, readTableRows, WorkbookReadError, type WorkbookIngestResult } from '../io';
import { defaultCapacity, defaultModel, modelInputs } from '../core/model/defaults';
import type { KamModel } from '../core/model/model';
import { mergeModel, ModelError } from '../core/model/merge';
import { buildPortfolio, type Portfolio } from '../core/portfolio/portfolio';
import { stageName } from '../core/model/stages';
import { matrixSvg } from '../core/workbook/matrix-chart';
import { KamError } from '../core/functions/cells';
import { CliError, EXIT } from './cli-error';
import { svgToPng } from './chart-png';
import { createProgress } from './progress';
import { WRITTEN_SHEETS, writePortfolioWorkbook } from './write-portfolio';
import { ownModel, readModelSource } from './model-source';
import { detectedMapping } from '../core/model/model-sheet';
import { defaultRewardPlan } from '../core/functions/reward';
import { COMMAND_LINE_SHEETS, SHEET_NAMES } from '../core/workbook/plan';
import { profitChartSvg } from '../core/workbook/decision-charts';
import { speech as speechOf, type Speech } from '../core/portfolio/decision-texts';
import { english, render, type Language, type Translate } from '../core/i18n';
import { formatNumber } from '../core/format/display';
import { decisionsOf, type Decisions } from './decisions-report';

export interface PortfolioOptions {
  input: string;
  sheet?: string;
  model?: string;
  capacity?: number;
  out?: string;
  copySource: boolean;
  /** Replace an existing --out file even when it is not a portfolio this command wrote. */
  force: boolean;
  kind?: 'customers' | 'transactions';
  /** The language of the sentences beyond the matrix (summary, sheets, pictures). */
  language: Language;
}

export interface PortfolioOutcome {
  ingest: WorkbookIngestResult;
  model: KamModel;
  portfolio: Portfolio;
  out: string;
  pictures: { svg: string; png: string | null; inside: boolean };
  /** What the run chose that the user should know (e.g. source rows not copied). */
  notes: string[];
  /** Where the capacity and the days per key account came from, in words. */
  origins: { capacity: string; costs: string };
  /** The facts beyond the matrix, and how they are said. */
  decisions: Decisions;
  speech: Speech;
  /** The whale curve's pictures beside the workbook (null when no account has a profit figure). */
  profitPictures: { svg: string; png: string } | null;
}

/** Where each key account's days came from, in words, for the summary. */
export function costsOrigin(model: KamModel, portfolio: Portfolio, setBy: string | null, effortHeader: string | null, t: Translate = english): string {
  const cap = model.capacity;
  const own = Object.keys(cap.accountDays).length;
  const common = { own, setBy: setBy ?? '', hasSetBy: setBy ? 'yes' : 'no', otherwise: cap.otherwise };
  if (cap.costFrom === 'stage') {
    const table = Object.entries(cap.costByStage).map(([stage, days]) => `${stageName(stage, t)} ${formatNumber(days, 'days', t.locale)}`).join(', ');
    return t('cli.costs.stage', { ...common, table });
  }
  if (cap.costFrom === 'effort') {
    const without = portfolio.rows.filter((r) => r.costFrom === t('portfolio.costFrom.noEffort')).length;
    return t('cli.costs.effort', { ...common, header: effortHeader ?? '', hasHeader: effortHeader ? 'yes' : 'no', without });
  }
  return t('cli.costs.same', common);
}

/**
 * Above this many source rows the output does not repeat them: a million order lines would make the
 * portfolio workbook as big and slow as the export itself, and the input file stays where it is.
 */
export const SOURCE_COPY_MAX_ROWS = 200_000;


/** The output name: beside the input, "<name>-portfolio.xlsx". */
export function defaultOutput(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-portfolio.xlsx`);
}

export async function runPortfolio(options: PortfolioOptions): Promise<PortfolioOutcome> {
  const speech = speechOf(options.language);
  const { t } = speech;
  const input = path.resolve(options.input);
  const out = path.resolve(options.out ?? defaultOutput(options.input));
  if (out === input) throw new CliError(t('cli.error.outIsInput', { out: options.out ?? out }), EXIT.usage);
  if (!/\.xlsx$/i.test(out)) throw new CliError(t('cli.error.outNotXlsx', { out }), EXIT.usage);
  if (fs.existsSync(out) && !options.force && !(await isOurPortfolio(out))) {
    throw new CliError(t('cli.error.outExists', { out }), EXIT.usage);
  }
  // --model wins; otherwise a workbook the add-in or kam built carries its own model and column mapping.
  const modelSource = options.model ? await readModelSource(path.resolve(options.model), t) : await ownModel(input, t);
  const own = modelSource?.kind === 'workbook' && modelSource.own ? modelSource.saved.mapping : null;

  const progress = createProgress(process.stderr, Date.now, t);
  let ingest: WorkbookIngestResult;
  try {
    ingest = await readAccounts(input, {
      sheet: options.sheet ?? own?.sheet,
      kind: options.kind ?? own?.kind,
      ...(own && (options.sheet === undefined || options.sheet === own.sheet)
        ? { mapping: own.columns, headerRow: own.headerRow, ...(own.decimalSeparator ? { defaultDecimalSeparator: own.decimalSeparator } : {}) }
        : {}),
      onProgress: (p) => progress.rows(p.rowsRead, t('cli.progress.reading', { file: path.basename(input) })),
      t,
    });
  } catch (error) {
    progress.done();
    if (error instanceof WorkbookReadError && error.code === 'SHEET_NOT_FOUND' && own && options.sheet === undefined) {
      throw new CliError(t('cli.error.sheetGone', { model: SHEET_NAMES.model, file: path.basename(input), sheet: own.sheet, problem: render(error.text, t) }), EXIT.input);
    }
    if (error instanceof WorkbookReadError) throw new CliError(render(error.text, t), EXIT.input);
    throw error;
  }
  if (ingest.errors.length) {
    progress.done();
    throw new CliError(ingest.errors.map((e) => e.text(t)).join('\n'), EXIT.input);
  }

  // A portfolio workbook's model is used whole (it reproduces that portfolio); a JSON file overrides the defaults.
  const inputs = modelInputs(ingest.accounts);
  let model = modelSource?.kind === 'workbook' ? modelSource.saved.model : defaultModel(inputs, t);
  // Where the capacity and the days per key account come from, for the summary and --json.
  const modelName = modelSource?.kind === 'workbook'
    ? t('cli.origin.modelSheet', { sheet: SHEET_NAMES.model, file: path.basename(options.model ?? input) })
    : options.model ? t('cli.origin.modelFile', { file: path.basename(options.model) }) : '';
  const modelCapacity = modelSource?.kind === 'json' ? (modelSource.overrides as { capacity?: Record<string, unknown> } | undefined)?.capacity : undefined;
  const origins = {
    capacity: options.capacity !== undefined ? '--capacity'
      : modelSource?.kind === 'workbook' || modelCapacity?.days !== undefined ? modelName
      : defaultCapacity(inputs, t).origin,
    costs: '',
  };
  const costsSetBy = modelSource?.kind === 'workbook' || (modelCapacity && (modelCapacity.costFrom !== undefined || modelCapacity.costByStage !== undefined || modelCapacity.otherwise !== undefined)) ? modelName : null;
  try {
    if (modelSource?.kind === 'json') model = mergeModel(model, modelSource.overrides, path.basename(options.model!));
    if (options.capacity !== undefined) model = mergeModel(model, { capacity: { days: options.capacity } }, '--capacity');
  } catch (error) {
    progress.done();
    if (error instanceof ModelError) throw new CliError(error.problemsIn(t).join('\n'), EXIT.usage);
    throw error;
  }
  if (model.factors.length === 0) {
    progress.done();
    throw new CliError(t('cli.error.noFactors', { file: path.basename(input) }), EXIT.input);
  }

  progress.step(t('cli.progress.building'));
  let portfolio: Portfolio;
  try {
    portfolio = buildPortfolio(ingest.accounts, model, t);
  } catch (error) {
    progress.done();
    if (error instanceof KamError) throw new CliError(render(error.text, t), EXIT.input);
    throw error;
  }

  origins.costs = costsOrigin(model, portfolio, costsSetBy, ingest.columns.find((c) => c.role === 'effort')?.header ?? null, t);

  const svg = matrixSvg(
    portfolio.rows
      .filter((r) => r.attractiveness !== null && r.strength !== null)
      .map((r) => ({ account: r.account, attractiveness: r.attractiveness!, strength: r.strength!, revenue: r.revenue ?? 0, key: r.key })),
    { attractivenessCut: portfolio.cuts.attractiveness, strengthCut: portfolio.cuts.strength, title: `${t('sheet.matrix.label')} — ${path.basename(input)}`, t, strengthProxy: model.strength.kind === 'behaviour' },
  );
  const png = svgToPng(svg);
  const base = out.replace(/\.xlsx$/i, '');
  const svgFile = `${base}-matrix.svg`;
  const pngFile = `${base}-matrix.png`;
  const decisions = decisionsOf(portfolio, model);
  const profitSvg = decisions.profit ? profitChartSvg(decisions.profit, { width: 800, speech, title: `${speech.t('whale.title')} — ${path.basename(input)}` }) : null;
  const profitPng = profitSvg ? svgToPng(profitSvg) : null;
  const profitFiles = profitSvg ? { svg: `${base}-profit.svg`, png: `${base}-profit.png` } : null;

  progress.step(t('cli.progress.writing'));
  const columns = ingest.columns.length;
  const copySource = options.copySource && ingest.rowsRead <= SOURCE_COPY_MAX_ROWS;
  const notes: string[] = [];
  if (own) notes.push(t('cli.note.ownModel', { sheet: SHEET_NAMES.model }));
  if (options.copySource && !copySource) {
    notes.push(t('cli.note.sourceNotCopied', { rows: ingest.rowsRead, max: SOURCE_COPY_MAX_ROWS, file: path.basename(input) }));
  }
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  let inside = false;
  try {
    const written = await writePortfolioWorkbook(
      temp,
      {
        portfolio,
        model,
        rewardPlan: modelSource?.kind === 'workbook' ? modelSource.saved.rewardPlan : defaultRewardPlan(),
        previousRewards: modelSource?.kind === 'workbook' ? modelSource.previousRewards : null,
        mapping: {
          // The wizard finds the rows on the copy, at their own row numbers; without a copy it asks for the data.
          sheet: copySource ? COMMAND_LINE_SHEETS.source : (ingest.source.sheet ?? path.basename(input)),
          range: '',
          headerRow: ingest.headerRow,
          kind: ingest.kind,
          columns: detectedMapping(ingest),
          unused: [],
          ...(ingest.source.delimiter === ';' ? { decimalSeparator: ',' as const } : {}),
          file: path.basename(input),
        },
        origin: t('cli.sheet.origin', { file: path.basename(input), hasSheet: ingest.source.sheet ? 'yes' : 'no', sheet: ingest.source.sheet ?? '' }),
        t,
        matrixPng: png,
        decisions: { portfolio, profit: decisions.profit, segments: decisions.segments, speech, profitPng },
        copy: copySource
          ? {
              rows: async (onRow) => {
                await readTableRows(input, onRow, { sheet: ingest.source.sheet ?? undefined, onProgress: (p) => progress.rows(p.rowsRead, t('cli.progress.copying')) });
              },
            }
          : null,
      },
      copySource ? ingest.rowsRead * columns : 0,
    );
    inside = written.pictureInside;
    writeAtomically(svgFile, svg);
    writeAtomically(pngFile, png);
    if (profitFiles && profitSvg && profitPng) {
      writeAtomically(profitFiles.svg, profitSvg);
      writeAtomically(profitFiles.png, profitPng);
    }
    fs.renameSync(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    progress.done();
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'EROFS' || code === 'ENOSPC' || code === 'EBUSY') {
      throw new CliError(t('cli.error.cannotWrite', { file: out, code }), EXIT.output);
    }
    throw error;
  }
  progress.done();
  return { ingest, model, portfolio, out, pictures: { svg: svgFile, png: pngFile, inside }, notes, origins, decisions, speech, profitPictures: profitFiles };
}

/**
 * A workbook this command wrote may be replaced: it has a "KAM Model" sheet and no sheet but the ones
 * kam writes. A workbook the wizard built inside the user's own data, or one the user added a sheet to,
 * is the user's.
 */
async function isOurPortfolio(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const names = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
    const ours = new Set<string>(WRITTEN_SHEETS);
    return names.includes(SHEET_NAMES.model) && names.every((n) => ours.has(n));
  } catch {
    return false;
  }
}

const decodeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/** Writes a file whole or not at all: to a temporary name beside it, then renamed. */
export function writeAtomically(file: string, data: string | Buffer): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, file);
}
