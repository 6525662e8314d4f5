// The written workbook read back in either language: headers, templated headers, typed rewards, KAM History snapshots,
// a KAM Portfolio sheet's placements; and the formula tests that compare with a function's words in every language.
import { describe, expect, it } from 'vitest';
import { equalsAnyLanguage, containsAnyLanguage, templateParam } from '../../../src/core/workbook/sheet-words';
import { previousEntries, rewardsHeader } from '../../../src/core/workbook/portfolio-plan';
import { historyHeader, historyPlanSheet, readHistory, readPortfolioPlacements } from '../../../src/core/workbook/placement-sheets';
import { defaultMetrics } from '../../../src/core/functions/reward';
import { english, translator } from '../../../src/core/i18n';
import type { Portfolio } from '../../../src/core/portfolio/portfolio';
import { evaluateCells } from '../../support/hyperformula';

const es = translator('es');

describe('templated headers', () => {
  it('gives back the metric of an actual or target header in either language, case and spacing ignored', () => {
    expect(templateParam('Actual: revenue growth', 'sheet.rewards.actual', 'metric')).toBe('revenue growth');
    expect(templateParam('Real: crecimiento de ventas', 'sheet.rewards.actual', 'metric')).toBe('crecimiento de ventas');
    expect(templateParam('  REAL:   Cuota de cliente ', 'sheet.rewards.actual', 'metric')).toBe('Cuota de cliente');
    expect(templateParam('Objetivo: NPS', 'sheet.rewards.target', 'metric')).toBe('NPS');
    expect(templateParam('Objetivo: NPS', 'sheet.rewards.actual', 'metric')).toBeNull();
    expect(templateParam('Real:', 'sheet.rewards.actual', 'metric')).toBeNull();
    expect(templateParam(42, 'sheet.rewards.actual', 'metric')).toBeNull();
  });
});

describe('what was typed on KAM Rewards, read back in the other language', () => {
  it('keeps actuals and targets typed under Spanish headers for a rebuild in English, default metrics matched by meaning', () => {
    const spanish = [...defaultMetrics(es), 'NPS'];
    const sheet = [
      ['KAM Rewards'],
      [],
      ['…'],
      [],
      rewardsHeader(spanish, es),
      ['Acme', 'Estratégica', 0.1, 0.2, 0.3, 40, 7, 0.15, 0.25, 0.35, 50, 8, ''],
      ['Borg', 'Estrella', null, null, null, null, null, null, null, null, null, null, ''],
    ];
    const english4 = [...defaultMetrics(english), 'NPS'];
    const kept = previousEntries({ sheet: 'KAM Rewards', range: '', row: 1, column: 1, values: sheet }, english4);
    expect(kept.get('acme')).toEqual([0.1, 0.2, 0.3, 40, 7, 0.15, 0.25, 0.35, 50, 8]);
    expect(kept.get('borg')).toEqual(Array(10).fill(null));
    // In another order too: columns are found by metric, not by place.
    const reordered = ['NPS', 'cost to serve', 'gross margin', 'share of wallet', 'revenue growth'];
    expect(previousEntries({ sheet: 'KAM Rewards', range: '', row: 1, column: 1, values: sheet }, reordered).get('acme')).toEqual([7, 40, 0.3, 0.2, 0.1, 8, 50, 0.35, 0.25, 0.15]);
  });
});

describe('KAM History and KAM Portfolio read back in either language', () => {
  const portfolio = {
    rows: [
      { account: 'Acme', segment: 'Industria', position: 'Strategic', attractiveness: 8, strength: 1.4, key: true, revenue: 100, profit: 20 },
      { account: 'Borg', segment: null, position: 'Streamline', attractiveness: 2, strength: 0.5, key: false, revenue: 50, profit: -3 },
      { account: 'Cyan', segment: 'Salud', position: null, attractiveness: null, strength: 1, key: false, revenue: null, profit: null },
    ],
  } as unknown as Portfolio;

  /** A plan sheet's blocks as the grid a host reads back. */
  const gridOf = (blocks: { row: number; column: number; cells: unknown[][] }[], grid: unknown[][] = []): unknown[][] => {
    for (const b of blocks) b.cells.forEach((r, i) => r.forEach((v, j) => {
      (grid[b.row - 1 + i] ??= [])[b.column - 1 + j] = v;
    }));
    return Array.from(grid, (r) => Array.from(r ?? [], (v) => (v === undefined ? null : v)));
  };

  it('reads a Spanish snapshot, adds an English one under it, and reads both', () => {
    const first = historyPlanSheet(readHistory(null), portfolio, '2026-11-30 14:05', es);
    let grid = gridOf(first.blocks);
    expect(grid[4]).toEqual(historyHeader(es));
    expect(grid[5]![4]).toBe('Estratégica');
    const region = (g: unknown[][]) => ({ sheet: 'KAM History', range: '', row: 1, column: 1, values: g as (string | number | boolean | null)[][] });
    const h1 = readHistory(region(grid));
    expect(h1.snapshots.map((s) => s.placements.map((p) => [p.account, p.position, p.key, p.attractiveness]))).toEqual([
      [['Acme', 'Strategic', true, 8], ['Borg', 'Streamline', false, 2], ['Cyan', null, false, null]],
    ]);
    const second = historyPlanSheet(h1, portfolio, '2026-12-01 09:00', english);
    grid = gridOf(second.blocks, grid);
    expect(grid[8]![4]).toBe('Strategic');
    const h2 = readHistory(region(grid));
    expect(h2.snapshots.map((s) => [s.number, s.builtOn])).toEqual([[1, '2026-11-30 14:05'], [2, '2026-12-01 09:00']]);
    expect(h2.snapshots[1]!.placements).toEqual(h2.snapshots[0]!.placements);
  });

  it('reads the placements of a KAM Portfolio sheet written in Spanish (or by an English command line)', () => {
    const spanish = [
      ['KAM Portfolio'], [], [], [],
      [es('sheet.column.account'), es('sheet.column.segment'), es('sheet.column.attractiveness'), es('sheet.column.strengthProxy'), es('sheet.column.position'), es('sheet.column.key')],
      ['Acme', 'Industria', 7.5, 1.2, 'Estratégica', true],
      ['Borg', '', 3, 0.8, 'Racionalizar', 'FALSO'],
    ];
    expect(readPortfolioPlacements(spanish)).toEqual([
      { account: 'Acme', position: 'Strategic', attractiveness: 7.5, strength: 1.2, key: true },
      { account: 'Borg', position: 'Streamline', attractiveness: 3, strength: 0.8, key: false },
    ]);
    const cli = [['Account', 'Attractiveness', 'Relative strength', 'Position', 'Key account?'], ['Acme', 7.5, 1.2, 'Strategic', true]];
    expect(readPortfolioPlacements(cli)).toEqual([{ account: 'Acme', position: 'Strategic', attractiveness: 7.5, strength: 1.2, key: true }]);
  });
});

describe('formula tests in every language', () => {
  it('are true for a function\'s word in either language and any case, false otherwise, in a real engine', () => {
    const words = ['Strategic', 'Estratégica', 'ESTRELLA', 'star', 'Estatus', 'Racionalizar', '', 'Difícil, Viejo amigo', 'Big name, Difficult', 'Old friend'];
    const sheet = words.map((w, i) => [w, `=${equalsAnyLanguage(`A${i + 1}`, ['position.Strategic', 'position.Star'])}`, `=${containsAnyLanguage(`A${i + 1}`, 'flag.difficult')}`]);
    const { values } = evaluateCells({ S: sheet.map((r) => r.map((v, j) => (j === 0 && v ? `'${v}` : v))) }, []);
    const got = values('S', `B1:C${words.length}`);
    expect(got.map((r) => r[0])).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect(got.map((r) => r[1])).toEqual([false, false, false, false, false, false, false, true, true, false]);
  });
});
