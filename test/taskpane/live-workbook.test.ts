// The workbook the wizard builds, recalculated by a real spreadsheet engine (HyperFormula): its live
// formulas give the same stages, positions, costs, key accounts and "Why not key" reasons as the core.
import { describe, expect, it } from 'vitest';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { evaluateWorkbook } from '../support/workbook-files';
import { WizardSession } from '../../taskpane/wizard/session';
import { SHEET_NAMES } from '../../src/core/workbook/plan';
import type { KamModel } from '../../src/core/model/model';

function book(): MemoryWorkbook {
  const b = new MemoryWorkbook();
  b.addSheet('Clientes', [
    ['Cliente', 'Etapa', 'Ventas', 'Margen', 'Coste de servicio', 'Encaje estratégico'],
    ['Atlas', 'Integrada', 900000, 0.32, 40000, 9],
    ['Boreal', 'Etapa 4 - interdependiente', 700000, 0.28, 30000, 8],
    ['Coloso', 'Cooperativa', 2500000, 0.12, 700000, 5],
    ['Delta', 'Básica', 150000, 0.3, 5000, 8],
    ['Eco', 'INTEGRADA', 400000, 0.15, 20000, 3],
    ['Foxtrot', 'Exploratoria', 60000, 0.1, 4000, 2],
    ['Gamma', 'Oro', 500000, 0.25, 10000, 7],
  ]);
  b.selection = { sheet: 'Clientes', row: 2, column: 1 };
  return b;
}

/** The computed column under a header of the portfolio sheet. */
function columns(b: MemoryWorkbook, rows: number): (header: string) => unknown[] {
  const evaluated = evaluateWorkbook(b);
  const headers = new Map<string, number>();
  for (const [key, cell] of b.sheet(SHEET_NAMES.portfolio)!.cells) {
    const [r, c] = key.split(',').map(Number);
    if (r === 5 && typeof cell.value === 'string') headers.set(cell.value, c);
  }
  const sheet = evaluated.engine.getSheetId(SHEET_NAMES.portfolio)!;
  return (header) => {
    const c = headers.get(header);
    if (c === undefined) throw new Error(`no column "${header}" (have ${[...headers.keys()].join(', ')})`);
    return Array.from({ length: rows }, (_, i) => evaluated.engine.getCellValue({ sheet, row: 5 + i, col: c - 1 }));
  };
}

async function built(host: 'sheets' | 'excel', change: (m: KamModel) => void): Promise<{ b: MemoryWorkbook; session: WizardSession }> {
  const b = book();
  const session = new WizardSession(new MemoryHost(b, host));
  await session.pick('region');
  change(session.model());
  await session.build();
  return { b, session };
}

describe('the live workbook agrees with the core', () => {
  it.each(['sheets', 'excel'] as const)('in %s spelling, equal costs: stages, positions, key accounts and reasons', async (host) => {
    const { b, session } = await built(host, (m) => {
      m.capacity.days = 60; // two key accounts at 30 days each
    });
    const p = session.portfolio();
    const col = columns(b, p.rows.length);
    expect(col('Stage read as')).toEqual(['Integrated', 'Interdependent', 'Cooperative', 'Basic', 'Integrated', 'Exploratory', '(not a stage)']);
    expect(col('Relative strength')).toEqual(p.rows.map((r) => r.strength));
    expect(col('Position')).toEqual(p.rows.map((r) => r.position));
    expect(col('Days a year as key account')).toEqual(p.rows.map((r) => r.cost));
    expect(col('Key account?')).toEqual(p.rows.map((r) => r.key));
    expect(col('Why not key')).toEqual(p.rows.map((r) => r.whyNotKey));
    // The judgement: the two most attractive healthy accounts; the big loss-maker and the weak ones say why not.
    expect(p.rows.filter((r) => r.key).map((r) => r.account)).toEqual(['Atlas', 'Boreal']);
    expect(p.rows.find((r) => r.account === 'Coloso')).toMatchObject({ flags: expect.stringContaining('Difficult'), whyNotKey: 'loses money (Difficult) and below the attractiveness cut' });
    expect(p.rows.find((r) => r.account === 'Foxtrot')?.whyNotKey).toBe('below the attractiveness cut');
  });

  it.each(['sheets', 'excel'] as const)('in %s spelling, days by stage, a mapped stage and a loss-making Star allowed', async (host) => {
    const { b, session } = await built(host, (m) => {
      m.capacity.costFrom = 'stage';
      m.capacity.days = 90;
      m.capacity.lossMakingStars = true;
      m.stageNames.Oro = 'Integrated';
      m.capacity.accountDays = { delta: 15 };
    });
    const p = session.portfolio();
    const col = columns(b, p.rows.length);
    expect(col('Stage read as')[6]).toBe('Integrated');
    expect(col('Days a year as key account')).toEqual(p.rows.map((r) => r.cost));
    expect(p.rows.find((r) => r.account === 'Delta')?.cost).toBe(15);
    expect(col('Key account?')).toEqual(p.rows.map((r) => r.key));
    expect(col('Why not key')).toEqual(p.rows.map((r) => r.whyNotKey));
    expect(p.rows.some((r) => r.whyNotKey.includes('to fit it in'))).toBe(true);
  });
});
