// The wizard's logic against the in-memory workbook: pick, map, build, rebuild, reopen, ownership.
import { describe, expect, it } from 'vitest';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { customerBook } from '../support/customer-books';
import { HostError, ModelProblem, moreBelowMessage, rolesFor, WizardSession } from '../../taskpane/wizard/session';
import { friendly } from '../../taskpane/wizard/ui';
import type { Show } from '../../taskpane/wizard/checks';
import { formatNumber } from '../../src/core/format/display';
import type { KamModel } from '../../src/core/model/model';
import { MARKER_TEXT, SHEET_NAMES } from '../../src/core/workbook/plan';
import { HISTORY_SHEET } from '../../src/core/workbook/placement-sheets';

/** Every sheet a build writes: the four of the portfolio, who makes the money, and the history it adds to. */
const BUILT = [...Object.values(SHEET_NAMES), HISTORY_SHEET];

describe('WizardSession on an in-memory workbook', () => {
  it('reads the table around the selection with the shared ingest code', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    const ingest = await session.pick('region');
    expect(ingest.errors).toEqual([]);
    expect(ingest.headerRow).toBe(3);
    expect(ingest.kind).toBe('customers');
    expect(session.accounts().map((a) => a.account)).toContain('=HYPERLINK("http://x","y")');
  });

  it.each(['sheets', 'excel'] as const)('builds the four sheets with live formulas in %s spelling, names as text', async (host) => {
    const book = customerBook();
    const session = new WizardSession(new MemoryHost(book, host));
    await session.pick('region');
    const result = await session.build();
    expect(result.created).toEqual(BUILT);
    const score = book.get(SHEET_NAMES.portfolio, 'A6');
    expect(score?.value).toBe('Acme');
    const formulas = book.sheet(SHEET_NAMES.portfolio)!;
    const all = [...formulas.cells.values()].map((c) => c.formula).filter(Boolean) as string[];
    const spelled = host === 'excel' ? 'KAM.' : 'KAM_';
    for (const id of ['SCORE', 'POSITION', 'FLAGS', 'CLV']) {
      expect(all.filter((f) => f.includes(`${spelled}${id}(`))).toHaveLength(1);
    }
    // KAM_SELECT twice over the eligible column: the key-account flags and the reasons for the others.
    expect(all.filter((f) => f.includes(`${spelled}SELECT(`)).map((f) => f.match(/"(\w+)"\)$/)?.[1])).toEqual(['flags', 'reasons']);
    expect(all.some((f) => f.includes(host === 'excel' ? 'KAM_SCORE(' : 'KAM.SCORE('))).toBe(false);
    // Hostile names stay text.
    for (const [address, name] of [['A7', '=HYPERLINK("http://x","y")'], ['A8', '+cmd'], ['A9', '-1+2'], ['A10', '@x']]) {
      const cell = book.get(SHEET_NAMES.portfolio, address)!;
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(name);
    }
    // Revenue links to the source cell when it is a clean number, and is a value when cleaned from text.
    expect(book.get(SHEET_NAMES.portfolio, 'E6')?.formula).toBe("='Customers'!E4");
    expect(book.get(SHEET_NAMES.portfolio, 'E11')?.value).toBe(90000);
    expect(book.names.get('KAM_Weights')?.sheet).toBe(SHEET_NAMES.model);
    expect(book.get(SHEET_NAMES.model, 'A2')?.value).toBe(MARKER_TEXT);
  });

  it('writes a blank factor value as the factor\'s midpoint, as the preview scores it, and says so', async () => {
    const book = customerBook();
    book.sheet('Customers')!.cells.delete('4,7'); // Acme's strategic fit (G4) left blank
    const session = new WizardSession(new MemoryHost(book, 'sheets'));
    await session.pick('region');
    await session.build();
    const portfolio = book.sheet(SHEET_NAMES.portfolio)!;
    // Cells are keyed "row,column": find the factor's column in header row 5, then Acme's cell in row 6.
    const headers = [...portfolio.cells.entries()].filter(([at, cell]) => at.startsWith('5,') && cell.value === 'Strategic fit');
    expect(headers).toHaveLength(1);
    const column = headers[0][0].split(',')[1];
    expect(portfolio.cells.get(`6,${column}`)?.value).toBe(5);
    expect(String(book.get(SHEET_NAMES.portfolio, 'A3')?.value)).toContain("1 blank factor value was written as the factor's midpoint");
  });

  it('builds strength from your-vs-rival ratings as one KAM_STRENGTH call over the rating columns', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('Ratings', [
      ['Customer', 'Revenue', 'Strategic fit', 'Quality (us)', 'Quality (rival)'],
      ['Acme', 500000, 8, 8, 4],
      ['Borg', 120000, 3, 5, 5],
      ['Cyan', 300000, 6, 6, 9],
    ]);
    book.selection = { sheet: 'Ratings', row: 2, column: 1 };
    const session = new WizardSession(new MemoryHost(book, 'excel'));
    await session.pick('region');
    const model = session.model();
    model.strength = { kind: 'ratings', criteria: [{ name: 'Quality', yours: 'column:Quality (us)', rival: 'column:Quality (rival)', weight: 1 }] };
    session.setModel(model);
    expect(session.portfolio().rows.map((r) => r.strength)).toEqual([2, 1, 0.666666666666667]); // rounded to 15 significant digits
    await session.build();
    const formulas = [...book.sheet(SHEET_NAMES.portfolio)!.cells.values()].map((c) => c.formula).filter(Boolean) as string[];
    const strength = formulas.filter((f) => f.includes('KAM.STRENGTH('));
    expect(strength).toHaveLength(1);
    expect(strength[0]).toMatch(/^=KAM\.STRENGTH\(\$[A-Z]+\$6:\$[A-Z]+\$8, \$[A-Z]+\$6:\$[A-Z]+\$8, KAM_StrengthWeights\)$/);
    expect(book.names.get('KAM_StrengthWeights')?.sheet).toBe(SHEET_NAMES.model);
    // Reopening reads the ratings back from the model sheet.
    const again = new WizardSession(new MemoryHost(book, 'excel'));
    expect((await again.open()).reopened).toBe(true);
    expect(again.model().strength).toEqual(model.strength);
  });

  it('rebuilds in place, leaves the data sheet alone, and reopens with the same settings', async () => {
    const book = customerBook();
    const before = JSON.stringify([...book.sheet('Customers')!.cells]);
    const session = new WizardSession(new MemoryHost(book, 'sheets'));
    await session.pick('region');
    const model = session.model();
    model.capacity.days = 100;
    model.factors[0].weight = 42;
    await session.build();
    const again = await session.build();
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual(BUILT);
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers', ...BUILT]);
    expect(JSON.stringify([...book.sheet('Customers')!.cells])).toBe(before);

    const reopened = new WizardSession(new MemoryHost(book, 'sheets'));
    expect(await reopened.open()).toEqual({ reopened: true });
    expect(reopened.model()).toEqual(model);
    expect(reopened.state.mapping?.sheet).toBe('Customers');
  });

  it('refuses to replace a sheet it did not create, and writes nothing', async () => {
    const book = customerBook();
    book.addSheet('KAM Portfolio', [['my own notes']]);
    const session = new WizardSession(new MemoryHost(book, 'sheets'));
    await session.pick('region');
    await expect(session.build()).rejects.toThrow(/already has a sheet called "KAM Portfolio".*Rename/);
    expect(book.sheet('KAM Model')).toBeUndefined();
    expect(book.get('KAM Portfolio', 'A1')?.value).toBe('my own notes');
  });
});

describe('WizardSession: the judgement steps (issue 10)', () => {
  function listWithGap(): MemoryWorkbook {
    const book = new MemoryWorkbook();
    book.addSheet('Clientes', [
      ['Cliente', 'Etapa', 'Ventas'],
      ['Atlas', 'Integrada', 900],
      ['Boreal', 'Básica', 700],
      [null, null, null],
      ['Coloso', 'Oro', 2500],
      ['Delta', 'cooperativa', 150],
      [null, null, null],
      ['Nota: cifras en miles', null, null], // a lone note below is not data
    ]);
    book.selection = { sheet: 'Clientes', row: 2, column: 1 };
    return book;
  }

  it('does not stop silently at a blank row when data goes on below: it says so and includes the rest on request', async () => {
    const session = new WizardSession(new MemoryHost(listWithGap(), 'sheets'));
    await session.pick('table');
    expect(session.accounts().map((a) => a.account)).toEqual(['Atlas', 'Boreal']);
    expect(session.state.moreBelow).toEqual({ lastRow: 3, nextRow: 5, endRow: 6, rows: 2, range: 'A1:C6' });
    expect(moreBelowMessage(session.state.moreBelow!)).toBe(
      'The table read stops at row 3, but 2 more rows with data follow after a blank row (rows 5 to 6). Include them if they belong to the same table.',
    );
    await session.includeRest();
    expect(session.accounts().map((a) => a.account)).toEqual(['Atlas', 'Boreal', 'Coloso', 'Delta']);
    expect(session.state.moreBelow).toBeNull();
    expect(session.state.ingest!.skippedRows.map((r) => r.code)).toEqual(['BLANK_ROW']);
    // Reading the whole sheet offers nothing more.
    await session.pick('used');
    expect(session.state.moreBelow).toBeNull();
  });

  it('lists every distinct stage value with its count and reading, and lets the user map each one', async () => {
    const session = new WizardSession(new MemoryHost(listWithGap(), 'excel'));
    await session.pick('used');
    expect(session.stageChoices()).toEqual([
      { value: 'Básica', accounts: 1, stage: 'Basic' },
      { value: 'cooperativa', accounts: 1, stage: 'Cooperative' },
      { value: 'Integrada', accounts: 1, stage: 'Integrated' },
      { value: 'Oro', accounts: 1, stage: null },
    ]);
    expect(session.portfolio().warnings.map((w) => w.code)).toContain('stages-not-recognised');
    session.mapStage('oro', 'Integrated');
    expect(session.stageChoices().find((c) => c.value === 'Oro')?.stage).toBe('Integrated');
    expect(session.portfolio().rows.find((r) => r.account === 'Coloso')).toMatchObject({ methodStage: 'Integrated', strength: 1.5 });
    expect(session.portfolio().warnings.map((w) => w.code)).not.toContain('stages-not-recognised');
    session.mapStage('Integrada', null);
    expect(session.portfolio().rows.find((r) => r.account === 'Atlas')?.methodStage).toBeNull();
    expect(session.stageOptions()).toEqual(['Exploratory', 'Basic', 'Cooperative', 'Interdependent', 'Integrated', 'Disintegrating']);
    // The mapping is saved on the model sheet and read back.
    await session.build();
    const again = new WizardSession(new MemoryHost((session.host as MemoryHost).book, 'excel'));
    await again.open();
    expect(again.model().stageNames).toMatchObject({ Oro: 'Integrated', Integrada: '' });
  });

  it('offers the order-only roles (date, order, product category) only for a transaction export', () => {
    expect(rolesFor('customers')).not.toContain('category');
    expect(rolesFor('transactions')).toEqual(expect.arrayContaining(['date', 'orderId', 'category', 'effort']));
  });
});

const show: Show = (value, unit) => formatNumber(value, unit, 'en-US');
/** Step 2's choice as the screen sends it: the user's earlier choices plus this one. */
const choose = (session: WizardSession, role: string, column: string): void => {
  session.remap({ ...session.state.columnChoice, [role]: column });
};

describe('edits survive navigation', () => {
  it('a column change touches only what uses that column', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    const model = session.model();
    model.factors[0].weight = 42;
    model.factors.push(session.newFactor('profit', 'Profit'));
    model.capacity.days = 90;
    model.cuts.strength = 1.1;
    const edited = JSON.parse(JSON.stringify(model));

    // The segment is used by nothing in the model: nothing moves.
    choose(session, 'segment', '');
    expect(session.model()).toEqual(edited);
    expect(session.state.notices).toEqual([]);

    // The margin column feeds a factor: that factor goes, with a word; every other edit stays.
    choose(session, 'margin', '');
    expect(session.model().factors.map((f) => f.name)).toEqual(edited.factors.map((f: { name: string }) => f.name).filter((n: string) => n !== 'Gross margin'));
    expect(session.model().factors[0].weight).toBe(42);
    expect(session.model().capacity.days).toBe(90);
    expect(session.model().cuts.strength).toBe(1.1);
    expect(session.state.notices).toContain('Factor "Gross margin" was removed: its column (Gross margin) is no longer used.');

    // Mapping it back adds the factor again, said in words, and leaves the rest alone.
    choose(session, 'margin', 'Gross margin');
    expect(session.model().factors.some((f) => f.source === 'margin')).toBe(true);
    expect(session.state.notices.join(' ')).toMatch(/Factor "Gross margin" was added from the column now mapped/);
    expect(session.model().factors[0].weight).toBe(42);
  });

  it('a setting the user never touched follows the new data; one they typed stays', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    const untouched = JSON.parse(JSON.stringify(session.model()));
    // Revenue read from the strategic-fit column: the revenue factor's scale follows, since it was never typed.
    choose(session, 'revenue', 'Strategic fit');
    const revenue = session.model().factors.find((f) => f.source === 'revenue')!;
    expect([revenue.worst, revenue.best]).not.toEqual([untouched.factors[0].worst, untouched.factors[0].best]);
    expect(revenue.best).toBeLessThanOrEqual(10);
    // Typed scales are the user's.
    revenue.worst = 1;
    revenue.best = 9;
    choose(session, 'revenue', 'Revenue');
    expect(session.model().factors.find((f) => f.source === 'revenue')).toMatchObject({ worst: 1, best: 9 });
  });

  it('reading the same table again keeps the column choices and the edits', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    choose(session, 'segment', '');
    session.model().factors[1].weight = 7;
    await session.pick('region');
    expect(session.state.mapping?.unused).toEqual(['segment']);
    expect(session.model().factors[1].weight).toBe(7);
  });
});

describe('strength sources', () => {
  it('a strength column defaults to one that reads like strength, never revenue against a cut of 1', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('Data', [
      ['Customer', 'Revenue', 'Margin', 'Strength vs rival', 'Quality (us)', 'Quality (rival)', 'Speed (our rating)', 'Speed (best rival)'],
      ['A', 500000, 0.3, 1.4, 8, 6, 7, 7],
      ['B', 120000, 0.1, 0.7, 5, 7, 6, 8],
      ['C', 300000, 0.2, 1.0, 7, 7, 9, 6],
    ]);
    book.selection = { sheet: 'Data', row: 2, column: 1 };
    const session = new WizardSession(new MemoryHost(book, 'sheets'));
    await session.pick('region');
    session.model().strength = { kind: 'stage', byStage: { Basic: 0.6 }, unknown: 0.9 };
    session.setStrengthKind('column');
    expect(session.model().strength).toEqual({ kind: 'column', source: 'column:Strength vs rival' });
    expect(session.model().cuts.strength).toBe(1);
    session.setStrengthKind('ratings');
    expect(session.model().strength).toEqual({
      kind: 'ratings',
      criteria: [
        { name: 'Quality', yours: 'column:Quality (us)', rival: 'column:Quality (rival)', weight: 1 },
        { name: 'Speed', yours: 'column:Speed (our rating)', rival: 'column:Speed (best rival)', weight: 1 },
      ],
    });
    // Back to the stage: the user's stage settings return, with their cut.
    session.setStrengthKind('stage');
    expect(session.model().strength).toEqual({ kind: 'stage', byStage: { Basic: 0.6 }, unknown: 0.9 });
    expect(session.model().cuts.strength).toBe(1);
  });

  it('without a strength-like column, a non-money column against its median', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    expect(session.setStrengthKind('column')).toBe('The strength cut is now the median of the new source.');
    const s = session.model().strength;
    expect(s.kind === 'column' && ['revenue', 'profit', 'costToServe'].includes(s.source)).toBe(false);
    expect(session.model().cuts.strength).toBe('median');
  });
});

describe('values checked where they are typed', () => {
  it.each([
    ['a negative weight', (m: KamModel) => { m.factors[0].weight = -20; }, 2, 'factor-0-weight', 'Weight of "Revenue": must be 0 or more (it is -20).'],
    ['no weight above 0', (m: KamModel) => { for (const f of m.factors) f.weight = 0; }, 2, 'factors', 'Weights: give at least one factor more than 0 points.'],
    ['worst equal to best', (m: KamModel) => { m.factors[0].worst = m.factors[0].best; }, 2, 'factor-0-best', 'Best value of "Revenue": it equals the worst value'],
    ['a blank factor name', (m: KamModel) => { m.factors[1].name = ' '; }, 2, 'factor-1-name', 'Name of factor 2: type a name'],
    ['an attractiveness cut above 10', (m: KamModel) => { m.cuts.attractiveness = 12; }, 3, 'attractiveness-cut', 'Attractiveness cut: type a number more than 0 and at most 10 (it is 12.0)'],
    ['a strength cut of 0', (m: KamModel) => { m.cuts.strength = 0; }, 3, 'strength-cut', 'Strength cut: type a number more than 0 (it is 0.00)'],
    ['a strength cut above every account', (m: KamModel) => { m.cuts.strength = 3; }, 3, 'strength-cut', 'Strength cut: at 3.00 every account would count as weak (strengths run from 0.50 to 1.50)'],
    ['a negative stage strength', (m: KamModel) => { if (m.strength.kind === 'stage') m.strength.byStage.Basic = -1; }, 3, 'stage-Basic', 'Strength for Basic: type a number, 0 or more'],
    ['no team days', (m: KamModel) => { m.capacity.days = 0; }, 4, 'capacity-days', 'Team days a year for key accounts: type a number more than 0 (it is 0).'],
    ['a stage that costs nothing', (m: KamModel) => { m.capacity.costByStage.Basic = 0; }, 4, 'cost-Basic', 'Days a year for a Basic key account: type a number more than 0.'],
    ['text typed as a number', (m: KamModel) => { m.capacity.days = NaN; }, 4, 'capacity-days', 'Team days a year for key accounts: type a number more than 0 (it is not a number).'],
  ])('%s is caught at its step, naming the field', async (_, spoil, step, field, message) => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    expect(session.problems(step as number, show)).toEqual([]);
    (spoil as (m: KamModel) => void)(session.model());
    const problems = session.problems(step as number, show);
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
    // Other steps are not blamed for it.
    for (const other of [2, 3, 4].filter((s) => s !== step)) expect(session.problems(other, show)).toEqual([]);
  });

  it('a rival rating from the same column as yours is caught', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    session.model().strength = { kind: 'ratings', criteria: [{ name: 'Quality', yours: 'column:Strategic fit', rival: 'column:Strategic fit', weight: 1 }] };
    expect(session.problems(3, show)).toEqual([{ field: 'criterion-0-rival', message: '"Quality": your rating and the best rival\'s come from the same column; choose the rival\'s own column.' }]);
  });
});

describe('errors are told as whose they are', () => {
  it('a model the portfolio cannot use is a problem with the settings, not with the spreadsheet', async () => {
    const session = new WizardSession(new MemoryHost(customerBook(), 'sheets'));
    await session.pick('region');
    session.model().factors[0].weight = -20;
    let error: unknown;
    try {
      session.portfolio();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelProblem);
    expect(friendly(error)).toMatch(/^The portfolio cannot be computed with these settings: .*weight.* Check steps 3 to 5\.$/i);
    expect(friendly(error)).not.toMatch(/spreadsheet/i);
  });

  it('a failing host call is the spreadsheet\'s, naming it and saying what it means for the workbook', async () => {
    const host = new MemoryHost(customerBook(), 'excel');
    const session = new WizardSession(host);
    await session.pick('region');
    host.applyPlan = async () => { throw Object.assign(new Error('The request failed with status code of 500'), { code: 'GeneralException' }); };
    await expect(session.build()).rejects.toThrow(HostError);
    await expect(session.build()).rejects.toThrow('Excel could not write the portfolio: The request failed with status code of 500. The build may have stopped part-way: build again to finish it (it rewrites the same sheets), or remove what the wizard built.');
    host.readSelection = async () => { throw new Error('Timeout'); };
    await expect(session.pick('table')).rejects.toThrow('Excel could not read the selected data: Timeout. Nothing was changed; try again.');
  });

  it('anything else is the wizard\'s own, never blamed on the spreadsheet', () => {
    expect(friendly(new TypeError('x is undefined'))).toBe('The wizard hit a problem it did not expect: x is undefined. Your sheets were not changed by it; go back a step and try again, and report this message if it stays.');
  });
});

describe('removing what the wizard built', () => {
  it('deletes its marked sheets and its names, and nothing of the user', async () => {
    const book = customerBook();
    const session = new WizardSession(new MemoryHost(book, 'excel'));
    await session.pick('region');
    await session.build();
    book.addSheet('Notes', [['mine']]);
    book.names.set('My_Range', { sheet: 'Customers', range: 'A1' });
    const removed = await session.removeBuilt();
    expect(removed.sheets).toEqual(BUILT);
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers', 'Notes']);
    expect([...book.names.keys()]).toEqual(['My_Range']);
    expect(await session.buildPreview()).toEqual({ create: BUILT, update: [], retire: [], conflicts: [] });
  });
});
