// Runs a CommonJS entry (the built command line) and prints its peak memory when it exits:
// `node bench/lib/rusage.cjs <module exporting run()> args…` → a "RESULT {maxRSS}" line on stdout.
const fs = require('node:fs');
const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
process.on('exit', (code) => {
  fs.writeSync(1, `\nRESULT ${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS * 1024, exitCode: code })}\n`);
});
require(entry).run();
