// Tests for recognising column roles from English and Spanish headers, and assigning them to columns.
import { describe, expect, it } from 'vitest';
import { assignRoles, matchRole } from '../../../src/core/ingest/column-roles';
import type { ValueType } from '../../../src/core/ingest/column-profile';

describe('matchRole', () => {
  it.each([
    ['Customer', 'account'],
    ['Client name', 'account'],
    ['CLIENTE', 'account'],
    ['Razón social', 'account'],
    ['razon  SOCIAL', 'account'],
    ['Cuenta', 'account'],
    ['Name', 'account'],
    ['Customer ID', 'accountId'],
    ['Código cliente', 'accountId'],
    ['Segment', 'segment'],
    ['Segmento', 'segment'],
    ['Industry', 'segment'],
    ['Customer segment', 'segment'],
    ['Sector', 'segment'],
    ['Industria', 'segment'],
    ['Vertical', 'segment'],
    ['Mercado', 'segment'],
    ['Customer category', 'segment'],
    // Product attributes are not the customer's segment (issue 10): they feed breadth.
    ['Category', 'category'],
    ['Sub-Category', 'category'],
    ['Categoría', 'category'],
    ['Product line', 'category'],
    ['Familia de producto', 'category'],
    ['Days a year', 'effort'],
    ['Effort (days)', 'effort'],
    ['Días de servicio', 'effort'],
    ['Dedicación', 'effort'],
    ['Account manager', 'manager'],
    ['KAM', 'manager'],
    ['Owner', 'manager'],
    ['Comercial', 'manager'],
    ['Responsable', 'manager'],
    ['Sales rep', 'manager'],
    ['Revenue', 'revenue'],
    ['Sales', 'revenue'],
    ['Turnover', 'revenue'],
    ['Ventas', 'revenue'],
    ['Facturación', 'revenue'],
    ['Ingresos', 'revenue'],
    ['Amount', 'revenue'],
    ['Importe', 'revenue'],
    ['Customer revenue', 'revenue'],
    ['Revenue 2024 (€)', 'revenue'],
    ['Profit', 'profit'],
    ['Beneficio', 'profit'],
    ['Gross profit', 'profit'],
    ['Margin', 'margin'],
    ['Margen', 'margin'],
    ['GM%', 'margin'],
    ['Gross margin %', 'margin'],
    ['Profit margin', 'margin'],
    ['Cost to serve', 'costToServe'],
    ['Cost-to-serve (€)', 'costToServe'],
    ['Coste de servicio', 'costToServe'],
    ['Growth', 'growth'],
    ['Crecimiento', 'growth'],
    ['YoY', 'growth'],
    ['Revenue growth %', 'growth'],
    ['Tenure', 'tenure'],
    ['Years as customer', 'tenure'],
    ['Antigüedad', 'tenure'],
    ['Customer since', 'tenure'],
    ['Cliente desde', 'tenure'],
    ['First order date', 'tenure'],
    ['Stage', 'stage'],
    ['Relationship stage', 'stage'],
    ['Etapa', 'stage'],
    ['Fase', 'stage'],
    ['Date', 'date'],
    ['Order date', 'date'],
    ['Fecha', 'date'],
    ['Fecha de factura', 'date'],
    ['Orders', 'orders'],
    ['# orders', 'orders'],
    ['Nº pedidos', 'orders'],
    ['Invoice', 'orderId'],
    ['Order number', 'orderId'],
    ['Nº pedido', 'orderId'],
    ['Factura', 'orderId'],
    ['Potential', 'potential'],
    ['Total spend', 'potential'],
    ['Share of wallet', 'shareOfWallet'],
  ])('reads the header %j as %s', (header, role) => {
    expect(matchRole(header)?.role).toBe(role);
  });

  it.each(['Strategic fit (0-10)', 'Region', 'Notes', 'Cost of sales', 'Unit price', 'Product name', 'Cantidad', ''])(
    'gives %j no role',
    (header) => {
      expect(matchRole(header)).toBeNull();
    },
  );
});

describe('assignRoles', () => {
  const letters = ['A', 'B', 'C', 'D', 'E'];

  it('gives each role one column and reports the others', () => {
    const { roles, issues } = assignRoles(['Customer', 'Revenue 2023', 'Revenue 2024'], ['text', 'number', 'number'], letters);
    expect(roles).toEqual(['account', null, 'revenue']);
    expect(issues).toEqual([{ kind: 'conflict', role: 'revenue', used: 2, notUsed: [1] }]);
  });

  it('prefers the whole-header match over a partial one', () => {
    const { roles } = assignRoles(['Customer', 'Customer name'], ['text', 'text'], letters);
    expect(roles).toEqual([null, 'account']);
  });

  it('drops a role whose column holds the wrong kind of values', () => {
    const types: ValueType[] = ['text', 'text'];
    const { roles, issues } = assignRoles(['Customer', 'Revenue'], types, letters);
    expect(roles).toEqual(['account', null]);
    expect(issues).toEqual([{ kind: 'wrongType', role: 'revenue', column: 1 }]);
  });

  it('lets a mapping by header or by letter override the guess', () => {
    const { roles, issues } = assignRoles(['Customer', 'Nombre', 'Ventas', 'Objetivo'], ['text', 'text', 'number', 'number'], letters, {
      account: 'nombre',
      revenue: 'D',
    });
    expect(roles).toEqual([null, 'account', null, 'revenue']);
    expect(issues).toEqual([]);
  });

  it('reports a mapping to a header that does not exist', () => {
    const { issues } = assignRoles(['Customer', 'Sales'], ['text', 'number'], letters, { revenue: 'Turnover' });
    expect(issues).toEqual([{ kind: 'mappingNotFound', role: 'revenue', header: 'Turnover' }]);
  });
});
