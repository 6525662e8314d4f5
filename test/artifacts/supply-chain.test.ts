// Supply chain: few runtime dependencies, none of them inside what the spreadsheet hosts load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDist, ROOT } from '../support/dist';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('dependencies', () => {
  it('ships only what the command line needs at run time; everything else is a dev dependency', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@resvg/resvg-js', 'exceljs', 'jszip']);
  });

  it('pins the TypeScript the custom-functions metadata tooling works with, and locks every install', () => {
    expect(pkg.devDependencies.typescript).toMatch(/^5\.9\.\d+$/);
    expect(fs.existsSync(path.join(ROOT, 'package-lock.json'))).toBe(true);
  });

  it('bundles no third-party package into the Apps Script code', () => {
    // Code.js is built with named modules: each module's key is its source path.
    const code = readDist('sheets/Code.js');
    expect(code).toContain('"./src/core/functions/score.ts"');
    expect(code).not.toContain('node_modules');
  });
});
