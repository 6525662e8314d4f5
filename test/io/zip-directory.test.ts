// Tests for reading a zip's directory and streaming one entry's bytes out of it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { entryChunks, readZipDirectory, ZipDirectoryError } from '../../src/io/zip-directory';
import { readAccounts, WorkbookReadError } from '../../src/io';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const folder = mkdtempSync(join(tmpdir(), 'kam-zip-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A zip with stored (uncompressed) entries, written by hand: enough to test the directory reader. */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function directoryOf(bytes: Buffer) {
  const file = join(folder, `zip-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  const handle = await open(file, 'r');
  try {
    return await readZipDirectory(handle, bytes.length);
  } finally {
    await handle.close();
  }
}

describe('readZipDirectory', () => {
  it('lists the entries of a workbook', async () => {
    const entries = await directoryOf(readFileSync(join(FIXTURES, 'messy-customers.xlsx')));
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml']));
  });

  it('reads sizes and offsets of stored entries', async () => {
    const entries = await directoryOf(storedZip({ 'a.txt': 'hello', 'b/c.txt': 'world!' }));
    expect(entries.map((e) => [e.name, e.compressedSize, e.localHeaderOffset])).toEqual([
      ['a.txt', 5, 0],
      ['b/c.txt', 6, 40],
    ]);
  });

  it.each([
    ['cut in half', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ['missing its last byte', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1)],
  ])('refuses a zip %s', async (_, damage) => {
    const bytes = damage(readFileSync(join(FIXTURES, 'messy-customers.xlsx')));
    await expect(directoryOf(bytes)).rejects.toThrow(ZipDirectoryError);
  });
});

describe('entryChunks', () => {
  /** A zip of one entry whose data is `data` stored with `method`, declaring `size` uncompressed bytes. */
  function oneEntry(name: string, data: Buffer, method: number, size: number, flags = 0): Buffer {
    const bytes = storedZip({ [name]: 'x'.repeat(data.length) });
    data.copy(bytes, 30 + name.length);
    for (const at of [0, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))]) {
      const offset = at === 0 ? 0 : at + 2; // central entries have a "version made by" field first
      bytes.writeUInt16LE(flags, offset + 6);
      bytes.writeUInt16LE(method, offset + 8);
      bytes.writeUInt32LE(size, offset + 22);
    }
    return bytes;
  }

  async function read(bytes: Buffer): Promise<string> {
    const file = join(folder, `entry-${Math.random().toString(36).slice(2)}.zip`);
    writeFileSync(file, bytes);
    const handle = await open(file, 'r');
    try {
      const [entry] = await readZipDirectory(handle, bytes.length);
      const chunks: Buffer[] = [];
      for await (const chunk of entryChunks(handle, entry!)) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    } finally {
      await handle.close();
    }
  }

  it('reads stored and deflated entries, large ones in several chunks', async () => {
    expect(await read(storedZip({ 'a.xml': '<a>stored</a>' }))).toBe('<a>stored</a>');
    const text = '<row><c><v>1</v></c></row>'.repeat(40_000);
    const deflated = deflateRawSync(Buffer.from(text));
    expect(await read(oneEntry('big.xml', deflated, 8, text.length))).toBe(text);
  });

  it.each([
    ['a deflated entry that is cut short', () => oneEntry('a.xml', deflateRawSync(Buffer.from('<a>hello hello hello</a>')).subarray(0, 5), 8, 24), /cannot be uncompressed/],
    ['an encrypted entry', () => oneEntry('a.xml', Buffer.from('secret'), 0, 6, 0x01), /is encrypted/],
    ['an unknown compression method', () => oneEntry('a.xml', Buffer.from('bzip'), 12, 4), /compression method \(12\)/],
  ])('refuses %s', async (_, make, message) => {
    await expect(read(make())).rejects.toThrow(message);
  });
});

describe('reading workbooks with parts missing', () => {
  it('reads a workbook that has no shared strings at all', async () => {
    const file = join(folder, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('Data');
    sheet.addRow(['Customer', 'Revenue']).commit();
    sheet.addRow(['Acme', 10]).commit();
    sheet.addRow(['Beta', 20]).commit();
    sheet.commit();
    await writer.commit();
    const result = await readAccounts(file);
    expect(result.accounts.map((a) => [a.account, a.revenue])).toEqual([['Acme', 10], ['Beta', 20]]);
  });

  it('passes over hidden sheets unless named, and names a sheet whose part is missing', async () => {
    const book = new ExcelJS.Workbook();
    const hidden = book.addWorksheet('Old');
    hidden.state = 'hidden';
    hidden.addRow(['Customer', 'Revenue']);
    hidden.addRow(['Old Co', 1]);
    book.addWorksheet('Now').addRow(['Customer', 'Revenue']);
    book.getWorksheet('Now')!.addRow(['New Co', 2]);
    const file = join(folder, 'hidden.xlsx');
    await book.xlsx.writeFile(file);
    expect((await readAccounts(file)).accounts.map((a) => a.account)).toEqual(['New Co']);
    expect((await readAccounts(file, { sheet: 'old' })).accounts.map((a) => a.account)).toEqual(['Old Co']);

    // The same workbook with the first sheet's part taken out of the zip.
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.remove('xl/worksheets/sheet1.xml');
    const broken = join(folder, 'missing-part.xlsx');
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const error = (await readAccounts(broken, { sheet: 'Old' }).catch((e: unknown) => e)) as WorkbookReadError;
    expect(error.code).toBe('CORRUPT_WORKBOOK');
    expect(error.message).toContain('the part of sheet "Old" (xl/worksheets/sheet1.xml) is missing');
    expect((await readAccounts(broken)).accounts.map((a) => a.account)).toEqual(['New Co']);
  });

  it('calls a zip without a workbook inside not a workbook', async () => {
    const file = join(folder, 'notes.xlsx');
    writeFileSync(file, storedZip({ 'word/document.xml': '<w/>' }));
    const error = await readAccounts(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe('NOT_A_WORKBOOK');
  });
});
