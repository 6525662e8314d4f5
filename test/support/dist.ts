// Test support: paths to the built artifacts (npm test builds them first) and loaders that run them
// the way each host does.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { customFunctionServices } from './apps-script-utilities';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');

/** Reads a built file, failing with a clear message when the build did not produce it. */
export function readDist(relative: string): string {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(file)) throw new Error(`${relative} is missing from dist/: run \`npm run build\` first`);
  return fs.readFileSync(file, 'utf8');
}

/**
 * Loads dist/sheets/Code.js as Apps Script does: one script in a bare global scope with no require,
 * module, window or process. `globals` supplies the Apps Script services a test needs; by default those
 * a custom function may call, for a spreadsheet in UTC (SpreadsheetApp read-only, Utilities).
 */
export function loadSheetsBundle(globals: Record<string, unknown> = {}): Record<string, any> {
  const context = vm.createContext({ ...customFunctionServices(), ...globals });
  new vm.Script(readDist('sheets/Code.js'), { filename: 'Code.js' }).runInContext(context);
  return context as Record<string, any>;
}

export const EXCEL_ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** The error class Excel's runtime provides, as far as our code can observe it. */
export class StubCustomFunctionError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message ?? '');
    this.code = code;
  }
}

/**
 * Loads dist/excel/functions.js with a stub CustomFunctions global, as Excel's custom-function runtime
 * would, and returns the functions it associated, by id.
 */
export function loadExcelBundle(): Record<string, (...args: unknown[]) => unknown> {
  const associated: Record<string, (...args: unknown[]) => unknown> = {};
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      associated[id] = fn;
    },
    Error: StubCustomFunctionError,
    ErrorCode: EXCEL_ERROR_CODES,
  };
  const context = vm.createContext({ CustomFunctions });
  new vm.Script(readDist('excel/functions.js'), { filename: 'functions.js' }).runInContext(context);
  return associated;
}
