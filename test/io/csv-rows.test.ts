// Tests for CSV parsing in chunks and for delimiter detection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, readSeparatorLine } from '../../src/io/csv-rows';

/** Parse `text` fed in chunks of `size` characters, so every boundary case is crossed. */
function parse(text: string, delimiter = ',', size = text.length || 1) {
  const rows: [number, string[]][] = [];
  const parser = new CsvParser(delimiter, (cells, rowNumber) => rows.push([rowNumber, cells]));
  for (let i = 0; i < text.length; i += size) parser.write(text.slice(i, i + size));
  const { unclosedQuoteRow } = parser.end();
  return { rows, unclosedQuoteRow };
}

describe('CsvParser', () => {
  const cases: [string, string, string, [number, string[]][]][] = [
    ['plain rows', 'a,b\n1,2\n', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['no final line break', 'a,b\n1,2', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF and lone CR', 'a\r\nb\rc\n', ',', [[1, ['a']], [2, ['b']], [3, ['c']]]],
    ['quoted delimiters', '"Smith, Jones & Co",5\n', ',', [[1, ['Smith, Jones & Co', '5']]]],
    ['doubled quotes', '"say ""hi""",x\n', ',', [[1, ['say "hi"', 'x']]]],
    ['a line break inside quotes', '"two\nlines",x\nnext,y\n', ',', [[1, ['two\nlines', 'x']], [2, ['next', 'y']]]],
    ['empty fields and a blank line', 'a,,c\n\n,\n', ',', [[1, ['a', '', 'c']], [2, ['']], [3, ['', '']]]],
    ['a quote inside an unquoted field', 'say "hi",x\n', ',', [[1, ['say "hi"', 'x']]]],
    ['text after a closing quote', '"abc"def,x\n', ',', [[1, ['abcdef', 'x']]]],
    ['semicolons with decimal commas', 'Cliente;Ventas\nPeña;1.234,50 €\n', ';', [[1, ['Cliente', 'Ventas']], [2, ['Peña', '1.234,50 €']]]],
    ['tabs', 'a\tb\n1\t2\n', '\t', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['formula-like text', '=Acme,+Corp,-x,@y\n', ',', [[1, ['=Acme', '+Corp', '-x', '@y']]]],
  ];

  it.each(cases)('parses %s', (_, text, delimiter, expected) => {
    expect(parse(text, delimiter).rows).toEqual(expected);
  });

  it.each(cases)('parses %s the same when fed one character at a time', (_, text, delimiter, expected) => {
    expect(parse(text, delimiter, 1).rows).toEqual(expected);
  });

  it('reports a quote never closed, with the row it opened in', () => {
    const { rows, unclosedQuoteRow } = parse('a,b\n"open,1\n2,3\n');
    expect(unclosedQuoteRow).toBe(2);
    expect(rows).toEqual([[1, ['a', 'b']], [2, ['open,1\n2,3\n']]]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['commas', 'Customer,Revenue,Margin\nAcme,100,0.2\nBeta,200,0.3\n', ','],
    ['semicolons around decimal commas', 'Cliente;Ventas;Margen;Fecha\nPeña;1.234,50 €;12,5 %;15/03/2024\nSur;€ 2.000;8 %;01/02/2024\n', ';'],
    ['tabs', 'Customer\tRevenue\nAcme\t1,234.50\n', '\t'],
    ['pipes', 'a|b|c\n1|2|3\n', '|'],
    ['a title line above the table', 'Sales report\nCustomer,Revenue\nAcme,5\nBeta,6\n', ','],
    ['quoted commas in a semicolon file', 'a;b\n"x, y";1\n"z, w";2\n', ';'],
    ['a single column', 'Customer\nAcme\n', ','],
  ])('detects %s', (_, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('honours and removes an Excel "sep=" line', () => {
    expect(readSeparatorLine('sep=;\r\na;b\n')).toEqual({ delimiter: ';', rest: 'a;b\n' });
    expect(readSeparatorLine('a;b\n')).toBeNull();
  });
});

describe('CsvParser on any table', () => {
  it('reads back what a CSV writer wrote, whatever the chunk size', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r\n', ' ', '1', '€') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 7 }), fc.constantFrom(',', ';'), (rows, size, delimiter) => {
        const text = rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n');
        expect(parse(text, delimiter, size).rows).toEqual(rows.map((row, i) => [i + 1, row]));
      }),
    );
  });
});
