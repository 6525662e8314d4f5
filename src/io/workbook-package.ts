// Opening an .xlsx/.xlsm package: its sheets in tab order (names from the workbook), their parts, date system.

import type { FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { ZipEntry } from './zip-directory';
import { entryChunks, readZipDirectory } from './zip-directory';
import type { XmlHandler } from './xml-scanner';
import { attributeMap, XmlScanner } from './xml-scanner';

/*
 * The package is read as the Open Packaging Conventions say, not as Excel happens to lay it out:
 * the workbook is the target of the package's officeDocument relationship, each sheet's part is
 * found through the workbook's relationships by its r:id, and targets may be relative
 * ("worksheets/sheet1.xml", Excel, LibreOffice, Google Sheets) or absolute
 * ("/xl/worksheets/sheet1.xml", openpyxl, the .NET Open XML SDK). Part names are matched without
 * regard to case (OPC part names are case-insensitive). Relationship types are matched by their
 * last segment, so Transitional and Strict OOXML (purl.oclc.org namespaces) read alike.
 */

export type SheetState = 'visible' | 'hidden' | 'veryHidden';
export type SheetKind = 'worksheet' | 'chartsheet' | 'other';

export interface PackageSheet {
  /** As the workbook names it (the tab's name). */
  name: string;
  state: SheetState;
  kind: SheetKind;
  /** The part holding the sheet, as a zip entry; null when the workbook points to a part that is not there. */
  entry: ZipEntry | null;
  /** The part name the workbook points to, for messages. */
  partName: string;
}

export interface WorkbookPackage {
  /** Every sheet in tab order. */
  sheets: PackageSheet[];
  date1904: boolean;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

/** The file is a zip, but not a workbook this reader reads; `format` says what it is. */
export class NotSpreadsheetMLError extends Error {
  override readonly name = 'NotSpreadsheetMLError';
  constructor(readonly format: 'ods' | 'xlsb' | 'numbers' | 'unknown') {
    super(format);
  }
}

/** The package's structure is broken (a required part missing or unreadable). */
export class PackageStructureError extends Error {
  override readonly name = 'PackageStructureError';
}

/** How zip entry names are compared with part names: no leading slash, forward slashes, any case. */
function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolveTarget(sourceFolder: string, target: string): string {
  let path = target.replace(/\\/g, '/');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A literal "%" that is not an escape: keep the target as written.
  }
  const segments = path.startsWith('/') ? [] : sourceFolder.split('/').filter((s) => s !== '');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function folderOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return slash < 0 ? '' : partName.slice(0, slash);
}

function relationshipsPartOf(partName: string): string {
  const folder = folderOf(partName);
  const base = partName.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === '' ? '' : `${folder}/`}_rels/${base}.rels`;
}

/** Decodes a part's bytes as text: UTF-8, with or without a byte-order mark, or UTF-16 with one. */
export class PartDecoder {
  private decoder: StringDecoder | null = null;

  write(chunk: Buffer): string {
    if (this.decoder === null) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) {
        this.decoder = new StringDecoder('utf16le');
        return this.decoder.write(chunk.subarray(2));
      }
      if (chunk[0] === 0xfe && chunk[1] === 0xff) throw new PackageStructureError('a part is in big-endian UTF-16, which this reader does not read');
      this.decoder = new StringDecoder('utf8');
      const text = this.decoder.write(chunk);
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    return this.decoder.write(chunk);
  }

  end(): string {
    return this.decoder?.end() ?? '';
  }
}

/** Streams a part through `handler`; stops reading the file as soon as the handler stops the scanner. */
export async function scanPart(handle: FileHandle, entry: ZipEntry, makeHandler: (scanner: XmlScanner) => XmlHandler): Promise<void> {
  let handler: XmlHandler | null = null;
  const scanner = new XmlScanner({
    open: (name, attributes, selfClosing) => handler!.open(name, attributes, selfClosing),
    close: (name) => handler!.close(name),
  });
  handler = makeHandler(scanner);
  const decoder = new PartDecoder();
  for await (const chunk of entryChunks(handle, entry)) {
    scanner.write(decoder.write(chunk));
    if (scanner.isStopped) return;
  }
  scanner.write(decoder.end());
  scanner.end();
}

interface Relationship {
  id: string;
  /** Last segment of the type URI: "worksheet", "sharedStrings", "officeDocument", … */
  type: string;
  target: string;
}

async function readRelationships(handle: FileHandle, entries: Map<string, ZipEntry>, partName: string): Promise<Relationship[]> {
  const entry = entries.get(partKey(relationshipsPartOf(partName)));
  if (!entry) return [];
  const folder = folderOf(partName);
  const found: Relationship[] = [];
  await scanPart(handle, entry, () => ({
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const map = attributeMap(attributes);
      if (map.get('TargetMode') === 'External') return;
      const type = map.get('Type') ?? '';
      found.push({ id: map.get('Id') ?? '', type: type.slice(type.lastIndexOf('/') + 1), target: resolveTarget(folder, map.get('Target') ?? '') });
    },
    close() {},
  }));
  return found;
}

async function readSmallText(handle: FileHandle, entry: ZipEntry): Promise<string> {
  const decoder = new PartDecoder();
  let text = '';
  for await (const chunk of entryChunks(handle, entry)) {
    text += decoder.write(chunk);
    if (text.length > 4096) break;
  }
  return text + decoder.end();
}

/** What a zip that holds no SpreadsheetML workbook is, from its entries. */
async function otherFormat(handle: FileHandle, entries: Map<string, ZipEntry>): Promise<NotSpreadsheetMLError> {
  const mimetype = entries.get('mimetype');
  if (mimetype) {
    const text = (await readSmallText(handle, mimetype)).trim();
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return new NotSpreadsheetMLError('ods');
  }
  if (entries.has('xl/workbook.bin')) return new NotSpreadsheetMLError('xlsb');
  if ([...entries.keys()].some((name) => name.startsWith('index/') && name.endsWith('.iwa'))) return new NotSpreadsheetMLError('numbers');
  return new NotSpreadsheetMLError('unknown');
}

function stateOf(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/**
 * Reads the package's directory, relationships and workbook part. Throws ZipDirectoryError for a
 * damaged zip, NotSpreadsheetMLError for another kind of document, PackageStructureError when the
 * workbook part is missing its relationships, XmlSyntaxError for broken XML.
 */
export async function openWorkbookPackage(handle: FileHandle, size: number): Promise<WorkbookPackage> {
  const list = await readZipDirectory(handle, size);
  const entries = new Map<string, ZipEntry>();
  for (const entry of list) if (!entry.name.endsWith('/')) entries.set(partKey(entry.name), entry);

  const main = (await readRelationships(handle, entries, '')).find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookEntry = entries.get(partKey(main));
  if (!workbookEntry) throw await otherFormat(handle, entries);
  if (main.toLowerCase().endsWith('.bin')) throw new NotSpreadsheetMLError('xlsb');

  const listed: { name: string; state: SheetState; id: string }[] = [];
  let date1904 = false;
  await scanPart(handle, workbookEntry, (scanner) => ({
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = isTrue(attributeMap(attributes).get('date1904'));
      else if (name === 'sheet') {
        const map = attributeMap(attributes);
        // r:id under whatever prefix the writer bound to the relationships namespace.
        const id = [...map].find(([key]) => key.endsWith(':id'))?.[1] ?? '';
        listed.push({ name: map.get('name') ?? '', state: stateOf(map.get('state')), id });
      }
    },
    close(name) {
      if (name === 'sheets') scanner.stop(); // the rest (defined names, calculation settings) is not needed
    },
  }));

  const relationships = await readRelationships(handle, entries, main);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const partOfType = (type: string) => {
    const target = relationships.find((r) => r.type === type)?.target;
    return target === undefined ? null : entries.get(partKey(target)) ?? null;
  };
  if (listed.length > 0 && relationships.length === 0) {
    throw new PackageStructureError(`the workbook's list of parts (${relationshipsPartOf(main)}) is missing`);
  }
  const sheets = listed.map(({ name, state, id }): PackageSheet => {
    const relationship = byId.get(id);
    const kind: SheetKind = relationship?.type === 'worksheet' ? 'worksheet' : relationship?.type === 'chartsheet' ? 'chartsheet' : 'other';
    const partName = relationship?.target ?? '';
    return { name, state, kind, entry: relationship ? entries.get(partKey(partName)) ?? null : null, partName };
  });
  return { sheets, date1904, sharedStrings: partOfType('sharedStrings'), styles: partOfType('styles') };
}
