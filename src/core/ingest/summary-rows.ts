// Telling totals, subtotals and summary rows apart from accounts: by their label and by their sums.

import { foldText } from './fold-text';

/**
 * Labels that are a totals row whatever the numbers say. A label that only starts with a totals
 * word ("Total Europe", but also "Total Energies") counts only when its numbers equal the sums.
 */
const TOTALS_LABELS = new Set([
  'total', 'totals', 'totales', 'total general', 'grand total', 'sum', 'suma', 'suma total', 'subtotal', 'sub total',
  'sub-total', 'overall', 'overall total', 'importe total', 'total ventas', 'total revenue', 'total sales', 'all',
  'all accounts', 'all customers', 'todos', 'todos los clientes',
]);
const TOTALS_PREFIX = /^(?:grand total|sub ?-?total|totales|totals?|suma)\b/;
/** Exact labels of other summary rows; exact only, so "Media Markt" stays an account. */
const SUMMARY_LABELS = new Set([
  'average', 'avg', 'mean', 'median', 'count', 'max', 'min', 'maximum', 'minimum', 'media', 'promedio', 'mediana',
  'maximo', 'minimo', 'recuento', 'cuenta', 'numero',
]);

export type SummaryLabel = 'totals' | 'totals-prefix' | 'summary' | null;

export function summaryLabelOf(text: string): SummaryLabel {
  const label = foldText(text).replace(/[:.]+$/, '').trim();
  if (label === '') return null;
  if (TOTALS_LABELS.has(label)) return 'totals';
  if (SUMMARY_LABELS.has(label)) return 'summary';
  return TOTALS_PREFIX.test(label) ? 'totals-prefix' : null;
}

/** Two totals agree when they differ by less than a cent or one part in ten thousand (rounded totals). */
function sameTotal(value: number, sum: number): boolean {
  return Math.abs(value - sum) <= Math.max(0.01, Math.abs(sum) * 1e-4);
}

/**
 * Running sums of the additive columns (revenue, profit, …) since the table start and since the
 * last totals row, so both a grand total and section subtotals are recognised. Sums need at
 * least two rows behind them: one row "equals its own sum" trivially.
 */
export class TotalsTracker {
  private readonly grand: number[];
  private readonly section: number[];
  private grandRows = 0;
  private sectionRows = 0;

  constructor(private readonly columns: readonly number[]) {
    this.grand = columns.map(() => 0);
    this.section = columns.map(() => 0);
  }

  /** For each additive column, the row's value or null when the cell is blank or not a number. */
  compare(values: readonly (number | null)[]): { matching: number; differing: number } {
    let matching = 0;
    let differing = 0;
    for (let i = 0; i < this.columns.length; i++) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      const bySection = this.sectionRows >= 2 && sameTotal(value, this.section[i]!);
      const byGrand = this.grandRows >= 2 && sameTotal(value, this.grand[i]!);
      if (bySection || byGrand) matching++;
      else differing++;
    }
    return { matching, differing };
  }

  addRow(values: readonly (number | null)[]): void {
    for (let i = 0; i < this.columns.length; i++) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      this.grand[i]! += value;
      this.section[i]! += value;
    }
    this.grandRows++;
    this.sectionRows++;
  }

  startSection(): void {
    this.section.fill(0);
    this.sectionRows = 0;
  }
}
