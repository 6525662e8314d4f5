// Loading the built artifacts the way each host does: a bare vm context, no require, module or process.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT } from './child.mjs';

/** Where the artifacts under test live: a snapshot taken at the start of the run (see run.mjs), else dist/. */
export const DIST = process.env.KAM_BENCH_DIST || path.join(ROOT, 'dist');

export function distFile(relative) {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run node build/build.mjs first`);
  return file;
}

/** dist/sheets/Code.js in a bare global scope, as Apps Script runs it; returns the context (its globals). */
export function loadSheets() {
  const context = vm.createContext({});
  new vm.Script(fs.readFileSync(distFile('sheets/Code.js'), 'utf8'), { filename: 'Code.js' }).runInContext(context);
  return context;
}

class StubCustomFunctionError extends Error {
  constructor(code, message) {
    super(message ?? '');
    this.code = code;
  }
}
const ERROR_CODES = {
  invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
  nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
};

/** dist/excel/functions.js with a stub CustomFunctions runtime; returns { context, functions by id }. */
export function loadExcel(source = fs.readFileSync(distFile('excel/functions.js'), 'utf8')) {
  const functions = {};
  const CustomFunctions = { associate: (id, fn) => { functions[id] = fn; }, Error: StubCustomFunctionError, ErrorCode: ERROR_CODES };
  const context = vm.createContext({ CustomFunctions });
  new vm.Script(source, { filename: 'functions.js' }).runInContext(context);
  return { context, functions };
}

/** A fresh bare context holding `source` (for the floor), so it runs under the same conditions as a bundle. */
export function loadPlain(source) {
  const context = vm.createContext({});
  new vm.Script(source, { filename: 'floor.js' }).runInContext(context);
  return context;
}

/**
 * Host-shaped data made inside a context: hosts hand a function arrays they deserialised themselves, so the
 * arrays are built by JSON.parse in the function's own realm, as a host's runtime would build them.
 */
export function parseIn(context, json) {
  context.__json = json;
  const value = vm.runInContext('JSON.parse(__json)', context);
  delete context.__json;
  return value;
}
