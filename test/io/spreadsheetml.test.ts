// Unit tests of the SpreadsheetML reader's pieces: XML tokenizer, part resolution, styles, cells, sheet names.
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../src/core/ingest/raw-cell';
import { dateFromIso, dateFromSerial, SheetRowsHandler } from '../../src/io/sheet-rows';
import type { SheetContext } from '../../src/io/sheet-rows';
import { matchSheetName } from '../../src/io/sheet-names';
import { resolveTarget } from '../../src/io/workbook-package';
import { isDateFormat, unescapeXstring } from '../../src/io/workbook-parts';
import { attributeMap, decodeEntities, readAttributes, XmlScanner, XmlSyntaxError } from '../../src/io/xml-scanner';

/** Feeds `xml` to a scanner in pieces of `step` characters and records the events. */
function events(xml: string, step = xml.length, captureIn = new Set(['v', 't'])): string[] {
  const seen: string[] = [];
  const scanner: XmlScanner = new XmlScanner({
    open(name, attributes, selfClosing) {
      seen.push(`<${name}${attributes}${selfClosing ? '/' : ''}>`);
      if (captureIn.has(name)) scanner.capture = true;
    },
    close(name) {
      if (captureIn.has(name)) seen.push(`text ${JSON.stringify(scanner.takeText())}`);
      seen.push(`</${name}>`);
    },
  });
  for (let i = 0; i < xml.length; i += step) scanner.write(xml.slice(i, i + step));
  scanner.end();
  return seen;
}

describe('XmlScanner', () => {
  const xml = '<?xml version="1.0"?>\n<!-- note --><x:c r="A1" t=\'s\'><x:v>1 &amp; 2 &#x41;&#66;</x:v><x:t><![CDATA[a < b & c]]></x:t><x:f/></x:c>';
  const expected = ['<c r="A1" t=\'s\'>', '<v>', 'text "1 & 2 AB"', '</v>', '<t>', 'text "a < b & c"', '</t>', '<f/>', '</f>', '</c>'];

  it('gives local names, raw attributes, decoded text and CDATA', () => {
    expect(events(xml)).toEqual(expected);
  });

  it.each([1, 2, 3, 7, 16])('gives the same events when the text arrives %d characters at a time', (step) => {
    expect(events(xml, step)).toEqual(expected);
  });

  it('finds the end of a tag after a ">" inside a quoted attribute', () => {
    expect(events('<a title="x > y"><b/></a>')).toEqual(['<a title="x > y">', '<b/>', '</b>', '</a>']);
  });

  it('skips a document type declaration without expanding its entities', () => {
    const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><v>&lol2;</v>';
    expect(events(bomb)).toEqual(['<v>', 'text "&lol2;"', '</v>']);
  });

  it('stops when told to and reports a document cut inside a tag', () => {
    const seen: string[] = [];
    const scanner: XmlScanner = new XmlScanner({ open: (name) => { seen.push(name); if (name === 'b') scanner.stop(); }, close: () => {} });
    scanner.write('<a><b/><c/>');
    expect(seen).toEqual(['a', 'b']);
    const cut = new XmlScanner({ open: () => {}, close: () => {} });
    cut.write('<a><b attr="1');
    expect(() => cut.end()).toThrow(XmlSyntaxError);
  });

  it('reads attributes by local name, with spaces around "=" and either quote', () => {
    const out: (string | undefined)[] = [];
    readAttributes(' r = "B7"\n t=\'inlineStr\' xr:uid="{1}" s="3"', ['r', 't', 's', 'uid', 'missing'], out);
    expect(out).toEqual(['B7', 'inlineStr', '3', '{1}', undefined]);
    expect(attributeMap(' name="Clientes &amp; más" r:id="rId3"')).toEqual(new Map([['name', 'Clientes & más'], ['r:id', 'rId3']]));
    expect(decodeEntities('&lt;&unknown;&#0;')).toBe('<&unknown;&#0;');
  });
});

describe('resolveTarget', () => {
  it.each([
    ['xl', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets', '../drawings/drawing1.xml', 'xl/drawings/drawing1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl', './worksheets/Hoja%201.xml', 'xl/worksheets/Hoja 1.xml'],
    ['xl', 'worksheets\\sheet2.xml', 'xl/worksheets/sheet2.xml'],
  ])('from %j, %j is %j', (folder, target, part) => {
    expect(resolveTarget(folder, target)).toBe(part);
  });
});

describe('number formats and text escapes', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['YYYY-MM-DD HH:MM:SS', true],
    ['[$-409]mmm d, yyyy', true],
    ['d/m/yy', true],
    ['dd\\.mm\\.yyyy', true],
    ['#,##0.00', false],
    ['0.0%', false],
    ['"days" 0', false],
    ['[Red]#,##0', false],
    ['General', false],
    ['_-* #,##0.00 "€"_-', false],
    ['0\\h', false],
    [undefined, false],
  ])('%j shows a date: %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  it('decodes _xHHHH_ escapes, keeping an escaped escape literal', () => {
    expect(unescapeXstring('Line 1_x000D_\nLine 2')).toBe('Line 1\r\nLine 2');
    expect(unescapeXstring('_x005F_x000D_')).toBe('_x000D_');
    expect(unescapeXstring('plain_text')).toBe('plain_text');
  });
});

describe('dates', () => {
  const day = new Date(Date.UTC(2024, 2, 15));
  it('reads the same day from both date systems and from ISO 8601 text', () => {
    expect(dateFromSerial(45366, false)).toEqual(day);
    expect(dateFromSerial(45366 - 1462, true)).toEqual(day);
    expect(dateFromIso('2024-03-15')).toEqual(day);
    expect(dateFromIso('2024-03-15T00:00:00Z')).toEqual(day);
    expect(dateFromIso('2024-03-15T13:45:30.5')).toEqual(new Date(Date.UTC(2024, 2, 15, 13, 45, 30, 500)));
    expect(dateFromIso('13:45:30')).toBe('13:45:30');
  });
});

describe('SheetRowsHandler', () => {
  const context: SheetContext = { sharedStrings: ['Cliente', 'Acme'], dateStyles: [false, true], date1904: false };

  function rows(sheetData: string, step?: number): [number, RawCell[]][] {
    const found: [number, RawCell[]][] = [];
    const scanner: XmlScanner = new XmlScanner({
      open: (name, attributes) => handler.open(name, attributes),
      close: (name) => handler.close(name),
    });
    const handler = new SheetRowsHandler(scanner, context, (cells, rowNumber) => found.push([rowNumber, [...cells]]));
    const xml = `<x:worksheet xmlns:x="main"><x:dimension ref="A1"/><x:sheetData>${sheetData}</x:sheetData><x:extLst><xm:f>not data</xm:f></x:extLst></x:worksheet>`;
    for (let i = 0; i < xml.length; i += step ?? xml.length) scanner.write(xml.slice(i, i + (step ?? xml.length)));
    scanner.end();
    return found;
  }

  it('reads every cell type', () => {
    const data =
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Pe</x:t></x:r><x:r><x:t xml:space="preserve">ña </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ペ</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="C2"><x:v>1234.5</x:v></x:c><x:c r="D2" s="1"><x:v>45366</x:v></x:c><x:c r="E2" t="b"><x:v>1</x:v></x:c><x:c r="F2" t="e"><x:v>#N/A</x:v></x:c>' +
      '<x:c r="G2" t="str"><x:f>A2&amp;"!"</x:f><x:v>Acme!</x:v></x:c><x:c r="H2" s="1"><x:f>D2+1</x:f><x:v>45367</x:v></x:c><x:c r="I2" t="d"><x:v>2024-03-15</x:v></x:c>' +
      '<x:c r="J2"><x:f>1/0</x:f></x:c><x:c r="K2" s="1"/><x:c r="L2" t="s"><x:v>99</x:v></x:c></x:row>';
    const [[rowNumber, cells]] = rows(data) as [[number, RawCell[]]];
    expect(rowNumber).toBe(2);
    expect(cells).toEqual(['Acme', 'Peña ', 1234.5, new Date(Date.UTC(2024, 2, 15)), true, '#N/A', 'Acme!', new Date(Date.UTC(2024, 2, 16)), new Date(Date.UTC(2024, 2, 15))]);
  });

  it('places rows and cells without r attributes after the previous ones', () => {
    const data = '<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c r="D4"><v>4</v></c><c><v>5</v></c></row><row r="7" ht="2"/>';
    expect(rows(data)).toEqual([[3, [undefined, 1, 2]], [4, [3, undefined, undefined, 4, 5]], [7, []]]);
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const data = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x &amp; y</t></is></c></row><row r="2"><c r="A2" s="1"><v>45366</v></c></row>';
    const whole = rows(data);
    for (const step of [1, 3, 5, 11]) expect(rows(data, step)).toEqual(whole);
  });
});

describe('matchSheetName', () => {
  const sheets = ['Clientes 2026', 'Notas', 'Notás', 'Resumen'];
  it.each([
    ['Clientes 2026', { found: 'Clientes 2026' }],
    ['clientes 2026', { found: 'Clientes 2026' }],
    ['  CLIENTÉS   2026 ', { found: 'Clientes 2026' }],
    ['Notás', { found: 'Notás' }],
    ['notas', { ambiguous: ['Notas', 'Notás'] }],
    ['RESUMEN', { found: 'Resumen' }],
    ['Sheet1', { none: true }],
  ])('%j → %j', (wanted, expected) => {
    expect(matchSheetName(sheets, wanted)).toEqual(expected);
  });
});
