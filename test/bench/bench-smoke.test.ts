// The benchmark harness still runs: each job's cases at toy sizes, in child processes, as `npm run bench` starts them.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs module without type declarations
import { runCase } from '../../bench/lib/child.mjs';

interface CaseResult {
  times?: number[];
  failure?: string;
  objective?: number;
  last?: number;
  total?: number;
  maxRSS?: number;
  curve?: number[];
}

const run = (job: string, name: string, params: object): Promise<CaseResult> => runCase(job, name, params, { heapMB: 1024, timeoutMs: 60_000 });

describe('bench harness (toy sizes)', () => {
  it.each(['floor', 'sheets', 'excel'])('job 1 %s scores 200 accounts', async (name) => {
    const result = await run('1', name, { n: 200, reps: 2, warmup: 1 });
    expect(result.failure).toBeUndefined();
    expect(result.times).toHaveLength(2);
    expect(result.last).toBeGreaterThan(0);
    expect(result.maxRSS).toBeGreaterThan(0);
  });

  it('job 1 HyperFormula builds and recalculates', async () => {
    const result = await run('1', 'hyperformula', { n: 50, reps: 1 });
    expect(result.failure).toBeUndefined();
  });

  it('job 2 ours, the DP and HiGHS agree on the objective', async () => {
    const params = { n: 300, integerCosts: true, reps: 2, warmup: 1 };
    const [ours, dp, highs] = [await run('2', 'ours', params), await run('2', 'dp', params), await run('2', 'highs', params)];
    expect(ours.failure ?? dp.failure ?? highs.failure).toBeUndefined();
    expect(dp.objective).toBe(ours.objective);
    expect(highs.objective).toBeCloseTo(ours.objective as number, 6);
  });

  it('job 5 runs the three decision-support functions on 300 accounts', async () => {
    for (const id of ['STABILITY', 'CAPACITY', 'DRIFT']) {
      const result = await run('5', 'sheets', { id, n: 300, reps: 1, warmup: 0 });
      expect(result.failure, id).toBeUndefined();
    }
  });

  it('job 6: KAM_CAPACITY, 50 KAM_SELECT calls and the DP give the same curve', async () => {
    const params = { n: 400, integerCosts: true, count: 50, reps: 1, warmup: 0 };
    const [ours, selects, dp] = [await run('6', 'ours', params), await run('6', 'selects', params), await run('6', 'dp', params)];
    expect(ours.failure ?? selects.failure ?? dp.failure).toBeUndefined();
    expect(ours.curve).toHaveLength(50);
    expect(selects.curve).toEqual(ours.curve);
    expect(dp.curve).toEqual(ours.curve);
  });

  it('job 4 loads the functions bundle to a first result', async () => {
    const result = await run('4', 'excel', {});
    expect(result.failure).toBeUndefined();
    expect(result.total).toBeGreaterThan(0);
  });
});
