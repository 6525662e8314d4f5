// The one exception the Node reader throws for a file it cannot read, with a code and a user message.

import type { IssueCode } from '../core/ingest/messages';
import { MESSAGES } from '../core/ingest/messages';

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
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static of<C extends WorkbookErrorCode>(code: C, params: ParamsOf<C>, cause?: unknown): WorkbookReadError {
    const message = (MESSAGES[code] as (p: ParamsOf<C>) => string)(params);
    return new WorkbookReadError(code, params.file, message, cause === undefined ? undefined : { cause });
  }
}
