// The "KAM Model" sheet: every setting as labelled cells with named ranges, written by the wizard and
// read back when the wizard reopens, so everyone sharing the workbook sees the same settings.
import { DEFAULT_STAGE_STRENGTH, KamModel, STAGES } from './model';
import { defaultModel, scaleRule } from './defaults';
import { BEHAVIOUR_SIGNALS, signalLabel } from './behaviour';
import { stageName } from './stages';
import { mergeModel } from './merge';
import { defaultRewardPlan, defaultMetrics, DIRECTION_IDS, METRIC_IDS, PLAN_COLUMNS, planColumns } from '../functions/reward';
import { positionIndex, positionName } from '../functions/position-names';
import { isKeyword } from '../functions/keywords';
import { a1Range, markerText, PlanBlock, PlanCell, PlanName, SHEET_NAMES } from '../workbook/plan';
import { CATALOGS, english, LANGUAGES, literal, wordFrom, wordsOf, type MessageId, type Phrase, type Translate } from '../i18n';
import { foldText } from '../ingest/fold-text';
import type { ColumnRole, IngestResult, RoleMapping } from '../ingest';
import { NUMBER_FORMATS } from '../format/number-formats';
import { unitOfSource, type Unit } from '../format/units';

/** Where the customer data is and how its columns were mapped, so a rebuild reads the same table. */
export interface SourceMapping {
  sheet: string;
  /** A1 range of the table, without the sheet name. */
  range: string;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  kind: 'customers' | 'transactions';
  /** Column per role, by header text (or letter when the header is blank). */
  columns: RoleMapping;
  /** Roles the user chose not to use, although a column looked like one. */
  unused?: ColumnRole[];
  /** The decimal separator of numbers typed as text, when the reader was told it (a semicolon CSV uses ","). */
  decimalSeparator?: ',' | '.';
  /** The file the command line read, when the portfolio was made by it. */
  file?: string;
}

/** The column of each role ingest recognised, by header text (or letter when the header is blank). */
export function detectedMapping(ingest: Pick<IngestResult, 'columns'>): RoleMapping {
  const detected: RoleMapping = {};
  for (const c of ingest.columns) if (c.role) detected[c.role] = c.header || c.letter;
  return detected;
}

export interface ModelSheet {
  model: KamModel;
  mapping: SourceMapping;
  rewardPlan: (string | number)[][];
  /** Sheets the wizard built, as listed on the model sheet. */
  owned: string[];
}

/** Named ranges the portfolio formulas use; each one is a labelled block on the model sheet. */
export const NAMES = {
  weights: 'KAM_Weights',
  scales: 'KAM_Scales',
  stageTable: 'KAM_StageTable',
  unknownStrength: 'KAM_UnknownStrength',
  strengthWeights: 'KAM_StrengthWeights',
  otherCost: 'KAM_OtherCost',
  attractivenessCut: 'KAM_AttractivenessCut',
  strengthCut: 'KAM_StrengthCut',
  capacity: 'KAM_Capacity',
  retention: 'KAM_Retention',
  discountRate: 'KAM_DiscountRate',
  years: 'KAM_Years',
  flagOptions: 'KAM_FlagOptions',
  rewardPlan: 'KAM_RewardPlan',
  stageNames: 'KAM_StageNames',
  accountDays: 'KAM_AccountDays',
  lossMakingStars: 'KAM_LossMakingStars',
  fragilePoints: 'KAM_FragilePoints',
} as const;

/**
 * Row labels in column A, by catalog id: written in the build's language, and the reader finds settings by their
 * label in any language, so rows may be moved or inserted and a sheet built in Spanish reopens in English.
 */
const LABEL_IDS = {
  factor: 'model.label.factor',
  source: 'model.label.source',
  weight: 'model.label.weight',
  worst: 'model.label.worst',
  best: 'model.label.best',
  scale: 'model.label.scale',
  strengthFrom: 'model.label.strengthFrom',
  strengthColumn: 'model.label.strengthColumn',
  criterion: 'model.label.criterion',
  unknownStrength: 'model.label.unknownStrength',
  stage: 'model.label.stage',
  otherCost: 'model.label.otherCost',
  behaviourSignal: 'model.label.behaviourSignal',
  stageName: 'model.label.stageName',
  costFrom: 'model.label.costFrom',
  accountDays: 'model.label.accountDays',
  lossMakingStars: 'model.label.lossMakingStars',
  defaultScales: 'model.label.defaultScales',
  attractivenessCut: 'model.label.attractivenessCut',
  strengthCut: 'model.label.strengthCut',
  capacity: 'model.label.capacity',
  selectBy: 'model.label.selectBy',
  retention: 'model.label.retention',
  discountRate: 'model.label.discountRate',
  years: 'model.label.years',
  flagOption: 'model.label.flagOption',
  keyAccountLimit: 'model.label.keyAccountLimit',
  perManagerLimit: 'model.label.perManagerLimit',
  fragilePoints: 'model.label.fragilePoints',
  segmentShare: 'model.label.segmentShare',
  sourceSheet: 'model.label.sourceSheet',
  sourceRange: 'model.label.sourceRange',
  headerRow: 'model.label.headerRow',
  tableKind: 'model.label.tableKind',
  decimalSeparator: 'model.label.decimalSeparator',
  sourceFile: 'model.label.sourceFile',
  roleColumn: 'model.label.roleColumn',
  unusedRoles: 'model.label.unusedRoles',
  owned: 'model.label.owned',
} as const satisfies Record<string, MessageId>;
type LabelKey = keyof typeof LABEL_IDS;

/** The row labels in the reader's language. */
export const labels = (t: Translate = english): Record<LabelKey, string> =>
  Object.fromEntries(Object.entries(LABEL_IDS).map(([key, id]) => [key, t(id)])) as Record<LabelKey, string>;
/** The row labels in English. */
export const LABELS = labels();

/**
 * How the stage-names table writes a value that names no stage: a visible word rather than a blank cell, whose
 * lookup every engine reads alike (a blank looked up is 0 in some, "" in others). Read back in any language.
 */
export const notAStage = (t: Translate = english): string => t('model.notAStage');
export const NOT_A_STAGE = notAStage();

/** Labels earlier versions wrote, still read back so an older workbook reopens with its settings. */
const OLD_LABELS: Partial<Record<LabelKey, string[]>> = {
  otherCost: ['Days a year for any other stage'],
  selectBy: ['Choose key accounts by (attractiveness or lifetimeValue) *'],
};

/** A label's folded forms in every language, and the older English wordings. */
const labelForms = (key: LabelKey): string[] => [...wordsOf(LABEL_IDS[key]), ...(OLD_LABELS[key] ?? []).map(foldText)];

/** The method's stages by catalog id: the stage tables write them in the build's language and read them in any. */
const STAGE_IDS = STAGES.map((s) => `stage.${s}` as MessageId);
/** A stage as the model sheet writes it: one of the method's in the reader's language, anyone else's as typed. */
/** A stage read back from the sheet: one of the method's (in any language) by its English key, anyone else's as typed. */
export function stageFrom(text: string): string {
  const id = wordFrom(text, STAGE_IDS);
  return id ? STAGES[STAGE_IDS.indexOf(id)]! : text;
}

/**
 * The reward plan as the model sheet shows it: its header row, position words, the default metrics and directions in
 * the reader's language (KAM_REWARD reads them in any); a metric the user named stays as typed.
 */
export function planInLanguage(plan: readonly (readonly (string | number)[])[], t: Translate): (string | number)[][] {
  const metrics = defaultMetrics(t);
  return plan.map((row, r) => {
    if (r === 0) return isPlanHeader(row) ? [...planColumns(t), ...row.slice(PLAN_COLUMNS.length)] : [...row];
    const out = [...row];
    const position = typeof row[0] === 'string' ? positionIndex(row[0]) : -1;
    if (position >= 0) out[0] = positionName(position, t);
    const metric = typeof row[1] === 'string' ? wordFrom(row[1], METRIC_IDS) : undefined;
    if (metric) out[1] = metrics[METRIC_IDS.indexOf(metric)]!;
    const direction = typeof row[3] === 'string' ? wordFrom(row[3], DIRECTION_IDS) : undefined;
    if (direction) out[3] = t(direction);
    return out;
  });
}

/** Whether a row is the reward plan's header ("position", "metric", … in any language). */
function isPlanHeader(row: readonly unknown[]): boolean {
  return typeof row[0] === 'string' && typeof row[1] === 'string' && wordFrom(row[0], ['reward.column.position']) !== undefined && wordFrom(row[1], ['reward.column.metric']) !== undefined;
}

const SECTION = (title: string): PlanCell[] => [title];

/** The model sheet's content and the named ranges that point into it. */
export function modelSheetBlocks(
  model: KamModel,
  mapping: SourceMapping,
  rewardPlan: (string | number)[][],
  owned: readonly string[],
  options: { note?: string; factorUnits?: readonly Unit[]; t?: Translate } = {},
): { blocks: PlanBlock[]; names: PlanName[] } {
  // Labels, headers and notes in the reader's language; values the reader takes as settings (linear, stage, median,
  // column:<header>, role names, flag options, signal names) stay the keywords every language reads.
  const t = options.t ?? english;
  const LABELS = labels(t);
  const note = options.note ?? t('model.note');
  const sheet = SHEET_NAMES.model;
  const blocks: PlanBlock[] = [];
  const names: PlanName[] = [];
  let row = 1;
  const put = (cells: PlanCell[][], opts: Partial<PlanBlock> = {}): number => {
    const at = row;
    blocks.push({ row: at, column: 1, cells, ...opts });
    row += cells.length;
    return at;
  };
  const name = (n: string, r: number, c: number, rows: number, cols: number): void => {
    names.push({ name: n, sheet, range: a1Range(r, c, rows, cols, true) });
  };
  put([[t('model.title')]], { bold: true });
  put([[markerText(t)]]);
  put([[note]]);
  row++;

  put([SECTION(t('model.section.factors'))], { bold: true });
  const k = model.factors.length;
  put([[LABELS.factor, ...model.factors.map((f) => f.name)]], { bold: true });
  put([[LABELS.source, ...model.factors.map((f) => f.source)]]);
  const weightRow = put([[LABELS.weight, ...model.factors.map((f) => f.weight)]]);
  const scaleRow = put([
    [LABELS.worst, ...model.factors.map((f) => f.worst)],
    [LABELS.best, ...model.factors.map((f) => f.best)],
    [LABELS.scale, ...model.factors.map((f) => f.scale ?? 'linear')],
  ]);
  name(NAMES.weights, weightRow, 2, 1, Math.max(k, 1));
  name(NAMES.scales, scaleRow, 2, 3, Math.max(k, 1));
  put([[LABELS.defaultScales, scaleRule(t)]]);
  row++;

  put([SECTION(t('model.section.strength'))], { bold: true });
  const strength = model.strength;
  put([[LABELS.strengthFrom, strength.kind]]);
  put([[LABELS.strengthColumn, strength.kind === 'column' ? strength.source : '']]);
  if (strength.kind === 'ratings') {
    // KAM_STRENGTH's criteria: where each rating comes from, and the customer's weight (a named column).
    put([[LABELS.criterion, t('model.header.yourRating'), t('model.header.rivalRating'), t('model.header.weight')]], { bold: true });
    const first = put(strength.criteria.map((c) => [c.name, c.yours, c.rival, c.weight]));
    name(NAMES.strengthWeights, first, 4, strength.criteria.length, 1);
    row++;
  }
  if (strength.kind === 'behaviour') {
    // A proxy, and said so: the user sees what it is made of and can weigh each signal.
    put([[t('model.behaviourNote')]]);
    put([[LABELS.behaviourSignal, t('model.header.weight'), t('model.header.measures')]], { bold: true });
    put(BEHAVIOUR_SIGNALS.map((x) => [x.signal, strength.signals[x.signal], signalLabel(x.signal, t)]));
    row++;
  }
  const unknownRow = put([[LABELS.unknownStrength, strength.kind === 'stage' ? strength.unknown : 1]]);
  name(NAMES.unknownStrength, unknownRow, 2, 1, 1);
  put([[LABELS.stage, t('model.header.strength'), t('model.header.stageDays')]], { bold: true });
  const byStage = strength.kind === 'stage' ? strength.byStage : {};
  const stages = [...new Set([...STAGES, ...Object.keys(byStage), ...Object.keys(model.capacity.costByStage)])];
  // With strength from another source the stage table still shows the method's stage strengths, ready for a
  // switch back to the stage proxy; they are not used meanwhile.
  const stageStrength = (s: string): number => (strength.kind === 'stage' ? byStage[s] ?? strength.unknown : DEFAULT_STAGE_STRENGTH[s] ?? 1);
  const stageRow = put(stages.map((s) => [stageName(s, t), stageStrength(s), model.capacity.costByStage[s] ?? model.capacity.otherwise]));
  name(NAMES.stageTable, stageRow, 1, stages.length, 3);
  const otherRow = put([[LABELS.otherCost, model.capacity.otherwise]]);
  name(NAMES.otherCost, otherRow, 2, 1, 1);
  row++;
  const stageNames = Object.entries(model.stageNames);
  if (stageNames.length) {
    // The portfolio looks each account's stage up here first (KAM_StageNames); blank = names no stage.
    put([[LABELS.stageName, t('model.header.readAs', { notAStage: notAStage(t) })]], { bold: true });
    // Both columns of the lookup in one language, so VLOOKUP(stage read as, KAM_StageTable) finds the stage table's word.
    const first = put(stageNames.map(([value, stage]) => [value, stage ? stageName(stage, t) : notAStage(t)]));
    name(NAMES.stageNames, first, 1, stageNames.length, 2);
    row++;
  }

  put([SECTION(t('model.section.matrix'))], { bold: true });
  const cutRow = put([
    [LABELS.attractivenessCut, model.cuts.attractiveness],
    [LABELS.strengthCut, model.cuts.strength],
  ]);
  name(NAMES.attractivenessCut, cutRow, 2, 1, 1);
  name(NAMES.strengthCut, cutRow + 1, 2, 1, 1);
  const capacityRow = put([[LABELS.capacity, model.capacity.days]]);
  name(NAMES.capacity, capacityRow, 2, 1, 1);
  put([[LABELS.costFrom, model.capacity.costFrom]]);
  put([[LABELS.selectBy, model.capacity.value]]);
  const starsRow = put([[LABELS.lossMakingStars, model.capacity.lossMakingStars]]);
  name(NAMES.lossMakingStars, starsRow, 2, 1, 1);
  put([
    [LABELS.keyAccountLimit, model.limits.keyAccounts],
    [LABELS.perManagerLimit, model.limits.perManager],
  ]);
  const accountDays = Object.entries(model.capacity.accountDays);
  if (accountDays.length) {
    put([[LABELS.accountDays, t('model.header.days')]], { bold: true });
    const first = put(accountDays.map(([account, days]) => [account, days]));
    name(NAMES.accountDays, first, 1, accountDays.length, 2);
  }
  row++;

  put([SECTION(t('model.section.lifetime'))], { bold: true });
  const lvRow = put([
    [LABELS.retention, model.lifetimeValue.retention],
    [LABELS.discountRate, model.lifetimeValue.discountRate],
    [LABELS.years, model.lifetimeValue.years],
  ]);
  name(NAMES.retention, lvRow, 2, 1, 1);
  name(NAMES.discountRate, lvRow + 1, 2, 1, 1);
  name(NAMES.years, lvRow + 2, 2, 1, 1);
  row++;

  put([SECTION(t('model.section.flags'))], { bold: true });
  put([[LABELS.flagOption, t('model.header.value')]], { bold: true });
  const flagRow = put([
    ['top', model.flags.bigNameTopShare],
    ['tenure', model.flags.oldFriendYears],
    ['cut', model.flags.attractivenessCut],
  ]);
  name(NAMES.flagOptions, flagRow, 1, 3, 2);
  row++;

  // Beyond the matrix: how firm a placement must be, and the segments that should hold key accounts.
  put([SECTION(t('model.section.review'))], { bold: true });
  const fragileRow = put([[LABELS.fragilePoints, model.review.fragilePoints]]);
  name(NAMES.fragilePoints, fragileRow, 2, 1, 1);
  put([[LABELS.segmentShare, model.review.segmentShare]]);
  row++;

  put([SECTION(t('model.section.rewards'))], { bold: true });
  const planRow = put(planInLanguage(rewardPlan, t), {});
  blocks[blocks.length - 1].bold = false;
  name(NAMES.rewardPlan, planRow, 1, rewardPlan.length, PLAN_COLUMNS.length);
  row++;

  put([SECTION(t('model.section.data'))], { bold: true });
  put([
    [LABELS.sourceSheet, mapping.sheet],
    [LABELS.sourceRange, mapping.range],
    [LABELS.headerRow, mapping.headerRow],
    [LABELS.tableKind, mapping.kind],
  ]);
  if (mapping.decimalSeparator) put([[LABELS.decimalSeparator, mapping.decimalSeparator]]);
  if (mapping.file) put([[LABELS.sourceFile, mapping.file]]);
  const roles = Object.entries(mapping.columns).filter(([, v]) => typeof v === 'string' && v !== '');
  if (roles.length) put(roles.map(([role, column]) => [`${LABELS.roleColumn}${role}`, column as string]));
  put([[LABELS.unusedRoles, (mapping.unused ?? []).join(', ')]]);
  put([[LABELS.owned, owned.join(', ')]]);
  const factorUnits = options.factorUnits ?? model.factors.map((f) => unitOfSource(f.source, () => 'number'));
  return { blocks: withModelFormats(blocks, [...factorUnits], LABELS), names };
}

/**
 * The model sheet's settings with number formats, found by their row labels (the layout above stays the
 * one place rows are placed): scales in each factor's unit, strengths and cuts to two decimals, days grouped, rates as
 * percentages. A block whose rows need different formats is written row by row.
 */
function withModelFormats(blocks: PlanBlock[], factorUnits: Unit[], LABELS: Record<LabelKey, string>): PlanBlock[] {
  const f = NUMBER_FORMATS;
  const byLabel = new Map<string, (string | null)[]>([
    [LABELS.worst, [null, ...factorUnits.map((u) => f[u])]],
    [LABELS.best, [null, ...factorUnits.map((u) => f[u])]],
    [LABELS.unknownStrength, [null, f.ratio]],
    [LABELS.otherCost, [null, f.days]],
    [LABELS.attractivenessCut, [null, f.score]],
    [LABELS.strengthCut, [null, f.ratio]],
    [LABELS.capacity, [null, f.days]],
    [LABELS.retention, [null, f.percent]],
    [LABELS.discountRate, [null, f.percent]],
    [LABELS.segmentShare, [null, f.percent]],
  ]);
  // Rows under a header row: the stage table, and the flag options (one option per row).
  const underHeader = new Map<string, (label: string) => (string | null)[] | undefined>([
    [LABELS.stage, () => [null, f.ratio, f.days]],
    [LABELS.flagOption, (label) => ({ top: [null, f.percent], tenure: [null, f.years], cut: [null, f.score] })[label]],
  ]);
  const out: PlanBlock[] = [];
  let header = '';
  for (const block of blocks) {
    const labels = block.cells.map((r) => (typeof r[0] === 'string' ? r[0] : ''));
    const under = underHeader.get(header);
    const rules = labels.map((label) => byLabel.get(label) ?? under?.(label));
    header = block.bold ? labels[0] : '';
    const same = rules.every((r) => JSON.stringify(r) === JSON.stringify(rules[0]));
    if (rules.every((r) => !r)) out.push(block);
    else if (same) out.push({ ...block, formats: rules[0] });
    else block.cells.forEach((cells, i) => out.push({ ...block, row: block.row + i, cells: [cells], formats: rules[i], note: i === 0 ? block.note : undefined }));
  }
  return out;
}


type Grid = readonly (readonly unknown[])[];

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const isBlank = (v: unknown): boolean => text(v) === '';
/** Numbers as the sheet gives them back (Sheets may hand "0.85" as text after a round trip). */
const num = (v: unknown): unknown => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

/** A scale as typed: "lineal" and "log" are read in any language as the keywords the model knows. */
const scaleWord = (v: string): string => (isKeyword(v, 'linear') ? 'linear' : isKeyword(v, 'log') ? 'log' : v.toLowerCase());

/** The model sheet could not be read: each problem names its row; `said(t)` says it in the reader's language. */
export class ModelSheetError extends Error {
  constructor(readonly problems: string[], private readonly phrases: Phrase[] = problems.map((p) => literal(p))) {
    super(english('model.error.read', { problems: phrases.map((p) => p(english)).join(' ') }));
    this.name = 'ModelSheetError';
  }

  /** The message in the reader's language. */
  said(t: Translate): string {
    return t('model.error.read', { problems: this.problemsIn(t).join(' ') });
  }

  /** Each problem in the reader's language (the command line puts them in a sentence of its own). */
  problemsIn(t: Translate): string[] {
    return this.phrases.map((p) => p(t));
  }
}

/**
 * Reads the model sheet's values (its used range from A1) back into the model, the source mapping,
 * the reward plan and the owned-sheet list. Every value is checked as a model file is; a problem is
 * reported with the label of its row.
 */
export function readModelSheet(values: Grid): ModelSheet {
  // Labels are looked for in every language (and in older English wordings): the folded forms of a label's key.
  const keyOf = (label: string): LabelKey => (Object.keys(LABELS) as LabelKey[]).find((k) => LABELS[k] === label)!;
  const labelsOf = (label: string): string[] => labelForms(keyOf(label));
  const folded = values.map((r) => foldText(text(r[0])));
  const rowOf = (label: string): number => {
    const wanted = labelsOf(label);
    return folded.findIndex((f) => wanted.includes(f));
  };
  /** The rows under a table's header row, up to the first blank label (or `until`). */
  const tableRows = (header: string, until?: string): unknown[][] => {
    const at = rowOf(header);
    const out: unknown[][] = [];
    if (at < 0) return out;
    const stop = until ? labelsOf(until) : [];
    for (let r = at + 1; r < values.length && !isBlank(values[r][0]) && !stop.includes(folded[r]!); r++) out.push([...values[r]]);
    return out;
  };
  const problems: Phrase[] = [];
  // A missing row is named in the reader's language.
  const need = (label: string): number => {
    const r = rowOf(label);
    if (r < 0) problems.push((t) => t('model.error.missingRow', { label: t(LABEL_IDS[keyOf(label)]) }));
    return r;
  };
  const cell = (label: string, column = 1): unknown => {
    const r = rowOf(label);
    return r < 0 ? undefined : num(values[r][column]);
  };
  const rowValues = (r: number, width: number): unknown[] => Array.from({ length: width }, (_, j) => num(values[r]?.[j + 1]));

  const factorRow = need(LABELS.factor);
  const names: string[] = [];
  if (factorRow >= 0) for (let j = 1; j < values[factorRow].length && !isBlank(values[factorRow][j]); j++) names.push(text(values[factorRow][j]));
  const k = names.length;
  const [sourceRow, weightRow, worstRow, bestRow] = [need(LABELS.source), need(LABELS.weight), need(LABELS.worst), need(LABELS.best)];
  const scaleRow = rowOf(LABELS.scale);
  const factors = names.map((n, j) => ({
    name: n,
    source: sourceRow >= 0 ? text(values[sourceRow][j + 1]) : '',
    weight: weightRow >= 0 ? rowValues(weightRow, k)[j] : undefined,
    worst: worstRow >= 0 ? rowValues(worstRow, k)[j] : undefined,
    best: bestRow >= 0 ? rowValues(bestRow, k)[j] : undefined,
    // A sheet from before log scales has no such row: linear.
    scale: scaleRow >= 0 ? scaleWord(text(values[scaleRow][j + 1])) : undefined,
  }));

  need(LABELS.stage);
  const byStage: Record<string, unknown> = {};
  const costByStage: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.stage, LABELS.otherCost)) {
    byStage[stageFrom(text(r[0]))] = num(r[1]);
    costByStage[stageFrom(text(r[0]))] = num(r[2]);
  }
  const stageNames: Record<string, unknown> = {};
  const noStage = wordsOf('model.notAStage');
  for (const r of tableRows(LABELS.stageName)) stageNames[text(r[0])] = noStage.includes(foldText(text(r[1]))) ? '' : stageFrom(text(r[1]));
  const accountDays: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.accountDays)) accountDays[text(r[0])] = num(r[1]);
  const signals: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.behaviourSignal)) signals[text(r[0])] = num(r[1]);
  // TRUE or FALSE typed as text, in English or Spanish (a file saved by a Spanish spreadsheet keeps booleans as booleans).
  const bool = (v: unknown): unknown => (typeof v === 'string' && /^(true|false|verdadero|falso)$/i.test(v.trim()) ? /^(true|verdadero)$/i.test(v.trim()) : v);
  const strengthFrom = text(cell(LABELS.strengthFrom));
  const criteria: Record<string, unknown>[] = [];
  const criterionHeader = rowOf(LABELS.criterion);
  if (criterionHeader >= 0) {
    for (let r = criterionHeader + 1; r < values.length && !isBlank(values[r][0]); r++) {
      criteria.push({ name: text(values[r][0]), yours: text(values[r][1]), rival: text(values[r][2]), weight: num(values[r][3]) });
    }
  }
  const strength =
    strengthFrom === 'column'
      ? { kind: 'column', source: text(cell(LABELS.strengthColumn)) }
      : strengthFrom === 'ratings'
        ? { kind: 'ratings', criteria }
        : strengthFrom === 'behaviour'
          ? { kind: 'behaviour', signals }
          : { kind: 'stage', byStage, unknown: cell(LABELS.unknownStrength) };
  const cut = (v: unknown): unknown => (typeof v === 'string' && isKeyword(v.trim(), 'median') ? 'median' : v);
  const years = cell(LABELS.years);

  const flagHeader = rowOf(LABELS.flagOption);
  const flag: Record<string, unknown> = {};
  if (flagHeader >= 0) for (let r = flagHeader + 1; r < values.length && !isBlank(values[r][0]); r++) flag[text(values[r][0]).toLowerCase()] = num(values[r][1]);

  const overrides = {
    factors,
    strength,
    stageNames,
    cuts: { attractiveness: cut(cell(LABELS.attractivenessCut)), strength: cut(cell(LABELS.strengthCut)) },
    capacity: {
      days: cell(LABELS.capacity),
      costByStage,
      // A sheet from before costs could be the same for all used the stage table.
      costFrom: text(cell(LABELS.costFrom)) || 'stage',
      otherwise: cell(LABELS.otherCost),
      accountDays,
      value: text(cell(LABELS.selectBy)) || 'attractiveness',
      lossMakingStars: rowOf(LABELS.lossMakingStars) < 0 ? false : bool(cell(LABELS.lossMakingStars)),
    },
    lifetimeValue: { retention: cell(LABELS.retention), discountRate: cell(LABELS.discountRate), years: isBlank(years) ? null : years },
    flags: { bigNameTopShare: flag.top, oldFriendYears: flag.tenure, attractivenessCut: flag.cut },
    limits: { keyAccounts: cell(LABELS.keyAccountLimit), perManager: cell(LABELS.perManagerLimit) },
    // A sheet from before the review settings has neither row: the defaults.
    review: {
      ...(rowOf(LABELS.fragilePoints) >= 0 ? { fragilePoints: cell(LABELS.fragilePoints) } : {}),
      ...(rowOf(LABELS.segmentShare) >= 0 ? { segmentShare: cell(LABELS.segmentShare) } : {}),
    },
  };

  const planHeader = values.findIndex((r) => isPlanHeader(r));
  let rewardPlan: (string | number)[][] = defaultRewardPlan();
  if (planHeader >= 0) {
    rewardPlan = [];
    for (let r = planHeader; r < values.length && !isBlank(values[r][0]); r++) {
      rewardPlan.push(Array.from({ length: PLAN_COLUMNS.length }, (_, j) => {
        const v = num(values[r][j]);
        return typeof v === 'number' ? v : text(v);
      }));
    }
  }

  // "Column for revenue", "Columna para revenue": the role after the prefix of any language is the role's fixed name.
  const rolePrefixes = LANGUAGES.map((language) => CATALOGS[language]['model.label.roleColumn'] ?? LABELS.roleColumn);
  const columns: RoleMapping = {};
  for (const r of values) {
    const label = text(r[0]);
    const prefix = rolePrefixes.find((p) => label.toLowerCase().startsWith(p.toLowerCase()));
    if (prefix && !isBlank(r[1])) columns[label.slice(prefix.length).trim() as ColumnRole] = text(r[1]);
  }
  const kind = text(cell(LABELS.tableKind));
  const headerRow = cell(LABELS.headerRow);
  const mapping: SourceMapping = {
    sheet: text(cell(LABELS.sourceSheet)),
    range: text(cell(LABELS.sourceRange)),
    headerRow: typeof headerRow === 'number' ? headerRow : 0,
    kind: kind === 'transactions' ? 'transactions' : 'customers',
    columns,
    unused: text(cell(LABELS.unusedRoles)).split(',').map((s) => s.trim()).filter(Boolean) as ColumnRole[],
  };
  const separator = text(cell(LABELS.decimalSeparator));
  if (separator === ',' || separator === '.') mapping.decimalSeparator = separator;
  const file = text(cell(LABELS.sourceFile));
  if (file) mapping.file = file;
  if (!mapping.sheet) problems.push((t) => t('model.error.blank', { label: t(LABEL_IDS.sourceSheet) }));
  if (problems.length) throw new ModelSheetError(problems.map((p) => p(english)), problems);

  let model: KamModel;
  try {
    model = mergeModel(defaultModel({ fields: {}, columns: {}, hasStage: false, managers: 0 }), overrides, 'KAM Model');
  } catch (error) {
    throw new ModelSheetError([error instanceof Error ? error.message.replace(/\n/g, ' ') : String(error)]);
  }
  const owned = text(cell(LABELS.owned)).split(',').map((s) => s.trim()).filter(Boolean);
  return { model, mapping, rewardPlan, owned };
}
