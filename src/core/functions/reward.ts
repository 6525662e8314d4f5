// Incentive payout by portfolio position: per-metric attainment against target, paid on a threshold–target–cap curve.
import { Cell, CellError, Grid, KamError, OutGrid, errorFromText, isBlank } from './cells';
import { BLANK_CELL, cellText, describeBadCell, readColumn, readNumberCell, readOptionalRange, readRange, requireSameRows, rowIsBlank } from './args';
import { details, messages } from './messages';
import { POSITIONS, positionIndex, positionName, positionPhrase, readPosition } from './position-names';
import { round15 } from './precision';
import { english, phrase, wordFrom, type MessageId, type Translate } from '../i18n';

/** The plan table's columns, in order, as its English header row spells them (any language is read). */
export const PLAN_COLUMNS = ['position', 'metric', 'weight', 'direction', 'threshold', 'threshold payout', 'cap', 'cap payout'] as const;
const COLUMN_IDS = ['reward.column.position', 'reward.column.metric', 'reward.column.weight', 'reward.column.direction', 'reward.column.threshold',
  'reward.column.thresholdPayout', 'reward.column.cap', 'reward.column.capPayout'] as const satisfies readonly MessageId[];

/** The plan's header row in the reader's language. */
export const planColumns = (t: Translate): string[] => COLUMN_IDS.map((id) => t(id));

/** The default plan's metrics, in the column order actuals and targets use (English; planMetricNames for others). */
export const DEFAULT_METRICS = ['revenue growth', 'share of wallet', 'gross margin', 'cost to serve'] as const;
/** The default metrics' catalog ids (the workbook matches a metric with its translation by these). */
export const METRIC_IDS = ['reward.metric.revenueGrowth', 'reward.metric.shareOfWallet', 'reward.metric.grossMargin', 'reward.metric.costToServe'] as const satisfies readonly MessageId[];

/** The default plan's metric names in the reader's language. */
export const defaultMetrics = (t: Translate): string[] => METRIC_IDS.map((id) => t(id));

/** "higher" or "lower", in any language ("mayor", "menor es mejor"). */
export const DIRECTION_IDS = ['reward.direction.higher', 'reward.direction.higherIsBetter', 'reward.direction.lower', 'reward.direction.lowerIsBetter'] as const satisfies readonly MessageId[];
const DEFAULT_WEIGHTS: Record<(typeof POSITIONS)[number], number[]> = {
  Strategic: [0.35, 0.25, 0.3, 0.1],
  Star: [0.5, 0.4, 0.1, 0],
  Status: [0.1, 0.2, 0.5, 0.2],
  Streamline: [0, 0, 0.5, 0.5],
};

/**
 * The plan KAM_REWARD uses when plan is omitted, as the table the plan argument accepts: a header row, then one
 * row per position and metric. Paste it into a sheet, edit it, and pass that range as plan.
 */
export function defaultRewardPlan(t: Translate = english): (string | number)[][] {
  const table: (string | number)[][] = [planColumns(t)];
  const metrics = defaultMetrics(t);
  for (const position of POSITIONS) {
    metrics.forEach((metric, j) => {
      // Cost to serve (the last metric) is better lower.
      table.push([positionName(position, t), metric, DEFAULT_WEIGHTS[position][j], t(j === 3 ? 'reward.direction.lower' : 'reward.direction.higher'), 0.8, 0.5, 1.5, 2]);
    });
  }
  return table;
}

/** A plan read into flat arrays indexed [position × metrics + metric]; a missing pair has weight 0. */
export interface RewardPlan {
  metrics: string[];
  weight: Float64Array;
  lower: Uint8Array;
  threshold: Float64Array;
  thresholdPayout: Float64Array;
  cap: Float64Array;
  capPayout: Float64Array;
  /** 1 for each position (in POSITIONS order) the plan has rows for. */
  covered: Uint8Array;
}

interface PlanRow {
  row: number;
  position: number;
  metric: number;
  numbers: number[]; // weight, threshold, threshold payout, cap, cap payout
  lower: boolean;
}

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The number in one plan cell, checked against its rule; a problem fails the call (the plan applies to every row). */
function planNumber(cell: Cell, row: number, column: number): number {
  const value = readNumberCell(cell, 'plan', row, column + 1);
  const name = PLAN_COLUMNS[column];
  const said = phrase(COLUMN_IDS[column]);
  if (value === BLANK_CELL) throw new KamError('VALUE', messages.planNumber(row, name, said, details.blank));
  if (value instanceof CellError) throw new KamError(value.kind, messages.planNumber(row, name, said, describeBadCell(cell, value)));
  const ok =
    name === 'weight' ? value >= 0
    : name === 'threshold' ? value >= 0 && value < 1
    : name === 'threshold payout' ? value >= 0 && value <= 1
    : name === 'cap' ? value > 1
    : value >= 1; // cap payout
  if (!ok) throw new KamError('VALUE', messages.planNumber(row, name, said, details.value(value)));
  return value;
}

function planText(cell: Cell): string | undefined {
  if (typeof cell === 'string') return errorFromText(cell) ? undefined : cell;
  if (typeof cell === 'number') return String(cell);
  return undefined;
}

/** Reads and checks the plan table (or the default plan when omitted). Any problem fails the call. */
export function readRewardPlan(arg: Grid | Cell | undefined): RewardPlan {
  const grid = readOptionalRange(arg, 'plan') ?? defaultRewardPlan();
  if (grid[0].length !== PLAN_COLUMNS.length || grid.length < 2) {
    throw new KamError('VALUE', messages.planShape(grid.length, grid[0].length));
  }
  for (let c = 0; c < PLAN_COLUMNS.length; c++) {
    const cell = grid[0][c];
    const text = typeof cell === 'string' ? normalise(cell) : '';
    if (text !== PLAN_COLUMNS[c] && wordFrom(text, [COLUMN_IDS[c]]) === undefined) {
      throw new KamError('VALUE', messages.planHeader(c + 1, cellText(cell), phrase(COLUMN_IDS[c])));
    }
  }

  const metrics: string[] = [];
  const metricIndex = new Map<string, number>();
  const rows: PlanRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (rowIsBlank(cells)) continue;
    const row = r + 1;
    const positionText = planText(cells[0]);
    const position = positionText === undefined ? -1 : positionIndex(positionText);
    if (position < 0) throw new KamError('VALUE', messages.planPosition(row, cellText(cells[0])));
    const metricText = planText(cells[1]);
    if (metricText === undefined || metricText.trim() === '') throw new KamError('VALUE', messages.planMetricMissing(row));
    const key = normalise(metricText);
    let metric = metricIndex.get(key);
    if (metric === undefined) {
      metric = metrics.length;
      metricIndex.set(key, metric);
      metrics.push(metricText.trim());
    }
    const pair = `${position}|${metric}`;
    const first = seen.get(pair);
    if (first !== undefined) throw new KamError('VALUE', messages.planDuplicate(row, positionPhrase(position), metricText.trim(), first));
    seen.set(pair, row);
    const direction = typeof cells[3] === 'string' ? wordFrom(normalise(cells[3]), DIRECTION_IDS) : undefined;
    if (direction === undefined) throw new KamError('VALUE', messages.planDirection(row, cellText(cells[3])));
    const lower = direction === 'reward.direction.lower' || direction === 'reward.direction.lowerIsBetter';
    const numbers = [2, 4, 5, 6, 7].map((c) => planNumber(cells[c], row, c));
    rows.push({ row, position, metric, numbers, lower });
  }
  if (rows.length === 0) throw new KamError('VALUE', messages.planEmpty());

  const m = metrics.length;
  const plan: RewardPlan = {
    metrics,
    weight: new Float64Array(4 * m),
    lower: new Uint8Array(4 * m),
    threshold: new Float64Array(4 * m),
    thresholdPayout: new Float64Array(4 * m),
    cap: new Float64Array(4 * m),
    capPayout: new Float64Array(4 * m),
    covered: new Uint8Array(4),
  };
  const totals = [0, 0, 0, 0];
  for (const { position, metric, numbers, lower } of rows) {
    const at = position * m + metric;
    [plan.weight[at], plan.threshold[at], plan.thresholdPayout[at], plan.cap[at], plan.capPayout[at]] = numbers;
    plan.lower[at] = lower ? 1 : 0;
    plan.covered[position] = 1;
    totals[position] += numbers[0];
  }
  for (let p = 0; p < 4; p++) {
    if (plan.covered[p] && Math.abs(totals[p] - 1) > 1e-9) throw new KamError('VALUE', messages.planWeightsTotal(positionPhrase(p), round15(totals[p])));
  }
  return plan;
}

/**
 * Payout for one metric as a fraction of its target incentive: 0 below the threshold, linear from the threshold
 * payout at the threshold to 1 at attainment 1, linear on to the cap payout at the cap, flat above.
 */
export function metricPayout(attainment: number, threshold: number, thresholdPayout: number, cap: number, capPayout: number): number {
  if (attainment < threshold) return 0;
  if (attainment < 1) return thresholdPayout + ((1 - thresholdPayout) * (attainment - threshold)) / (1 - threshold);
  if (attainment < cap) return 1 + ((capPayout - 1) * (attainment - 1)) / (cap - 1);
  return capPayout;
}

/**
 * KAM_REWARD: per account, Σ over its position's metrics of weight × payout(attainment), where attainment is
 * actual/target (target/actual for a lower-is-better metric). A row blank in all three arguments gives a blank.
 */
export function reward(positionsArg: Grid | Cell | undefined, actualsArg: Grid | Cell | undefined, targetsArg: Grid | Cell | undefined, planArg?: Grid | Cell): OutGrid {
  const positions = readColumn(positionsArg, 'positions');
  const actuals = readRange(actualsArg, 'actuals');
  const targets = readRange(targetsArg, 'targets');
  requireSameRows(positions, 'positions', actuals, 'actuals');
  requireSameRows(positions, 'positions', targets, 'targets');
  const plan = readRewardPlan(planArg);
  const m = plan.metrics.length;
  if (actuals[0].length !== m) throw new KamError('VALUE', messages.metricColumns('actuals', actuals[0].length, plan.metrics));
  if (targets[0].length !== m) throw new KamError('VALUE', messages.metricColumns('targets', targets[0].length, plan.metrics));

  const out: OutGrid = new Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const positionCell = positions[i][0];
    const actualRow = actuals[i];
    const targetRow = targets[i];
    if (isBlank(positionCell) || (typeof positionCell === 'string' && positionCell.trim() === '')) {
      out[i] = [rowIsBlank(actualRow) && rowIsBlank(targetRow) ? '' : new CellError('VALUE', messages.blankPosition(i + 1))];
      continue;
    }
    const position = readPosition(positionCell, i + 1);
    if (position instanceof CellError) {
      out[i] = [position];
      continue;
    }
    if (!plan.covered[position]) {
      out[i] = [new CellError('VALUE', messages.positionNotInPlan(i + 1, positionPhrase(position)))];
      continue;
    }
    let total = 0;
    let problem: CellError | null = null;
    let blankProblem: CellError | null = null;
    for (let j = 0; j < m; j++) {
      const at = position * m + j;
      const w = plan.weight[at];
      let actual = actualRow[j];
      let target = targetRow[j];
      if (!(typeof actual === 'number' && actual - actual === 0)) {
        const value = readNumberCell(actual, 'actuals', i + 1, j + 1);
        if (value instanceof CellError) problem ??= value;
        else if (value === BLANK_CELL && w !== 0) blankProblem ??= new CellError('VALUE', messages.blankMetric('actuals', i + 1, j + 1, plan.metrics[j]));
        actual = typeof value === 'number' ? value : null;
      }
      if (!(typeof target === 'number' && target - target === 0)) {
        const value = readNumberCell(target, 'targets', i + 1, j + 1);
        if (value instanceof CellError) problem ??= value;
        else if (value === BLANK_CELL && w !== 0) blankProblem ??= new CellError('VALUE', messages.blankMetric('targets', i + 1, j + 1, plan.metrics[j]));
        target = typeof value === 'number' ? value : null;
      }
      if (w === 0 || typeof actual !== 'number' || typeof target !== 'number') continue;
      if (target <= 0) {
        problem ??= new CellError('VALUE', messages.targetNotPositive(i + 1, j + 1, target));
        continue;
      }
      let attainment: number;
      if (plan.lower[at]) {
        if (actual < 0) {
          problem ??= new CellError('VALUE', messages.lowerActualNegative(i + 1, j + 1, actual, plan.metrics[j]));
          continue;
        }
        attainment = actual === 0 ? Infinity : target / actual;
      } else {
        attainment = actual / target;
      }
      // 0.72/0.9 is 0.7999999999999999 in binary: compare attainment as the 80 % a user sees.
      attainment = round15(attainment);
      total += w * metricPayout(attainment, plan.threshold[at], plan.thresholdPayout[at], plan.cap[at], plan.capPayout[at]);
    }
    out[i] = [problem ?? blankProblem ?? round15(total)];
  }
  return out;
}
