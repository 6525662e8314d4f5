// The relationship stage as workbooks write it (English, Spanish, "Stage 3 – cooperative", Millman &
// Wilson's Pre-/Early-/Mid-/Partnership-/Synergistic-KAM) recognised as one of the method's stages.
import { foldText } from '../ingest/fold-text';
import { STAGES } from './model';
import { english, type MessageId, type Translate } from '../i18n';

export type Stage = (typeof STAGES)[number];

/**
 * Word beginnings that name each stage, folded (lower case, no accents). Millman & Wilson's names need
 * their "KAM" (see recogniseStage), since "early" or "mid" alone could mean anything.
 */
const STAGE_WORDS: readonly [Stage, readonly string[]][] = [
  ['Exploratory', ['explorat', 'exploracion', 'exploration']],
  ['Basic', ['basic', 'transactional', 'transaccional']],
  ['Cooperative', ['cooperat', 'cooperacion']],
  ['Interdependent', ['interdepend', 'partnership', 'asociacion']],
  ['Integrated', ['integrat', 'integrad', 'integracion', 'synergistic', 'sinergic']],
  ['Disintegrating', ['disintegrat', 'desintegra', 'uncoupling', 'desacople']],
];

/** Millman & Wilson's development stages, written "Pre-KAM", "Early KAM", "mid-kam", "PreKAM"… */
const KAM_PREFIXES: readonly [Stage, string][] = [
  ['Exploratory', 'pre'],
  ['Basic', 'early'],
  ['Cooperative', 'mid'],
];

/**
 * The method's stage a text names, or null when it names none or several ("Basic to cooperative").
 * Case, accents, numbering and decorations do not matter: "Básica", "BASIC KAM", "3 - Cooperative",
 * "Stage: integrated", "En desintegración", "Partnership-KAM" are all recognised.
 */
export function recogniseStage(text: string): Stage | null {
  const words = foldText(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const found = new Set<Stage>();
  words.forEach((word, i) => {
    for (const [stage, starts] of STAGE_WORDS) if (starts.some((s) => word.startsWith(s))) found.add(stage);
    for (const [stage, prefix] of KAM_PREFIXES) {
      if (word === `${prefix}kam` || (word === prefix && words[i + 1] === 'kam')) found.add(stage);
    }
  });
  return found.size === 1 ? [...found][0]! : null;
}

/** How an account's stage value was turned into a stage of the model's tables. */
export interface ResolvedStage {
  /** The stage name as the model's tables spell it, or null when the value names no stage. */
  stage: string | null;
  how: 'mapped' | 'table' | 'recognised' | 'unknown' | 'blank';
}

const stageKey = (value: string): string => value.trim().toLowerCase();

/**
 * Resolves a stage value from the data, in this order: the model's stage names (what the user mapped;
 * a value mapped to "" is explicitly no stage), a stage of the model's tables written as such (any case),
 * then the vocabulary above. The workbook the wizard writes does the same with a lookup in the stage-names
 * table, which lists every value found in the data with what it resolved to.
 */
export function stageResolver(stageNames: Record<string, string>, tableStages: readonly string[]): (value: string | undefined) => ResolvedStage {
  const named = new Map(Object.entries(stageNames).map(([value, stage]) => [stageKey(value), stage.trim()]));
  const table = new Map(tableStages.map((stage) => [stageKey(stage), stage]));
  return (value) => {
    if (value === undefined || value.trim() === '') return { stage: null, how: 'blank' };
    const mapped = named.get(stageKey(value));
    if (mapped !== undefined) return mapped === '' ? { stage: null, how: 'unknown' } : { stage: table.get(stageKey(mapped)) ?? mapped, how: 'mapped' };
    const inTable = table.get(stageKey(value));
    if (inTable !== undefined) return { stage: inTable, how: 'table' };
    const recognised = recogniseStage(value);
    if (recognised !== null) return { stage: table.get(stageKey(recognised)) ?? recognised, how: 'recognised' };
    return { stage: null, how: 'unknown' };
  };
}

/** Every distinct stage value of the data (first spelling met), with how many accounts have it, most first. */
export function stageValues(stages: readonly (string | undefined)[]): { value: string; accounts: number }[] {
  const counts = new Map<string, { value: string; accounts: number }>();
  for (const stage of stages) {
    if (stage === undefined || stage.trim() === '') continue;
    const key = stageKey(stage);
    const entry = counts.get(key) ?? { value: stage.trim(), accounts: 0 };
    entry.accounts++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.accounts - a.accounts || a.value.localeCompare(b.value));
}

/** A stage of the method in the reader's language ("Básica"); a stage the user's table adds keeps its name. */
export function stageName(stage: string, t: Translate = english): string {
  return (STAGES as readonly string[]).includes(stage) ? t(`stage.${stage}` as MessageId) : stage;
}
