// What each column means (account, revenue, margin, …), recognised from English and Spanish headers.

import { foldText, foldWords } from './fold-text';
import type { ValueType } from './column-profile';

export type ColumnRole =
  | 'account'
  | 'accountId'
  | 'segment'
  | 'manager'
  | 'revenue'
  | 'profit'
  | 'margin'
  | 'costToServe'
  | 'growth'
  | 'tenure'
  | 'stage'
  | 'date'
  | 'orders'
  | 'orderId'
  | 'potential'
  | 'shareOfWallet'
  | 'category'
  | 'effort';

/** An explicit choice of column per role, by header text (or column letter), overriding the guess. */
export type RoleMapping = Partial<Record<ColumnRole, string>>;

export const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(['account', 'accountId', 'segment', 'manager', 'stage', 'orderId', 'category']);
/** Roles read as ratios: fractions, with "12 %" and percentage points converted. */
export const PERCENT_ROLES: ReadonlySet<ColumnRole> = new Set(['margin', 'growth', 'shareOfWallet']);
/** Money and counts that add up across rows: summed for duplicates and roll-ups, checked by totals rows. */
export const ADDITIVE_ROLES: ReadonlySet<ColumnRole> = new Set(['revenue', 'profit', 'costToServe', 'orders', 'potential']);

/**
 * Header patterns per role, in folded words (see foldWords). "=" marks a pattern that must be the
 * whole header ("name" alone means the account, "product name" does not); "~" marks a bare entity
 * word that loses to any other role named in the same header ("Customer revenue" is revenue, not
 * the account). Otherwise the longest matching pattern wins, so "Account manager" is the manager,
 * "Customer since" the tenure and "Revenue growth" the growth.
 */
const PATTERNS: Readonly<Record<ColumnRole | 'none', readonly string[]>> = {
  account: [
    '~customer', '~customers', '~client', '~clients', '~account', '~cliente', '~clientes', '~cuenta', '~company', '~empresa',
    '~buyer', '~comprador', 'customer name', 'client name', 'account name', 'company name', 'nombre cliente',
    'nombre del cliente', 'nombre de cliente', 'razon social', '=name', '=nombre', 'organisation', 'organization',
    'sold to', 'sold to party', 'bill to', 'denominacion', 'denominacion social', 'nombre comercial', '=key account',
    '=cuenta clave',
  ],
  accountId: [
    'customer id', 'customer code', 'customer number', 'customer no', 'customer ref', 'client id', 'client code',
    'client number', 'account id', 'account number', 'account no', 'account code', 'codigo cliente', 'codigo de cliente',
    'cod cliente', 'id cliente', 'no cliente', 'numero cliente', 'numero de cliente', 'ref cliente', '=nif', '=cif',
    '=vat', 'vat number', 'tax id', '=id', '=code', '=codigo',
  ],
  // A header that names the customer's segment. Product attributes ("Category") are the category role:
  // in a customer list they stand in for the segment only when no column names one (see column-plan).
  segment: [
    'segment', 'segmento', 'sector', 'industry', 'industria', 'vertical', 'market segment', 'mercado', 'customer segment',
    'customer type', 'customer group', 'customer category', 'customer class', 'account segment', 'account type',
    'client type', 'client segment', 'tipo cliente', 'tipo de cliente', 'segmento cliente', 'segmento de cliente',
    'categoria de cliente', 'categoria cliente', 'sector de actividad', '=tier',
  ],
  manager: [
    'manager', 'account manager', 'key account manager', '=kam', 'kam name', 'owner', 'account owner', 'account executive',
    'sales rep', 'sales representative', 'salesperson', 'sales person', 'sales manager', '=rep', 'customer manager',
    'client manager', 'relationship manager', 'comercial', 'responsable', 'responsable comercial', 'responsable de cuenta',
    'gestor', 'gestor de cuenta', 'vendedor', 'ejecutivo de cuenta', 'ejecutivo comercial', '=agente', 'asesor comercial',
    'delegado',
  ],
  revenue: [
    'revenue', 'revenues', 'sales', 'net sales', 'total sales', 'turnover', 'ventas', 'ventas netas', 'venta',
    'facturacion', 'ingresos', 'amount', 'importe', 'net amount', 'importe neto', 'total amount', 'invoiced',
    'invoiced amount', 'sales amount', 'line amount', 'order value', 'order amount', '=value', '=valor', '=total',
    'billing',
  ],
  profit: [
    'profit', 'gross profit', 'net profit', 'operating profit', 'beneficio', 'beneficio bruto', 'beneficio neto',
    'contribution', 'contribucion', '=gp',
  ],
  margin: [
    'margin', 'margins', 'gross margin', 'margin %', '=gm', 'gm %', 'gross margin %', 'profit margin', 'contribution margin',
    'margen', 'margen bruto', 'margen %', 'margen de contribucion', '=mb', 'mb %', 'rentabilidad',
  ],
  costToServe: [
    'cost to serve', 'cost of service', 'service cost', 'service costs', 'serving cost', 'cost of serving', '=cts',
    'coste de servicio', 'coste del servicio', 'costo de servicio', 'costo del servicio', 'coste servicio',
    'costes de servicio', 'coste de atencion', 'coste de servir',
  ],
  growth: [
    'growth', 'growth %', 'yoy', 'yoy %', 'yoy growth', 'revenue growth', 'sales growth', 'growth rate', 'crecimiento',
    'crecimiento %', 'tasa de crecimiento', 'crecimiento ventas', 'var %', 'variacion', 'variacion %', 'evolucion',
  ],
  tenure: [
    'tenure', 'years as customer', 'years as client', 'customer years', 'years with us', 'relationship years',
    'relationship length', 'customer since', 'client since', 'account since', '=since', 'customer start', 'start date',
    'first order', 'first order date', 'first purchase', 'first purchase date', 'antiguedad', 'anos como cliente',
    'anos cliente', 'cliente desde', '=desde', 'fecha alta', 'fecha de alta', '=alta', 'primera compra',
    'fecha primera compra', 'inicio relacion', 'inicio de relacion',
  ],
  stage: [
    'stage', 'relationship stage', 'kam stage', 'relationship', 'relationship level', 'etapa', 'etapa relacion',
    'etapa de la relacion', 'fase', 'fase relacion', 'relacion', 'nivel de relacion',
  ],
  date: [
    'date', 'order date', 'invoice date', 'transaction date', 'posting date', 'document date', 'sale date', 'sales date',
    'ship date', 'delivery date', 'fecha', 'fecha pedido', 'fecha de pedido', 'fecha factura', 'fecha de factura',
    'fecha documento', 'fecha venta', 'fecha de venta', 'fecha albaran', 'fecha contable',
  ],
  orders: [
    'orders', 'number of orders', 'no orders', 'no of orders', 'order count', 'orders count', 'count of orders',
    'transactions', 'number of transactions', 'pedidos', 'no pedidos', 'numero de pedidos', 'num pedidos',
    'cantidad de pedidos',
  ],
  orderId: [
    '=order', 'order id', 'order number', 'order no', 'order ref', 'invoice', 'invoice id', 'invoice number',
    'invoice no', 'document number', 'document no', 'doc no', '=pedido', 'no pedido', 'numero pedido',
    'numero de pedido', '=factura', 'no factura', 'numero factura', 'numero de factura', '=albaran', 'no albaran',
    '=documento', 'sales order', '=so', 'transaction id',
  ],
  potential: [
    'potential', 'revenue potential', 'potential revenue', 'sales potential', 'total spend', 'customer spend',
    'total customer spend', 'wallet', 'wallet size', 'size of wallet', 'purchase budget', 'purchasing budget', 'budget',
    'market potential', 'potencial', 'potencial de ventas', 'potencial de compra', 'gasto total', 'presupuesto de compra',
    'volumen potencial', '=tam',
  ],
  shareOfWallet: [
    'share of wallet', 'wallet share', '=sow', 'sow %', 'share of spend', 'cuota de cartera', 'cuota de gasto',
    'cuota de cliente', 'participacion en el gasto', '=share', '=cuota',
  ],
  // What is bought: a product attribute that changes from one order line to the next. It feeds the breadth of
  // what a customer buys (behavioural strength proxy), never the customer's segment in an order export.
  category: [
    'category', 'categoria', 'sub category', 'subcategory', 'subcategoria', 'sub categoria', 'product category',
    'categoria de producto', 'categoria producto', 'product line', 'product lines', 'product family', 'product group',
    'familia', 'familia de producto', 'familia producto', 'linea de producto', 'linea producto', 'grupo de producto',
    'gama', 'gama de producto',
  ],
  // Team days a year the account needs as a key account: a real effort figure the selection trades off.
  effort: [
    'effort', 'effort days', 'kam effort', 'days a year', 'days per year', 'days year', 'service days', 'team days',
    'kam days', 'days per account', 'days as key account', 'dias de servicio', 'dias al ano', 'dias por ano',
    'dias ano', 'dedicacion', 'dedicacion dias', 'esfuerzo', 'esfuerzo dias',
  ],
  // Headers that contain a role word but mean something else: they must not take the role.
  none: [
    'cost of sales', 'cost of goods', 'cost of goods sold', '=cogs', 'coste de ventas', 'coste de las ventas', 'unit price',
    '=price', '=precio', 'precio unitario', 'quantity', '=qty', 'cantidad', 'units', 'unidades', 'discount', 'descuento',
    '=tax', '=iva',
  ],
};

interface Pattern {
  role: ColumnRole | null;
  words: readonly string[];
  exact: boolean;
  weak: boolean;
  length: number;
}

const COMPILED: readonly Pattern[] = Object.entries(PATTERNS).flatMap(([role, patterns]) =>
  patterns.map((pattern) => {
    const exact = pattern.startsWith('=');
    const weak = pattern.startsWith('~');
    const text = exact || weak ? pattern.slice(1) : pattern;
    return { role: role === 'none' ? null : (role as ColumnRole), words: text.split(' '), exact, weak, length: text.length };
  }),
);

function containsWords(header: readonly string[], words: readonly string[]): boolean {
  outer: for (let start = 0; start + words.length <= header.length; start++) {
    for (let i = 0; i < words.length; i++) if (header[start + i] !== words[i]) continue outer;
    return true;
  }
  return false;
}

/** The role a header names, with a score for settling two columns that claim the same role. */
export function matchRole(header: string): { role: ColumnRole; score: number } | null {
  const words = foldWords(header);
  if (words.length === 0) return null;
  let best: { role: ColumnRole | null; score: number } | null = null;
  for (const pattern of COMPILED) {
    const whole = pattern.words.length === words.length && containsWords(words, pattern.words);
    if (pattern.exact ? !whole : !containsWords(words, pattern.words)) continue;
    const score = whole ? 1000 + pattern.length : pattern.weak ? 1 : pattern.length;
    if (best === null || score > best.score) best = { role: pattern.role, score };
  }
  return best && best.role !== null ? { role: best.role, score: best.score } : null;
}

function roleFitsType(role: ColumnRole, type: ValueType): boolean {
  if (type === 'empty' || TEXT_ROLES.has(role)) return true;
  // Tenure may be written as text ("12 años", "5 years"); its reader reports what it cannot read.
  if (role === 'tenure') return true;
  if (role === 'date') return type === 'date' || type === 'number';
  return type === 'number';
}

export type RoleIssue =
  | { kind: 'conflict'; role: ColumnRole; used: number; notUsed: number[] }
  | { kind: 'wrongType'; role: ColumnRole; column: number }
  | { kind: 'mappingNotFound'; role: ColumnRole; header: string };

/** A four-digit year in a header ("Revenue 2024"), used to prefer the latest of several columns. */
function headerYear(header: string): number {
  const years = header.match(/\b(?:19|20)\d{2}\b/g);
  return years ? Math.max(...years.map(Number)) : -1;
}

/** Column index for a mapping value: its header text (case/accent-insensitive) or its letter. */
function findMappedColumn(headers: readonly string[], letters: readonly string[], wanted: string): number {
  const folded = foldText(wanted);
  const byHeader = headers.findIndex((header) => foldText(header) === folded);
  if (byHeader !== -1) return byHeader;
  return letters.findIndex((letter) => letter === wanted.trim().toUpperCase());
}

/**
 * Give each column at most one role and each role at most one column. The mapping wins; then for
 * each role the best-scoring header, ties going to the latest year in the header, then the first.
 */
export function assignRoles(
  headers: readonly string[],
  types: readonly ValueType[],
  letters: readonly string[],
  mapping: RoleMapping = {},
): { roles: (ColumnRole | null)[]; issues: RoleIssue[] } {
  const roles: (ColumnRole | null)[] = headers.map(() => null);
  const issues: RoleIssue[] = [];
  const mappedRoles = new Set<ColumnRole>();

  for (const [role, wanted] of Object.entries(mapping) as [ColumnRole, string | undefined][]) {
    if (wanted === undefined || wanted.trim() === '') continue;
    const column = findMappedColumn(headers, letters, wanted);
    if (column === -1) issues.push({ kind: 'mappingNotFound', role, header: wanted });
    else {
      roles[column] = role;
      mappedRoles.add(role);
    }
  }

  const candidates = new Map<ColumnRole, { column: number; score: number; year: number }[]>();
  headers.forEach((header, column) => {
    if (roles[column] !== null) return;
    const match = matchRole(header);
    if (match === null || mappedRoles.has(match.role)) return;
    if (!roleFitsType(match.role, types[column] ?? 'empty')) {
      issues.push({ kind: 'wrongType', role: match.role, column });
      return;
    }
    const list = candidates.get(match.role) ?? [];
    list.push({ column, score: match.score, year: headerYear(header) });
    candidates.set(match.role, list);
  });

  for (const [role, list] of candidates) {
    const ranked = [...list].sort((a, b) => b.score - a.score || b.year - a.year || a.column - b.column);
    const [winner, ...others] = ranked as [(typeof ranked)[number], ...typeof ranked];
    roles[winner.column] = role;
    if (others.length > 0) issues.push({ kind: 'conflict', role, used: winner.column, notUsed: others.map((o) => o.column) });
  }
  return { roles, issues };
}
