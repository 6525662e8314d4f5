// Job 4: what users download (bytes, minified and gzip) and the time from loading the functions bundle to a result.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { distFile, loadExcel } from './lib/bundles.mjs';
import { report } from './lib/timing.mjs';
import { median, ms, table } from './lib/stats.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export const cases = {
  /** One fresh load per process (no code cache): read, compile and run the bundle, then the first KAM_SCORE. */
  excel() {
    const source = fs.readFileSync(distFile('excel/functions.js'), 'utf8');
    const t0 = performance.now();
    const { functions } = loadExcel(source);
    const result = functions.SCORE([[7, 5], [3, 8]], [[2, 1]]);
    const total = performance.now() - t0;
    report({ total, first: result[0][0] });
  },
  sheets() {
    const source = fs.readFileSync(distFile('sheets/Code.js'), 'utf8');
    const t0 = performance.now();
    const context = vm.createContext({});
    new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
    const result = context.KAM_SCORE([[7, 5], [3, 8]], [[2, 1]]);
    report({ total: performance.now() - t0, first: result[0][0] });
  },
};

async function minified(source) {
  const { minify } = await import('terser');
  const out = await minify(source, { compress: true, mangle: true });
  return out.code;
}

export async function run({ quick, reps: repsOverride, runCase }) {
  const rows = [];
  for (const [label, rel, isMinified] of [
    ['Excel functions bundle', 'excel/functions.js', true],
    ['Excel taskpane bundle', 'excel/taskpane.js', true],
    ['Sheets Code.js (left readable on purpose)', 'sheets/Code.js', false],
  ]) {
    const source = fs.readFileSync(distFile(rel), 'utf8');
    const min = isMinified ? source : await minified(source);
    rows.push([label, rel, kb(Buffer.byteLength(source)), kb(Buffer.byteLength(min)) + (isMinified ? '' : ' (terser)'), kb(zlib.gzipSync(min, { level: 9 }).length)]);
  }
  const sizes = table('Job 4a — bundle sizes (as shipped; minified; gzip -9 of the minified form)', ['bundle', 'file', 'as shipped', 'minified', 'gzip'], rows);
  const reps = repsOverride ?? (quick ? 5 : 11);
  const loadRows = [];
  for (const which of ['excel', 'sheets']) {
    const results = [];
    for (let r = 0; r < reps; r++) results.push(await runCase('4', which, {}));
    const totals = results.map((x) => x.total);
    loadRows.push([which === 'excel' ? 'dist/excel/functions.js' : 'dist/sheets/Code.js', ms(median(totals)), ms(Math.min(...totals)), ms(Math.max(...totals)), `${reps} fresh processes`]);
  }
  const load = table('Job 4b — load to first result in a bare vm (compile + run the bundle + one KAM_SCORE on 2×2)', ['bundle', 'median', 'min', 'max', 'runs'], loadRows);
  return [sizes, load];
}
