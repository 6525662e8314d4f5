// One benchmark case in its own process: `node bench/case.mjs <job> <case> <json params>` (run.mjs starts these).
const [job, name, json] = process.argv.slice(2);
const modules = { 1: './job1-score.mjs', 2: './job2-select.mjs', 3: './job3-cli.mjs', 4: './job4-bundles.mjs', 5: './job5-catalogue.mjs', 6: './job6-capacity.mjs' };
const { cases } = await import(modules[job]);
if (!cases[name]) throw new Error(`no case ${name} in job ${job}`);
await cases[name](JSON.parse(json));
