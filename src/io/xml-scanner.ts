// A small streaming XML tokenizer for the parts of a workbook: tags by local name, text on request.

/*
 * Why not a general XML parser: a worksheet of a million rows is tens of millions of tags, and
 * readers only need element names, a few attributes and the text of <v> and <t>. Names are given
 * without their namespace prefix ("x:row" and "row" alike), because writers differ only in the
 * prefix they bind to SpreadsheetML (Excel none, the .NET Open XML SDK "x:"), and Strict OOXML only
 * in the namespace itself. Document type declarations are skipped, never expanded, so a hostile
 * file cannot grow entities ("billion laughs"); only the five predefined entities and character
 * references are decoded.
 */

export interface XmlHandler {
  /** An element starts; `attributes` is the raw text between the name and ">" (see readAttributes). */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const COLON = 0x3a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The name without its prefix: "x:row" → "row". */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;

/** Decodes the predefined entities and character references; anything else is left as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 0x23) {
      const code = body.charCodeAt(1) === 0x78 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/**
 * Reads the attributes named in `names` (by local name: "id" finds "r:id") from a tag's attribute
 * text into `out` (same order; undefined when absent). No allocation besides the values found.
 */
export function readAttributes(attributes: string, names: readonly string[], out: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  const n = attributes.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const nameStart = i;
    let colon = -1;
    while (i < n) {
      const code = attributes.charCodeAt(i);
      if (code === 0x3d || isSpace(code)) break;
      if (code === COLON) colon = i;
      i++;
    }
    const nameEnd = i;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    if (i >= n || attributes.charCodeAt(i) !== 0x3d) return;
    i++;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return;
    const valueEnd = attributes.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
    if (valueEnd < 0) return;
    const localStart = colon >= 0 ? colon + 1 : nameStart;
    for (let k = 0; k < names.length; k++) {
      const wanted = names[k]!;
      if (wanted.length === nameEnd - localStart && attributes.startsWith(wanted, localStart)) {
        out[k] = decodeEntities(attributes.slice(i + 1, valueEnd));
        break;
      }
    }
    i = valueEnd + 1;
  }
}

/** All attributes of a tag by qualified name, for the few small parts read whole. */
export function attributeMap(attributes: string): Map<string, string> {
  const map = new Map<string, string>();
  const pattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const match of attributes.matchAll(pattern)) map.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
  return map;
}

/**
 * Feed text with `write`, finish with `end`. Text between tags is collected only while `capture`
 * is true (set it in `open`, read it with `takeText` in `close`), so skipped parts cost little.
 */
export class XmlScanner {
  /** Collect character data (decoded) until takeText is called. */
  capture = false;
  private carry = '';
  private text = '';
  /** Set by stop(): the rest of the input is ignored. */
  private stopped = false;

  constructor(private readonly handler: XmlHandler) {}

  /** The text collected since capture was turned on, entities decoded; turns capture off. */
  takeText(): string {
    const text = decodeEntities(this.text);
    this.text = '';
    this.capture = false;
    return text;
  }

  /** Ends scanning early: the handler has what it needs. */
  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  write(chunk: string): void {
    if (this.stopped) return;
    const s = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const n = s.length;
    let i = 0;
    while (i < n && !this.stopped) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.capture) this.text += s.slice(i);
        return;
      }
      if (lt > i && this.capture) this.text += s.slice(i, lt);
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) {
        this.carry = s.slice(lt);
        return;
      }
      let end: number;
      if (next === SLASH) {
        end = s.indexOf('>', lt + 2);
        if (end < 0) break;
        let nameEnd = end;
        while (nameEnd > lt + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        this.handler.close(localName(s.slice(lt + 2, nameEnd)));
        i = end + 1;
        continue;
      }
      if (next === QUESTION) {
        end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      if (next === BANG) {
        end = this.skipDeclaration(s, lt);
        if (end < 0) break;
        i = end;
        continue;
      }
      end = tagEnd(s, lt + 1);
      if (end < 0) break;
      let nameEnd = lt + 1;
      while (nameEnd < end) {
        const code = s.charCodeAt(nameEnd);
        if (isSpace(code) || code === SLASH) break;
        nameEnd++;
      }
      const selfClosing = s.charCodeAt(end - 1) === SLASH;
      const name = localName(s.slice(lt + 1, nameEnd));
      const attributes = nameEnd < end ? s.slice(nameEnd, selfClosing ? end - 1 : end) : '';
      this.handler.open(name, attributes, selfClosing);
      if (selfClosing && !this.stopped) this.handler.close(name);
      i = end + 1;
      continue;
    }
    if (i < n && !this.stopped) this.carry = s.slice(s.indexOf('<', i));
  }

  /** Checks that the document did not end inside a tag. */
  end(): void {
    if (!this.stopped && this.carry.trim() !== '') throw new XmlSyntaxError('the XML ends in the middle of a tag');
  }

  /** Comments, CDATA and DOCTYPE at `lt`; returns the index after them, or -1 when incomplete. */
  private skipDeclaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // CDATA is literal text: escape "&" so takeText's entity decoding leaves it as written.
      if (this.capture) this.text += s.slice(lt + 9, end).replace(/&/g, '&amp;');
      return end + 3;
    }
    if (s.length < lt + 9) return -1;
    // <!DOCTYPE …> possibly with an internal subset in brackets: skipped whole, never expanded.
    const bracket = s.indexOf('[', lt);
    const close = s.indexOf('>', lt);
    if (close < 0) return -1;
    if (bracket >= 0 && bracket < close) {
      const end = s.indexOf(']>', bracket);
      return end < 0 ? -1 : end + 2;
    }
    return close + 1;
  }
}

/** Index of the ">" ending the tag whose name starts at `from`, skipping quoted attribute values; -1 if not yet read. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const code = s.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === GT) return i;
    else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) quote = code;
    else if (code === LT) throw new XmlSyntaxError('a "<" inside a tag');
  }
  return -1;
}
