// Every value of the model checked where it is typed: each problem names its field (the key the screen
// shows the message under) and says what to type. Next stays disabled while a step has one.
import type { KamModel } from '../../src/core/model/model';
import type { Unit } from '../../src/core/format/units';

export interface Problem {
  /** The field the message belongs to, e.g. "factor-0-weight"; a group key ("factors") for whole-list rules. */
  field: string;
  message: string;
}

/** How a number is shown in a message (the display module, in the user's locale). */
export type Show = (value: number, unit: Unit) => string;

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const typed = (x: unknown, show: Show, unit: Unit): string => (isNumber(x) ? show(x, unit) : 'not a number');

/** Step 3: factors, their weights and scales. `units` gives each factor's unit, for the messages. */
export function factorProblems(model: KamModel, units: Unit[], show: Show): Problem[] {
  const out: Problem[] = [];
  if (!model.factors.length) out.push({ field: 'factors', message: 'Add at least one attractiveness factor.' });
  model.factors.forEach((f, i) => {
    const name = f.name.trim() ? `"${f.name.trim()}"` : `factor ${i + 1}`;
    if (!f.name.trim()) out.push({ field: `factor-${i}-name`, message: `Name of factor ${i + 1}: type a name (it heads its column on the sheets).` });
    if (!isNumber(f.weight)) out.push({ field: `factor-${i}-weight`, message: `Weight of ${name}: type a number of points, 0 or more.` });
    else if (f.weight < 0) out.push({ field: `factor-${i}-weight`, message: `Weight of ${name}: must be 0 or more (it is ${show(f.weight, 'points')}).` });
    const unit = units[i] ?? 'number';
    if (!isNumber(f.worst)) out.push({ field: `factor-${i}-worst`, message: `Worst value of ${name}: type the value that scores 0.` });
    if (!isNumber(f.best)) out.push({ field: `factor-${i}-best`, message: `Best value of ${name}: type the value that scores 10.` });
    if (isNumber(f.worst) && isNumber(f.best) && f.worst === f.best) {
      out.push({ field: `factor-${i}-best`, message: `Best value of ${name}: it equals the worst value (${typed(f.worst, show, unit)}); give two different values.` });
    }
    if (f.scale === 'log' && isNumber(f.worst) && isNumber(f.best) && !(f.worst > 0 && f.best > 0)) {
      out.push({ field: `factor-${i}-scale`, message: `Scale of ${name}: a log scale needs a worst and a best value above 0; choose Linear, or change them.` });
    }
  });
  if (model.factors.length && model.factors.every((f) => isNumber(f.weight) && f.weight >= 0) && !model.factors.some((f) => f.weight > 0)) {
    out.push({ field: 'factors', message: 'Weights: give at least one factor more than 0 points.' });
  }
  return out;
}

/**
 * Step 4: where strength comes from, and both cuts. `range` is the lowest and highest strength the
 * accounts get (when it can be told before the portfolio is built): a cut outside it puts every account
 * on one side.
 */
export function strengthProblems(model: KamModel, show: Show, range?: { min: number; max: number } | null): Problem[] {
  const out: Problem[] = [];
  const s = model.strength;
  if (s.kind === 'stage') {
    for (const [stage, value] of Object.entries(s.byStage)) {
      if (!isNumber(value) || value < 0) out.push({ field: `stage-${stage}`, message: `Strength for ${stage}: type a number, 0 or more (1 is parity with the best rival).` });
    }
    if (!isNumber(s.unknown) || s.unknown < 0) out.push({ field: 'unknown-strength', message: 'Strength for a blank or other stage: type a number, 0 or more.' });
  } else if (s.kind === 'behaviour') {
    for (const [signal, weight] of Object.entries(s.signals)) {
      if (!isNumber(weight) || weight < 0) out.push({ field: `signal-${signal}`, message: `Weight of ${signal}: type a number of points, 0 or more.` });
    }
    if (Object.values(s.signals).every((w) => isNumber(w) && w >= 0) && !Object.values(s.signals).some((w) => w > 0)) {
      out.push({ field: 'signals', message: 'Signals: give at least one signal more than 0 points.' });
    }
  } else if (s.kind === 'ratings') {
    if (!s.criteria.length) out.push({ field: 'criteria', message: 'Add at least one buying criterion.' });
    s.criteria.forEach((c, i) => {
      const name = c.name.trim() ? `"${c.name.trim()}"` : `criterion ${i + 1}`;
      if (!c.name.trim()) out.push({ field: `criterion-${i}-name`, message: `Name of criterion ${i + 1}: type a name.` });
      if (!isNumber(c.weight) || c.weight < 0) out.push({ field: `criterion-${i}-weight`, message: `Weight of ${name}: type a number, 0 or more.` });
      if (c.yours === c.rival) out.push({ field: `criterion-${i}-rival`, message: `${name}: your rating and the best rival's come from the same column; choose the rival's own column.` });
    });
    if (s.criteria.length && s.criteria.every((c) => isNumber(c.weight) && c.weight >= 0) && !s.criteria.some((c) => c.weight > 0)) {
      out.push({ field: 'criteria', message: 'Weights: give at least one buying criterion more than 0.' });
    }
  }
  const a = model.cuts.attractiveness;
  if (a !== 'median' && (!isNumber(a) || a <= 0 || a > 10)) {
    out.push({ field: 'attractiveness-cut', message: `Attractiveness cut: type a number more than 0 and at most 10 (it is ${typed(a, show, 'score')}), or leave it blank for the median.` });
  }
  const cut = model.cuts.strength;
  if (cut !== 'median') {
    if (!isNumber(cut) || cut <= 0) out.push({ field: 'strength-cut', message: `Strength cut: type a number more than 0 (it is ${typed(cut, show, 'ratio')}), or leave it blank for the median.` });
    else if (range && range.max > range.min && (cut <= range.min || cut > range.max)) {
      const side = cut <= range.min ? 'strong' : 'weak';
      out.push({
        field: 'strength-cut',
        message: `Strength cut: at ${show(cut, 'ratio')} every account would count as ${side} (strengths run from ${show(range.min, 'ratio')} to ${show(range.max, 'ratio')}). Type a value above ${show(range.min, 'ratio')} and up to ${show(range.max, 'ratio')}, or leave it blank for the median.`,
      });
    }
  }
  return out;
}

/** Step 5: the team's days and the days per key account. */
export function capacityProblems(model: KamModel, show: Show): Problem[] {
  const out: Problem[] = [];
  const days = model.capacity.days;
  if (!isNumber(days) || days <= 0) out.push({ field: 'capacity-days', message: `Team days a year for key accounts: type a number more than 0 (it is ${typed(days, show, 'days')}).` });
  for (const [stage, value] of Object.entries(model.capacity.costByStage)) {
    if (!isNumber(value) || value <= 0) out.push({ field: `cost-${stage}`, message: `Days a year for a ${stage} key account: type a number more than 0.` });
  }
  if (!isNumber(model.capacity.otherwise) || model.capacity.otherwise <= 0) out.push({ field: 'cost-other', message: 'Days a year for a key account at a blank or other stage: type a number more than 0.' });
  return out;
}
