// Reading a zip file's central directory, and the bytes of one entry, inflated, as a stream.

import type { FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** General-purpose flags; bit 11 says the name is UTF-8. */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header; its data follows the header (see dataOffsetOf). */
  localHeaderOffset: number;
}

export class ZipDirectoryError extends Error {
  override readonly name = 'ZipDirectoryError';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipDirectoryError('the file ends in the middle of a zip record');
  return buffer;
}

/**
 * The entries of the zip in `handle`, from the central directory at the end of the file. A file
 * cut short loses that directory first, so truncation is caught here, before any parsing.
 * ZIP64 archives (over 4 GB) are refused.
 */
export async function readZipDirectory(handle: FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = tail.length - EOCD_SIZE;
  while (eocd >= 0 && tail.readUInt32LE(eocd) !== EOCD_SIGNATURE) eocd--;
  if (eocd < 0) throw new ZipDirectoryError('the end of the file is missing, so it was probably cut short');
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipDirectoryError('it is a ZIP64 archive, larger than this reader handles');
  if (directoryOffset + directorySize > size) throw new ZipDirectoryError('its table of contents points past the end of the file');

  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipDirectoryError('its table of contents is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const flags = directory.readUInt16LE(at + 8);
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      flags,
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 1 << 18;

/**
 * The entry's bytes, uncompressed, in chunks: read from the file as they are consumed, so a part of
 * any size streams in bounded memory. Stored (0) and deflated (8) entries are read; other methods
 * and encrypted entries throw ZipDirectoryError.
 */
export async function* entryChunks(handle: FileHandle, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 0x01) throw new ZipDirectoryError(`the entry ${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipDirectoryError(`the entry ${entry.name} uses a compression method (${entry.method}) this reader does not know`);
  const start = await dataOffsetOf(handle, entry);
  async function* raw(): AsyncGenerator<Buffer> {
    for (let done = 0; done < entry.compressedSize; done += READ_CHUNK) {
      const length = Math.min(READ_CHUNK, entry.compressedSize - done);
      yield await readAt(handle, start + done, length).catch(() => {
        throw new ZipDirectoryError(`the entry ${entry.name} is cut short`);
      });
    }
  }
  if (entry.method === 0) {
    yield* raw();
    return;
  }
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  // pipeline (not pipe) so a read failure reaches the loop below instead of leaving it waiting.
  pipeline(Readable.from(raw(), { objectMode: false }), inflater, () => {});
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof ZipDirectoryError) throw error;
    throw new ZipDirectoryError(`the entry ${entry.name} cannot be uncompressed (${(error as Error).message})`);
  } finally {
    inflater.destroy();
  }
}

/** Where the entry's compressed bytes start: after its local header, whose lengths may differ from the directory's. */
export async function dataOffsetOf(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipDirectoryError(`the entry ${entry.name} is damaged`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
