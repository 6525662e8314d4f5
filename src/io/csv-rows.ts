// Streaming CSV parsing: delimiter detection, quotes, doubled quotes and line breaks inside quotes.

const CANDIDATES = [',', ';', '\t', '|'] as const;
const DETECTION_LINES = 50;

/** Delimiter count per line outside quotes; a quote inside a line is enough to know we are inside. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The delimiter that splits the most of the first lines into the same number of fields (title
 * lines without any delimiter do not count against it); ties go to the one giving more fields, so
 * "Cliente;Ventas" with "1.234,50" values picks ";" over ",". Falls back to ",".
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, DETECTION_LINES + 1).slice(0, DETECTION_LINES).filter((line) => line.trim() !== '');
  let best: { delimiter: string; consistent: number; fields: number } = { delimiter: ',', consistent: 0, fields: 0 };
  for (const delimiter of CANDIDATES) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter);
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [fields, consistent] of frequency) {
      if (consistent > best.consistent || (consistent === best.consistent && fields > best.fields)) {
        best = { delimiter, consistent, fields };
      }
    }
  }
  return best.delimiter;
}

/** Excel's hint line: "sep=;" as the first line names the delimiter and is not data. */
export function readSeparatorLine(text: string): { delimiter: string; rest: string } | null {
  const match = /^sep=(.)\r?\n/i.exec(text);
  return match ? { delimiter: match[1]!, rest: text.slice(match[0].length) } : null;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 parser fed text in chunks of any size. Rows are numbered as records (a quoted line
 * break does not start a new row), which is the row number Excel shows after opening the file.
 * Fields are handed over as written; a blank line becomes a row with one empty field.
 */
export class CsvParser {
  private row: string[] = [];
  private field = '';
  private fieldStarted = false;
  private inQuotes = false;
  /** A quote closed a chunk inside a quoted field: the next character decides what it was. */
  private quoteAtChunkEnd = false;
  /** A chunk ended with CR: a following LF belongs to the same line break. */
  private crAtChunkEnd = false;
  private rowNumber = 0;
  private quoteOpenedAt = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly onRow: (cells: string[], rowNumber: number) => void,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  write(text: string): void {
    const n = text.length;
    const d = this.delimiter;
    let i = 0;
    if (this.crAtChunkEnd) {
      this.crAtChunkEnd = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtChunkEnd && i < n) {
      this.quoteAtChunkEnd = false;
      if (text.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else this.inQuotes = false;
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          this.field += text.slice(i);
          return;
        }
        this.field += text.slice(i, q);
        if (q + 1 === n) {
          this.quoteAtChunkEnd = true;
          return;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === d) {
        this.endField();
        i++;
      } else if (c === LF) {
        this.endRow();
        i++;
      } else if (c === CR) {
        this.endRow();
        i++;
        if (i === n) this.crAtChunkEnd = true;
        else if (text.charCodeAt(i) === LF) i++;
      } else if (c === QUOTE && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        this.quoteOpenedAt = this.rowNumber + 1;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const cc = text.charCodeAt(j);
          if (cc === d || cc === LF || cc === CR) break;
          j++;
        }
        this.field += text.slice(i, j);
        this.fieldStarted = true;
        i = j;
      }
    }
  }

  /** Flushes the last row; returns the row of a quote never closed, if any. */
  end(): { unclosedQuoteRow: number | null } {
    if (this.quoteAtChunkEnd) {
      this.quoteAtChunkEnd = false;
      this.inQuotes = false;
    }
    const unclosedQuoteRow = this.inQuotes ? this.quoteOpenedAt : null;
    if (this.fieldStarted || this.row.length > 0) this.endRow();
    return { unclosedQuoteRow };
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRow(): void {
    this.endField();
    this.rowNumber++;
    const row = this.row;
    this.row = [];
    this.onRow(row, this.rowNumber);
  }
}
