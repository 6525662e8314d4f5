// The "KAM Model" sheet: every setting as labelled cells with named ranges, written by the wizard and
// read back when the wizard reopens, so everyone sharing the workbook sees the same settings.
import { DEFAULT_STAGE_STRENGTH, KamModel, STAGES } from './model';
import { defaultModel, SCALE_RULE } from './defaults';
import { BEHAVIOUR_SIGNALS } from './behaviour';
import { mergeModel } from './merge';
import { defaultRewardPlan, PLAN_COLUMNS } from '../functions/reward';
import { a1Range, MARKER_TEXT, PlanBlock, PlanCell, PlanName, SHEET_NAMES } from '../workbook/plan';
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

/** Row labels in column A: the reader finds settings by these, so rows may be moved or inserted. */
export const LABELS = {
  factor: 'Factor',
  source: 'Data column',
  weight: 'Weight (points)',
  worst: 'Worst (scores 0)',
  best: 'Best (scores 10)',
  scale: 'Scale (linear or log)',
  strengthFrom: 'Strength from',
  strengthColumn: 'Strength column',
  criterion: 'Buying criterion',
  unknownStrength: 'Strength when the stage is blank or unknown',
  stage: 'Stage',
  otherCost: 'Days a year per key account (every account when the same for all; else one with no stage or effort)',
  behaviourSignal: 'Behaviour signal (strength proxy)',
  stageName: 'Stage in your data',
  costFrom: 'Days per key account from (equal, stage or effort) *',
  accountDays: 'Account with its own days',
  lossMakingStars: 'A Star may be key while it loses money (TRUE or FALSE)',
  defaultScales: 'How the default scales were set',
  attractivenessCut: 'Attractiveness cut (number or "median")',
  strengthCut: 'Strength cut (number or "median")',
  capacity: 'Team days a year for key accounts',
  selectBy: 'Choose key accounts by (attractiveness, profit, lifetimeValue or column:<header>) *',
  retention: 'Retention (chance an account stays a year)',
  discountRate: 'Discount rate a year',
  years: 'Years of lifetime value (blank = no end) *',
  flagOption: 'Flag option',
  keyAccountLimit: 'Warn above this many key accounts',
  perManagerLimit: 'Warn above this many key accounts per manager',
  fragilePoints: 'A placement is fragile when moving at most this many weight points (of 100) onto or away from one factor changes it',
  segmentShare: 'Warn when a segment with at least this share of revenue or of attractive accounts has no key account',
  sourceSheet: 'Source sheet',
  sourceRange: 'Source range',
  headerRow: 'Header row',
  tableKind: 'Table kind (customers or transactions)',
  decimalSeparator: 'Decimal separator in numbers typed as text',
  sourceFile: 'Read by the command line from',
  roleColumn: 'Column for ',
  unusedRoles: 'Roles not used',
  owned: 'Sheets built by the wizard',
} as const;

/**
 * How the stage-names table writes a value that names no stage: a visible word rather than a blank cell, whose
 * lookup every engine reads alike (a blank looked up is 0 in some, "" in others).
 */
export const NOT_A_STAGE = '(not a stage)';

/** Labels earlier versions wrote, still read back so an older workbook reopens with its settings. */
const OLD_LABELS: Partial<Record<keyof typeof LABELS, string[]>> = {
  otherCost: ['Days a year for any other stage'],
  selectBy: ['Choose key accounts by (attractiveness or lifetimeValue) *'],
};

const SECTION = (title: string): PlanCell[] => [title];

/** The model sheet's content and the named ranges that point into it. */
export function modelSheetBlocks(
  model: KamModel,
  mapping: SourceMapping,
  rewardPlan: (string | number)[][],
  owned: readonly string[],
  options: { note?: string; factorUnits?: readonly Unit[] } = {},
): { blocks: PlanBlock[]; names: PlanName[] } {
  const note = options.note ?? 'Change the values in column B onwards and the portfolio recalculates. Settings marked * take effect when you build again from the wizard.';
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
  put([['KAM Model']], { bold: true });
  put([[MARKER_TEXT]]);
  put([[note]]);
  row++;

  put([SECTION('Attractiveness factors')], { bold: true });
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
  put([[LABELS.defaultScales, SCALE_RULE]]);
  row++;

  put([SECTION('Relative strength')], { bold: true });
  const strength = model.strength;
  put([[LABELS.strengthFrom, strength.kind]]);
  put([[LABELS.strengthColumn, strength.kind === 'column' ? strength.source : '']]);
  if (strength.kind === 'ratings') {
    // KAM_STRENGTH's criteria: where each rating comes from, and the customer's weight (a named column).
    put([[LABELS.criterion, 'Your rating from', "Best rival's rating from", 'Weight']], { bold: true });
    const first = put(strength.criteria.map((c) => [c.name, c.yours, c.rival, c.weight]));
    name(NAMES.strengthWeights, first, 4, strength.criteria.length, 1);
    row++;
  }
  if (strength.kind === 'behaviour') {
    // A proxy, and said so: the user sees what it is made of and can weigh each signal.
    put([['Relative strength here is a PROXY from buying behaviour, for data with no rating and no stage: each account\'s place among the accounts on each signal, weighted, on 0.5 to 1.5 (1 = the middle relationship, not parity with a rival). Rate yourself against the best rival for a real measure.']]);
    put([[LABELS.behaviourSignal, 'Weight', 'What it measures']], { bold: true });
    put(BEHAVIOUR_SIGNALS.map((x) => [x.signal, strength.signals[x.signal], x.label]));
    row++;
  }
  const unknownRow = put([[LABELS.unknownStrength, strength.kind === 'stage' ? strength.unknown : 1]]);
  name(NAMES.unknownStrength, unknownRow, 2, 1, 1);
  put([[LABELS.stage, 'Strength', 'Days a year per key account']], { bold: true });
  const byStage = strength.kind === 'stage' ? strength.byStage : {};
  const stages = [...new Set([...STAGES, ...Object.keys(byStage), ...Object.keys(model.capacity.costByStage)])];
  // With strength from another source the stage table still shows the method's stage strengths, ready for a
  // switch back to the stage proxy; they are not used meanwhile.
  const stageStrength = (s: string): number => (strength.kind === 'stage' ? byStage[s] ?? strength.unknown : DEFAULT_STAGE_STRENGTH[s] ?? 1);
  const stageRow = put(stages.map((s) => [s, stageStrength(s), model.capacity.costByStage[s] ?? model.capacity.otherwise]));
  name(NAMES.stageTable, stageRow, 1, stages.length, 3);
  const otherRow = put([[LABELS.otherCost, model.capacity.otherwise]]);
  name(NAMES.otherCost, otherRow, 2, 1, 1);
  row++;
  const stageNames = Object.entries(model.stageNames);
  if (stageNames.length) {
    // The portfolio looks each account's stage up here first (KAM_StageNames); blank = names no stage.
    put([[LABELS.stageName, `Read as stage (${NOT_A_STAGE} or blank: names no stage)`]], { bold: true });
    const first = put(stageNames.map(([value, stage]) => [value, stage || NOT_A_STAGE]));
    name(NAMES.stageNames, first, 1, stageNames.length, 2);
    row++;
  }

  put([SECTION('Portfolio matrix and capacity')], { bold: true });
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
    put([[LABELS.accountDays, 'Days a year']], { bold: true });
    const first = put(accountDays.map(([account, days]) => [account, days]));
    name(NAMES.accountDays, first, 1, accountDays.length, 2);
  }
  row++;

  put([SECTION('Lifetime value')], { bold: true });
  const lvRow = put([
    [LABELS.retention, model.lifetimeValue.retention],
    [LABELS.discountRate, model.lifetimeValue.discountRate],
    [LABELS.years, model.lifetimeValue.years],
  ]);
  name(NAMES.retention, lvRow, 2, 1, 1);
  name(NAMES.discountRate, lvRow + 1, 2, 1, 1);
  name(NAMES.years, lvRow + 2, 2, 1, 1);
  row++;

  put([SECTION('Portfolio warnings (KAM_FLAGS options)')], { bold: true });
  put([[LABELS.flagOption, 'Value']], { bold: true });
  const flagRow = put([
    ['top', model.flags.bigNameTopShare],
    ['tenure', model.flags.oldFriendYears],
    ['cut', model.flags.attractivenessCut],
  ]);
  name(NAMES.flagOptions, flagRow, 1, 3, 2);
  row++;

  // Beyond the matrix: how firm a placement must be, and the segments that should hold key accounts.
  put([SECTION('Portfolio review')], { bold: true });
  const fragileRow = put([[LABELS.fragilePoints, model.review.fragilePoints]]);
  name(NAMES.fragilePoints, fragileRow, 2, 1, 1);
  put([[LABELS.segmentShare, model.review.segmentShare]]);
  row++;

  put([SECTION('Reward plan (KAM_REWARD)')], { bold: true });
  const planRow = put(rewardPlan.map((r) => [...r]), {});
  blocks[blocks.length - 1].bold = false;
  name(NAMES.rewardPlan, planRow, 1, rewardPlan.length, PLAN_COLUMNS.length);
  row++;

  put([SECTION('Customer data')], { bold: true });
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
  return { blocks: withModelFormats(blocks, [...factorUnits]), names };
}

/**
 * The model sheet's settings with number formats, found by their row labels (the layout above stays the
 * one place rows are placed): scales in each factor's unit, strengths and cuts to two decimals, days grouped, rates as
 * percentages. A block whose rows need different formats is written row by row.
 */
function withModelFormats(blocks: PlanBlock[], factorUnits: Unit[]): PlanBlock[] {
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

export class ModelSheetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The KAM Model sheet could not be read: ${problems.join(' ')}`);
    this.name = 'ModelSheetError';
  }
}

/**
 * Reads the model sheet's values (its used range from A1) back into the model, the source mapping,
 * the reward plan and the owned-sheet list. Every value is checked as a model file is; a problem is
 * reported with the label of its row.
 */
export function readModelSheet(values: Grid): ModelSheet {
  const labelsOf = (label: string): string[] => {
    const key = (Object.keys(LABELS) as (keyof typeof LABELS)[]).find((k) => LABELS[k] === label);
    return [label, ...((key && OLD_LABELS[key]) ?? [])].map((l) => l.toLowerCase());
  };
  const rowOf = (label: string): number => {
    const wanted = labelsOf(label);
    return values.findIndex((r) => wanted.includes(text(r[0]).toLowerCase()));
  };
  /** The rows under a table's header row, up to the first blank label (or `until`). */
  const tableRows = (header: string, until?: string): unknown[][] => {
    const at = rowOf(header);
    const out: unknown[][] = [];
    if (at < 0) return out;
    const stop = until ? labelsOf(until) : [];
    for (let r = at + 1; r < values.length && !isBlank(values[r][0]) && !stop.includes(text(values[r][0]).toLowerCase()); r++) out.push([...values[r]]);
    return out;
  };
  const problems: string[] = [];
  const need = (label: string): number => {
    const r = rowOf(label);
    if (r < 0) problems.push(`the row "${label}" is missing.`);
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
    scale: scaleRow >= 0 ? text(values[scaleRow][j + 1]).toLowerCase() : undefined,
  }));

  need(LABELS.stage);
  const byStage: Record<string, unknown> = {};
  const costByStage: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.stage, LABELS.otherCost)) {
    byStage[text(r[0])] = num(r[1]);
    costByStage[text(r[0])] = num(r[2]);
  }
  const stageNames: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.stageName)) stageNames[text(r[0])] = text(r[1]).toLowerCase() === NOT_A_STAGE ? '' : text(r[1]);
  const accountDays: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.accountDays)) accountDays[text(r[0])] = num(r[1]);
  const signals: Record<string, unknown> = {};
  for (const r of tableRows(LABELS.behaviourSignal)) signals[text(r[0])] = num(r[1]);
  const bool = (v: unknown): unknown => (typeof v === 'string' && /^(true|false)$/i.test(v.trim()) ? v.trim().toLowerCase() === 'true' : v);
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
  const cut = (v: unknown): unknown => (text(v).toLowerCase() === 'median' ? 'median' : v);
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

  const planHeader = values.findIndex((r) => text(r[0]).toLowerCase() === PLAN_COLUMNS[0] && text(r[1]).toLowerCase() === PLAN_COLUMNS[1]);
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

  const columns: RoleMapping = {};
  for (const r of values) {
    const label = text(r[0]);
    if (label.startsWith(LABELS.roleColumn) && !isBlank(r[1])) columns[label.slice(LABELS.roleColumn.length) as ColumnRole] = text(r[1]);
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
  if (!mapping.sheet) problems.push(`"${LABELS.sourceSheet}" is blank.`);
  if (problems.length) throw new ModelSheetError(problems);

  let model: KamModel;
  try {
    model = mergeModel(defaultModel({ fields: {}, columns: {}, hasStage: false, managers: 0 }), overrides, 'KAM Model');
  } catch (error) {
    throw new ModelSheetError([error instanceof Error ? error.message.replace(/\n/g, ' ') : String(error)]);
  }
  const owned = text(cell(LABELS.owned)).split(',').map((s) => s.trim()).filter(Boolean);
  return { model, mapping, rewardPlan, owned };
}
