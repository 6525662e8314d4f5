// Test support: customer workbooks for the wizard's tests — a small hostile one and a small Spanish one, by hand, in memory.
import { MemoryWorkbook } from './memory-host';

/** Markup in a customer's name: the wizard must show it as text, never run it. */
export const XSS = '<img src=x onerror=alert(1)>';

/** Six customers under a title block, the first named with markup and others like formulas (header on row 3). */
export const HOSTILE_CUSTOMER_ROWS: (string | number | null)[][] = [
  ['Customers 2024', null, null, null, null, null, null],
  [null, null, null, null, null, null, null],
  ['Customer', 'Segment', 'Account manager', 'Stage', 'Revenue', 'Gross margin', 'Strategic fit'],
  [XSS, 'Retail', 'Ana', 'Integrated', 900000, 0.35, 10],
  ['=HYPERLINK("http://evil","x")', 'Retail', 'Ana', 'Basic', 120000, 0.1, 3],
  ['+cmd', 'Industry', 'Luis', 'Cooperative', 300000, 0.25, 6],
  ['Acme', 'Industry', 'Luis', 'Exploratory', 80000, 0.05, 2],
  ['Bolt', 'Retail', 'Ana', 'Interdependent', 250000, 0.2, 9],
  ['Corex', 'Retail', 'Luis', 'Cooperative', 400000, 0.15, 5],
];

/** Six customers with names that look like formulas or markup, a title block, and a revenue typed as text. */
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
    [XSS, 'Retail', 'Luis', 'Cooperative', '$90,000', 0.15, 5],
  ]);
  book.selection = { sheet: 'Customers', row: 5, column: 2 };
  return book;
}

/** Six customers with Spanish headers, stage words and decimals, as a Spanish user's sheet holds them (header on row 1). */
export const SPANISH_CUSTOMER_ROWS: (string | number)[][] = [
  ['Cliente', 'Segmento', 'Gestor', 'Etapa', 'Ventas', 'Margen bruto', 'Encaje estratégico'],
  ['Acme', 'Retail', 'Ana', 'Integrada', 500000.5, 0.305, 8.5],
  ['Borg', 'Retail', 'Ana', 'Básica', 120000.25, 0.1, 3],
  ['Cyan', 'Industria', 'Luis', 'Cooperativa', 300000, 0.255, 6],
  ['Dune', 'Industria', 'Luis', 'Exploratoria', 80000, 0.05, 2.5],
  ['Elio', 'Retail', 'Ana', 'Interdependiente', 250000, 0.2, 9],
  ['Faro', 'Retail', 'Luis', 'Cooperativa', 90000, 0.15, 5],
];

/** SPANISH_CUSTOMER_ROWS on a sheet "Clientes", the selection inside the table. */
export function spanishCustomerBook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet('Clientes', SPANISH_CUSTOMER_ROWS.map((row) => [...row]));
  book.selection = { sheet: 'Clientes', row: 3, column: 2 };
  return book;
}
