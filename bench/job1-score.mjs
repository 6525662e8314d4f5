// Job 1: KAM_SCORE on N×10 through the built Sheets and Excel artifacts, against the floor and HyperFormula.
import { prng } from './lib/prng.mjs';
import { loadExcel, loadPlain, loadSheets, parseIn } from './lib/bundles.mjs';
import { repeat, report } from './lib/timing.mjs';
import { count, mb, median, ms, ratio, table } from './lib/stats.mjs';

const FACTORS = 10;
const WEIGHTS = [3, 2, 1, 1, 2, 1, 1, 3, 2, 1];

/** N×10 scores on 0..10 with one decimal, as JSON (what a host deserialises). */
function scoresJson(n, seed = 1) {
  const random = prng(seed);
  const parts = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array(FACTORS);
    for (let k = 0; k < FACTORS; k++) row[k] = Math.round(random.next() * 100) / 10;
    parts[i] = `[${row.join(',')}]`;
  }
  return `[${parts.join(',')}]`;
}

/** The floor: one pass reading every cell once, allocating the N×1 result (a weighted sum, nothing checked). */
const FLOOR_SOURCE = `
function floorScore(grid, weights) {
  const w = weights[0];
  const k = w.length;
  let total = 0;
  for (let j = 0; j < k; j++) total += w[j];
  const n = grid.length;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = grid[i];
    let s = 0;
    for (let j = 0; j < k; j++) s += w[j] * row[j];
    out[i] = [s / total];
  }
  return out;
}`;

function check(result, n) {
  if (!Array.isArray(result) || result.length !== n || typeof result[0][0] !== 'number') {
    throw new Error(`unexpected result: ${JSON.stringify(result?.[0])}`);
  }
  return result[n - 1][0];
}

// ---- cases (each runs in its own process) ----

export const cases = {
  floor({ n, reps, warmup }) {
    const context = loadPlain(FLOOR_SOURCE);
    const scores = parseIn(context, scoresJson(n));
    const weights = parseIn(context, JSON.stringify([WEIGHTS]));
    const { times, result } = repeat(() => context.floorScore(scores, weights), { reps, warmup });
    report({ times, last: check(result, n) });
  },
  sheets({ n, reps, warmup }) {
    const context = loadSheets();
    const scores = parseIn(context, scoresJson(n));
    const weights = parseIn(context, JSON.stringify([WEIGHTS]));
    const { times, result } = repeat(() => context.KAM_SCORE(scores, weights), { reps, warmup });
    report({ times, last: check(result, n) });
  },
  excel({ n, reps, warmup }) {
    const { context, functions } = loadExcel();
    const scores = parseIn(context, scoresJson(n));
    const weights = parseIn(context, JSON.stringify([WEIGHTS]));
    const { times, result } = repeat(() => functions.SCORE(scores, weights), { reps, warmup });
    report({ times, last: check(result, n) });
  },
  async hyperformula({ n, reps }) {
    const { HyperFormula } = await import('hyperformula');
    const scores = JSON.parse(scoresJson(n));
    const builds = [];
    const recalcs = [];
    let last;
    for (let r = 0; r < reps; r++) {
      // Row 1 holds the weights, rows 2.. the accounts, column K each row's SUMPRODUCT.
      const sheet = new Array(n + 1);
      sheet[0] = [...WEIGHTS];
      for (let i = 0; i < n; i++) {
        const row = scores[i].slice();
        row.push(`=SUMPRODUCT(A${i + 2}:J${i + 2},$A$1:$J$1)/SUM($A$1:$J$1)`);
        sheet[i + 1] = row;
      }
      globalThis.gc?.();
      let t0 = performance.now();
      const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', maxRows: Math.max(40_000, n + 1) });
      builds.push(performance.now() - t0);
      t0 = performance.now();
      hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[WEIGHTS[0] + 1 + r]]);
      recalcs.push(performance.now() - t0);
      last = hf.getCellValue({ sheet: 0, row: n, col: FACTORS });
      hf.destroy();
    }
    report({ builds, recalcs, last });
  },
};

// ---- the parent side ----

export async function run({ quick, reps: repsOverride, runCase, note }) {
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_048_576];
  const rows = [];
  const hfRows = [];
  for (const n of sizes) {
    const reps = repsOverride ?? (n >= 1_000_000 ? 7 : 9);
    const params = { n, reps, warmup: n >= 1_000_000 ? 1 : 3 };
    const floor = await runCase('1', 'floor', params);
    // A Google spreadsheet holds at most 10 million cells, and KAM_SCORE refuses more than 5 million input
    // cells in Sheets (src/core/functions/host-limits.ts): at Excel's row limit only the Excel artifact applies.
    const sheets = n * FACTORS > 5_000_000
      ? { failure: 'refused by design: beyond Sheets\' 5,000,000-cell limit per call (a spreadsheet holds 10M cells)' }
      : await runCase('1', 'sheets', params);
    const excel = await runCase('1', 'excel', params);
    const f = med(floor);
    for (const [name, res] of [['Sheets Code.js', sheets], ['Excel functions.js', excel]]) {
      rows.push([count(n), name, ms(med(res)), ms(f), ratio(med(res), f), mb(res.maxRSS), mb(floor.maxRSS), res.failure ?? `${res.times?.length} runs`]);
    }
    // HyperFormula: the engine build is what users wait for when they open the file; recalculation after one weight.
    const hfReps = repsOverride ?? (n <= 10_000 ? 5 : 3);
    if (quick && n > 10_000) continue;
    if (n >= 1_000_000 && process.env.KAM_BENCH_HF_1M !== '1' && quick) continue;
    const hf = await runCase('1', 'hyperformula', { n, reps: n >= 1_000_000 ? 1 : hfReps }, {
      heapMB: n >= 1_000_000 ? 6144 : 8192,
      timeoutMs: n >= 1_000_000 ? 150_000 : 600_000,
    });
    const ours = Math.min(med(sheets), med(excel));
    const build = hf.builds ? median(hf.builds) : hf.failure;
    const recalc = hf.recalcs ? median(hf.recalcs) : hf.failure;
    hfRows.push([count(n), ms(ours), ms(build), ratio(build, ours), ms(recalc), ratio(recalc, ours), mb(hf.maxRSS), hf.failure ?? `${hf.builds.length} builds`]);
    if (hf.failure) note(`HyperFormula at ${count(n)}: ${hf.failure} (heap cap ${n >= 1_000_000 ? 6144 : 8192} MB, time limit ${n >= 1_000_000 ? 150 : 600} s, ${Math.round(hf.wallMs / 1000)} s)`);
  }
  return [
    table('Job 1a — KAM_SCORE N×10 vs the floor (one plain pass, N×1 result); goal ≤ 1.5×',
      ['N', 'artifact', 'ours (median)', 'floor (median)', 'ratio', 'peak RSS ours', 'peak RSS floor', 'runs'], rows),
    table('Job 1b — vs native per-row SUMPRODUCT in HyperFormula 3.5 (ours = faster of the two artifacts)',
      ['N', 'ours (median)', 'HF build (median)', 'build / ours', 'HF recalc after 1 weight', 'recalc / ours', 'peak RSS HF', 'runs'], hfRows),
  ];
}

function med(res) {
  return res.times ? median(res.times) : res.failure;
}
