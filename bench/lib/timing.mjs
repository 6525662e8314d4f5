// Timing one operation repeatedly inside a case process: warm-up runs, a full GC before each timed run.
import { performance } from 'node:perf_hooks';

/** Runs fn warmup + reps times, returns the timed durations (ms) and the last result. */
export function repeat(fn, { reps = 5, warmup = 1 } = {}) {
  let result;
  for (let i = 0; i < warmup; i++) {
    result = fn();
    result = undefined;
    globalThis.gc?.();
  }
  const times = [];
  for (let i = 0; i < reps; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
    if (i < reps - 1) result = undefined;
  }
  return { times, result };
}

/** Prints the line the parent reads: peak RSS of this process included. */
export function report(obj) {
  const usage = process.resourceUsage();
  process.stdout.write(`RESULT ${JSON.stringify({ ...obj, maxRSS: usage.maxRSS * 1024 })}\n`);
}
