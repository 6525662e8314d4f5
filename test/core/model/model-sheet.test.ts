// The KAM Model sheet round trip and the build plan's shape, without any host.
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../../src/core/model/defaults';
import { defaultRewardPlan } from '../../../src/core/functions/reward';
import { modelSheetBlocks, NAMES, readModelSheet, SourceMapping } from '../../../src/core/model/model-sheet';
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
    // KAM_StrengthWeights exists only when strength comes from ratings (the test above).
    expect(names.map((n) => n.name).sort()).toEqual(Object.values(NAMES).filter((n) => n !== NAMES.strengthWeights).sort());
    const grid = toGrid(blocks);
    const weights = parseRange(names.find((n) => n.name === NAMES.weights)!.range);
    expect(grid[weights.row - 1].slice(1, 1 + weights.columns)).toEqual(model.factors.map((f) => f.weight));
    const scales = parseRange(names.find((n) => n.name === NAMES.scales)!.range);
    expect(scales.rows).toBe(2);
    expect(grid[1][0]).toBe(MARKER_TEXT);
  });

  it('reports a damaged sheet in words', () => {
    const grid = toGrid(modelSheetBlocks(model, mapping, defaultRewardPlan(), []).blocks);
    const r = grid.findIndex((row) => row[0] === 'Weight (points)');
    grid[r][1] = 'lots';
    expect(() => readModelSheet(grid)).toThrow(/KAM Model sheet could not be read.*weight must be a number/);
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
