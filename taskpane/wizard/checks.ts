// Every value of the model checked where it is typed: each problem names its field (the key the screen
// shows the message under) and says what to type. Next stays disabled while a step has one.
import type { KamModel } from '../../src/core/model/model';
import { signalLabel, type BehaviourSignal } from '../../src/core/model/behaviour';
import type { Unit } from '../../src/core/format/units';
import { english, type Translate } from '../../src/core/i18n';
import { stageName } from '../../src/core/model/stages';

export interface Problem {
  /** The field the message belongs to, e.g. "factor-0-weight"; a group key ("factors") for whole-list rules. */
  field: string;
  message: string;
}

/** How a number is shown in a message (the display module, in the user's locale). */
export type Show = (value: number, unit: Unit) => string;

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const typed = (x: unknown, show: Show, unit: Unit, t: Translate): string => (isNumber(x) ? show(x, unit) : t('wizard.check.notNumber'));

/** Step 3: factors, their weights and scales. `units` gives each factor's unit, for the messages. */
export function factorProblems(model: KamModel, units: Unit[], show: Show, t: Translate = english): Problem[] {
  const out: Problem[] = [];
  if (!model.factors.length) out.push({ field: 'factors', message: t('wizard.check.addFactor') });
  model.factors.forEach((f, i) => {
    const name = f.name.trim() ? t('wizard.check.quoted', { name: f.name.trim() }) : t('wizard.check.factorN', { number: i + 1 });
    if (!f.name.trim()) out.push({ field: `factor-${i}-name`, message: t('wizard.check.factorName', { number: i + 1 }) });
    if (!isNumber(f.weight)) out.push({ field: `factor-${i}-weight`, message: t('wizard.check.weightPoints', { name }) });
    else if (f.weight < 0) out.push({ field: `factor-${i}-weight`, message: t('wizard.check.weightNegative', { name, value: show(f.weight, 'points') }) });
    const unit = units[i] ?? 'number';
    if (!isNumber(f.worst)) out.push({ field: `factor-${i}-worst`, message: t('wizard.check.worst', { name }) });
    if (!isNumber(f.best)) out.push({ field: `factor-${i}-best`, message: t('wizard.check.best', { name }) });
    if (isNumber(f.worst) && isNumber(f.best) && f.worst === f.best) {
      out.push({ field: `factor-${i}-best`, message: t('wizard.check.sameEnds', { name, value: typed(f.worst, show, unit, t) }) });
    }
    if (f.scale === 'log' && isNumber(f.worst) && isNumber(f.best) && !(f.worst > 0 && f.best > 0)) {
      out.push({ field: `factor-${i}-scale`, message: t('wizard.check.logScale', { name }) });
    }
  });
  if (model.factors.length && model.factors.every((f) => isNumber(f.weight) && f.weight >= 0) && !model.factors.some((f) => f.weight > 0)) {
    out.push({ field: 'factors', message: t('wizard.check.someFactorWeight') });
  }
  return out;
}

/**
 * Step 4: where strength comes from, and both cuts. `range` is the lowest and highest strength the
 * accounts get (when it can be told before the portfolio is built): a cut outside it puts every account
 * on one side.
 */
export function strengthProblems(model: KamModel, show: Show, range?: { min: number; max: number } | null, t: Translate = english): Problem[] {
  const out: Problem[] = [];
  const s = model.strength;
  if (s.kind === 'stage') {
    for (const [stage, value] of Object.entries(s.byStage)) {
      if (!isNumber(value) || value < 0) out.push({ field: `stage-${stage}`, message: t('wizard.check.stageStrength', { stage: stageName(stage, t) }) });
    }
    if (!isNumber(s.unknown) || s.unknown < 0) out.push({ field: 'unknown-strength', message: t('wizard.check.otherStrength') });
  } else if (s.kind === 'behaviour') {
    for (const [signal, weight] of Object.entries(s.signals)) {
      if (!isNumber(weight) || weight < 0) out.push({ field: `signal-${signal}`, message: t('wizard.check.weightPoints', { name: signalLabel(signal as BehaviourSignal, t) }) });
    }
    if (Object.values(s.signals).every((w) => isNumber(w) && w >= 0) && !Object.values(s.signals).some((w) => w > 0)) {
      out.push({ field: 'signals', message: t('wizard.check.someSignal') });
    }
  } else if (s.kind === 'ratings') {
    if (!s.criteria.length) out.push({ field: 'criteria', message: t('wizard.check.addCriterion') });
    s.criteria.forEach((c, i) => {
      const name = c.name.trim() ? t('wizard.check.quoted', { name: c.name.trim() }) : t('wizard.check.criterionN', { number: i + 1 });
      if (!c.name.trim()) out.push({ field: `criterion-${i}-name`, message: t('wizard.check.criterionName', { number: i + 1 }) });
      if (!isNumber(c.weight) || c.weight < 0) out.push({ field: `criterion-${i}-weight`, message: t('wizard.check.weight', { name }) });
      if (c.yours === c.rival) out.push({ field: `criterion-${i}-rival`, message: t('wizard.check.sameColumn', { name }) });
    });
    if (s.criteria.length && s.criteria.every((c) => isNumber(c.weight) && c.weight >= 0) && !s.criteria.some((c) => c.weight > 0)) {
      out.push({ field: 'criteria', message: t('wizard.check.someCriterion') });
    }
  }
  const a = model.cuts.attractiveness;
  if (a !== 'median' && (!isNumber(a) || a <= 0 || a > 10)) {
    out.push({ field: 'attractiveness-cut', message: t('wizard.check.attractivenessCut', { value: typed(a, show, 'score', t) }) });
  }
  const cut = model.cuts.strength;
  if (cut !== 'median') {
    if (!isNumber(cut) || cut <= 0) out.push({ field: 'strength-cut', message: t('wizard.check.strengthCut', { value: typed(cut, show, 'ratio', t) }) });
    else if (range && range.max > range.min && (cut <= range.min || cut > range.max)) {
      const side = cut <= range.min ? 'strong' : 'weak';
      out.push({
        field: 'strength-cut',
        message: t('wizard.check.cutOutside', { cut: show(cut, 'ratio'), side, min: show(range.min, 'ratio'), max: show(range.max, 'ratio') }),
      });
    }
  }
  return out;
}

/** Step 5: the team's days and the days per key account. */
export function capacityProblems(model: KamModel, show: Show, t: Translate = english): Problem[] {
  const out: Problem[] = [];
  const days = model.capacity.days;
  if (!isNumber(days) || days <= 0) out.push({ field: 'capacity-days', message: t('wizard.check.teamDays', { value: typed(days, show, 'days', t) }) });
  for (const [stage, value] of Object.entries(model.capacity.costByStage)) {
    if (!isNumber(value) || value <= 0) out.push({ field: `cost-${stage}`, message: t('wizard.check.stageDays', { stage: stageName(stage, t) }) });
  }
  if (!isNumber(model.capacity.otherwise) || model.capacity.otherwise <= 0) out.push({ field: 'cost-other', message: t('wizard.check.otherDays') });
  return out;
}
