// Public entry points of the Node file reader: what the command line calls.

export type { ReadAccountsOptions, ReadProgress, ReadTableOptions, TableSource, TableStart, WorkbookIngestResult } from './read-workbook';
export { readAccounts, readTableRows, sourceNameOf } from './read-workbook';
export type { WorkbookErrorCode } from './workbook-read-error';
export { WorkbookReadError } from './workbook-read-error';
