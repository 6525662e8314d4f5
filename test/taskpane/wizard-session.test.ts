// The wizard's logic against the in-memory workbook: pick, map, build, rebuild, reopen, ownership.
import { describe, expect, it } from 'vitest';
import { MemoryHost, MemoryWorkbook } from '../support/memory-host';
import { moreBelowMessage, rolesFor, WizardSession } from '../../taskpane/wizard/session';
import { MARKER_TEXT, SHEET_NAMES } from '../../src/core/workbook/plan';

export function customerBook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet('Customers', [
    ['Customer list 2024', null, null, null, null, null, null],
    [null, null, null, null, null, null, null],
    ['Customer', 'Segment', 'Account manager', 'Stage', 'Revenue', 'Gross margin', 'Strategic fit'],
    ['Acme', 'Retail', 'Ana', 'Integrated', 500000, 0.3, 8],
    ['=HYPERLINK("http://x","y")', 'Retail', 'Ana', 'Basic', 120000, 0.1, 3],
    ['+cmd', 'Industry', 'Luis', 'Cooperative', 300000, 0.25, 6],
    ['-1+2', 'Industry', 'Luis', 'Exploratory', 80000, 0.05, 2],
    ['@x', 'Retail', 'Ana', 'Interdependent', 250000, 0.2, 9],
    ['<img src=x onerror=alert(1)>', 'Retail', 'Luis', 'Cooperative', '$90,000', 0.15, 5],
  ]);
  book.selection = { sheet: 'Customers', row: 5, column: 2 };
  return book;
}

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
    expect(result.created).toEqual([SHEET_NAMES.model, SHEET_NAMES.portfolio, SHEET_NAMES.keyAccounts, SHEET_NAMES.rewards]);
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
    expect(again.updated).toHaveLength(4);
    expect(book.sheets.map((s) => s.name)).toEqual(['Customers', ...Object.values(SHEET_NAMES)]);
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
