// Running one benchmark case in its own Node process, so its garbage, JIT state and peak memory are its own.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(BENCH, '..');

/**
 * Runs `node [nodeArgs] bench/case.mjs <job> <case> <json>`; the case prints one JSON line starting with
 * "RESULT ". Returns that object, or { failure: 'out of memory' | 'timed out' | message }.
 */
export function runCase(job, name, params, { heapMB = 8192, timeoutMs = 600_000, nodeArgs = [] } = {}) {
  return runNode([`--max-old-space-size=${heapMB}`, '--expose-gc', ...nodeArgs, path.join(BENCH, 'case.mjs'), job, name, JSON.stringify(params)], timeoutMs);
}

/** Runs a Node script as a child; returns its RESULT line, wall time and status. */
export function runNode(args, timeoutMs, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 100_000) err = err.slice(-50_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) return resolve({ ...JSON.parse(line.slice(7)), wallMs, code });
      let failure;
      if (timedOut) failure = `timed out (${Math.round(timeoutMs / 1000)} s)`;
      else if (/heap out of memory|Allocation failed|invalid array length|Array buffer allocation failed/i.test(err)) failure = 'out of memory';
      else failure = `failed (exit ${code ?? signal}): ${err.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
      resolve({ failure, wallMs, code, stdout: out, stderr: err });
    });
  });
}
