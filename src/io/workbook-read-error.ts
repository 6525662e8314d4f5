// The one exception the Node reader throws for a file it cannot read, with a code and a user message.

import type { IssueCode } from '../core/ingest/messages';
import { MESSAGES } from '../core/ingest/messages';
import { english, render, type Phrase } from '../core/i18n';

export type WorkbookErrorCode = Extract<
  IssueCode,
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'EMPTY_FILE'
  | 'PASSWORD_PROTECTED'
  | 'UNSUPPORTED_FORMAT'
  | 'NOT_A_WORKBOOK'
  | 'CORRUPT_WORKBOOK'
  | 'SHEET_NOT_FOUND'
  | 'SHEET_AMBIGUOUS'
  | 'NO_DATA'
>;

type ParamsOf<C extends WorkbookErrorCode> = Parameters<(typeof MESSAGES)[C]>[0];

/** Thrown (never returned) so one place in the command line can catch it and print `message`. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';

  private constructor(
    readonly code: WorkbookErrorCode,
    readonly file: string,
    /** The message as a phrase, said in the reader's language (`message` is the English). */
    readonly text: Phrase,
    options?: { cause?: unknown },
  ) {
    super(render(text, english), options);
  }

  static of<C extends WorkbookErrorCode>(code: C, params: ParamsOf<C>, cause?: unknown): WorkbookReadError {
    const text = (MESSAGES[code] as unknown as (p: ParamsOf<C>) => Phrase)(params);
    return new WorkbookReadError(code, params.file, text, cause === undefined ? undefined : { cause });
  }
}
