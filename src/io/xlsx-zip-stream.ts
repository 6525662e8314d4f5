// A workbook's zip re-streamed in the order exceljs' streaming reader needs, without the race.

import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ZipEntry } from './zip-directory';
import { dataOffsetOf, readZipDirectory, ZipDirectoryError } from './zip-directory';

/*
 * Why: exceljs' streaming reader parses the zip with unzipper 0.10, whose Parse stream emits 'end'
 * as soon as its input is used up, even while entries it already parsed still wait to be read.
 * When the reader is slower than the parser (any CPU load), the last entries are silently lost:
 * files written by exceljs put xl/workbook.xml last, so sheet names, and sometimes styles or shared
 * strings, vanish (seen: 11 failures in 400 reads under load). So the zip is streamed here entry by
 * entry from its central directory: the parts exceljs needs first (relationships, workbook,
 * shared strings, styles) before the sheets, which it then reads directly instead of through
 * temporary files; pictures, themes and properties are left out; and the end record is held
 * back until the reader has reached the last sheet, so nothing can be cut off.
 */

const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const CHUNK = 1 << 20;

/** exceljs reads sheets directly only once it has shared strings; a workbook without any gets an empty table. */
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

export interface XlsxZipStream {
  stream: Readable;
  /** Sheet numbers (as in xl/worksheets/sheetN.xml) in the order the stream carries them. */
  sheetNumbers: string[];
  /** Lets the end of the zip through: call when the reader has started the last sheet. */
  release: () => void;
  hasWorkbook: boolean;
}

function localHeader(entry: ZipEntry): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  // Sizes are known from the directory, so no data descriptor follows (bit 3 off); names are UTF-8.
  header.writeUInt16LE((entry.flags & ~0x08) | 0x800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x21, 12);
  header.writeUInt32LE(entry.crc32 >>> 0, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.uncompressedSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function endRecord(count: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  return record;
}

/**
 * Streams the zip in `handle`, which stays the caller's to close (after destroying the stream and
 * calling `release`, so a reader that stopped early does not leave the stream waiting). Throws
 * ZipDirectoryError when the file is not a complete zip.
 */
export async function openXlsxZipStream(handle: FileHandle, size: number): Promise<XlsxZipStream> {
  const entries = await readZipDirectory(handle, size);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const sheets = entries
    .map((entry) => ({ entry, number: SHEET.exec(entry.name)?.[1] }))
    .filter((sheet): sheet is { entry: ZipEntry; number: string } => sheet.number !== undefined)
    .sort((a, b) => Number(a.number) - Number(b.number));
  const ordered: (ZipEntry | Buffer)[] = [];
  for (const name of FIRST) {
    const entry = byName.get(name);
    if (entry) ordered.push(entry);
    else if (name === 'xl/sharedStrings.xml') ordered.push(EMPTY_SHARED_STRINGS);
  }
  ordered.push(...sheets.map((sheet) => sheet.entry));

  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Without relationships exceljs buffers sheets until the end, so holding the end back would hang.
  if (sheets.length === 0 || !byName.has('xl/_rels/workbook.xml.rels')) release();

  async function* bytes(): AsyncGenerator<Buffer> {
    for (const item of ordered) {
      if (Buffer.isBuffer(item)) {
        yield localHeader({ name: 'xl/sharedStrings.xml', flags: 0, method: 0, crc32: 0, compressedSize: item.length, uncompressedSize: item.length, localHeaderOffset: 0 });
        yield item;
        continue;
      }
      const start = await dataOffsetOf(handle, item);
      yield localHeader(item);
      for (let done = 0; done < item.compressedSize; done += CHUNK) {
        const length = Math.min(CHUNK, item.compressedSize - done);
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, start + done);
        if (bytesRead < length) throw new ZipDirectoryError(`the entry ${item.name} is cut short`);
        yield buffer;
      }
    }
    await released;
    yield endRecord(ordered.length);
  }

  return { stream: Readable.from(bytes(), { objectMode: false }), sheetNumbers: sheets.map((s) => s.number), release, hasWorkbook: byName.has('xl/workbook.xml') };
}
