// `npm run bench`: every job's table, ours against the peers and the floor, measured in the same run.
// Usage: node bench/run.mjs [--quick] [--job 1,2] [--reps N] [--md FILE]   (env KAM_BENCH_QUICK=1 = --quick)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH, ROOT, runCase } from './lib/child.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick') || process.env.KAM_BENCH_QUICK === '1';
const jobs = (option('--job') ?? '1,2,3,4,5,6').split(',').map((s) => s.trim());
const reps = option('--reps') ? Number(option('--reps')) : undefined;
const mdFile = option('--md');

// The artifacts are copied first, so a rebuild by someone else during the run cannot change what is measured.
const snapshot = path.join(BENCH, '.snapshot');
for (const rel of ['excel/functions.js', 'excel/taskpane.js', 'sheets/Code.js', 'cli/kam.cjs']) {
  const from = path.join(ROOT, 'dist', rel);
  if (!fs.existsSync(from)) throw new Error(`dist/${rel} is missing: run node build/build.mjs first`);
  fs.mkdirSync(path.dirname(path.join(snapshot, rel)), { recursive: true });
  fs.copyFileSync(from, path.join(snapshot, rel));
}
process.env.KAM_BENCH_DIST = snapshot;

const modules = { 1: './job1-score.mjs', 2: './job2-select.mjs', 3: './job3-cli.mjs', 4: './job4-bundles.mjs', 5: './job5-catalogue.mjs', 6: './job6-capacity.mjs' };
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const command = `node bench/run.mjs ${argv.join(' ')}`.trim();
console.log(`KAM benchmarks — ${new Date().toISOString()}\n${machine}\n${command}${quick ? ' (quick: small sizes)' : ''}\n`);

const notes = [];
const note = (text) => {
  notes.push(text);
  console.log(`  note: ${text}`);
};
const md = [`Run ${new Date().toISOString()} on ${machine}.`, '', `Command: \`${command}\``, ''];
for (const job of jobs) {
  if (!modules[job]) throw new Error(`no job ${job} (jobs: 1 2 3 4 5 6)`);
  const started = Date.now();
  const { run } = await import(modules[job]);
  const tables = await run({ quick, reps, runCase, note });
  for (const t of tables) {
    console.log(`${t.text}\n`);
    md.push(`### ${t.text.split('\n')[0]}`, '', t.md, '');
  }
  console.log(`  (job ${job}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
if (notes.length) md.push('Notes:', '', ...notes.map((n) => `- ${n}`), '');
if (mdFile) {
  fs.writeFileSync(mdFile, md.join('\n'));
  console.log(`Markdown written to ${mdFile}`);
}
