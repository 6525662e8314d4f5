// Job 6: KAM_CAPACITY (50 capacities in one call, exact) through the built Sheets Code.js, against what a user would
// otherwise type — one KAM_SELECT per capacity — and an exact dynamic program that gives the whole curve in one pass.
import { prng } from './lib/prng.mjs';
import { loadPlain, loadSheets, parseIn } from './lib/bundles.mjs';
import { repeat, report } from './lib/timing.mjs';
import { count, mb, median, ms, ratio, table } from './lib/stats.mjs';

/** `count` capacities 100, 200, … team days (50: up to 5,000, from a handful of key accounts to several hundred). */
const capacities = (count) => Array.from({ length: count }, (_, k) => 100 * (k + 1));

/** N accounts as in job 2: values 0..10 (whole numbers), costs 5..60 days (whole, or with two decimals). */
function instance(n, integerCosts, seed = 7) {
  const random = prng(seed + (integerCosts ? 0 : 1));
  const values = new Array(n);
  const costs = new Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = [random.int(0, 10)];
    costs[i] = [integerCosts ? random.int(5, 60) : Math.round((5 + random.next() * 55) * 100) / 100];
  }
  return { values, costs };
}

/**
 * The exact dynamic program over integer capacity, written as a user would for the whole curve: one pass over the
 * accounts fills the best value at every capacity up to the largest, then each capacity is a lookup.
 */
const DP_SOURCE = `
function dpCurve(values, costs, capacities) {
  let W = 0;
  for (let r = 0; r < capacities.length; r++) if (capacities[r][0] > W) W = Math.floor(capacities[r][0]);
  const best = new Float64Array(W + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i][0];
    const c = costs[i][0];
    if (!(v > 0) || !(c <= W)) continue;
    for (let w = W; w >= c; w--) {
      const candidate = best[w - c] + v;
      if (candidate > best[w]) best[w] = candidate;
    }
  }
  return capacities.map(([cap]) => [best[Math.floor(cap)]]);
}`;

export const cases = {
  ours({ n, integerCosts, count, reps, warmup }) {
    const context = loadSheets();
    const { values, costs } = instance(n, integerCosts);
    const v = parseIn(context, JSON.stringify(values));
    const c = parseIn(context, JSON.stringify(costs));
    const caps = parseIn(context, JSON.stringify(capacities(count).map((x) => [x])));
    const { times, result } = repeat(() => context.KAM_CAPACITY(v, c, caps), { reps, warmup });
    report({ times, curve: result.map((row) => row[0]), accounts: result.map((row) => row[2]) });
  },
  selects({ n, integerCosts, count, reps, warmup }) {
    const context = loadSheets();
    const { values, costs } = instance(n, integerCosts);
    const names = parseIn(context, JSON.stringify(values.map((_, i) => [`Account ${String(i + 1).padStart(7, '0')}`])));
    const v = parseIn(context, JSON.stringify(values));
    const c = parseIn(context, JSON.stringify(costs));
    const curveOf = () => capacities(count).map((cap) => context.KAM_SELECT(names, v, cap, c, 'table').reduce((sum, row) => sum + row[1], 0));
    const { times, result } = repeat(curveOf, { reps, warmup });
    report({ times, curve: result });
  },
  dp({ n, count, reps, warmup }) {
    const context = loadPlain(DP_SOURCE);
    const { values, costs } = instance(n, true);
    const v = parseIn(context, JSON.stringify(values));
    const c = parseIn(context, JSON.stringify(costs));
    const caps = parseIn(context, JSON.stringify(capacities(count).map((x) => [x])));
    const { times, result } = repeat(() => context.dpCurve(v, c, caps), { reps, warmup });
    report({ times, curve: result.map((row) => row[0]) });
  },
};

const same = (a, b) => Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 1e-9 * Math.max(1, Math.abs(x)));

export async function run({ quick, reps: repsOverride, runCase, note }) {
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_048_576];
  const tables = [];
  for (const integerCosts of [true, false]) {
    const rows = [];
    for (const n of sizes) {
      // At 1,048,576 accounts one call takes at most 9 capacities (host-limits.ts, MAX_CAPACITY_PAIRS): 100 to 900,
      // the small capacities, where the exact search is hardest. KAM_SELECT at each would take minutes: not run.
      const big = n >= 1_000_000;
      const capacityCount = big ? 9 : 50;
      const ours = await runCase('6', 'ours', { n, integerCosts, count: capacityCount, reps: repsOverride ?? (big ? 3 : 9), warmup: big ? 1 : 2 });
      const selects = big ? null : await runCase('6', 'selects', { n, integerCosts, count: capacityCount, reps: repsOverride ?? 3, warmup: 1 });
      const dp = integerCosts ? await runCase('6', 'dp', { n, count: capacityCount, reps: repsOverride ?? (big ? 3 : 5), warmup: 1 }) : null;
      const o = ours.times ? median(ours.times) : ours.failure;
      const s = selects?.times ? median(selects.times) : selects === null ? 'skipped' : selects.failure;
      const d = dp?.times ? median(dp.times) : dp === null ? 'n/a' : dp.failure;
      const agreeSelect = !selects?.curve ? '—' : same(ours.curve, selects.curve) ? 'same' : 'DIFFERS';
      const agreeDp = !dp?.curve ? 'n/a' : same(ours.curve, dp.curve) ? 'same' : 'DIFFERS';
      if (agreeSelect === 'DIFFERS' || agreeDp === 'DIFFERS') note(`KAM_CAPACITY curve mismatch at N=${count(n)} (${integerCosts ? 'integer' : 'non-integer'} costs)`);
      const curve = ours.curve ? `${ours.curve[0]} … ${ours.curve[ours.curve.length - 1]}` : '—';
      const chosen = ours.accounts ? `${ours.accounts[0]} … ${ours.accounts[ours.accounts.length - 1]}` : '—';
      rows.push([
        `${count(n)} × ${capacityCount}`, ms(o), ms(s), typeof s === 'number' ? ratio(s, o) : '—', ms(d), typeof d === 'number' ? ratio(d, o) : '—',
        curve, chosen, agreeSelect, agreeDp, mb(ours.maxRSS),
      ]);
    }
    tables.push(table(
      `Job 6${integerCosts ? 'a' : 'b'} — KAM_CAPACITY, capacities 100, 200, … in one call, ${integerCosts ? 'whole-day costs 5..60' : 'costs 5..60 with two decimals (the DP does not apply)'}; goal: well inside Sheets' 30 s per call at 100,000 × 50`,
      ['N × capacities', 'ours (median)', '50 × KAM_SELECT', 'SELECTs / ours', 'DP curve', 'DP / ours', 'best value, first … last capacity', 'accounts', 'vs SELECTs', 'vs DP', 'peak RSS ours'], rows));
  }
  return tables;
}
