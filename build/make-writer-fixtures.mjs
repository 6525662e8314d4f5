// Writes test/fixtures/writers/: one customer list and one order export, as each common tool writes them.
//
// Run with `node build/make-writer-fixtures.mjs` (needs /usr/bin/python3 with python3-openpyxl,
// python3-pandas, and LibreOffice's soffice; the outputs are checked
// in, so tests and CI need none of these). Writers run here: exceljs (the reference, shaped as Excel
// saves), openpyxl, pandas, LibreOffice (xlsx, xlsm, and .ods/.xls for the "cannot read" lines),
// and a password-encrypted copy. Writers that cannot run here are reproduced part by part
// from real exports of theirs, cited at each builder below: Google Sheets, Apple Numbers (1904 date
// system), the .NET Open XML SDK used by BI and reporting tools ("x:" prefixes, absolute targets),
// a minimal streaming writer (inline strings, no styles, no shared strings) and Excel's Strict Open
// XML. Every file holds the same accounts, sheet names and dates; test/io/writer-matrix.test.ts
// checks that each is read to the same portfolio as the exceljs one.

import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test', 'fixtures', 'writers');
const FIXED_TIME = new Date(Date.UTC(2026, 0, 15));

// ---------------------------------------------------------------------------------------------
// The data: a customer list with a notes sheet, and an order export. Kinds drive each writer's
// cell types and number formats; "formula" cells carry a formula and its cached value.

const CUSTOMERS = {
  sheet: 'Clientes 2026',
  notesSheet: 'Notas',
  notes: ['Notas', 'Fuente: exportación del CRM, 15/01/2026', 'Importes en euros'],
  columns: [
    { header: 'Cliente', kind: 'text' },
    { header: 'Segmento', kind: 'text' },
    { header: 'Gestor', kind: 'text' },
    { header: 'Ventas', kind: 'money' },
    { header: 'Margen %', kind: 'percent' },
    { header: 'Beneficio', kind: 'formula', formula: (r) => `D${r}*E${r}` },
    { header: 'Coste de servicio', kind: 'money' },
    { header: 'Cliente desde', kind: 'date' },
    { header: 'Etapa', kind: 'text' },
    { header: 'Encaje estratégico (0-10)', kind: 'number' },
  ],
  // Margins are binary fractions, so every writer's cached Ventas × Margen is the same number.
  rows: [
    ['Distribuciones Peña S.L.', 'Retail', 'Ana Ruiz', 120000, 0.25, 30000, 8000, '2015-03-01', 'Cooperative', 7],
    ['Café del Sur', 'Hostelería', 'Bob Lee', 48000, 0.375, 18000, 3000, '2019-11-15', 'Basic', 5],
    ['Ñandú Logística S.A.', 'Logística', 'Carla Gómez', 250000, 0.125, 31250, 22000, '2010-06-30', 'Interdependent', 9],
    ['Hostelería Martínez', 'Hostelería', 'Bob Lee', 36000, 0.5, 18000, 1500, '2021-01-04', 'Exploratory', 4],
    ['Frutas García', 'Retail', 'Ana Ruiz', 90000, 0.25, 22500, 6000, '2012-09-10', 'Integrated', 8],
    ['Óptica Núñez', 'Salud', 'Carla Gómez', 64000, 0.375, 24000, 4000, '2017-05-22', 'Cooperative', 6],
    ['Talleres Ibáñez', 'Industria', 'Ana Ruiz', 150000, 0.125, 18750, 12000, '2008-02-29', 'Basic', 3],
    ['Vinos Albariño S.Coop.', 'Retail', 'Bob Lee', 72000, 0.25, 18000, 5000, '2023-10-01', 'Exploratory', 6],
  ],
};

const ORDERS = {
  sheet: 'Pedidos',
  columns: [
    { header: 'Fecha', kind: 'date' },
    { header: 'Factura', kind: 'text' },
    { header: 'Cliente', kind: 'text' },
    { header: 'Importe', kind: 'money' },
    { header: 'Beneficio', kind: 'money' },
  ],
  rows: [
    ['2025-01-15', 'F-1001', 'Distribuciones Peña S.L.', 1200, 300],
    ['2025-02-03', 'F-1002', 'Café del Sur', 800, 240],
    ['2025-03-20', 'F-1003', 'Ñandú Logística S.A.', 5000, 750],
    ['2025-05-11', 'F-1004', 'Distribuciones Peña S.L.', 1500, 375],
    ['2025-07-01', 'F-1005', 'Frutas García', 900, 225],
    ['2025-09-09', 'F-1006', 'Café del Sur', 600, 150],
    ['2025-11-30', 'F-1007', 'Ñandú Logística S.A.', 4200, 630],
    ['2026-01-12', 'F-1008', 'Distribuciones Peña S.L.', 1800, 450],
    ['2026-02-14', 'F-1009', 'Frutas García', 1100, 275],
    ['2026-03-03', 'F-1010', 'Café del Sur', 700, 175],
    ['2026-04-18', 'F-1011', 'Ñandú Logística S.A.', 6100, 915],
    ['2026-05-25', 'F-1012', 'Frutas García', 1000, 250],
  ],
};

const utcDate = (iso) => new Date(`${iso}T00:00:00Z`);
/** Excel serial day of an ISO date, 1900 system (1899-12-30 + n; every date here is after 1900-03-01). */
const serial1900 = (iso) => Math.round((utcDate(iso).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
/** The same day in the 1904 system, which counts 1,462 days fewer. */
const serial1904 = (iso) => serial1900(iso) - 1462;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Overwrites the DOS date/time of every zip entry, so reruns give the same bytes where the writer allows. */
function fixZipTimestamps(buffer) {
  const bytes = Buffer.from(buffer);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 15;
  for (let i = 0; i < entries; i++) {
    bytes.writeUInt32LE(dosDate << 16, at + 12);
    const local = bytes.readUInt32LE(at + 42);
    bytes.writeUInt32LE(dosDate << 16, local + 10);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

function save(name, bytes) {
  writeFileSync(join(OUT, name), fixZipTimestamps(bytes));
  console.log(`  ${name}`);
}

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const columnLetter = (index) => String.fromCharCode(65 + index);
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A shared string table that hands out indexes in first-use order, as Excel and Google Sheets do. */
class SharedStrings {
  list = [];
  index = new Map();
  count = 0;
  add(text) {
    this.count++;
    if (!this.index.has(text)) {
      this.index.set(text, this.list.length);
      this.list.push(text);
    }
    return this.index.get(text);
  }
}

/** A zip of parts in the given order; `descriptors` writes sizes after the data (bit 3), as Google's exporter does. */
async function zipParts(parts, { descriptors = false } = {}) {
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text, { date: FIXED_TIME, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: descriptors });
}

/** Cells of the table's rows in writer-neutral form: { ref, kind, value, formula }. */
function tableCells(table, firstRow = 1) {
  const rows = [table.columns.map((c, i) => ({ ref: `${columnLetter(i)}${firstRow}`, kind: 'header', value: c.header }))];
  table.rows.forEach((row, r) => {
    const rowNumber = firstRow + 1 + r;
    rows.push(row.map((value, i) => {
      const spec = table.columns[i];
      return { ref: `${columnLetter(i)}${rowNumber}`, kind: spec.kind, value, formula: spec.formula?.(rowNumber) };
    }));
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// exceljs: the reference ("Excel-written"); shared strings, styles, formulas with cached results.

async function exceljsBook(table, withNotes, { date1904 = false } = {}) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'make-writer-fixtures';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  if (date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet(table.sheet);
  const formats = { date: 'dd/mm/yyyy', percent: '0.0%', money: '#,##0.00', formula: '#,##0.00' };
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: 18, style: formats[c.kind] ? { numFmt: formats[c.kind] } : {} }));
  sheet.getRow(1).font = { bold: true };
  table.rows.forEach((row, r) => {
    sheet.addRow(row.map((value, i) => {
      const spec = table.columns[i];
      if (spec.kind === 'date') return utcDate(value);
      if (spec.kind === 'formula') return { formula: spec.formula(r + 2), result: value };
      return value;
    }));
  });
  if (withNotes) {
    const notes = workbook.addWorksheet(table.notesSheet);
    for (const line of table.notes) notes.addRow([line]);
  }
  return workbook.xlsx.writeBuffer();
}

// ---------------------------------------------------------------------------------------------
// Google Sheets "Download › Microsoft Excel (.xlsx)". Reproduced from real exports: roo-rb/roo
// test/files/boolean-from-google-sheets.xlsx (2023) and tidyverse/readxl
// tests/testthat/sheets/iris-google-doc.xlsx (2015): entries in the order drawings, sheets, theme,
// sharedStrings, styles, workbook, rels, [Content_Types].xml, with data descriptors; relative
// targets; an sst (empty when there are no strings); state="visible" on every sheet; no dimension;
// the mx/mv/x14/x15/xm namespace declarations; an empty drawing part per sheet.

const GOOGLE_NS = `xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"`;

async function googleSheetsBook(sheets) {
  const sst = new SharedStrings();
  // Styles: 0 default, 1 text, 2 date (numFmt 164), 3 percent (built-in 10), 4 money (164+1).
  const style = { header: 1, text: 1, number: 1, date: 2, percent: 3, money: 4, formula: 4 };
  const sheetXml = sheets.map((table) => {
    const rows = (table.rows ? tableCells(table) : table.lines.map((line, r) => [{ ref: `A${r + 1}`, kind: 'text', value: line }]))
      .map((cells, r) => `<row r="${r + 1}">${cells.map((c) => {
        if (c.kind === 'header' || c.kind === 'text') return `<c r="${c.ref}" s="${style.text}" t="s"><v>${sst.add(c.value)}</v></c>`;
        if (c.kind === 'date') return `<c r="${c.ref}" s="${style.date}"><v>${serial1900(c.value)}</v></c>`;
        if (c.kind === 'formula') return `<c r="${c.ref}" s="${style.formula}"><f>${c.formula}</f><v>${c.value}</v></c>`;
        return `<c r="${c.ref}" s="${style[c.kind]}"><v>${c.value}</v></c>`;
      }).join('')}</row>`).join('');
    return `${XML_HEAD.trim()}<worksheet ${GOOGLE_NS}><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><sheetData>${rows}</sheetData><drawing r:id="rId1"/></worksheet>`;
  });
  const names = sheets.map((s) => s.sheet);
  const parts = [];
  sheets.forEach((_, i) => parts.push([`xl/drawings/drawing${i + 1}.xml`, `${XML_HEAD.trim()}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"/>`]));
  sheets.forEach((_, i) => {
    parts.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml[i]]);
    parts.push([`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${XML_HEAD.trim()}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${T}/drawing" Target="../drawings/drawing${i + 1}.xml"/></Relationships>`]);
  });
  parts.push(['xl/sharedStrings.xml', `${XML_HEAD.trim()}<sst xmlns="${MAIN_NS}" count="${sst.count}" uniqueCount="${sst.list.length}">${sst.list.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`]);
  parts.push(['xl/styles.xml', `${XML_HEAD.trim()}<styleSheet xmlns="${MAIN_NS}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><numFmts count="2"><numFmt numFmtId="164" formatCode="d/m/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs><cellXfs count="5"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="10" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="165" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf></cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`]);
  parts.push(['xl/workbook.xml', `${XML_HEAD.trim()}<workbook ${GOOGLE_NS}><workbookPr/><sheets>${names.map((n, i) => `<sheet state="visible" name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('')}</sheets><definedNames/><calcPr/></workbook>`]);
  parts.push(['xl/_rels/workbook.xml.rels', `${XML_HEAD.trim()}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${T}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${T}/sharedStrings" Target="sharedStrings.xml"/>${names.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${T}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`]);
  parts.push(['_rels/.rels', `${XML_HEAD.trim()}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${T}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  parts.push(['[Content_Types].xml', `${XML_HEAD.trim()}<Types xmlns="${CT_NS}"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>${names.map((_, i) => `<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet${i + 1}.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.drawing+xml" PartName="/xl/drawings/drawing${i + 1}.xml"/>`).join('')}<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" PartName="/xl/sharedStrings.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" PartName="/xl/styles.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/></Types>`]);
  return zipParts(parts, { descriptors: true });
}

// ---------------------------------------------------------------------------------------------
// Apple Numbers "Export To › Excel". Reproduced from a real export, roo-rb/roo
// test/files/numbers-export.xlsx (Numbers 3.1): the 1904 date system (workbookPr date1904="1"), the
// first sheet's part named sheet.xml (no number) and the next sheet1.xml, xmlns:r declared before
// the default namespace, a dimension element, t before s on cells, a numFmt re-declaring id 0 as
// "General", empty docProps parts and a long list of Default content types.

async function numbersBook(sheets) {
  const sst = new SharedStrings();
  const style = { header: 2, text: 1, number: 1, date: 3, percent: 4, money: 5, formula: 5 };
  const partNames = sheets.map((_, i) => (i === 0 ? 'sheet.xml' : `sheet${i}.xml`));
  const sheetXml = sheets.map((table) => {
    const cells = table.rows ? tableCells(table) : table.lines.map((line, r) => [{ ref: `A${r + 1}`, kind: 'text', value: line }]);
    const width = cells[0].length;
    const rows = cells.map((row, r) => `<row r="${r + 1}" ht="20.35" customHeight="1">${row.map((c) => {
      if (c.kind === 'header') return `<c r="${c.ref}" t="s" s="${style.header}"><v>${sst.add(c.value)}</v></c>`;
      if (c.kind === 'text') return `<c r="${c.ref}" t="s" s="${style.text}"><v>${sst.add(c.value)}</v></c>`;
      if (c.kind === 'date') return `<c r="${c.ref}" s="${style.date}"><v>${serial1904(c.value)}</v></c>`;
      if (c.kind === 'formula') return `<c r="${c.ref}" s="${style.formula}"><f>${c.formula}</f><v>${c.value}</v></c>`;
      return `<c r="${c.ref}" s="${style[c.kind]}"><v>${c.value}</v></c>`;
    }).join('')}</row>`).join('');
    return `${XML_HEAD.trim()}<worksheet xmlns:r="${REL_NS}" xmlns="${MAIN_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${columnLetter(width - 1)}${cells.length}"/><sheetViews><sheetView workbookViewId="0" showGridLines="0" defaultGridColor="1"><pane topLeftCell="B2" xSplit="1" ySplit="1" activePane="bottomRight" state="frozenSplit"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="16.3" defaultRowHeight="18" customHeight="1" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>${rows}</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.25" footer="0.25"/><pageSetup firstPageNumber="1" fitToHeight="1" fitToWidth="1" scale="100" useFirstPageNumber="0" orientation="portrait" pageOrder="downThenOver"/><headerFooter><oddFooter>&amp;"Helvetica Neue,Regular"&amp;12&amp;K000000&amp;P</oddFooter></headerFooter></worksheet>`;
  });
  const names = sheets.map((s) => s.sheet);
  const parts = [
    ['_rels/.rels', `${XML_HEAD.trim()}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId2" Type="${T}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId3" Type="${T}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['docProps/core.xml', `${XML_HEAD.trim()}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`],
    ['docProps/app.xml', `${XML_HEAD.trim()}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`],
    ['xl/workbook.xml', `${XML_HEAD.trim()}<workbook xmlns:r="${REL_NS}" xmlns="${MAIN_NS}"><workbookPr date1904="1"/><bookViews><workbookView xWindow="0" yWindow="40" windowWidth="15960" windowHeight="18080"/></bookViews><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('')}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD.trim()}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${T}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="${T}/styles" Target="styles.xml"/>${partNames.map((p, i) => `<Relationship Id="rId${i + 3}" Type="${T}/worksheet" Target="worksheets/${p}"/>`).join('')}</Relationships>`],
  ];
  partNames.forEach((p, i) => parts.push([`xl/worksheets/${p}`, sheetXml[i]]));
  parts.push(['xl/sharedStrings.xml', `${XML_HEAD.trim()}<sst uniqueCount="${sst.list.length}" xmlns="${MAIN_NS}">${sst.list.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`]);
  const xf = (numFmt, font, extra = '') => `<xf numFmtId="${numFmt}" fontId="${font}" applyNumberFormat="${numFmt === 0 ? 0 : 1}" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"${extra}><alignment vertical="top" wrapText="1"/></xf>`;
  parts.push(['xl/styles.xml', `${XML_HEAD.trim()}<styleSheet xmlns="${MAIN_NS}"><numFmts count="3"><numFmt numFmtId="0" formatCode="General"/><numFmt numFmtId="59" formatCode="d/m/yy"/><numFmt numFmtId="60" formatCode="#,##0.00"/></numFmts><fonts count="3"><font><sz val="10"/><color indexed="8"/><name val="Helvetica Neue"/></font><font><sz val="12"/><color indexed="8"/><name val="Helvetica Neue"/></font><font><b val="1"/><sz val="10"/><color indexed="8"/><name val="Helvetica Neue"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1">${xf(0, 0)}</cellStyleXfs><cellXfs count="6">${xf(0, 0)}${xf(0, 0)}${xf(0, 2)}${xf(59, 0)}${xf(10, 0)}${xf(60, 0)}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`]);
  parts.push(['[Content_Types].xml', `${XML_HEAD.trim()}<Types xmlns="${CT_NS}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="jpg" ContentType="image/jpg"/><Default Extension="png" ContentType="image/png"/><Default Extension="bmp" ContentType="image/bmp"/><Default Extension="gif" ContentType="image/gif"/><Default Extension="tif" ContentType="image/tif"/><Default Extension="pdf" ContentType="application/pdf"/><Default Extension="mov" ContentType="application/movie"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${partNames.map((p) => `<Override PartName="/xl/worksheets/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`]);
  return zipParts(parts);
}

// ---------------------------------------------------------------------------------------------
// The .NET Open XML SDK, as BI and reporting tools use it. Reproduced from a real export,
// tidyverse/readxl tests/testthat/sheets/Ekaterinburg_IP_9.xlsx (see readxl issues #80, #294):
// a byte-order mark before every part, the "x:" prefix on every SpreadsheetML element, absolute
// relationship targets (/xl/workbook.xml, /xl/worksheets/sheet.xml), random relationship ids,
// text as t="str" cells (no shared strings for cell text), no dimension, no docProps, workbook.xml
// first in the zip, and the r namespace declared on each sheet element.

async function openXmlSdkBook(sheets) {
  const BOM = '\ufeff';
  const head = `${BOM}<?xml version="1.0" encoding="utf-8"?>`;
  const id = (n) => `R${(0x6082ddd3e995440fn + BigInt(n) * 0x1111n).toString(16)}`;
  const partNames = sheets.map((_, i) => (i === 0 ? 'sheet.xml' : `sheet${i + 1}.xml`));
  const style = { header: 2, text: 1, number: 1, date: 3, percent: 4, money: 5, formula: 5 };
  const sheetXml = sheets.map((table) => {
    const cells = table.rows ? tableCells(table) : table.lines.map((line, r) => [{ ref: `A${r + 1}`, kind: 'text', value: line }]);
    const rows = cells.map((row, r) => `<x:row r="${r + 1}">${row.map((c) => {
      if (c.kind === 'header' || c.kind === 'text') return `<x:c r="${c.ref}" s="${style[c.kind]}" t="str"><x:v>${escapeXml(c.value)}</x:v></x:c>`;
      if (c.kind === 'date') return `<x:c r="${c.ref}" s="${style.date}"><x:v>${serial1900(c.value)}</x:v></x:c>`;
      if (c.kind === 'formula') return `<x:c r="${c.ref}" s="${style.formula}"><x:f>${c.formula}</x:f><x:v>${c.value}</x:v></x:c>`;
      return `<x:c r="${c.ref}" s="${style[c.kind]}"><x:v>${c.value}</x:v></x:c>`;
    }).join('')}</x:row>`).join('');
    return `${head}<x:worksheet xmlns:x="${MAIN_NS}"><x:cols><x:col min="1" max="1" width="30" customWidth="1" /></x:cols><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  });
  const names = sheets.map((s) => s.sheet);
  const parts = [
    ['xl/workbook.xml', `${head}<x:workbook xmlns:x="${MAIN_NS}"><x:sheets>${names.map((n, i) => `<x:sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="${id(i)}" xmlns:r="${REL_NS}" />`).join('')}</x:sheets></x:workbook>`],
    ['_rels/.rels', `${head}<Relationships xmlns="${PKG_REL_NS}"><Relationship Type="${T}/officeDocument" Target="/xl/workbook.xml" Id="R8139ac38b40146c9" /></Relationships>`],
    ['xl/_rels/workbook.xml.rels', `${head}<Relationships xmlns="${PKG_REL_NS}"><Relationship Type="${T}/styles" Target="/xl/styles.xml" Id="Ra71ceb88d7f8404d" />${partNames.map((p, i) => `<Relationship Type="${T}/worksheet" Target="/xl/worksheets/${p}" Id="${id(i)}" />`).join('')}</Relationships>`],
    ['xl/styles.xml', `${head}<x:styleSheet xmlns:x="${MAIN_NS}"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy" /><x:numFmt numFmtId="165" formatCode="#,##0.00" /></x:numFmts><x:fonts count="2"><x:font><x:sz val="10" /><x:name val="Calibri" /></x:font><x:font><x:b /><x:sz val="10" /><x:name val="Calibri" /></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none" /></x:fill><x:fill><x:patternFill patternType="gray125" /></x:fill></x:fills><x:borders count="1"><x:border><x:left /><x:right /><x:top /><x:bottom /><x:diagonal /></x:border></x:borders><x:cellXfs count="6"><x:xf numFmtId="0" fontId="0" /><x:xf numFmtId="0" fontId="0" /><x:xf numFmtId="0" fontId="1" applyFont="1" /><x:xf numFmtId="164" fontId="0" applyNumberFormat="1" /><x:xf numFmtId="10" fontId="0" applyNumberFormat="1" /><x:xf numFmtId="165" fontId="0" applyNumberFormat="1" /></x:cellXfs></x:styleSheet>`],
  ];
  partNames.forEach((p, i) => parts.push([`xl/worksheets/${p}`, sheetXml[i]]));
  parts.push(['[Content_Types].xml', `${head}<Types xmlns="${CT_NS}"><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" /><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" />${partNames.map((p) => `<Override PartName="/xl/worksheets/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" />`).join('')}</Types>`]);
  return zipParts(parts);
}

// ---------------------------------------------------------------------------------------------
// A minimal streaming writer: inline strings, no styles part, no shared strings, no docProps.
// Reproduced from tidyverse/readxl tests/testthat/sheets/no-styles-or-sharedStrings-parts.xlsx
// (readxl PR #528 for issue #505). Without styles a date cannot be a formatted serial, so dates are
// ISO 8601 cells (t="d", ECMA-376 Part 1 §18.18.11), the form such writers use; rows and cells
// carry no r attribute after the first row (optional in the schema: positions follow on).

async function minimalBook(sheets) {
  const sheetXml = sheets.map((table) => {
    const cells = table.rows ? tableCells(table) : table.lines.map((line, r) => [{ ref: `A${r + 1}`, kind: 'text', value: line }]);
    const rows = cells.map((row, r) => {
      const positioned = r === 0; // the header row names its positions; the rest rely on order
      const body = row.map((c) => {
        const ref = positioned ? ` r="${c.ref}"` : '';
        if (c.kind === 'header' || c.kind === 'text') return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.value)}</t></is></c>`;
        if (c.kind === 'date') return `<c${ref} t="d"><v>${c.value}</v></c>`;
        if (c.kind === 'formula') return `<c${ref}><f>${c.formula}</f><v>${c.value}</v></c>`;
        return `<c${ref}><v>${c.value}</v></c>`;
      }).join('');
      return `\n    <row${positioned ? ` r="${r + 1}"` : ''}>${body}</row>`;
    }).join('');
    return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\n  <sheetData>${rows}\n  </sheetData>\n</worksheet>\n`;
  });
  const names = sheets.map((s) => s.sheet);
  const parts = [
    ['[Content_Types].xml', `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Types xmlns="${CT_NS}">\n  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\n  <Default Extension="xml" ContentType="application/xml"/>\n  <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\n${names.map((_, i) => `  <Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n`).join('')}</Types>\n`],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\n  <Relationship Id="rId1" Type="${T}/officeDocument" Target="xl/workbook.xml"/>\n</Relationships>\n`],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\n${names.map((_, i) => `  <Relationship Id="rId${i + 1}" Type="${T}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>\n`).join('')}</Relationships>\n`],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\n  <sheets>\n${names.map((n, i) => `    <sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>\n`).join('')}  </sheets>\n</workbook>\n`],
  ];
  names.forEach((_, i) => parts.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml[i]]));
  return zipParts(parts);
}

// ---------------------------------------------------------------------------------------------
// Excel's "Strict Open XML Spreadsheet". Reproduced from a real file, roo-rb/roo
// test/files/strict.xlsx (Excel 16 for Mac, conformance="strict"): purl.oclc.org namespaces and
// relationship types, dateCompatibility on workbookPr; dates as ISO 8601 cells (t="d" with a Z) as
// Excel writes them in Strict files (exceljs/exceljs issue #2695; Eric White, "Dates in Strict
// SpreadsheetML files").

async function strictBook(sheets) {
  const S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
  const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
  const sst = new SharedStrings();
  const style = { header: 1, text: 0, number: 0, date: 2, percent: 3, money: 4, formula: 4 };
  const sheetXml = sheets.map((table, index) => {
    const cells = table.rows ? tableCells(table) : table.lines.map((line, r) => [{ ref: `A${r + 1}`, kind: 'text', value: line }]);
    const width = cells[0].length;
    const rows = cells.map((row, r) => `<row r="${r + 1}" spans="1:${width}">${row.map((c) => {
      if (c.kind === 'header' || c.kind === 'text') return `<c r="${c.ref}"${style[c.kind] ? ` s="${style[c.kind]}"` : ''} t="s"><v>${sst.add(c.value)}</v></c>`;
      if (c.kind === 'date') return `<c r="${c.ref}" s="${style.date}" t="d"><v>${c.value}T00:00:00Z</v></c>`;
      if (c.kind === 'formula') return `<c r="${c.ref}" s="${style.formula}"><f>${c.formula}</f><v>${c.value}</v></c>`;
      return `<c r="${c.ref}"${style[c.kind] ? ` s="${style[c.kind]}"` : ''}><v>${c.value}</v></c>`;
    }).join('')}</row>`).join('');
    return `${XML_HEAD}<worksheet xmlns="${S_MAIN}" xmlns:r="${S_REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:${columnLetter(width - 1)}${cells.length}"/><sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0"/></sheetViews><sheetFormatPr baseColWidth="10" defaultRowHeight="16" x14ac:dyDescent="0.2"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  });
  const names = sheets.map((s) => s.sheet);
  const parts = [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${S_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${S_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 2}" Type="${S_REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${names.length + 1}" Type="${S_REL}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${S_MAIN}" xmlns:r="${S_REL}" conformance="strict"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="10814"/><workbookPr dateCompatibility="0" defaultThemeVersion="166925"/><bookViews><workbookView xWindow="780" yWindow="960" windowWidth="27640" windowHeight="15500"/></bookViews><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="162913"/></workbook>`],
    ['xl/styles.xml', `${XML_HEAD}<styleSheet xmlns="${S_MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><start/><end/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`],
  ];
  names.forEach((_, i) => parts.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml[i]]));
  parts.push(['xl/sharedStrings.xml', `${XML_HEAD}<sst xmlns="${S_MAIN}" count="${sst.count}" uniqueCount="${sst.list.length}">${sst.list.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`]);
  return zipParts(parts);
}

// ---------------------------------------------------------------------------------------------
// A password-encrypted workbook, as Excel saves one: not a zip but an OLE compound file ([MS-CFB],
// version 3, 512-byte sectors) holding an "EncryptionInfo" stream (agile encryption, version 4.4,
// with its XML descriptor; [MS-OFFCRYPTO] 2.3.4.10) in the mini stream and an "EncryptedPackage"
// stream (the package size, then AES-CBC ciphertext; 2.3.4.4). Neither LibreOffice's command line
// nor Debian's msoffcrypto (5.0, decrypt only) can write one here, so the container is built from
// the specifications; the ciphertext is the reference workbook under a random key, which is all a
// reader that only recognises the file needs (the reader never decrypts).

function compoundFile(streams) {
  const SECTOR = 512;
  const MINI = 64;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const pad = (buffer, size) => Buffer.concat([buffer, Buffer.alloc((size - (buffer.length % size)) % size)]);
  const [info, pkg] = streams; // info goes to the mini stream (< 4096 bytes), pkg to regular sectors
  const miniStream = pad(info.data, MINI);
  const miniSectors = miniStream.length / MINI;
  const container = pad(miniStream, SECTOR);
  const containerSectors = container.length / SECTOR;
  const pkgData = pad(pkg.data, SECTOR);
  const pkgSectors = pkgData.length / SECTOR;
  // Sectors: 0 FAT, 1 directory, 2 mini FAT, then the mini stream container, then the package.
  const firstContainer = 3;
  const firstPkg = firstContainer + containerSectors;
  const total = firstPkg + pkgSectors;
  if (total > SECTOR / 4) throw new Error('compound file too large for one FAT sector');
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  fat.writeUInt32LE(END, 8);
  for (let i = 0; i < containerSectors; i++) fat.writeUInt32LE(i === containerSectors - 1 ? END : firstContainer + i + 1, (firstContainer + i) * 4);
  for (let i = 0; i < pkgSectors; i++) fat.writeUInt32LE(i === pkgSectors - 1 ? END : firstPkg + i + 1, (firstPkg + i) * 4);
  const miniFat = Buffer.alloc(SECTOR, 0xff);
  for (let i = 0; i < miniSectors; i++) miniFat.writeUInt32LE(i === miniSectors - 1 ? END : i + 1, i * 4);
  const entry = (name, type, child, right, start, size) => {
    const e = Buffer.alloc(128);
    if (name) {
      const bytes = Buffer.from(`${name}\0`, 'utf16le');
      bytes.copy(e, 0);
      e.writeUInt16LE(bytes.length, 64);
    }
    e.writeUInt8(type, 66);
    e.writeUInt8(1, 67); // black
    e.writeUInt32LE(FREE, 68); // left sibling
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  // Siblings are ordered by name length, then name: "EncryptionInfo" (14) before "EncryptedPackage" (16).
  const directory = Buffer.concat([
    entry('Root Entry', 5, 1, FREE, firstContainer, miniStream.length),
    entry(info.name, 2, FREE, 2, 0, info.data.length),
    entry(pkg.name, 2, FREE, FREE, firstPkg, pkg.data.length),
    entry('', 0, FREE, FREE, 0, 0),
  ]);
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(2, 60); // first mini FAT sector
  header.writeUInt32LE(1, 64); // mini FAT sectors
  header.writeUInt32LE(END, 68); // no further DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  return Buffer.concat([header, fat, directory, miniFat, container, pkgData]);
}

function encryptedWorkbook(packageBytes) {
  const descriptor = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' + randomBytes(16).toString('base64') + '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' + randomBytes(16).toString('base64') + '"/></keyEncryptor></keyEncryptors></encryption>';
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(descriptor, 'utf8')]);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(packageBytes.length, 0);
  const cipher = createCipheriv('aes-256-cbc', randomBytes(32), randomBytes(16));
  const encrypted = Buffer.concat([size, cipher.update(packageBytes), cipher.final()]);
  return compoundFile([{ name: 'EncryptionInfo', data: info }, { name: 'EncryptedPackage', data: encrypted }]);
}

// ---------------------------------------------------------------------------------------------

const NOTES = { sheet: CUSTOMERS.notesSheet, lines: CUSTOMERS.notes };

function soffice(args, cwd) {
  const profile = join(tmpdir(), 'kam-writer-fixtures-lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { cwd, stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000 });
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'kam-writers-'));
  try {
    console.log('exceljs (reference)');
    save('customers-exceljs.xlsx', await exceljsBook(CUSTOMERS, true));
    save('orders-exceljs.xlsx', await exceljsBook(ORDERS, false));

    console.log('hand-built after real exports');
    save('customers-google-sheets.xlsx', await googleSheetsBook([CUSTOMERS, NOTES]));
    save('orders-google-sheets.xlsx', await googleSheetsBook([ORDERS]));
    save('customers-numbers-1904.xlsx', await numbersBook([CUSTOMERS, NOTES]));
    save('orders-numbers-1904.xlsx', await numbersBook([ORDERS]));
    save('customers-openxml-sdk.xlsx', await openXmlSdkBook([CUSTOMERS, NOTES]));
    save('orders-openxml-sdk.xlsx', await openXmlSdkBook([ORDERS]));
    save('customers-minimal-inline.xlsx', await minimalBook([CUSTOMERS, NOTES]));
    save('orders-minimal-inline.xlsx', await minimalBook([ORDERS]));
    save('customers-strict.xlsx', await strictBook([CUSTOMERS, NOTES]));
    save('orders-strict.xlsx', await strictBook([ORDERS]));

    console.log('openpyxl and pandas');
    const python = execFileSync('/usr/bin/python3', [join(ROOT, 'build', 'writers', 'python_writers.py')], {
      input: JSON.stringify({ out: work, customers: CUSTOMERS, orders: ORDERS }),
      encoding: 'utf8',
    });
    console.log(`  (${python.trim()})`);
    for (const name of ['customers-openpyxl.xlsx', 'orders-openpyxl.xlsx', 'customers-pandas.xlsx', 'customers-pandas-index.xlsx', 'orders-pandas.xlsx']) {
      save(name, readFileSync(join(work, name)));
    }

    console.log(`LibreOffice (${execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim()})`);
    // LibreOffice opens the exceljs reference and saves it with its own writer, as a user would.
    for (const base of ['customers', 'orders']) {
      writeFileSync(join(work, `${base}.xlsx`), readFileSync(join(OUT, `${base}-exceljs.xlsx`)));
      const lo = join(work, 'lo');
      mkdirSync(lo, { recursive: true });
      soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', lo, `${base}.xlsx`], work);
      save(`${base}-libreoffice.xlsx`, readFileSync(join(lo, `${base}.xlsx`)));
      soffice(['--convert-to', 'xlsm:Calc MS Excel 2007 VBA XML', '--outdir', lo, `${base}.xlsx`], work);
      save(`${base}-libreoffice.xlsm`, readFileSync(join(lo, `${base}.xlsm`)));
    }
    const lo = join(work, 'lo');
    soffice(['--convert-to', 'ods', '--outdir', lo, 'customers.xlsx'], work);
    writeFileSync(join(OUT, 'customers-libreoffice.ods'), readFileSync(join(lo, 'customers.ods')));
    soffice(['--convert-to', 'xls:MS Excel 97', '--outdir', lo, 'customers.xlsx'], work);
    writeFileSync(join(OUT, 'customers-libreoffice.xls'), readFileSync(join(lo, 'customers.xls')));
    console.log('  customers-libreoffice.ods, customers-libreoffice.xls (not read: the "cannot read" lines)');

    writeFileSync(join(OUT, 'customers-encrypted.xlsx'), encryptedWorkbook(readFileSync(join(OUT, 'customers-exceljs.xlsx'))));
    console.log('  customers-encrypted.xlsx');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
