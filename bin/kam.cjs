#!/usr/bin/env node
// The `kam` command: runs the built command line (npm run build, or npm ci, builds it).
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'cli', 'kam.cjs');
if (!fs.existsSync(built)) {
  console.error('kam: the command line is not built yet. Run: npm run build -- cli');
  process.exit(2);
}
require(built).run();
