// Opening an input file read-only and telling from its first bytes what it is.

import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { WorkbookReadError } from './workbook-read-error';

export type FileKind = 'xlsx' | 'csv';

const ZIP_SIGNATURE = [0x50, 0x4b]; // "PK": every .xlsx is a zip archive
/** OLE compound file: legacy .xls, and every password-encrypted .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls', '.xlsb']);
const SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
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
    if (startsWith(bytes, OLE_SIGNATURE)) throw WorkbookReadError.of('PASSWORD_PROTECTED', { file });
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
