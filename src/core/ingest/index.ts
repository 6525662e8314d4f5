// Public entry points of ingest: what the command line and the wizard call.

export type { RawCell } from './raw-cell';
export { columnLetter } from './raw-cell';
export type { TableReader, IngestRowsOptions } from './table-reader';
export { createTableReader, ingestRows } from './table-reader';
export type { AccountRecord, ColumnInfo, IngestOptions, IngestResult, SkippedRow, TableKind } from './types';
export type { ColumnRole, RoleMapping } from './column-roles';
export { matchRole } from './column-roles';
export type { IngestIssue, IssueCode, Severity } from './messages';
export { MESSAGES, ROLE_LABELS } from './messages';
export type { DecimalSeparator, NumberReading } from './parse-number';
export { readNumberText } from './parse-number';
export type { DateOrder, DateReading } from './parse-date';
export { readDateCell, readDateText } from './parse-date';
export type { SerialDay } from './excel-serial';
export { isoFromSerial, serialFromYmd } from './excel-serial';
