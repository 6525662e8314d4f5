// Turning a text file's bytes into text chunk by chunk: BOMs, UTF-8, and a Windows-1252 fallback.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes at the end of `bytes` that start a UTF-8 sequence the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return 0;
  const lead = bytes[i]!;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  const have = bytes.length - i;
  return have < needed ? have : 0;
}

/**
 * A byte-order mark decides the encoding; without one the text is read as UTF-8 until the first
 * invalid byte, and from there on as Windows-1252 (the "Latin-1" Excel writes for CSV on Windows;
 * ASCII reads the same in both, so nothing already read changes).
 */
export class ChunkDecoder {
  encoding: TextEncodingName | null = null;
  fellBack = false;
  private carry: Uint8Array = new Uint8Array(0);
  private streaming: TextDecoder | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.encoding === null) {
      bytes = this.start(concat(this.carry, chunk));
      this.carry = new Uint8Array(0);
      if (this.encoding === null) {
        // Fewer than three bytes so far: wait for more before judging the BOM.
        this.carry = bytes;
        return '';
      }
    }
    if (this.streaming !== null) return this.streaming.decode(bytes, { stream: true });
    const all = concat(this.carry, bytes);
    const tail = incompleteTail(all);
    this.carry = all.subarray(all.length - tail);
    const complete = all.subarray(0, all.length - tail);
    try {
      return this.utf8.decode(complete);
    } catch {
      this.encoding = 'windows-1252';
      this.fellBack = true;
      this.streaming = new TextDecoder('windows-1252');
      this.carry = new Uint8Array(0);
      return this.streaming.decode(all, { stream: true });
    }
  }

  end(): string {
    if (this.encoding === null) {
      const bytes = this.start(this.carry, true);
      this.carry = new Uint8Array(0);
      return this.decode(bytes) + this.end();
    }
    if (this.streaming !== null) return this.streaming.decode();
    if (this.carry.length === 0) return '';
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    try {
      return this.utf8.decode(rest);
    } catch {
      this.encoding = 'windows-1252';
      this.fellBack = true;
      return new TextDecoder('windows-1252').decode(rest);
    }
  }

  /** Reads the BOM, if any, and returns the bytes after it. */
  private start(bytes: Uint8Array, final = false): Uint8Array {
    if (bytes.length < 3 && !final) return bytes;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.encoding = 'utf-8';
      return bytes.subarray(3);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = 'utf-16le';
      this.streaming = new TextDecoder('utf-16le');
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = 'utf-16be';
      this.streaming = new TextDecoder('utf-16be');
      return bytes.subarray(2);
    }
    this.encoding = 'utf-8';
    return bytes;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
