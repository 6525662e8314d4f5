// The spreadsheet function catalogue, declared once: id, help text, parameters and implementation.
// Excel shows each as KAM.<ID>, Sheets as KAM_<ID>; both hosts' wrappers are checked against this list.
// Help texts live in the catalogs (fn.<ID>.description, fn.<ID>.param.<name>, fn.<ID>.returns), one per language.
import { Cell, CellError, Grid, OutGrid } from './cells';
import { messages } from './messages';
import { score } from './score';
import { strength } from './strength';
import { position } from './position';
import { select } from './select';
import { reward } from './reward';
import { clv } from './clv';
import { flags } from './flags';
import { stability } from './stability';
import { capacity } from './capacity';
import { drift } from './drift';
import { FUNCTION_IDS, FunctionId } from './function-ids';
import { english, type Translate } from '../i18n';

/** The catalogue's own words are the English catalog's (src/core/i18n): Excel's Spanish help comes from the Spanish one. */
const text = english;

/** How a parameter arrives: a range (2-D array) or a single value. */
export type ParamKind = 'range' | 'value';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  description: string;
}

export type Arg = Grid | Cell;

export interface FunctionSpec {
  /** Stored in saved workbooks: never rename one. */
  id: FunctionId;
  description: string;
  params: ParamSpec[];
  /** What the result is, for the help text. */
  returns: string;
  /** A formula in Sheets spelling (KAM_…); the Excel spelling is derived. */
  example: string;
  /** Columns in the result when not 1 (for engines that size a spill before computing it). */
  resultColumns?: number;
  /** Rows in the result when not one per row of the first argument: a fixed count, or as many as another argument's rows. */
  resultRows?: { fixed: number } | { rowsOf: number };
  /** Runs the function; words in the result (positions, flags, reasons) and its errors' phrases are said with `t`. */
  run: (args: Arg[], t?: Translate) => OutGrid;
}

/** Keyed by id: the compiler refuses a missing or an extra function. */
const declared: Record<FunctionId, Omit<FunctionSpec, 'id'>> = {
  SCORE: {
    description: text('fn.SCORE.description'),
    params: [
      { name: 'scores', kind: 'range', description: text('fn.SCORE.param.scores') },
      { name: 'weights', kind: 'range', description: text('fn.SCORE.param.weights') },
      { name: 'scales', kind: 'range', optional: true, description: text('fn.SCORE.param.scales') },
    ],
    returns: text('fn.SCORE.returns'),
    example: 'KAM_SCORE(B2:E301, B1:E1)',
    run: ([scores, weights, scales]) => score(scores as Grid, weights, scales),
  },
  STRENGTH: {
    description: text('fn.STRENGTH.description'),
    params: [
      { name: 'yours', kind: 'range', description: text('fn.STRENGTH.param.yours') },
      { name: 'best_rival', kind: 'range', description: text('fn.STRENGTH.param.best_rival') },
      { name: 'weights', kind: 'range', description: text('fn.STRENGTH.param.weights') },
    ],
    returns: text('fn.STRENGTH.returns'),
    example: 'KAM_STRENGTH(B2:J101, L2:T101, B1:J1)',
    run: ([yours, rival, weights]) => strength(yours, rival, weights),
  },
  POSITION: {
    description: text('fn.POSITION.description'),
    params: [
      { name: 'attractiveness', kind: 'range', description: text('fn.POSITION.param.attractiveness') },
      { name: 'strength', kind: 'range', description: text('fn.POSITION.param.strength') },
      { name: 'attractiveness_cut', kind: 'value', optional: true, description: text('fn.POSITION.param.attractiveness_cut') },
      { name: 'strength_cut', kind: 'value', optional: true, description: text('fn.POSITION.param.strength_cut') },
    ],
    returns: text('fn.POSITION.returns'),
    example: 'KAM_POSITION(F2:F101, G2:G101, 5, "median")',
    run: ([attractiveness, strengthArg, attractivenessCut, strengthCut], t) => position(attractiveness, strengthArg, attractivenessCut, strengthCut, t),
  },
  SELECT: {
    description: text('fn.SELECT.description'),
    params: [
      { name: 'accounts', kind: 'range', description: text('fn.SELECT.param.accounts') },
      { name: 'values', kind: 'range', description: text('fn.SELECT.param.values') },
      { name: 'capacity', kind: 'value', description: text('fn.SELECT.param.capacity') },
      { name: 'costs', kind: 'range', optional: true, description: text('fn.SELECT.param.costs') },
      { name: 'output', kind: 'value', optional: true, description: text('fn.SELECT.param.output') },
    ],
    returns: text('fn.SELECT.returns'),
    example: 'KAM_SELECT(A2:A101, F2:F101, 220, H2:H101)',
    run: ([accounts, values, capacity, costs, output], t) => select(accounts, values, capacity, costs, output, t),
  },
  REWARD: {
    description: text('fn.REWARD.description'),
    params: [
      { name: 'positions', kind: 'range', description: text('fn.REWARD.param.positions') },
      { name: 'actuals', kind: 'range', description: text('fn.REWARD.param.actuals') },
      { name: 'targets', kind: 'range', description: text('fn.REWARD.param.targets') },
      { name: 'plan', kind: 'range', optional: true, description: text('fn.REWARD.param.plan') },
    ],
    returns: text('fn.REWARD.returns'),
    example: 'KAM_REWARD(H2:H101, J2:M101, O2:R101)',
    run: ([positions, actuals, targets, plan]) => reward(positions, actuals, targets, plan),
  },
  CLV: {
    description: text('fn.CLV.description'),
    params: [
      { name: 'margins', kind: 'range', description: text('fn.CLV.param.margins') },
      { name: 'retention', kind: 'range', description: text('fn.CLV.param.retention') },
      { name: 'discount_rate', kind: 'value', description: text('fn.CLV.param.discount_rate') },
      { name: 'years', kind: 'value', optional: true, description: text('fn.CLV.param.years') },
    ],
    returns: text('fn.CLV.returns'),
    example: 'KAM_CLV(E2:E101, 0.85, 0.1)',
    run: ([margins, retention, discountRate, years]) => clv(margins, retention, discountRate, years),
  },
  FLAGS: {
    description: text('fn.FLAGS.description'),
    params: [
      { name: 'revenue', kind: 'range', description: text('fn.FLAGS.param.revenue') },
      { name: 'attractiveness', kind: 'range', description: text('fn.FLAGS.param.attractiveness') },
      { name: 'profit', kind: 'range', description: text('fn.FLAGS.param.profit') },
      { name: 'tenure', kind: 'range', optional: true, description: text('fn.FLAGS.param.tenure') },
      { name: 'options', kind: 'range', optional: true, description: text('fn.FLAGS.param.options') },
    ],
    returns: text('fn.FLAGS.returns'),
    example: 'KAM_FLAGS(C2:C101, F2:F101, D2:D101, E2:E101)',
    run: ([revenue, attractiveness, profit, tenure, options], t) => flags(revenue, attractiveness, profit, tenure, options, t),
  },
  STABILITY: {
    description: text('fn.STABILITY.description'),
    params: [
      { name: 'scores', kind: 'range', description: text('fn.STABILITY.param.scores') },
      { name: 'weights', kind: 'range', description: text('fn.STABILITY.param.weights') },
      { name: 'scales', kind: 'range', optional: true, description: text('fn.STABILITY.param.scales') },
      { name: 'cut', kind: 'value', optional: true, description: text('fn.STABILITY.param.cut') },
      { name: 'factor_names', kind: 'range', optional: true, description: text('fn.STABILITY.param.factor_names') },
    ],
    returns: text('fn.STABILITY.returns'),
    example: 'KAM_STABILITY(B3:E302, B2:E2)',
    resultColumns: 2,
    run: ([scores, weights, scales, cut, factorNames]) => stability(scores, weights, scales, cut, factorNames),
  },
  CAPACITY: {
    description: text('fn.CAPACITY.description'),
    params: [
      { name: 'values', kind: 'range', description: text('fn.CAPACITY.param.values') },
      { name: 'costs', kind: 'range', description: text('fn.CAPACITY.param.costs') },
      { name: 'capacities', kind: 'range', description: text('fn.CAPACITY.param.capacities') },
    ],
    returns: text('fn.CAPACITY.returns'),
    example: 'KAM_CAPACITY(F2:F101, H2:H101, J2:J21)',
    resultColumns: 3,
    resultRows: { rowsOf: 2 },
    run: ([values, costs, capacities]) => capacity(values, costs, capacities),
  },
  DRIFT: {
    description: text('fn.DRIFT.description'),
    params: [
      { name: 'previous_positions', kind: 'range', description: text('fn.DRIFT.param.previous_positions') },
      { name: 'positions', kind: 'range', description: text('fn.DRIFT.param.positions') },
    ],
    returns: text('fn.DRIFT.returns'),
    example: 'KAM_DRIFT(G2:G101, H2:H101)',
    resultColumns: 5,
    resultRows: { fixed: 5 },
    run: ([previous, current], t) => drift(previous, current, t),
  },
};

/**
 * The last guard before a host sees a result: a number beyond what a spreadsheet holds (values near
 * ±1e308 overflow) becomes that row's error with a message, never Infinity or NaN in a cell.
 */
function finiteOnly(out: OutGrid): OutGrid {
  for (let i = 0; i < out.length; i++) {
    const row = out[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (typeof cell === 'number' && cell - cell !== 0) row[j] = new CellError('VALUE', messages.resultTooLarge(i + 1));
    }
  }
  return out;
}

/** Every function in FUNCTION_IDS order, each result passed through finiteOnly; English unless a host says otherwise. */
export const catalogue: FunctionSpec[] = FUNCTION_IDS.map((id) => {
  const spec = declared[id];
  return { id, ...spec, run: (args: Arg[], t: Translate = english) => finiteOnly(spec.run(args, t)) };
});

const byId = new Map(catalogue.map((spec) => [spec.id, spec]));

export function findFunction(id: FunctionId): FunctionSpec {
  return byId.get(id)!;
}
