// Tests for reading a zip's directory and re-streaming a workbook for exceljs' streaming reader.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readZipDirectory, ZipDirectoryError } from '../../src/io/zip-directory';
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

describe('reading workbooks through the re-ordered stream', () => {
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

  it('calls a zip without a workbook inside not a workbook', async () => {
    const file = join(folder, 'notes.xlsx');
    writeFileSync(file, storedZip({ 'word/document.xml': '<w/>' }));
    const error = await readAccounts(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe('NOT_A_WORKBOOK');
  });
});
