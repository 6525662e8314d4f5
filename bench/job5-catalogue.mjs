// Job 5: every catalogue function on a whole column of 100,000 accounts through the built Sheets bundle,
// against the floor for the same input (one plain pass reading every input cell once, N×1 result).
// KAM_CAPACITY solves 50 capacities (100 to 5,000 team days) in its one call.
import { prng } from './lib/prng.mjs';
import { loadPlain, loadSheets, parseIn } from './lib/bundles.mjs';
import { repeat, report } from './lib/timing.mjs';
import { count, median, ms, ratio, table } from './lib/stats.mjs';

const POSITIONS = ['Strategic', 'Star', 'Status', 'Streamline'];
export const IDS = ['SCORE', 'STRENGTH', 'POSITION', 'SELECT', 'REWARD', 'CLV', 'FLAGS', 'STABILITY', 'CAPACITY', 'DRIFT'];
/** Rows of each function's result at N accounts. */
const resultRows = (id, n) => (id === 'CAPACITY' ? 50 : id === 'DRIFT' ? 5 : n);

/** Each function's arguments at N rows, as JSON (what a host deserialises), built from one seed. */
function argsJson(id, n) {
  const r = prng(7);
  const col = (f) => Array.from({ length: n }, (_, i) => [f(i)]);
  const grid = (k, f) => Array.from({ length: n }, () => Array.from({ length: k }, f));
  const tenth = () => Math.round(r.next() * 100) / 10;
  switch (id) {
    case 'SCORE': return [grid(8, tenth), [[3, 2, 1, 1, 2, 1, 1, 3]]];
    case 'STRENGTH': return [grid(8, tenth), [[5, 7, 10, 1, 4, 4, 10, 10]], [[3, 2, 1, 1, 2, 1, 1, 3]]];
    case 'POSITION': return [col(tenth), col(() => Math.round(r.next() * 200) / 100), 5, 1];
    case 'SELECT': return [col((i) => `Account ${i + 1}`), col(tenth), 600, col(() => r.int(5, 60)), 'flags'];
    case 'REWARD': return [col(() => r.pick(POSITIONS)), grid(4, () => 0.5 + r.next()), grid(4, () => 1)];
    case 'CLV': return [col(() => Math.round(r.next() * 1e6)), 0.85, 0.1];
    case 'FLAGS': return [col(() => Math.round(r.next() * 1e6)), col(tenth), col(() => Math.round((r.next() - 0.1) * 1e5)), col(() => r.int(0, 30))];
    case 'STABILITY': return [grid(8, tenth), [[3, 2, 1, 1, 2, 1, 1, 3]], null, 5, [['Size', 'Growth', 'Margin', 'Fit', 'Share', 'Reference', 'Ease', 'Risk']]];
    case 'CAPACITY': return [col(tenth), col(() => r.int(5, 60)), Array.from({ length: 50 }, (_, k) => [100 * (k + 1)])];
    case 'DRIFT': return [col(() => r.pick(POSITIONS)), col(() => r.pick(POSITIONS))];
    default: throw new Error(id);
  }
}

/** The floor: read every cell of every range argument once, allocate the N×1 result. */
const FLOOR_SOURCE = `
function floorPass(args) {
  const n = args[0].length;
  const ranges = [];
  for (let a = 0; a < args.length; a++) if (Array.isArray(args[a]) && args[a].length === n) ranges.push(args[a]);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < ranges.length; a++) {
      const row = ranges[a][i];
      for (let j = 0; j < row.length; j++) { const v = row[j]; s += typeof v === 'number' ? v : 1; }
    }
    out[i] = [s];
  }
  return out;
}`;

export const cases = {
  floor({ id, n, reps, warmup }) {
    const context = loadPlain(FLOOR_SOURCE);
    const args = parseIn(context, JSON.stringify(argsJson(id, n)));
    const { times, result } = repeat(() => context.floorPass(args), { reps, warmup });
    report({ times, last: result.length });
  },
  sheets({ id, n, reps, warmup }) {
    const context = loadSheets();
    const args = parseIn(context, JSON.stringify(argsJson(id, n)));
    const fn = context[`KAM_${id}`];
    const { times, result } = repeat(() => fn(...args), { reps, warmup });
    if (!Array.isArray(result) || result.length !== resultRows(id, n)) throw new Error(`KAM_${id}: unexpected result`);
    report({ times, last: result[result.length - 1][1] ?? result[result.length - 1][0] });
  },
};

export async function run({ quick, reps: repsOverride, runCase }) {
  const n = quick ? 10_000 : 100_000;
  const rows = [];
  for (const id of IDS) {
    const params = { id, n, reps: repsOverride ?? 9, warmup: 3 };
    const floor = await runCase('5', 'floor', params);
    const ours = await runCase('5', 'sheets', params);
    const f = floor.times ? median(floor.times) : floor.failure;
    const o = ours.times ? median(ours.times) : ours.failure;
    rows.push([`KAM_${id}`, count(n), ms(o), ms(f), ratio(o, f), ours.failure ?? `${ours.times.length} runs`]);
  }
  return [table(`Job 5 — every function on ${count(n)} accounts in one call (built Sheets Code.js) vs the floor; goal: a small fraction of a second`,
    ['function', 'N', 'ours (median)', 'floor (median)', 'ratio', 'runs'], rows)];
}
