// KAM_REWARD: incentive payout by position, from attainment against target on a threshold–target–cap curve.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cell, CellError, Grid } from '../../../src/core/functions/cells';
import { messages } from '../../support/english-messages';
import { DEFAULT_METRICS, PLAN_COLUMNS, defaultRewardPlan, metricPayout, reward } from '../../../src/core/functions/reward';
import { BLANKS, col, firstColumn, thrown } from '../../support/cells';

// Metrics in the default order: revenue growth, share of wallet, gross margin, cost to serve (lower is better).
// Attainments: 0.12/0.10 = 1.2 → 1.4; 0.27/0.30 = 0.9 → 0.75; 0.28/0.40 = 0.7 → 0; 40/50 = 0.8 → 0.5.
const ACTUAL = [0.12, 0.27, 0.28, 50];
const TARGET = [0.1, 0.3, 0.4, 40];
const EXPECTED: Record<string, number> = {
  Strategic: 0.35 * 1.4 + 0.25 * 0.75 + 0.3 * 0 + 0.1 * 0.5, // 0.7275
  Star: 0.5 * 1.4 + 0.4 * 0.75 + 0.1 * 0, // 1
  Status: 0.1 * 1.4 + 0.2 * 0.75 + 0.5 * 0 + 0.2 * 0.5, // 0.39
  Streamline: 0.5 * 0 + 0.5 * 0.5, // 0.25
};

/** A one-metric plan for every position, to test the payout curve on its own. */
function curvePlan(direction = 'higher', threshold: Cell = 0.8, thresholdPayout: Cell = 0.5, cap: Cell = 1.5, capPayout: Cell = 2): Grid {
  return [[...PLAN_COLUMNS], ...['Strategic', 'Star', 'Status', 'Streamline'].map((p) => [p, 'sales', 1, direction, threshold, thresholdPayout, cap, capPayout])];
}

describe('KAM_REWARD', () => {
  describe('happy path', () => {
    it.each(Object.entries(EXPECTED))('pays a %s account by its position\'s default weights', (position, expected) => {
      const [[result]] = reward(col(position), [ACTUAL], [TARGET]);
      expect(result).toBeCloseTo(expected, 12);
    });

    it('pays 1 (the target incentive) when every actual meets its target', () => {
      expect(firstColumn(reward(col('Strategic', 'Star', 'Status', 'Streamline'), [TARGET, TARGET, TARGET, TARGET], [TARGET, TARGET, TARGET, TARGET]))).toEqual([1, 1, 1, 1]);
    });

    it('gives the same result with the default plan passed as a table', () => {
      const positions = col('Strategic', 'Star', 'Status', 'Streamline');
      const rows = [ACTUAL, ACTUAL, ACTUAL, ACTUAL];
      const targets = [TARGET, TARGET, TARGET, TARGET];
      expect(reward(positions, rows, targets, defaultRewardPlan())).toEqual(reward(positions, rows, targets));
    });

    it('follows an edited plan', () => {
      const plan = defaultRewardPlan();
      plan[5][2] = 0.6; // Star, revenue growth
      plan[6][2] = 0.3; // Star, share of wallet
      expect(reward(col('Star'), [ACTUAL], [TARGET], plan)[0][0]).toBeCloseTo(0.6 * 1.4 + 0.3 * 0.75, 12);
    });

    it('reads the position words in any case, as POSITION writes them or typed', () => {
      expect(firstColumn(reward(col('star', ' STAR '), [ACTUAL, ACTUAL], [TARGET, TARGET]))).toEqual([1, 1]);
    });
  });

  describe('the default plan', () => {
    const plan = defaultRewardPlan();

    it('is a header row and one row per position and metric, in the plan argument\'s layout', () => {
      expect(plan[0]).toEqual([...PLAN_COLUMNS]);
      expect(plan).toHaveLength(17);
      expect(plan.slice(1, 5).map((row) => row[1])).toEqual([...DEFAULT_METRICS]);
    });

    it.each([
      ['Strategic', [0.35, 0.25, 0.3, 0.1]],
      ['Star', [0.5, 0.4, 0.1, 0]],
      ['Status', [0.1, 0.2, 0.5, 0.2]],
      ['Streamline', [0, 0, 0.5, 0.5]],
    ])('weights %s as the issue specifies', (position, weights) => {
      expect(plan.filter((row) => row[0] === position).map((row) => row[2])).toEqual(weights);
    });

    it('is the table docs/functions.md shows', () => {
      const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/functions.md'), 'utf8');
      const start = doc.indexOf(`| ${PLAN_COLUMNS.join(' | ')} |`);
      const lines = doc.slice(start).split('\n').filter((line, i) => i !== 1).slice(0, plan.length);
      const table = lines.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
      expect(table).toEqual(plan.map((row) => row.map(String)));
    });

    it('pays threshold 0.8 → 0.5, target 1 → 1, cap 1.5 → 2, and cost to serve alone is lower-is-better', () => {
      for (const row of plan.slice(1)) {
        expect(row.slice(4)).toEqual([0.8, 0.5, 1.5, 2]);
        expect(row[3]).toBe(row[1] === 'cost to serve' ? 'lower' : 'higher');
      }
    });
  });

  describe('shapes', () => {
    it('takes single values for one account with a one-metric plan', () => {
      expect(reward('Star', 12, 10, curvePlan())).toEqual([[1.4]]);
    });

    it.each([
      ['actuals', () => reward(col('Star', 'Star'), [ACTUAL], [TARGET, TARGET]), messages.rowsDiffer('positions', 2, 'actuals', 1)],
      ['targets', () => reward(col('Star'), [ACTUAL], [TARGET, TARGET]), messages.rowsDiffer('positions', 1, 'targets', 2)],
    ])('fails the call when %s has different rows', (_, call, message) => {
      expect(thrown(call).message).toBe(message);
    });

    it('fails the call when actuals do not have one column per plan metric', () => {
      expect(thrown(() => reward(col('Star'), [ACTUAL.slice(0, 3)], [TARGET])).message).toBe(messages.metricColumns('actuals', 3, [...DEFAULT_METRICS]));
    });

    it('fails the call for a plan without the 8 columns', () => {
      expect(thrown(() => reward(col('Star'), [ACTUAL], [TARGET], [['position', 'metric']])).message).toBe(messages.planShape(1, 2));
    });

    it('fails the call for a plan without its header row', () => {
      const plan = defaultRewardPlan().slice(1);
      expect(thrown(() => reward(col('Star'), [ACTUAL], [TARGET], plan)).message).toBe(messages.planHeader(1, 'Strategic', 'position'));
    });

    it('skips blank rows in the plan and orders metrics by first appearance', () => {
      const plan: Grid = [[...PLAN_COLUMNS], ['Star', 'margin', 0.5, 'higher', 0.8, 0.5, 1.5, 2], ['', '', '', '', '', '', '', ''], ['Star', 'sales', 0.5, 'higher', 0.8, 0.5, 1.5, 2]];
      // margin 1.2 → 1.4, sales 0.9 → 0.75
      expect(reward(col('Star'), [[12, 9]], [[10, 10]], plan)[0][0]).toBeCloseTo(0.5 * 1.4 + 0.5 * 0.75, 12);
    });
  });

  describe('plan checks (each fails the call)', () => {
    const edited = (row: number, column: number, value: Cell): Grid => {
      const plan: Grid = defaultRewardPlan();
      plan[row][column] = value;
      return plan;
    };

    it.each([
      ['an unknown position', edited(1, 0, 'Key'), messages.planPosition(2, 'Key')],
      ['a blank metric', edited(1, 1, ''), messages.planMetricMissing(2)],
      ['an unknown direction', edited(1, 3, 'up'), messages.planDirection(2, 'up')],
      ['a negative weight', edited(1, 2, -0.1), messages.planNumber(2, 'weight', 'weight', 'is -0.1')],
      ['a threshold of 1', edited(1, 4, 1), messages.planNumber(2, 'threshold', 'threshold', 'is 1')],
      ['a threshold payout above 1', edited(1, 5, 1.2), messages.planNumber(2, 'threshold payout', 'threshold payout', 'is 1.2')],
      ['a cap of 1', edited(1, 6, 1), messages.planNumber(2, 'cap', 'cap', 'is 1')],
      ['a cap payout below 1', edited(1, 7, 0.9), messages.planNumber(2, 'cap payout', 'cap payout', 'is 0.9')],
      ['a blank threshold', edited(1, 4, null), messages.planNumber(2, 'threshold', 'threshold', 'is blank')],
      ['text as a threshold', edited(1, 4, '80%'), messages.planNumber(2, 'threshold', 'threshold', 'is the text "80%"')],
      ['a repeated position and metric', edited(2, 1, 'revenue growth'), messages.planDuplicate(3, 'Strategic', 'revenue growth', 2)],
      ['weights that do not total 1', edited(1, 2, 0.45), messages.planWeightsTotal('Strategic', 1.1)],
      ['only a header row', [[...PLAN_COLUMNS], ['', '', '', '', '', '', '', '']], messages.planEmpty()],
    ])('rejects %s', (_, plan, message) => {
      expect(thrown(() => reward(col('Star'), [ACTUAL], [TARGET], plan)).message).toBe(message);
    });

    it('accepts "higher is better" / "lower is better" and header names in any case', () => {
      const plan = curvePlan('Lower is better');
      plan[0] = plan[0].map((h) => String(h).toUpperCase());
      expect(reward(col('Star'), col(8), col(10), plan)).toEqual([[1.5]]); // 10/8 = 1.25 → 1.5
    });
  });

  describe('blanks as each host sends them', () => {
    it.each(BLANKS)('gives a blank result for a row blank in every argument (%s)', (_, blank) => {
      const out = reward(col('Star', blank), [ACTUAL, [blank, blank, blank, blank]], [TARGET, [blank, blank, blank, blank]]);
      expect(out[1]).toEqual(['']);
    });

    it.each(BLANKS)('reports a blank position on a row with data (%s)', (_, blank) => {
      expect(reward(col(blank), [ACTUAL], [TARGET])).toEqual([[new CellError('VALUE', messages.blankPosition(1))]]);
    });

    it.each(BLANKS)('reports a blank actual or target of a metric that counts (%s)', (_, blank) => {
      expect(reward(col('Star'), [[blank, 0.27, 0.28, 50]], [TARGET])).toEqual([[new CellError('VALUE', messages.blankMetric('actuals', 1, 1, 'revenue growth'))]]);
      expect(reward(col('Star'), [ACTUAL], [[0.1, blank, 0.4, 40]])).toEqual([[new CellError('VALUE', messages.blankMetric('targets', 1, 2, 'share of wallet'))]]);
    });

    it.each(BLANKS)('allows blanks for a metric with weight 0 in the position (%s)', (_, blank) => {
      // Star does not count cost to serve.
      expect(reward(col('Star'), [[0.12, 0.27, 0.28, blank]], [[0.1, 0.3, 0.4, blank]])[0][0]).toBeCloseTo(1, 12);
    });

    it('reads a target Excel sent as 0 for a blank cell as 0, which is not a valid target', () => {
      expect(reward(col('Star'), [ACTUAL], [[0, 0.3, 0.4, 40]])).toEqual([[new CellError('VALUE', messages.targetNotPositive(1, 1, 0))]]);
    });
  });

  describe('text in numbers', () => {
    it('puts an error naming the row, column and text in that row only', () => {
      const out = reward(col('Star', 'Star'), [ACTUAL, [0.12, '27%', 0.28, 50]], [TARGET, TARGET]);
      expect(out).toEqual([[1], [new CellError('VALUE', messages.textInNumber('actuals', 2, 2, '27%'))]]);
    });

    it('reports a position that is not one of the four words', () => {
      expect(reward(col('Key account'), [ACTUAL], [TARGET])).toEqual([[new CellError('VALUE', messages.positionUnknown(1, 'Key account'))]]);
    });

    it('reports a position of the wrong kind', () => {
      expect(reward(col(3), [ACTUAL], [TARGET])).toEqual([[new CellError('VALUE', messages.positionUnknown(1, '3'))]]);
    });
  });

  describe('error pass-through', () => {
    it.each([
      ['an error value', new CellError('NA', 'lookup failed'), new CellError('NA', 'lookup failed')],
      ['Sheets error text "#N/A"', '#N/A', new CellError('NA', '')],
      ['a row error from POSITION in Sheets', '#VALUE! strength: row 1 …', new CellError('VALUE', 'strength: row 1 …')],
    ])('passes %s in positions, actuals or targets through to that row', (_, cell, expected) => {
      expect(reward(col(cell), [ACTUAL], [TARGET])).toEqual([[expected]]);
      expect(reward(col('Star'), [[0.12, cell, 0.28, 50]], [TARGET])).toEqual([[expected]]);
      expect(reward(col('Star'), [ACTUAL], [[0.1, 0.3, cell, 40]])).toEqual([[expected]]);
    });

    it('fails the call with the kind of an error inside the plan', () => {
      const plan: Grid = defaultRewardPlan();
      plan[3][2] = new CellError('NA', '');
      expect(thrown(() => reward(col('Star'), [ACTUAL], [TARGET], plan)).kind).toBe('NA');
    });
  });

  describe('boundaries', () => {
    it.each([
      [0.79, 0],
      [0.8, 0.5],
      [0.9, 0.75],
      [1, 1],
      [1.25, 1.5],
      [1.5, 2],
      [3, 2],
      [-0.5, 0],
    ])('pays attainment %s as %s of target', (attainment, payout) => {
      expect(metricPayout(attainment, 0.8, 0.5, 1.5, 2)).toBeCloseTo(payout, 12);
      expect(reward(col('Star'), col(attainment * 100), col(100), curvePlan())[0][0]).toBeCloseTo(payout, 12);
    });

    it('compares attainment at 15 digits: 0.72 / 0.9 is the threshold 0.8, not just below it', () => {
      expect(0.72 / 0.9).toBeLessThan(0.8);
      expect(reward(col('Star'), col(0.72), col(0.9), curvePlan())).toEqual([[0.5]]);
    });

    it('inverts attainment for a lower-is-better metric, and pays the cap for an actual of 0', () => {
      expect(reward(col('Star', 'Star', 'Star'), col(100, 125, 0), col(100, 100, 100), curvePlan('lower'))).toEqual([[1], [0.5], [2]]);
    });

    it('reports a negative actual for a lower-is-better metric', () => {
      expect(reward(col('Star'), col(-5), col(10), curvePlan('lower'))).toEqual([[new CellError('VALUE', messages.lowerActualNegative(1, 1, -5, 'sales'))]]);
    });

    it('pays 0, not a negative amount, for a negative actual on a higher-is-better metric', () => {
      expect(reward(col('Star'), col(-5), col(10), curvePlan())).toEqual([[0]]);
    });

    it('reports a position the plan has no rows for', () => {
      const plan = curvePlan().slice(0, 3); // Strategic and Star only
      expect(reward(col('Status'), col(1), col(1), plan)).toEqual([[new CellError('VALUE', messages.positionNotInPlan(1, 'Status'))]]);
    });
  });
});
