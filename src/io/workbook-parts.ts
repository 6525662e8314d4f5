// The shared string table and the cell styles that tell dates from numbers, read from their parts.

import type { FileHandle } from 'node:fs/promises';
import type { ZipEntry } from './zip-directory';
import { scanPart } from './workbook-package';
import { readAttributes } from './xml-scanner';

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * SpreadsheetML escapes characters XML cannot carry as "_xHHHH_" (ECMA-376 Part 1, 22.9.2.19
 * ST_Xstring): Excel writes a carriage return as "_x000D_", and "_x005F_" stands for "_", so that a
 * literal "_x000D_" survives as "_x005F_x000D_".
 */
export function unescapeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Text of a string item (<si> or an inline <is>): its <t>, or the <t> of each rich-text run <r>,
 * joined. Phonetic guides (<rPh>, furigana) are not part of the value and are left out.
 */
export class StringItemReader {
  private text = '';
  private inPhonetic = false;

  reset(): void {
    this.text = '';
    this.inPhonetic = false;
  }

  /** Returns true when the scanner should capture the text of this element. */
  open(name: string): boolean {
    if (name === 'rPh') this.inPhonetic = true;
    return name === 't' && !this.inPhonetic;
  }

  close(name: string, takeText: () => string): void {
    if (name === 't' && !this.inPhonetic) this.text += takeText();
    else if (name === 'rPh') this.inPhonetic = false;
  }

  value(): string {
    return unescapeXstring(this.text);
  }
}

/** Every shared string in order; the table is held in memory, as every reader must (cells point into it). */
export async function readSharedStrings(handle: FileHandle, entry: ZipEntry | null): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const item = new StringItemReader();
  let inItem = false;
  await scanPart(handle, entry, (scanner) => ({
    open(name) {
      if (name === 'si') {
        inItem = true;
        item.reset();
      } else if (inItem && item.open(name)) scanner.capture = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(item.value());
        inItem = false;
      } else if (inItem) item.close(name, () => scanner.takeText());
    },
  }));
  return strings;
}

/**
 * Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30 numFmt: ids 14-22 and
 * 45-47; 27-36 and 50-58 are the East Asian date formats of those locales). Files name built-in
 * formats by id only, so their codes never appear in styles.xml.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A number format shows a date or time when it has y, m, d, h, s (or b, the Buddhist year) outside
 * quoted text, brackets ([Red], [$€-2], [h]), escaped characters (\x) and the characters after
 * "_" (a space as wide as it) and "*" (repeated to fill) — the test exceljs applies, and any case,
 * as Excel accepts "YYYY-MM-DD".
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '').replace(/[\\_*]./g, '').replace(/General/gi, '');
  return /[ymdhsb]/i.test(bare);
}

/** For each cell style index (the s attribute of a cell), whether its number format shows a date. */
export async function readDateStyles(handle: FileHandle, entry: ZipEntry | null): Promise<boolean[]> {
  const dateStyles: boolean[] = [];
  if (!entry) return dateStyles;
  const customFormats = new Map<number, string>();
  let inCellFormats = false;
  const values: (string | undefined)[] = [];
  await scanPart(handle, entry, (scanner) => ({
    open(name, attributes) {
      if (name === 'numFmt') {
        readAttributes(attributes, ['numFmtId', 'formatCode'], values);
        if (values[0] !== undefined) customFormats.set(Number(values[0]), values[1] ?? '');
      } else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) {
        readAttributes(attributes, ['numFmtId'], values);
        const id = Number(values[0] ?? 0);
        const custom = customFormats.get(id);
        dateStyles.push(custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') scanner.stop(); // number formats come before cellXfs; fonts, fills, … after it are not needed
    },
  }));
  return dateStyles;
}
