// Opening an input file read-only and telling from its first bytes what it is (and what it is not).

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { WorkbookReadError } from './workbook-read-error';

export type FileKind = 'xlsx' | 'csv';

const ZIP_SIGNATURE = [0x50, 0x4b]; // "PK": every .xlsx is a zip archive
/** OLE compound file: legacy .xls, and every password-encrypted .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls', '.xlsb', '.ods', '.numbers']);
const SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

const END_OF_CHAIN = 0xfffffffa; // sector numbers from here up mark the end of a chain or free sectors
const MAX_DIRECTORY_SECTORS = 4096;

/**
 * What an OLE compound file (MS-CFB) holds, from the stream names in its directory: an encrypted
 * Office document has "EncryptionInfo" and "EncryptedPackage" ([MS-OFFCRYPTO] 2.3.4), an Excel
 * 97-2003 workbook a "Workbook" (BIFF8) or "Book" (BIFF5) stream. 'unknown' when the directory
 * cannot be followed; the whole file is never read.
 */
export async function compoundFileContents(handle: FileHandle, size: number): Promise<'encrypted' | 'xls' | 'unknown'> {
  const header = Buffer.alloc(512);
  if ((await handle.read(header, 0, 512, 0)).bytesRead < 512) return 'unknown';
  const shift = header.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return 'unknown';
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const sectorAt = async (sector: number): Promise<Buffer | null> => {
    const offset = (sector + 1) * sectorSize;
    if (offset + sectorSize > size) return null;
    const buffer = Buffer.alloc(sectorSize);
    return (await handle.read(buffer, 0, sectorSize, offset)).bytesRead === sectorSize ? buffer : null;
  };
  const names = new Set<string>();
  let sector = header.readUInt32LE(48);
  for (let count = 0; sector < END_OF_CHAIN && count < MAX_DIRECTORY_SECTORS; count++) {
    const directory = await sectorAt(sector);
    if (!directory) break;
    for (let at = 0; at + 128 <= sectorSize; at += 128) {
      const length = directory.readUInt16LE(at + 64);
      if (length >= 2 && length <= 64) names.add(directory.toString('utf16le', at, at + length - 2));
    }
    // The next directory sector, from the FAT sector listed in the header's first 109 entries.
    const fatIndex = Math.floor(sector / perFatSector);
    if (fatIndex >= 109) break;
    const fat = await sectorAt(header.readUInt32LE(76 + fatIndex * 4));
    if (!fat) break;
    sector = fat.readUInt32LE((sector % perFatSector) * 4);
  }
  if (names.has('EncryptionInfo') && names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return 'unknown';
}

/** Text files have no NUL bytes unless they are UTF-16, which starts with a byte-order mark. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.includes(0);
}

/**
 * What `file` holds, judged by content first (a zip is a workbook whatever its name) and by
 * extension second. Throws WorkbookReadError for a missing, unreadable, empty, encrypted or
 * non-table file. The file is opened read-only and closed before returning.
 */
export async function sniffFile(file: string): Promise<FileKind> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw WorkbookReadError.of('FILE_NOT_FOUND', { file }, error);
    throw WorkbookReadError.of('FILE_UNREADABLE', { file, reason: code ?? String(error) }, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw WorkbookReadError.of('FILE_UNREADABLE', { file, reason: 'it is a folder' });
    if (stats.size === 0) throw WorkbookReadError.of('EMPTY_FILE', { file });
    const bytes = new Uint8Array(Math.min(SNIFF_BYTES, stats.size));
    await handle.read(bytes, 0, bytes.length, 0);
    if (startsWith(bytes, OLE_SIGNATURE)) {
      const contents = await compoundFileContents(handle, stats.size);
      if (contents === 'encrypted') throw WorkbookReadError.of('PASSWORD_PROTECTED', { file });
      throw WorkbookReadError.of('UNSUPPORTED_FORMAT', { file, format: contents === 'xls' ? 'xls' : 'ole' });
    }
    if (startsWith(bytes, ZIP_SIGNATURE)) return 'xlsx';
    if (WORKBOOK_EXTENSIONS.has(extname(file).toLowerCase()) || looksBinary(bytes)) {
      throw WorkbookReadError.of('NOT_A_WORKBOOK', { file });
    }
    return 'csv';
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw WorkbookReadError.of('FILE_UNREADABLE', { file, reason: code ?? String(error) }, error);
  } finally {
    await handle.close();
  }
}
