// The build plan: from the model, the customer data and its mapping, what the wizard writes into the
// workbook — the model sheet, a portfolio of live catalogue formulas, key accounts, rewards, a chart.
import type { AccountRecord, ColumnInfo, IngestResult } from '../ingest';
import type { FactorSource, KamModel } from '../model/model';
import { accountProfit, factorValue, missingFactorValue, sourceColumn } from '../model/account-values';
import { objectiveLabel, resolveStages, whyNot, type Portfolio } from '../portfolio/portfolio';
import { DEFAULT_METRICS, METRIC_IDS } from '../functions/reward';
import { formatNumber } from '../format/display';
import { foldText } from '../ingest/fold-text';
import { FormulaHost, FunctionId, hostSpelling } from '../functions/function-ids';
import { modelSheetBlocks, NAMES, planInLanguage, SourceMapping } from '../model/model-sheet';
import { columnLooks, unitOfSource, type Unit } from '../format/units';
import { numberFormatFor, NUMBER_FORMATS } from '../format/number-formats';
import {
  a1, a1Range, chartColumns as chartHeaders, ChartSpec, COMMAND_LINE_SHEETS, letters, markerText, PlanBlock, PlanCell, PlanSheet, quoteSheet, SHEET_NAMES, SourceRegion, WorkbookPlan,
} from './plan';
import { DEFAULT_LANGUAGE, english, translator, wordFrom, type Language, type Translate } from '../i18n';
import { containsAnyLanguage, equalsAnyLanguage, findHeader, templateParam } from './sheet-words';
import { profitPlanSheet } from './profit-plan';
import { HISTORY_SHEET, historyPlanSheet, type History } from './placement-sheets';

export interface BuildInput {
  host: FormulaHost;
  model: KamModel;
  mapping: SourceMapping;
  /** The customer data as read (raw values and where they sit). */
  source: SourceRegion;
  /** What ingest made of it (the same reader as the command line). */
  ingest: IngestResult;
  /** The accounts after the wizard's choices (ingest's, minus roles the user set aside). */
  accounts: AccountRecord[];
  /** The portfolio computed from the same accounts and model (for the rewards list and the chart cuts). */
  portfolio: Portfolio;
  /** The reward plan table (header row first); the default plan when omitted. */
  rewardPlan: (string | number)[][];
  /** The existing "KAM Rewards" sheet's values, so targets and actuals typed there are kept by account. */
  previousRewards?: SourceRegion | null;
  /** The language of the sentences written on the sheets (notes, the profit sheet's headline); English by default. */
  language?: Language;
  /** The KAM History sheet as it stands, and this build's date and time: the build adds a snapshot to it. */
  history?: { state: History; builtOn: string } | null;
}

/** The headers of the placement-stability columns of KAM Portfolio (KAM_STABILITY spills the first two), in the reader's language. */
export const stabilityHeaders = (t: Translate = english): string[] => [t('sheet.column.shiftPoints'), t('sheet.column.shiftFactor'), t('sheet.column.fragile')];
/** The same in English. */
export const STABILITY_HEADERS = stabilityHeaders();

/** Where things sit on the portfolio sheet. Data starts at row FIRST_ROW. */
export const PORTFOLIO_LAYOUT = { headerRow: 5, firstRow: 6 } as const;

const fn = (id: FunctionId, host: FormulaHost, args: string[]): string => `${hostSpelling(id, host)}(${args.join(', ')})`;
const formula = (text: string): PlanCell => ({ formula: `=${text}` });
/** A text argument inside a formula. */
const str = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A raw cell the portfolio may reference directly: a real number equal to what ingest read. */
function referable(raw: unknown, value: number | undefined | null): boolean {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || value === undefined || value === null) return false;
  return Math.abs(raw - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

interface InputColumn {
  header: string;
  /** The account's value, when it has one. */
  value: (a: AccountRecord) => number | string | undefined | null;
  /** The source column holding it (for live references), when there is one. */
  column?: ColumnInfo;
  text?: boolean;
  /** For a factor: the value written when the account has none (the scale's midpoint, as the portfolio scores it). */
  missing?: number;
  /** What its numbers are (money, %, …), for the column's number format. */
  unit?: Unit;
}


export function buildPlan(input: BuildInput): WorkbookPlan {
  const { host, model, mapping, source, ingest, accounts, portfolio } = input;
  const n = accounts.length;
  if (n === 0) throw new Error('buildPlan needs at least one account');
  // Every word on the sheets in the chosen language; sheet names, named ranges and the owner token stay fixed
  // (docs/wizard.md, "Languages").
  const t = translator(input.language ?? DEFAULT_LANGUAGE);
  const marker = markerText(t);
  const roleColumn = (role: string): ColumnInfo | undefined => ingest.columns.find((c) => c.role === role);
  const factorColumn = (header: string): ColumnInfo | undefined => ingest.columns.find((c) => c.header === header);
  const rolledUp = ingest.kind === 'transactions';
  const live = !rolledUp;

  const sourceCell = (a: AccountRecord, column: ColumnInfo | undefined): { ref: string; raw: unknown } | null => {
    if (!live || !column || a.sourceRows.length !== 1) return null;
    const sheetRow = a.sourceRows[0];
    const raw = source.values[sheetRow - source.row]?.[column.index];
    return { ref: `${quoteSheet(source.sheet)}!${a1(sheetRow, source.column + column.index)}`, raw };
  };

  const columnFor = (source: FactorSource): ColumnInfo | undefined => {
    const header = sourceColumn(source);
    return header === null ? roleColumn(source) : factorColumn(header);
  };
  const looks = columnLooks(source, ingest);
  const unitOf = (s: FactorSource): Unit => unitOfSource(s, looks.unit);

  // Inputs: account details, then the factor columns KAM_SCORE reads (contiguous), then strength input.
  const inputs: InputColumn[] = [
    { header: t('sheet.column.account'), value: (a) => a.account, column: roleColumn('account'), text: true },
    { header: t('sheet.column.segment'), value: (a) => a.segment ?? '', column: roleColumn('segment'), text: true },
    { header: t('sheet.column.manager'), value: (a) => a.manager ?? '', column: roleColumn('manager'), text: true },
    { header: t('sheet.column.stage'), value: (a) => a.stage ?? '', column: roleColumn('stage'), text: true },
    { header: t('sheet.column.revenue'), value: (a) => a.revenue, column: roleColumn('revenue'), unit: 'money' },
    // Profit from its column, else derived after cost to serve (as the portfolio computes it).
    { header: t('sheet.column.profit'), value: accountProfit, column: roleColumn('profit'), unit: 'money' },
    { header: t('sheet.column.tenure'), value: (a) => a.tenure, column: roleColumn('tenure'), unit: 'years' },
  ];
  const factorStart = inputs.length + 1;
  for (const f of model.factors) {
    inputs.push({ header: f.name, value: (a) => factorValue(a, f.source), column: columnFor(f.source), missing: missingFactorValue(f), unit: unitOf(f.source) });
  }
  const strengthFromColumn = model.strength.kind === 'column' ? model.strength.source : null;
  if (strengthFromColumn) {
    inputs.push({ header: t('sheet.column.strengthFromData'), value: (a) => factorValue(a, strengthFromColumn), column: columnFor(strengthFromColumn), unit: 'ratio' });
  }
  // Inputs of the selection: the effort column when costs come from it, a column the selection maximises.
  const effortAt = model.capacity.costFrom === 'effort' ? inputs.push({ header: t('sheet.column.daysFromData'), value: (a) => a.effort, column: roleColumn('effort'), unit: 'days' }) : 0;
  const objective = model.capacity.value;
  const objectiveAt = objective.startsWith('column:')
    ? inputs.push({ header: t('sheet.column.selectionValue', { objective: objectiveLabel(model, t) }), value: (a) => factorValue(a, objective as FactorSource), column: columnFor(objective as FactorSource), unit: unitOf(objective as FactorSource) })
    : 0;
  // Ratings: your ratings, then the best rival's, each a contiguous block KAM_STRENGTH reads.
  const criteria = model.strength.kind === 'ratings' ? model.strength.criteria : [];
  const yoursStart = inputs.length + 1;
  for (const c of criteria) inputs.push({ header: t('sheet.column.ratingYou', { criterion: c.name }), value: (a) => factorValue(a, c.yours), column: columnFor(c.yours), unit: unitOf(c.yours) });
  const rivalStart = inputs.length + 1;
  for (const c of criteria) inputs.push({ header: t('sheet.column.ratingRival', { criterion: c.name }), value: (a) => factorValue(a, c.rival), column: columnFor(c.rival), unit: unitOf(c.rival) });

  const { firstRow, headerRow } = PORTFOLIO_LAYOUT;
  const col = (index1: number): string => a1Range(firstRow, index1, n, 1, true);
  const k = model.factors.length;
  const accountCol = col(1);
  const revenueCol = col(5);
  const profitCol = col(6);
  const tenureCol = col(7);
  const factorRange = a1Range(firstRow, factorStart, n, Math.max(k, 1), true);

  // Every stage value of the data is listed on the model sheet with what it was read as, so the sheet's
  // lookups (KAM_StageNames) give what the portfolio computed, and the user can change any of them there.
  const written: KamModel = { ...model, stageNames: dataStageNames(model, accounts) };
  const hasStageNames = Object.keys(written.stageNames).length > 0;

  let c = inputs.length + 1;
  const out = {
    stageAs: hasStageNames ? c++ : 0, attractiveness: c++, strength: c++, position: c++, cost: c++, lifetime: c++, flags: c++,
    eligible: c++, key: c++, whyNot: c++, tradeOff: c++, shiftPoints: c++, shiftFactor: c++, fragile: c++,
  };
  const chartColumn = c + 1;
  /** The stage the lookups use: as read through the stage names, or the data's value when there are none. */
  const stageOf = (r: number): string => a1(r, hasStageNames ? out.stageAs : 4);
  const valueColumn = objective === 'attractiveness' ? out.attractiveness : objective === 'lifetimeValue' ? out.lifetime : objective === 'profit' ? 6 : objectiveAt;
  const behaviour = model.strength.kind === 'behaviour';
  // The cut KAM_STABILITY measures against: the model's number, or the median of the accounts' attractiveness (the
  // portfolio's cut as it stands; the function itself refuses "median", which moves with the weights).
  const stabilityCut = `IF(ISNUMBER(${NAMES.attractivenessCut}), ${NAMES.attractivenessCut}, MEDIAN(${col(out.attractiveness)}))`;
  const factorNames = a1Range(headerRow, factorStart, 1, Math.max(k, 1), true);

  let referenced = 0;
  let cleaned = 0;
  let midpoints = 0;
  const dataRows: PlanCell[][] = accounts.map((a, i) => {
    const r = firstRow + i;
    const row: PlanCell[] = inputs.map((input) => {
      const value = input.value(a);
      const cell = sourceCell(a, input.column);
      if (input.text) {
        // Names and labels are written as values: text stays text, whatever it starts with.
        return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
      }
      if (value === undefined || value === null || typeof value !== 'number') {
        if (input.missing === undefined) return null;
        midpoints++;
        return input.missing;
      }
      if (cell && referable(cell.raw, value)) {
        referenced++;
        return formula(cell.ref);
      }
      if (live && input.column) cleaned++;
      return value;
    });
    if (hasStageNames) row.push(formula(`IFERROR(VLOOKUP(${a1(r, 4)}, ${NAMES.stageNames}, 2, FALSE)&"", ${a1(r, 4)})`));
    // Strength per account: from its column, KAM_STRENGTH over the ratings (one spilling call), the stage
    // looked up in the model's stage table, or the behavioural proxy (computed when building: a value).
    row.push(
      i === 0 ? formula(fn('SCORE', host, [factorRange, NAMES.weights, NAMES.scales])) : null,
      strengthFromColumn
        ? formula(`${a1(r, yoursStart - 1)}`)
        : criteria.length
          ? i === 0
            ? formula(fn('STRENGTH', host, [a1Range(firstRow, yoursStart, n, criteria.length, true), a1Range(firstRow, rivalStart, n, criteria.length, true), NAMES.strengthWeights]))
            : null
          : behaviour
            ? portfolio.rows[i]!.strength
            : formula(`IFERROR(VLOOKUP(${stageOf(r)}, ${NAMES.stageTable}, 2, FALSE), ${NAMES.unknownStrength})`),
      i === 0 ? formula(fn('POSITION', host, [col(out.attractiveness), col(out.strength), NAMES.attractivenessCut, NAMES.strengthCut])) : null,
      formula(costFormula(model, r, stageOf(r), effortAt)),
      i === 0
        ? formula(fn('CLV', host, [profitCol, NAMES.retention, NAMES.discountRate, ...(model.lifetimeValue.years === null ? [] : [NAMES.years])]))
        : null,
      i === 0 ? formula(fn('FLAGS', host, [revenueCol, col(out.attractiveness), profitCol, tenureCol, NAMES.flagOptions])) : null,
      formula(eligibleFormula(a1(r, out.position), a1(r, out.flags), a1(r, valueColumn))),
      i === 0 ? formula(fn('SELECT', host, [accountCol, col(out.eligible), NAMES.capacity, col(out.cost), str('flags')])) : null,
      formula(whyNotFormula(model, t, a1(r, out.key), a1(r, out.position), a1(r, out.flags), a1(r, valueColumn), a1(r, out.tradeOff))),
      i === 0 ? formula(fn('SELECT', host, [accountCol, col(out.eligible), NAMES.capacity, col(out.cost), str('reasons')])) : null,
      k && i === 0 ? formula(fn('STABILITY', host, [factorRange, NAMES.weights, NAMES.scales, stabilityCut, factorNames])) : null,
      null,
      formula(fragileFormula(a1(r, out.shiftPoints), a1(r, out.attractiveness), stabilityCut)),
    );
    return row;
  });
  const headers: PlanCell[] = [
    ...inputs.map((i) => i.header),
    ...(hasStageNames ? [t('sheet.column.stageReadAs')] : []),
    t('sheet.column.attractiveness'), t(behaviour ? 'sheet.column.strengthProxy' : 'sheet.column.strength'), t('sheet.column.position'), t('sheet.column.daysAsKey'),
    t('sheet.column.lifetime'), t('sheet.column.flags'), t('sheet.column.eligible', { objective: objectiveLabel(model, t, true) }), t('sheet.column.key'),
    t('sheet.column.whyNot'), t('sheet.column.tradeOff'),
    ...stabilityHeaders(t),
  ];
  // Number formats: an input linked to the source keeps the source's look when it shows the same unit.
  const typical = (input: InputColumn): number | undefined => {
    const values = accounts.map(input.value).filter((v): v is number => typeof v === 'number').sort((x, y) => x - y);
    return values.length ? values[values.length >> 1] : undefined;
  };
  const dataFormats: (string | null)[] = [
    ...inputs.map((input) => (input.text || !input.unit ? null : numberFormatFor(input.unit, { source: input.column ? looks.format(input.column.header || input.column.letter) : null, typical: typical(input) }))),
    ...(hasStageNames ? [null] : []),
    NUMBER_FORMATS.score, NUMBER_FORMATS.ratio, null, NUMBER_FORMATS.days, NUMBER_FORMATS.money, null,
    // The eligible value is in the objective's unit; key account, why not key and the trade-off are not numbers.
    objective === 'attractiveness' ? NUMBER_FORMATS.score : objective.startsWith('column:') ? NUMBER_FORMATS[unitOf(objective as FactorSource)] : NUMBER_FORMATS.money, null, null, null,
    POINTS_FORMAT, null, null,
  ];

  const note = [
    rolledUp
      ? t('sheet.portfolio.rolledUp', { sheet: source.sheet, range: source.range })
      : cleaned > 0
        ? t('sheet.portfolio.cleaned', { sheet: source.sheet, links: referenced, count: cleaned })
        : t('sheet.portfolio.linked', { sheet: source.sheet }),
    midpoints ? t('sheet.portfolio.midpoint', { count: midpoints }) : '',
    behaviour ? t('sheet.portfolio.behaviourNote') : '',
    t('sheet.portfolio.selection', { stars: model.capacity.lossMakingStars ? 'yes' : 'no' }),
  ].filter(Boolean).join(' ');

  // The chart's data, next to the table, in the order a Sheets bubble chart reads it (CHART_COLUMNS):
  // name, strength (X), attractiveness (Y), position (the colour), revenue (the size).
  const chartRows: PlanCell[][] = [chartHeaders(t)];
  for (let i = 0; i < n; i++) {
    const r = firstRow + i;
    chartRows.push([
      formula(a1(r, 1)), formula(a1(r, out.strength)), formula(a1(r, out.attractiveness)), formula(a1(r, out.position)), formula(`N(${a1(r, 5)})`),
    ]);
  }
  const chartRange = a1Range(headerRow, chartColumn, n + 1, chartRows[0].length);
  // The chart's data is helper data: its columns are hidden (the chart is told to plot hidden cells).
  const chartColumns = { column: chartColumn, count: chartRows[0].length };

  const portfolioSheet: PlanSheet = {
    name: SHEET_NAMES.portfolio,
    freezeRows: headerRow,
    blocks: [
      { row: 1, column: 1, cells: [['KAM Portfolio']], bold: true },
      { row: 2, column: 1, cells: [[marker]] },
      { row: 3, column: 1, cells: [[note]], note: rolledUp ? t('sheet.portfolio.rolledUpNote') : undefined },
      { row: headerRow, column: 1, cells: [headers], bold: true },
      { row: firstRow, column: 1, cells: dataRows, formats: dataFormats },
      { row: headerRow, column: chartColumn, cells: chartRows.slice(0, 1), bold: true },
      { row: firstRow, column: chartColumn, cells: chartRows.slice(1) },
    ],
    hiddenColumns: [chartColumns],
  };

  const portfolioRef = (column: number): string => `${quoteSheet(SHEET_NAMES.portfolio)}!${col(column)}`;
  const byValue = model.capacity.value === 'lifetimeValue';
  const keySheet: PlanSheet = {
    name: SHEET_NAMES.keyAccounts,
    freezeRows: 5,
    // The KAM_SELECT table spills at most one row per account: value, days, cumulative days.
    numberFormats: [
      { row: 6, column: 2, rows: n, columns: 1, format: (byValue ? NUMBER_FORMATS.money : NUMBER_FORMATS.score)! },
      { row: 6, column: 3, rows: n, columns: 2, format: NUMBER_FORMATS.days! },
    ],
    blocks: [
      { row: 1, column: 1, cells: [[t('sheet.keyAccounts.title')]], bold: true },
      { row: 2, column: 1, cells: [[marker]] },
      { row: 3, column: 1, cells: [[t('sheet.keyAccounts.note')]] },
      { row: 5, column: 1, cells: [[t('sheet.column.account'), objectiveLabel(model, t), t('sheet.column.days'), t('sheet.column.cumulativeDays')]], bold: true },
      {
        row: 6,
        column: 1,
        cells: [[formula(fn('SELECT', host, [portfolioRef(1), portfolioRef(out.eligible), NAMES.capacity, portfolioRef(out.cost), str('table')]))]],
      },
    ],
  };

  // The reward plan in the build's language (its metrics name the rewards sheet's columns): a plan read from a sheet
  // built in another language is shown in this one; what was typed under its columns is matched by metric.
  const rewardPlan = planInLanguage(input.rewardPlan, t);
  const rewardsSheet = rewardsPlanSheet({ ...input, rewardPlan }, out.position, t);
  const profit = profitPlanSheet(n, 6, firstRow, t);
  const history = input.history ? historyPlanSheet(input.history.state, portfolio, input.history.builtOn, t) : null;
  const owned = [SHEET_NAMES.model, SHEET_NAMES.portfolio, SHEET_NAMES.keyAccounts, SHEET_NAMES.rewards, SHEET_NAMES.profit, ...(history ? [HISTORY_SHEET] : [])];
  const modelPart = modelSheetBlocks(written, mapping, rewardPlan, owned, {
    factorUnits: model.factors.map((f) => unitOf(f.source)),
    t,
  });
  const modelSheet: PlanSheet = { name: SHEET_NAMES.model, blocks: modelPart.blocks };

  const chart: ChartSpec = {
    sheet: SHEET_NAMES.portfolio,
    title: t('sheet.chart.title', { attractiveness: fmtCut(portfolio.cuts.attractiveness, t), strength: fmtCut(portfolio.cuts.strength, t) }),
    dataRange: chartRange,
    rows: n,
    xTitle: t(model.strength.kind === 'behaviour' ? 'sheet.chart.xTitleProxy' : 'sheet.chart.xTitle'),
    yTitle: t('sheet.chart.yTitle'),
    // Right after the hidden helper columns, so the chart sits beside the table.
    anchor: a1(headerRow, chartColumns.column + chartColumns.count),
    cuts: { attractiveness: model.cuts.attractiveness, strength: model.cuts.strength },
  };
  // A portfolio the command line wrote carries pictures and segments on sheets of their own; the live charts and the
  // wizard's review take their place.
  return {
    host,
    language: t.language,
    sheets: [modelSheet, portfolioSheet, keySheet, rewardsSheet, profit.sheet, ...(history ? [history] : [])],
    retire: [COMMAND_LINE_SHEETS.matrix, COMMAND_LINE_SHEETS.profitPicture, COMMAND_LINE_SHEETS.segments],
    names: modelPart.names,
    chart,
    curves: [profit.chart],
  };
}

/** Weight points to one decimal. */
const POINTS_FORMAT = '0.0';

/**
 * Whether a row's placement is fragile, as the portfolio decides it (isFragile): a high account whose shift is below
 * the fragile points, a low one whose shift is at most them; no shift (blank) is firm.
 */
function fragileFormula(points: string, attractiveness: string, cut: string): string {
  return `IFERROR(IF(ISNUMBER(${points}), IF(${attractiveness}>=${cut}, ${points}<${NAMES.fragilePoints}, ${points}<=${NAMES.fragilePoints}), FALSE), FALSE)`;
}

/** The model's stage names, plus every stage value of the data with the stage it resolves to. */
export function dataStageNames(model: KamModel, accounts: readonly AccountRecord[]): Record<string, string> {
  const names = { ...model.stageNames };
  const known = new Set(Object.keys(names).map((v) => v.trim().toLowerCase()));
  const resolved = resolveStages(accounts, model);
  accounts.forEach((a, i) => {
    const value = a.stage?.trim();
    if (!value || known.has(value.toLowerCase())) return;
    known.add(value.toLowerCase());
    names[value] = resolved[i]!.stage ?? '';
  });
  return names;
}

/** Days a year as a key account, as the portfolio computes them (accountCosts): the same formula per row. */
function costFormula(model: KamModel, r: number, stage: string, effortColumn: number): string {
  const cap = model.capacity;
  const base =
    cap.costFrom === 'stage' ? `IFERROR(VLOOKUP(${stage}, ${NAMES.stageTable}, 3, FALSE), ${NAMES.otherCost})`
    : cap.costFrom === 'effort' ? `IF(N(${a1(r, effortColumn)})>0, ${a1(r, effortColumn)}, ${NAMES.otherCost})`
    : NAMES.otherCost;
  return Object.keys(cap.accountDays).length ? `IFERROR(VLOOKUP(${a1(r, 1)}, ${NAMES.accountDays}, 2, FALSE), ${base})` : base;
}

/*
 * KAM_POSITION and KAM_FLAGS write their words in the reader's language (Excel's display language, the spreadsheet's
 * locale), so a workbook built in Spanish shows "Estratégica" to a Spanish reader and "Strategic" to an English one.
 * The formulas below compare with the words of every language, so they give the same answer whoever opens the file.
 */
const HIGH_SIDE = (position: string): string => equalsAnyLanguage(position, ['position.Strategic', 'position.Star']);
const IS_STAR = (position: string): string => equalsAnyLanguage(position, ['position.Star']);
const LOSES_MONEY = (flags: string): string => containsAnyLanguage(flags, 'flag.difficult');

/** Whether a loss-maker may be key: only a Star, and only when the model allows it (portfolio isEligible). */
const blockedLossMaker = (position: string, flags: string): string =>
  `AND(${LOSES_MONEY(flags)}, NOT(AND(${NAMES.lossMakingStars}, ${IS_STAR(position)})))`;

/**
 * The value KAM_SELECT may choose by: the account's value when it is on the high-attractiveness side, does not
 * lose money (unless a Star may) and is positive; otherwise blank, which KAM_SELECT never chooses.
 */
function eligibleFormula(position: string, flags: string, value: string): string {
  return `IFERROR(IF(${HIGH_SIDE(position)}, IF(${blockedLossMaker(position, flags)}, "", IF(N(${value})>0, ${value}, "")), ""), "")`;
}

/**
 * Why an account is not key, the same texts as the portfolio's (whyNot) in the build's language, the trade-off from
 * KAM_SELECT's "reasons" (in the reader's).
 */
function whyNotFormula(model: KamModel, t: Translate, key: string, position: string, flags: string, value: string, tradeOff: string): string {
  const reason = whyNot(t);
  const q = (text: string): string => str(text);
  return `IF(IFERROR(${key}, FALSE)=TRUE, "", IFERROR(IF(${position}="", ${q(reason.noPosition)}, IF(${HIGH_SIDE(position)}, ` +
    `IF(${blockedLossMaker(position, flags)}, ${q(reason.lossMaker)}, IF(N(${value})>0, IF(IFERROR(${tradeOff}, "")="", ${q(reason.nothingFits)}, ${tradeOff}), ${q(reason.noValue(model))})), ` +
    `IF(${LOSES_MONEY(flags)}, ${q(reason.lossMakerBelowCut)}, ${q(reason.belowCut)}))), ${q(reason.noPosition)}))`;
}

/** A cut in the title, to two decimals in the reader's conventions. */
const fmtCut = (x: number, t: Translate): string => formatNumber(Math.round(x * 100) / 100, 'number', t.locale);

/** Metric names of a reward plan in their first-appearance order (the actual/target column order). */
export function planMetrics(plan: readonly (readonly (string | number)[])[]): string[] {
  const metrics: string[] = [];
  for (const row of plan.slice(1)) {
    const m = String(row[1] ?? '').trim();
    if (m && !metrics.some((x) => x.toLowerCase() === m.toLowerCase())) metrics.push(m);
  }
  return metrics.length ? metrics : [...DEFAULT_METRICS];
}

/** What a reward metric measures, from its name: rates and shares in %, amounts in money, else a plain number. */
export function metricUnit(metric: string): Unit {
  const m = metric.toLowerCase();
  if (/growth|share|margin|rate|ratio|%|retention|crecimiento|cuota|margen|tasa/.test(m)) return 'percent';
  if (/revenue|sales|profit|cost|amount|spend|value|ventas|beneficio|coste|costo|importe|gasto/.test(m)) return 'money';
  return 'number';
}

/**
 * "KAM Rewards": today's key accounts (names as values, so the targets and actuals typed beside them
 * stay with their account), their live position, actual and target columns per plan metric, and the
 * payout. Each payout is KAM_REWARD over its own row, left blank until that row has an actual: right
 * after a build every actual is blank, and the sheet then says where to type them instead of showing
 * an error on every row. (COUNT is the host's own, so a blank reads as blank in both hosts.)
 */
function rewardsPlanSheet(input: BuildInput, positionColumn: number, t: Translate): PlanSheet {
  const { host, portfolio } = input;
  const metrics = planMetrics(input.rewardPlan);
  const m = metrics.length;
  const chosen = portfolio.selection.chosen.map((i) => ({ name: portfolio.rows[i].account, index: i }));
  const kept = previousEntries(input.previousRewards ?? null, metrics);
  const header: PlanCell[] = rewardsHeader(metrics, t);
  const marker = markerText(t);
  const actualColumns = `${letters(3)}–${letters(2 + m)}`;
  const targetColumns = `${letters(3 + m)}–${letters(2 + 2 * m)}`;
  const blocks: PlanBlock[] = [
    { row: 1, column: 1, cells: [['KAM Rewards']], bold: true },
    { row: 2, column: 1, cells: [[marker]] },
    {
      row: 3,
      column: 1,
      cells: [[chosen.length ? t('sheet.rewards.note', { actuals: actualColumns, targets: targetColumns }) : t('sheet.rewards.noKeyAccounts')]],
    },
    { row: 5, column: 1, cells: [header], bold: true },
  ];
  if (chosen.length) {
    const first = 6;
    // The first "Actual:" header carries a note too, where the eye lands when the payouts are blank.
    blocks.push({ row: 5, column: 3, cells: [[header[2]]], bold: true, note: t('sheet.rewards.actualNote', { actuals: actualColumns, targets: targetColumns }) });
    const pos = (r: number): string => `${quoteSheet(SHEET_NAMES.portfolio)}!${a1(PORTFOLIO_LAYOUT.firstRow + r, positionColumn)}`;
    const cells: PlanCell[][] = chosen.map(({ name, index }, i) => {
      const previous = kept.get(name.toLowerCase());
      const r = first + i;
      const actuals = a1Range(r, 3, 1, m);
      const payout = fn('REWARD', host, [a1(r, 2), actuals, a1Range(r, 3 + m, 1, m), NAMES.rewardPlan]);
      return [
        name,
        formula(pos(index)),
        ...Array.from({ length: 2 * m }, (_, j) => previous?.[j] ?? null),
        formula(`IF(COUNT(${actuals})=0, "", ${payout})`),
      ];
    });
    const metricFormats = metrics.map((x) => numberFormatFor(metricUnit(x)));
    blocks.push({ row: first, column: 1, cells, formats: [null, null, ...metricFormats, ...metricFormats, NUMBER_FORMATS.score] });
  }
  return { name: SHEET_NAMES.rewards, freezeRows: 5, blocks };
}

/** The rewards sheet's header row: the wizard and the command line write it, and read back what was typed under it. */
export function rewardsHeader(metrics: readonly string[], t: Translate = english): string[] {
  return [
    t('sheet.column.account'), t('sheet.column.position'),
    ...metrics.map((metric) => t('sheet.rewards.actual', { metric })), ...metrics.map((metric) => t('sheet.rewards.target', { metric })),
    t('sheet.rewards.payout'),
  ];
}

/**
 * A metric as compared across languages: a default metric by its catalog id ("gross margin" and "margen bruto" are one
 * metric, in a plan rebuilt in another language), any other by its folded name.
 */
export const metricKey = (metric: string): string => wordFrom(metric, METRIC_IDS) ?? foldText(metric);

/**
 * Targets and actuals already typed on the rewards sheet, by account name (lower case), in `metrics` order (actuals,
 * then targets). The sheet may have been written in any language: its header row is found by its words in any
 * language, and a default metric matches its translation ("Real: margen bruto" is the actual of "gross margin").
 */
export function previousEntries(previous: SourceRegion | null, metrics: string[]): Map<string, (number | null)[]> {
  const kept = new Map<string, (number | null)[]>();
  if (!previous) return kept;
  const rows = previous.values;
  const h = rows.findIndex((r) => findHeader([r[0]], 'sheet.column.account') === 0 && findHeader([r[1]], 'sheet.column.position') === 0);
  if (h < 0) return kept;
  const headers = rows[h];
  const columnOf = (id: 'sheet.rewards.actual' | 'sheet.rewards.target', metric: string): number => {
    const key = metricKey(metric);
    return headers.findIndex((cell) => {
      const named = templateParam(cell, id, 'metric');
      return named !== null && metricKey(named) === key;
    });
  };
  const columns = [...metrics.map((m) => columnOf('sheet.rewards.actual', m)), ...metrics.map((m) => columnOf('sheet.rewards.target', m))];
  for (const r of rows.slice(h + 1)) {
    const name = String(r[0] ?? '').trim();
    if (!name) continue;
    kept.set(name.toLowerCase(), columns.map((j) => (j >= 0 && typeof r[j] === 'number' ? (r[j] as number) : null)));
  }
  return kept;
}
