// Tests for decoding text files chunk by chunk: BOMs, split UTF-8 sequences, Windows-1252 fallback.
import { describe, expect, it } from 'vitest';
import { ChunkDecoder } from '../../src/io/text-decoding';

function decode(bytes: Uint8Array, size: number) {
  const decoder = new ChunkDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.decode(bytes.subarray(i, i + size));
  text += decoder.end();
  return { text, encoding: decoder.encoding, fellBack: decoder.fellBack };
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const bytes = (...values: number[]) => new Uint8Array(values);
const SAMPLE = 'Peña;1.234,50 €;Ñandú 😀\n';

describe('ChunkDecoder', () => {
  it.each([1, 2, 3, 5, 1000])('decodes UTF-8 split into %d-byte chunks', (size) => {
    expect(decode(utf8(SAMPLE), size)).toEqual({ text: SAMPLE, encoding: 'utf-8', fellBack: false });
  });

  it.each([1, 4, 1000])('drops a UTF-8 byte-order mark (%d-byte chunks)', (size) => {
    expect(decode(utf8(`\ufeff${SAMPLE}`), size).text).toBe(SAMPLE);
  });

  it.each([
    ['UTF-16 LE', bytes(0xff, 0xfe, ...Buffer.from(SAMPLE, 'utf16le')), 'utf-16le'],
    ['UTF-16 BE', bytes(0xfe, 0xff, ...Buffer.from(SAMPLE, 'utf16le').swap16()), 'utf-16be'],
  ])('decodes %s with its byte-order mark', (_, input, encoding) => {
    expect(decode(input, 3)).toEqual({ text: SAMPLE, encoding, fellBack: false });
  });

  it.each([1, 7, 1000])('falls back to Windows-1252 at the first invalid byte (%d-byte chunks)', (size) => {
    // "Peña;€ 5" in Windows-1252: ñ = F1, € = 80, neither valid UTF-8 here.
    const input = bytes(0x50, 0x65, 0xf1, 0x61, 0x3b, 0x80, 0x20, 0x35);
    expect(decode(input, size)).toEqual({ text: 'Peña;€ 5', encoding: 'windows-1252', fellBack: true });
  });

  it('falls back on a lone lead byte at the very end', () => {
    expect(decode(bytes(0x41, 0xc3), 1)).toEqual({ text: 'AÃ', encoding: 'windows-1252', fellBack: true });
  });

  it('decodes files shorter than a byte-order mark', () => {
    expect(decode(bytes(0x41), 1).text).toBe('A');
    expect(decode(bytes(), 1).text).toBe('');
  });
});
