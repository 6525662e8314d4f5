// The KAM Model sheet round trip and the build plan's shape, without any host.
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../../src/core/model/defaults';
import { defaultRewardPlan } from '../../../src/core/functions/reward';
import { ModelSheetError, modelSheetBlocks, NAMES, planInLanguage, readModelSheet, SourceMapping } from '../../../src/core/model/model-sheet';
import { english, translator } from '../../../src/core/i18n';
import type { KamModel } from '../../../src/core/model/model';
import { a1Range, checkOwnership, COMMAND_LINE_MARKER_TEXT, encodeBlock, MARKER_TEXT, parseRange, PlanBlock } from '../../../src/core/workbook/plan';

const model = defaultModel({
  fields: { revenue: [100, 200, 300, 400], margin: [0.1, 0.2, 0.3, 0.25], costToServe: [5, 6, 7, 8] },
  columns: { 'Strategic fit': [1, 5, 9, 7] },
  hasStage: true,
  managers: 2,
});
const mapping: SourceMapping = { sheet: "O'Brien data", range: 'A3:H40', headerRow: 3, kind: 'customers', columns: { account: 'Customer', revenue: 'Ventas' }, unused: ['growth'] };

/** The blocks as a sheet would hold them: a grid from A1. */
function toGrid(blocks: PlanBlock[]): unknown[][] {
  const grid: unknown[][] = [];
  for (const b of blocks) b.cells.forEach((r, i) => r.forEach((v, j) => {
    (grid[b.row - 1 + i] ??= [])[b.column - 1 + j] = v;
  }));
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => (v === undefined ? null : v)));
}

describe('KAM Model sheet', () => {
  it('round-trips every setting, the mapping, the reward plan and the owned sheets', () => {
    const m = structuredClone(model);
    m.cuts = { attractiveness: 'median', strength: 1.1 };
    m.lifetimeValue.years = 5;
    m.capacity.value = 'lifetimeValue';
    m.strength = { kind: 'stage', byStage: { ...((m.strength as { byStage: Record<string, number> }).byStage), Custom: 0.9 }, unknown: 0.7 };
    m.capacity.costByStage.Custom = 12;
    const plan = defaultRewardPlan();
    plan[1][2] = 0.4;
    const { blocks } = modelSheetBlocks(m, mapping, plan, ['KAM Model', 'KAM Portfolio']);
    const back = readModelSheet(toGrid(blocks));
    expect(back.model).toEqual(m);
    expect(back.mapping).toEqual(mapping);
    expect(back.rewardPlan).toEqual(plan);
    expect(back.owned).toEqual(['KAM Model', 'KAM Portfolio']);
  });

  it('round-trips the behavioural proxy, stage names, costs, per-account days, the objective and the loss-maker policy', () => {
    const m = structuredClone(model);
    m.strength = { kind: 'behaviour', signals: { tenure: 10, frequency: 30, recency: 20, breadth: 0, trend: 15 } };
    m.stageNames = { Básica: 'Basic', 'Etapa 3 - cooperativa': 'Cooperative', Oro: '' };
    m.capacity = { ...m.capacity, costFrom: 'effort', accountDays: { Acme: 45, 'Borg S.A.': 12.5 }, value: 'column:Strategic fit', lossMakingStars: true };
    const { blocks, names } = modelSheetBlocks(m, mapping, defaultRewardPlan(), []);
    const grid = toGrid(blocks);
    expect(readModelSheet(grid).model).toEqual(m);
    // The proxy is named as one on the sheet, with what each signal measures.
    expect(grid.some((r) => /PROXY from buying behaviour/.test(String(r[0])))).toBe(true);
    expect(grid.find((r) => r[0] === 'recency')?.[2]).toBe('Recency (days since the last order; fewer is stronger)');
    const stageNames = parseRange(names.find((n) => n.name === NAMES.stageNames)!.range);
    expect(grid.slice(stageNames.row - 1, stageNames.row - 1 + stageNames.rows).map((r) => r.slice(0, 2))).toEqual([['Básica', 'Basic'], ['Etapa 3 - cooperativa', 'Cooperative'], ['Oro', '(not a stage)']]);
    expect(names.find((n) => n.name === NAMES.accountDays)).toBeTruthy();
    expect(grid.find((r) => r[0] === 'How the default scales were set')?.[1]).toMatch(/10th percentile/);
  });

  it('reads a model sheet an earlier version wrote (costs by stage, old labels)', () => {
    const m = structuredClone(model);
    const grid = toGrid(modelSheetBlocks(m, mapping, defaultRewardPlan(), []).blocks);
    const rename = (now: string, before: string): void => {
      grid.find((r) => r[0] === now)![0] = before;
    };
    rename('Days a year per key account (every account when the same for all; else one with no stage or effort)', 'Days a year for any other stage');
    rename('Choose key accounts by (attractiveness, profit, lifetimeValue or column:<header>) *', 'Choose key accounts by (attractiveness or lifetimeValue) *');
    for (const label of ['Days per key account from (equal, stage or effort) *', 'A Star may be key while it loses money (TRUE or FALSE)']) {
      grid.splice(grid.findIndex((r) => r[0] === label), 1);
    }
    const back = readModelSheet(grid).model;
    expect(back.capacity).toEqual({ ...m.capacity, costFrom: 'stage' });
  });

  it('round-trips strength from ratings, with the criteria weights named for KAM_STRENGTH', () => {
    const m = structuredClone(model);
    m.strength = {
      kind: 'ratings',
      criteria: [
        { name: 'Quality', yours: 'column:Quality (us)', rival: 'column:Quality (rival)', weight: 3 },
        { name: 'Service', yours: 'column:Service (us)', rival: 'column:Service (rival)', weight: 1 },
      ],
    };
    const { blocks, names } = modelSheetBlocks(m, mapping, defaultRewardPlan(), []);
    expect(readModelSheet(toGrid(blocks)).model).toEqual(m);
    const weights = names.find((n) => n.name === NAMES.strengthWeights)!;
    const grid = toGrid(blocks);
    const { row, column } = parseRange(weights.range);
    expect([grid[row - 1][column - 1], grid[row][column - 1]]).toEqual([3, 1]);
  });

  it('reads a strength column setting and numbers Sheets hands back as text', () => {
    const m = structuredClone(model);
    m.strength = { kind: 'column', source: 'column:Strategic fit' };
    const grid = toGrid(modelSheetBlocks(m, mapping, defaultRewardPlan(), []).blocks).map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v)));
    expect(readModelSheet(grid).model.strength).toEqual({ kind: 'column', source: 'column:Strategic fit' });
  });

  it('names every setting block, each pointing at labelled cells on the model sheet', () => {
    const { blocks, names } = modelSheetBlocks(model, mapping, defaultRewardPlan(), []);
    // KAM_StrengthWeights exists only when strength comes from ratings (the test above), KAM_StageNames only when
    // the data has stage values, KAM_AccountDays only when accounts have days of their own (below).
    const optional: string[] = [NAMES.strengthWeights, NAMES.stageNames, NAMES.accountDays];
    expect(names.map((n) => n.name).sort()).toEqual(Object.values(NAMES).filter((n) => !optional.includes(n)).sort());
    const grid = toGrid(blocks);
    const weights = parseRange(names.find((n) => n.name === NAMES.weights)!.range);
    expect(grid[weights.row - 1].slice(1, 1 + weights.columns)).toEqual(model.factors.map((f) => f.weight));
    const scales = parseRange(names.find((n) => n.name === NAMES.scales)!.range);
    expect(scales.rows).toBe(3); // worst, best, and "linear" or "log" per factor
    expect(grid[scales.row + 1].slice(1, 1 + scales.columns)).toEqual(model.factors.map((f) => f.scale ?? 'linear'));
    expect(grid[1][0]).toBe(MARKER_TEXT);
  });

  it('reports a damaged sheet in words', () => {
    const grid = toGrid(modelSheetBlocks(model, mapping, defaultRewardPlan(), []).blocks);
    const r = grid.findIndex((row) => row[0] === 'Weight (points)');
    grid[r][1] = 'lots';
    expect(() => readModelSheet(grid)).toThrow(/KAM Model sheet could not be read.*weight must be a number/);
  });
});

describe('KAM Model sheet in Spanish, read back in any language', () => {
  const es = translator('es');
  const spanishModel = (): KamModel => {
    const m = defaultModel({
      fields: { revenue: [100, 200, 300, 400], margin: [0.1, 0.2, 0.3, 0.25], costToServe: [5, 6, 7, 8] },
      columns: { 'Encaje estratégico': [1, 5, 9, 7] },
      hasStage: true,
      managers: 2,
    }, es);
    m.cuts = { attractiveness: 'median', strength: 1.1 };
    m.stageNames = { Básica: 'Basic', Oro: '', 'Etapa 3': 'Cooperative' };
    m.capacity.costByStage.Integrated = 30;
    m.capacity.lossMakingStars = true;
    return m;
  };

  it('writes labels, sections, headers, notes, stages and the reward plan in Spanish, and reads it back to the same model', () => {
    const m = spanishModel();
    const { blocks } = modelSheetBlocks(m, mapping, defaultRewardPlan(), ['KAM Model', 'KAM Portfolio'], { t: es });
    const grid = toGrid(blocks);
    const column = (j: number): string[] => grid.map((r) => String(r[j] ?? ''));
    for (const id of ['model.label.factor', 'model.label.weight', 'model.label.capacity', 'model.label.fragilePoints', 'model.label.segmentShare', 'model.section.review', 'model.section.rewards'] as const) {
      expect(column(0), id).toContain(es(id));
    }
    // The stage table and the stage-names table name the method's stages in Spanish, both the same way (the portfolio's
    // VLOOKUP goes from one to the other); a value that names no stage says so in Spanish.
    expect(column(0)).toEqual(expect.arrayContaining(['Exploratoria', 'Básica', 'Cooperativa', 'Integrada']));
    expect(grid.find((r) => r[0] === 'Oro')?.[1]).toBe('(no es una etapa)');
    expect(grid.find((r) => r[0] === 'Etapa 3')?.[1]).toBe('Cooperativa');
    // The reward plan in Spanish: header, positions, metrics, directions.
    const planAt = grid.findIndex((r) => r[0] === 'posición');
    expect(grid[planAt]!.slice(0, 2)).toEqual(['posición', 'métrica']);
    expect(grid[planAt + 1]!.slice(0, 4)).toEqual(['Estratégica', 'crecimiento de ventas', 0.35, 'mayor']);
    // Settings read as keywords stay keywords: the scale, the strength source, the table kind, the cut.
    expect(grid.find((r) => r[0] === es('model.label.strengthFrom'))?.[1]).toBe('stage');
    expect(grid.find((r) => r[0] === es('model.label.attractivenessCut'))?.[1]).toBe('median');

    const back = readModelSheet(grid);
    expect(back.model).toEqual(m);
    expect(back.mapping).toEqual(mapping);
    expect(back.owned).toEqual(['KAM Model', 'KAM Portfolio']);
    // The plan comes back as written (KAM_REWARD reads it in any language), and is the English default in English words.
    expect(planInLanguage(back.rewardPlan, english)).toEqual(defaultRewardPlan());
    // The same model written in English reads back to the same model.
    expect(readModelSheet(toGrid(modelSheetBlocks(m, mapping, defaultRewardPlan(), ['KAM Model', 'KAM Portfolio']).blocks)).model).toEqual(m);
  });

  it('reads words a Spanish user types in a setting: lineal, mediana, VERDADERO', () => {
    const m = spanishModel();
    const grid = toGrid(modelSheetBlocks(m, mapping, defaultRewardPlan(es), [], { t: es }).blocks);
    const set = (label: string, column: number, value: unknown): void => {
      grid.find((r) => r[0] === label)![column] = value;
    };
    set(es('model.label.scale'), 1, 'Lineal');
    set(es('model.label.strengthCut'), 1, 'mediana');
    set(es('model.label.lossMakingStars'), 1, 'FALSO');
    const back = readModelSheet(grid).model;
    // "Lineal" is read as linear (anything else would be refused as a scale), which the model leaves unset.
    expect(back.factors[0]!.scale ?? 'linear').toBe('linear');
    expect(back.cuts.strength).toBe('median');
    expect(back.capacity.lossMakingStars).toBe(false);
  });

  it('says what is missing in the reader\'s language, naming the row in that language', () => {
    const grid = toGrid(modelSheetBlocks(spanishModel(), mapping, defaultRewardPlan(es), [], { t: es }).blocks);
    const r = grid.findIndex((row) => row[0] === es('model.label.weight'));
    grid.splice(r, 1);
    try {
      readModelSheet(grid);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelSheetError);
      expect((error as ModelSheetError).said(es)).toBe('No se ha podido leer la hoja KAM Model: falta la fila "Peso (puntos)".');
      expect((error as Error).message).toBe('The KAM Model sheet could not be read: the row "Weight (points)" is missing.');
    }
  });
});

describe('workbook plan helpers', () => {
  it('encodes text so that neither host reads it as a formula or a number', () => {
    const block: PlanBlock = { row: 1, column: 1, cells: [['=HYPERLINK("x")', '+cmd', 42, { formula: '=KAM_SCORE(A1:B2, KAM_Weights)' }, null, '00123']] };
    expect(encodeBlock(block, 'sheets')).toEqual({ input: [["'=HYPERLINK(\"x\")", "'+cmd", 42, '=KAM_SCORE(A1:B2, KAM_Weights)', '', "'00123"]], formats: null });
    expect(encodeBlock(block, 'excel')).toEqual({
      input: [['=HYPERLINK("x")', '+cmd', 42, '=KAM_SCORE(A1:B2, KAM_Weights)', '', '00123']],
      formats: [['@', '@', 'General', 'General', 'General', '@']],
    });
  });

  it('tells new, owned and foreign sheets apart, ignoring case', () => {
    const plan = { sheets: [{ name: 'KAM Model', blocks: [] }, { name: 'KAM Portfolio', blocks: [] }, { name: 'Key accounts', blocks: [] }] };
    const existing = [{ name: 'kam model', marker: MARKER_TEXT }, { name: 'Key Accounts', marker: 'my notes' }];
    expect(checkOwnership(existing, plan)).toEqual({ create: ['KAM Portfolio'], update: ['kam model'], retire: [], conflicts: ['Key Accounts'] });
  });

  it('retires only a sheet of ours: the command line\'s picture goes, a user\'s sheet of that name stays', () => {
    const plan = { sheets: [{ name: 'KAM Model', blocks: [] }], retire: ['KAM Matrix'] };
    expect(checkOwnership([{ name: 'kam matrix', marker: COMMAND_LINE_MARKER_TEXT }], plan).retire).toEqual(['kam matrix']);
    expect(checkOwnership([{ name: 'KAM Matrix', marker: '' }], plan)).toEqual({ create: ['KAM Model'], update: [], retire: [], conflicts: [] });
  });

  it('writes and parses A1 ranges', () => {
    expect(a1Range(6, 27, 10, 2, true)).toBe('$AA$6:$AB$15');
    expect(parseRange('$AA$6:$AB$15')).toEqual({ row: 6, column: 27, rows: 10, columns: 2 });
  });
});
