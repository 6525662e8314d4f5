// Reading a model someone wrote (a --model JSON file, or the "KAM Model" sheet): overrides merged onto
// the defaults, every value checked, and each problem reported with its path and what to do, in the reader's language.
import { AttractivenessFactor, CostFrom, Cut, KamModel, SelectionObjective } from './model';
import { BEHAVIOUR_SIGNALS, BehaviourSignal, DEFAULT_BEHAVIOUR_WEIGHTS } from './behaviour';
import { english, phrase, type MessageId, type Phrase, type PhraseParam, type Translate } from '../i18n';

export class ModelError extends Error {
  /** Each problem in English (`problemsIn` says them in the reader's language). */
  readonly problems: string[];
  constructor(readonly phrases: Phrase[]) {
    const problems = phrases.map((p) => p(english));
    super(problems.join('\n'));
    this.problems = problems;
    this.name = 'ModelError';
  }

  problemsIn(t: Translate): string[] {
    return this.phrases.map((p) => p(t));
  }
}

/** A value as the problem quotes it: JSON, as the user typed it in the file. */
const shown = (value: Json): string => JSON.stringify(value) ?? String(value);

type Json = unknown;
const isObject = (x: Json): x is Record<string, Json> => typeof x === 'object' && x !== null && !Array.isArray(x);

class Checker {
  problems: Phrase[] = [];
  say(id: MessageId, params: Record<string, PhraseParam> = {}): void {
    this.problems.push(phrase(id, params));
  }
  number(value: Json, path: string, { min, max, exclusiveMin }: { min?: number; max?: number; exclusiveMin?: boolean } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.say('cli.modelFile.number', { path, value: shown(value) });
      return NaN;
    }
    if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
      this.say(exclusiveMin ? 'cli.modelFile.moreThan' : 'cli.modelFile.atLeast', { path, min, value });
    }
    if (max !== undefined && value > max) this.say('cli.modelFile.atMost', { path, max, value });
    return value;
  }
  cut(value: Json, path: string): Cut {
    if (value === 'median') return 'median';
    return this.number(value, path);
  }
  text(value: Json, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.say('cli.modelFile.text', { path, value: shown(value) });
      return '';
    }
    return value;
  }
  numberMap(value: Json, path: string, what = 'stage'): Record<string, number> {
    if (!isObject(value)) {
      this.say('cli.modelFile.numberMap', { path, what, example: what === 'account' ? '{"Acme": 45}' : '{"Basic": 20}' });
      return {};
    }
    const out: Record<string, number> = {};
    for (const [key, v] of Object.entries(value)) out[key] = this.number(v, `${path}.${key}`, { min: 0 });
    return out;
  }
  textMap(value: Json, path: string): Record<string, string> {
    if (!isObject(value)) {
      this.say('cli.modelFile.textMap', { path, example: '{"Básica": "Basic"}' });
      return {};
    }
    const out: Record<string, string> = {};
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string') out[key] = v.trim();
      else this.say('cli.modelFile.stageName', { path: `${path}["${key}"]`, value: shown(v) });
    }
    return out;
  }
  boolean(value: Json, path: string): boolean {
    if (typeof value === 'boolean') return value;
    this.say('cli.modelFile.boolean', { path, value: shown(value) });
    return false;
  }
}

const COST_FROM: readonly CostFrom[] = ['equal', 'stage', 'effort'];
const OBJECTIVES = ['attractiveness', 'profit', 'lifetimeValue'];

function readObjective(c: Checker, value: Json, path: string): SelectionObjective {
  if (typeof value === 'string' && (OBJECTIVES.includes(value) || (value.startsWith('column:') && value.length > 'column:'.length))) return value as SelectionObjective;
  c.say('cli.modelFile.objective', { path, value: shown(value) });
  return 'attractiveness';
}

const FIELDS = new Set(['revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'orders', 'effort']);

function readSource(c: Checker, value: Json, path: string): AttractivenessFactor['source'] {
  const text = c.text(value, path);
  if (text && !FIELDS.has(text) && !text.startsWith('column:')) {
    c.say('cli.modelFile.source', { path, text, fields: [...FIELDS].join(', ') });
  }
  return text as AttractivenessFactor['source'];
}

/**
 * Merges a model file's overrides onto `base` (the defaults for the data) and checks every value.
 * Sections left out keep their defaults; a `factors` list, when given, replaces the default factors.
 */
export function mergeModel(base: KamModel, overrides: Json, label = 'model'): KamModel {
  const c = new Checker();
  if (!isObject(overrides)) throw new ModelError([phrase('cli.modelFile.objectLike', { path: label, example: '{"capacity": {"days": 600}}' })]);
  const known = new Set(['version', 'factors', 'strength', 'stageNames', 'cuts', 'capacity', 'lifetimeValue', 'flags', 'limits', 'review']);
  for (const key of Object.keys(overrides)) {
    if (!known.has(key)) c.say('cli.modelFile.unknownSetting', { path: `${label}.${key}`, settings: [...known].join(', ') });
  }
  const model: KamModel = JSON.parse(JSON.stringify(base));
  const o = overrides;

  if (o.factors !== undefined) {
    if (!Array.isArray(o.factors) || o.factors.length === 0) {
      c.say('cli.modelFile.factorList', { path: `${label}.factors` });
    } else {
      model.factors = o.factors.map((f: Json, i: number) => {
        const path = `${label}.factors[${i}]`;
        if (!isObject(f)) {
          c.say('cli.modelFile.factorObject', { path });
          return { name: '', source: 'revenue', weight: 0, worst: 0, best: 10 };
        }
        const factor: AttractivenessFactor = {
          name: c.text(f.name, `${path}.name`),
          source: readSource(c, f.source, `${path}.source`),
          weight: c.number(f.weight, `${path}.weight`, { min: 0 }),
          worst: c.number(f.worst, `${path}.worst`),
          best: c.number(f.best, `${path}.best`),
        };
        if (factor.worst === factor.best) c.say('cli.modelFile.sameEnds', { path, value: factor.worst });
        if (f.scale === 'log') {
          factor.scale = 'log';
          if (!(factor.worst > 0 && factor.best > 0)) c.say('cli.modelFile.logScale', { path, worst: factor.worst, best: factor.best });
        } else if (f.scale !== undefined && f.scale !== 'linear' && f.scale !== '') {
          c.say('cli.modelFile.scale', { path: `${path}.scale`, value: shown(f.scale) });
        }
        return factor;
      });
      if (model.factors.every((f) => !(f.weight > 0))) c.say('cli.modelFile.positiveWeight', { path: `${label}.factors`, what: 'factor' });
    }
  }
  if (o.strength !== undefined) {
    const s = o.strength;
    if (isObject(s) && s.kind === 'column') {
      model.strength = { kind: 'column', source: readSource(c, s.source, `${label}.strength.source`) };
    } else if (isObject(s) && s.kind === 'ratings') {
      if (!Array.isArray(s.criteria) || s.criteria.length === 0) {
        c.say('cli.modelFile.criteriaList', { path: `${label}.strength.criteria` });
      } else {
        const criteria = s.criteria.map((x: Json, i: number) => {
          const path = `${label}.strength.criteria[${i}]`;
          if (!isObject(x)) {
            c.say('cli.modelFile.criterionObject', { path });
            return { name: '', yours: 'revenue' as const, rival: 'revenue' as const, weight: 0 };
          }
          return {
            name: c.text(x.name, `${path}.name`),
            yours: readSource(c, x.yours, `${path}.yours`),
            rival: readSource(c, x.rival, `${path}.rival`),
            weight: c.number(x.weight, `${path}.weight`, { min: 0 }),
          };
        });
        if (criteria.every((x) => !(x.weight > 0))) c.say('cli.modelFile.positiveWeight', { path: `${label}.strength.criteria`, what: 'criterion' });
        model.strength = { kind: 'ratings', criteria };
      }
    } else if (isObject(s) && s.kind === 'stage') {
      const current = model.strength.kind === 'stage' ? model.strength : { byStage: {}, unknown: 1 };
      model.strength = {
        kind: 'stage',
        byStage: s.byStage === undefined ? current.byStage : c.numberMap(s.byStage, `${label}.strength.byStage`),
        unknown: s.unknown === undefined ? current.unknown : c.number(s.unknown, `${label}.strength.unknown`, { min: 0 }),
      };
    } else if (isObject(s) && s.kind === 'behaviour') {
      const current = model.strength.kind === 'behaviour' ? model.strength.signals : undefined;
      const signals = {} as Record<BehaviourSignal, number>;
      const given = s.signals === undefined ? {} : isObject(s.signals) ? s.signals : null;
      if (given === null) c.say('cli.modelFile.signalsObject', { path: `${label}.strength.signals`, example: '{"frequency": 25}' });
      for (const key of Object.keys(given ?? {})) {
        if (!BEHAVIOUR_SIGNALS.some((x) => x.signal === key)) c.say('cli.modelFile.notSignal', { path: `${label}.strength.signals.${key}`, signals: BEHAVIOUR_SIGNALS.map((x) => x.signal).join(', ') });
      }
      for (const { signal } of BEHAVIOUR_SIGNALS) {
        const v = given?.[signal];
        signals[signal] = v === undefined ? current?.[signal] ?? DEFAULT_BEHAVIOUR_WEIGHTS[signal] : c.number(v, `${label}.strength.signals.${signal}`, { min: 0 });
      }
      if (BEHAVIOUR_SIGNALS.every((x) => !(signals[x.signal] > 0))) c.say('cli.modelFile.positiveWeight', { path: `${label}.strength.signals`, what: 'signal' });
      model.strength = { kind: 'behaviour', signals };
    } else {
      c.say('cli.modelFile.strengthKind', { path: `${label}.strength`, examples: '{"kind": "column", "source": …}; {"kind": "ratings", "criteria": […]}; {"kind": "stage", "byStage": {…}}; {"kind": "behaviour", "signals": {…}}' });
    }
  }
  if (o.stageNames !== undefined) model.stageNames = c.textMap(o.stageNames, `${label}.stageNames`);
  if (o.cuts !== undefined) {
    if (!isObject(o.cuts)) c.say('cli.modelFile.objectLike', { path: `${label}.cuts`, example: '{"attractiveness": 5, "strength": 1}' });
    else {
      if (o.cuts.attractiveness !== undefined) model.cuts.attractiveness = c.cut(o.cuts.attractiveness, `${label}.cuts.attractiveness`);
      if (o.cuts.strength !== undefined) model.cuts.strength = c.cut(o.cuts.strength, `${label}.cuts.strength`);
    }
  }
  if (o.capacity !== undefined) {
    const cap = o.capacity;
    if (!isObject(cap)) c.say('cli.modelFile.objectLike', { path: `${label}.capacity`, example: '{"days": 600}' });
    else {
      if (cap.days !== undefined) model.capacity.days = c.number(cap.days, `${label}.capacity.days`, { min: 0, exclusiveMin: true });
      if (cap.costByStage !== undefined) {
        model.capacity.costByStage = c.numberMap(cap.costByStage, `${label}.capacity.costByStage`);
        // Days by stage that someone wrote are meant to be used.
        if (cap.costFrom === undefined) model.capacity.costFrom = 'stage';
      }
      if (cap.costFrom !== undefined) {
        if (COST_FROM.includes(cap.costFrom as CostFrom)) model.capacity.costFrom = cap.costFrom as CostFrom;
        else c.say('cli.modelFile.costFrom', { path: `${label}.capacity.costFrom` });
      }
      if (cap.otherwise !== undefined) model.capacity.otherwise = c.number(cap.otherwise, `${label}.capacity.otherwise`, { min: 0, exclusiveMin: true });
      if (cap.accountDays !== undefined) {
        model.capacity.accountDays = c.numberMap(cap.accountDays, `${label}.capacity.accountDays`, 'account');
        for (const [account, days] of Object.entries(model.capacity.accountDays)) {
          if (days === 0) c.say('cli.modelFile.accountDays', { path: `${label}.capacity.accountDays.${account}` });
        }
      }
      if (cap.value !== undefined) model.capacity.value = readObjective(c, cap.value, `${label}.capacity.value`);
      if (cap.lossMakingStars !== undefined) model.capacity.lossMakingStars = c.boolean(cap.lossMakingStars, `${label}.capacity.lossMakingStars`);
    }
  }
  if (o.lifetimeValue !== undefined) {
    const lv = o.lifetimeValue;
    if (!isObject(lv)) c.say('cli.modelFile.objectLike', { path: `${label}.lifetimeValue`, example: '{"retention": 0.85, "discountRate": 0.1}' });
    else {
      if (lv.retention !== undefined) {
        model.lifetimeValue.retention = c.number(lv.retention, `${label}.lifetimeValue.retention`, { min: 0 });
        if (model.lifetimeValue.retention >= 1) c.say('cli.modelFile.retention', { path: `${label}.lifetimeValue.retention` });
      }
      if (lv.discountRate !== undefined) model.lifetimeValue.discountRate = c.number(lv.discountRate, `${label}.lifetimeValue.discountRate`, { min: 0 });
      if (lv.years !== undefined) model.lifetimeValue.years = lv.years === null ? null : c.number(lv.years, `${label}.lifetimeValue.years`, { min: 1 });
    }
  }
  if (o.flags !== undefined) {
    const f = o.flags;
    if (!isObject(f)) c.say('cli.modelFile.objectLike', { path: `${label}.flags`, example: '{"bigNameTopShare": 0.1}' });
    else {
      if (f.bigNameTopShare !== undefined) model.flags.bigNameTopShare = c.number(f.bigNameTopShare, `${label}.flags.bigNameTopShare`, { min: 0, max: 1, exclusiveMin: true });
      if (f.oldFriendYears !== undefined) model.flags.oldFriendYears = c.number(f.oldFriendYears, `${label}.flags.oldFriendYears`, { min: 0 });
      if (f.attractivenessCut !== undefined) model.flags.attractivenessCut = c.number(f.attractivenessCut, `${label}.flags.attractivenessCut`, { min: 0, max: 10 });
    }
  }
  if (o.limits !== undefined) {
    const l = o.limits;
    if (!isObject(l)) c.say('cli.modelFile.objectLike', { path: `${label}.limits`, example: '{"keyAccounts": 50, "perManager": 15}' });
    else {
      if (l.keyAccounts !== undefined) model.limits.keyAccounts = c.number(l.keyAccounts, `${label}.limits.keyAccounts`, { min: 1 });
      if (l.perManager !== undefined) model.limits.perManager = c.number(l.perManager, `${label}.limits.perManager`, { min: 1 });
    }
  }
  if (o.review !== undefined) {
    const r = o.review;
    if (!isObject(r)) c.say('cli.modelFile.objectLike', { path: `${label}.review`, example: '{"fragilePoints": 5, "segmentShare": 0.15}' });
    else {
      if (r.fragilePoints !== undefined) model.review.fragilePoints = c.number(r.fragilePoints, `${label}.review.fragilePoints`, { min: 0, max: 100 });
      if (r.segmentShare !== undefined) model.review.segmentShare = c.number(r.segmentShare, `${label}.review.segmentShare`, { min: 0, max: 1, exclusiveMin: true });
    }
  }
  if (c.problems.length) throw new ModelError(c.problems);
  return model;
}
