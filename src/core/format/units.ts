// What a number means to the people reading it — money, a percentage, days, a 0-10 score — for every
// value the wizard shows and every cell its build writes; display.ts and number-formats.ts render it.
import type { AccountField, FactorSource } from '../model/model';

/**
 * money: in the data's currency; percent: a fraction shown as % (0.05 is 5 %); days and years: time;
 * count: whole things (orders, accounts); score: attractiveness on 0-10; ratio: relative strength
 * (1 = parity); points: a weight; number: anything else, shown at a precision that suits its size.
 */
export type Unit = 'money' | 'percent' | 'days' | 'years' | 'count' | 'score' | 'ratio' | 'points' | 'number';

/** The unit of each account field, as ingest reads it (ratios are fractions: 0.12 = 12 %). */
export const FIELD_UNITS: Record<AccountField, Unit> = {
  revenue: 'money', profit: 'money', margin: 'percent', costToServe: 'money', growth: 'percent', tenure: 'years', orders: 'count',
  effort: 'days',
};

const CURRENCY = /[$€£¥₹₩₽¢]|\[\$[^\]]*\]|"(?:USD|EUR|GBP|MXN|ARS|CLP|COP|PEN|CHF|JPY|CAD|AUD|BRL)"/i;

/** The unit a spreadsheet number format shows, when it says one ("0.0%" → percent, "$#,##0" → money). */
export function unitOfFormat(format: string | null | undefined): Unit | null {
  if (!format) return null;
  // Text in quotes is literal, except a quoted currency code.
  const bare = format.replace(/"[^"]*"/g, (quoted) => (CURRENCY.test(quoted) ? '$' : ''));
  if (bare.includes('%')) return 'percent';
  if (CURRENCY.test(bare)) return 'money';
  return null;
}

/**
 * A column's unit from what its cells show: the number formats of its first data cells (when the
 * host gave them) and text typed with a % or a currency sign. The majority of the cells that say
 * anything decides; a column that says nothing is a plain number.
 */
export function unitOfColumn(formats: readonly (string | null | undefined)[], texts: readonly unknown[]): Unit {
  const votes = new Map<Unit, number>();
  const vote = (unit: Unit | null): void => {
    if (unit) votes.set(unit, (votes.get(unit) ?? 0) + 1);
  };
  for (const f of formats) vote(unitOfFormat(f));
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    if (/%\s*\)?\s*$/.test(t.trim())) vote('percent');
    else if (CURRENCY.test(t)) vote('money');
  }
  let best: Unit = 'number';
  let most = 0;
  for (const [unit, n] of votes) if (n > most) [best, most] = [unit, n];
  return best;
}

/** The unit of a factor or strength source: the field's own, else what its column's cells show. */
export function unitOfSource(source: FactorSource, columnUnit: (header: string) => Unit): Unit {
  return source.startsWith('column:') ? columnUnit(source.slice('column:'.length)) : FIELD_UNITS[source as AccountField];
}

/** What the customer data's own cells say about a column, by header: its unit and its number format. */
export interface ColumnLooks {
  unit(header: string): Unit;
  /** The number format most of its first data cells carry, or null when they carry none (or the host gave none). */
  format(header: string): string | null;
}

/**
 * Reads the looks of the table's columns from the first data rows: `values` and `formats` as the host
 * read them (formats only for the first rows), `headerRow` the sheet row of the header, `row` the sheet
 * row of values[0], `columns` ingest's columns (header and position in the row).
 */
export function columnLooks(
  region: { row: number; values: readonly (readonly unknown[])[]; formats?: readonly (readonly (string | null)[])[] },
  table: { headerRow: number; columns: readonly { header: string; letter: string; index: number }[] },
  sample = 200,
): ColumnLooks {
  const first = Math.max(0, table.headerRow ? table.headerRow - region.row + 1 : 0);
  const memo = new Map<string, { unit: Unit; format: string | null }>();
  const look = (header: string): { unit: Unit; format: string | null } => {
    let found = memo.get(header);
    if (found) return found;
    const column = table.columns.find((c) => c.header === header) ?? table.columns.find((c) => c.letter === header);
    if (!column) return { unit: 'number', format: null };
    const formats: string[] = [];
    const texts: unknown[] = [];
    for (let r = first; r < Math.min(region.values.length, first + sample); r++) {
      const f = region.formats?.[r]?.[column.index];
      if (f) formats.push(f);
      texts.push(region.values[r]?.[column.index]);
    }
    const counts = new Map<string, number>();
    for (const f of formats) if (!/^(?:general|@)$/i.test(f)) counts.set(f, (counts.get(f) ?? 0) + 1);
    let format: string | null = null;
    let most = 0;
    for (const [f, n] of counts) if (n > most && n * 2 >= formats.length) [format, most] = [f, n];
    found = { unit: unitOfColumn(formats, texts), format };
    memo.set(header, found);
    return found;
  };
  return { unit: (header) => look(header).unit, format: (header) => look(header).format };
}
