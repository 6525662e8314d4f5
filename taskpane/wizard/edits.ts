// Keeping the user's edits when the data under the model changes (another column mapped, the table read
// again): a setting the user never touched follows the new data's default; one they changed stays; a
// factor or strength source whose column is gone is dropped, and each such change is said in words.
import type { AccountRecord } from '../../src/core/ingest';
import type { AttractivenessFactor, FactorSource, KamModel, StrengthSource } from '../../src/core/model/model';
import { DEFAULT_STAGE_STRENGTH } from '../../src/core/model/model';
import { factorValue, sourceLabel } from '../../src/core/model/account-values';
import { defaultModel, modelInputs, percentile } from '../../src/core/model/defaults';
import { english, type Translate } from '../../src/core/i18n';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A setting as the user left it, moved onto new defaults: untouched (equal to the old default) takes the
 * new default; objects are merged key by key; anything the user changed is kept as they left it.
 */
function rebaseValue(user: unknown, oldDefault: unknown, newDefault: unknown): unknown {
  if (same(user, oldDefault)) return clone(newDefault);
  if (isPlain(user) && isPlain(oldDefault) && isPlain(newDefault)) {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(user), ...Object.keys(newDefault)])) {
      out[k] = k in user ? rebaseValue(user[k], oldDefault[k], newDefault[k]) : clone(newDefault[k]);
    }
    return out;
  }
  return user;
}

/** A source's values over the accounts, to tell whether its data changed. */
const fingerprint = (accounts: readonly AccountRecord[], source: FactorSource): string => accounts.map((a) => factorValue(a, source) ?? '').join('|');

const hasData = (accounts: readonly AccountRecord[], source: FactorSource): boolean => accounts.some((a) => factorValue(a, source) !== null);

/**
 * The default scale for a source: as the default model sets it (with its log scale for money), else from the
 * 10th to the 90th percentile.
 */
export function defaultScale(accounts: readonly AccountRecord[], source: FactorSource): { worst: number; best: number; scale?: 'log' } {
  const found = defaultModel(modelInputs(accounts as AccountRecord[])).factors.find((f) => f.source === source);
  if (found) return { worst: found.worst, best: found.best, ...(found.scale ? { scale: found.scale } : {}) };
  const values = accounts.map((a) => factorValue(a, source)).filter((v): v is number => v !== null);
  let worst = percentile(values, 0.1);
  let best = percentile(values, 0.9);
  if (!(Number.isFinite(worst) && Number.isFinite(best)) || worst === best) {
    worst = Math.min(0, ...values);
    best = Math.max(10, ...values);
  }
  return { worst, best };
}

export interface Rebased {
  model: KamModel;
  /** What changed in the model because of the data, in the user's words. */
  notices: string[];
}

/**
 * The user's model moved onto new data: `before`/`after` are the accounts, `oldDefaults`/`newDefaults`
 * the default models for each. Only what depends on data that changed is touched.
 */
export function rebaseModel(model: KamModel, before: readonly AccountRecord[], after: readonly AccountRecord[], oldDefaults: KamModel, newDefaults: KamModel, t: Translate = english): Rebased {
  const notices: string[] = [];
  const changed = (source: FactorSource): boolean => fingerprint(before, source) !== fingerprint(after, source);
  const out = rebaseValue({ ...model, factors: [] }, { ...oldDefaults, factors: [] }, { ...newDefaults, factors: [] }) as KamModel;

  if (same(model.factors, oldDefaults.factors)) {
    // Step 3 was never touched: the factors follow the data.
    out.factors = clone(newDefaults.factors);
  } else {
    const oldBySource = new Map(oldDefaults.factors.map((f) => [f.source, f]));
    const factors: AttractivenessFactor[] = [];
    for (const f of model.factors) {
      if (!hasData(after, f.source)) {
        notices.push(t('wizard.notice.factorRemoved', { name: f.name, column: sourceLabel(f.source, t) }));
        continue;
      }
      const old = oldBySource.get(f.source);
      const scaleUntouched = !old || (old.worst === f.worst && old.best === f.best);
      if (changed(f.source) && scaleUntouched) {
        const scale = defaultScale(after, f.source);
        const lowerIsBetter = f.worst > f.best;
        const { scale: _old, ...rest } = f;
        factors.push({
          ...rest,
          worst: lowerIsBetter ? Math.max(scale.worst, scale.best) : Math.min(scale.worst, scale.best),
          best: lowerIsBetter ? Math.min(scale.worst, scale.best) : Math.max(scale.worst, scale.best),
          ...(scale.scale ? { scale: scale.scale } : {}),
        });
        notices.push(t('wizard.notice.factorRescaled', { name: f.name }));
      } else factors.push(clone(f));
    }
    for (const f of newDefaults.factors) {
      if (factors.some((x) => x.source === f.source) || oldBySource.has(f.source) || hasData(before, f.source)) continue;
      factors.push(clone(f));
      notices.push(t('wizard.notice.factorAdded', { name: f.name, points: f.weight }));
    }
    out.factors = factors;
  }

  // Strength from a column that is gone falls back to the new default.
  const s = out.strength;
  const gone = (source: FactorSource): boolean => !hasData(after, source);
  if (s.kind === 'column' && gone(s.source)) {
    notices.push(t('wizard.notice.strengthGone', { column: sourceLabel(s.source, t) }));
    out.strength = clone(newDefaults.strength);
  } else if (s.kind === 'ratings') {
    const kept = s.criteria.filter((c) => !gone(c.yours) && !gone(c.rival));
    if (kept.length < s.criteria.length) notices.push(t('wizard.notice.criteriaRemoved', { count: s.criteria.length - kept.length }));
    out.strength = kept.length ? { kind: 'ratings', criteria: kept } : clone(newDefaults.strength);
  }
  return { model: out, notices };
}

// ---- Defaults when the user changes where strength comes from ----

const MONEY_OR_COUNT = new Set<FactorSource>(['revenue', 'profit', 'costToServe', 'orders']);
const STRENGTH_HEADER = /strength|fuerza|fortaleza|relative|relativa|competitive|competitiva|vs\.? ?rival/i;

/** Values that read like a ratio to the best rival: positive, typically between 0.2 and 5. */
function ratioLike(values: number[]): boolean {
  if (!values.length || values.some((v) => v < 0)) return false;
  const mid = percentile(values, 0.5);
  return mid >= 0.2 && mid <= 5;
}

/**
 * A strength column and its cut for a data set: a column named like strength, else one whose values read
 * like ratios, else any non-money column; never revenue against a cut of 1. The cut is 1 (parity) for
 * ratio-like values and the median otherwise.
 */
export function defaultStrengthColumn(accounts: readonly AccountRecord[], sources: readonly FactorSource[]): { source: FactorSource; cut: number | 'median' } | null {
  if (!sources.length) return null;
  const values = (s: FactorSource): number[] => accounts.map((a) => factorValue(a, s)).filter((v): v is number => v !== null);
  const named = sources.find((s) => STRENGTH_HEADER.test(sourceLabel(s)));
  const source = named ?? sources.find((s) => !MONEY_OR_COUNT.has(s) && ratioLike(values(s))) ?? sources.find((s) => !MONEY_OR_COUNT.has(s)) ?? sources[0];
  const v = values(source);
  const mid = percentile(v, 0.5);
  return { source, cut: ratioLike(v) && mid >= 0.5 && mid <= 2 ? 1 : 'median' };
}

const YOU = /\b(?:you|yours|us|our|ours|own|we|nosotros|nuestra|nuestro|propia|propio)\b/i;
const RIVAL = /\b(?:rival|rivals|competitor|competition|competencia|competidor|best rival)\b/i;
const RATING_WORDS = /\b(?:best|mejor|rating|ratings|score|valoraci[oó]n|puntuaci[oó]n|nota)\b/gi;
/** A header without the you/rival words and punctuation, in its own case: "Speed (our rating)" → "Speed". */
const criterionName = (header: string): string => header.replace(YOU, ' ').replace(RIVAL, ' ').replace(RATING_WORDS, ' ').replace(/[()[\]\-–:_/,.]+/g, ' ').replace(/\s+/g, ' ').trim();
const baseName = (header: string): string => criterionName(header).toLowerCase();

/** Your-vs-rival criteria found by header pairs ("Quality (us)" / "Quality (rival)"), else the first two rating columns. */
export function defaultCriteria(accounts: readonly AccountRecord[], sources: readonly FactorSource[], t: Translate = english): Extract<StrengthSource, { kind: 'ratings' }>['criteria'] {
  const columns = sources.filter((s) => s.startsWith('column:'));
  const criteria = [];
  for (const yours of columns.filter((s) => YOU.test(sourceLabel(s)))) {
    const rival = columns.find((r) => RIVAL.test(sourceLabel(r)) && baseName(sourceLabel(r)) === baseName(sourceLabel(yours)));
    if (rival) {
      criteria.push({ name: criterionName(sourceLabel(yours)) || t('wizard.criteria.numbered', { number: criteria.length + 1 }), yours, rival, weight: 1 });
    }
  }
  if (criteria.length) return criteria;
  const ratings = sources.filter((s) => !MONEY_OR_COUNT.has(s) && accounts.every((a) => {
    const v = factorValue(a, s);
    return v === null || (v >= 0 && v <= 10);
  }));
  const pool = ratings.length >= 2 ? ratings : sources;
  return [{ name: t('wizard.criteria.numbered', { number: 1 }), yours: pool[0], rival: pool[1] ?? pool[0], weight: 1 }];
}

/** The stage proxy: the default model's, or the method's stage table. */
export function defaultStageStrength(defaults: KamModel): Extract<StrengthSource, { kind: 'stage' }> {
  return defaults.strength.kind === 'stage' ? clone(defaults.strength) : { kind: 'stage', byStage: { ...DEFAULT_STAGE_STRENGTH }, unknown: 1 };
}
