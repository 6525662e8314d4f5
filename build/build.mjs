// Builds everything users load: dist/excel (Office add-in), dist/sheets (what `clasp push` uploads)
// and dist/cli (the command line). Usage: node build/build.mjs [excel|sheets|cli ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import GasPlugin from 'gas-webpack-plugin';
import { inlineSafeScript, inlineSafeStyle } from './inline-safe.mjs';
import { SPANISH_LOCALES, writeLocalizedFunctionHelp } from './function-help.mjs';
import { localizeManifest } from './manifest-locales.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const DEV_URL = 'https://localhost:3000';
const baseUrl = (process.env.KAM_BASE_URL || DEV_URL).replace(/\/$/, '');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** ts-loader without type checking (npm test runs tsc); `target` is per host. */
const tsRule = (target) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target, noEmit: false } } },
});

const common = (name, target) => ({
  name,
  mode: 'production',
  context: root,
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule(target)] },
  performance: { hints: false },
  stats: 'errors-warnings',
});

const configs = {
  excel: {
    ...common('excel', 'ES2020'),
    // functions-entry.ts loads functions.ts (whose JSDoc is the registration) only where CustomFunctions exists.
    entry: { functions: './src/excel/functions-entry.ts', taskpane: './taskpane/index.ts' },
    output: { path: path.join(dist, 'excel'), filename: '[name].js', clean: true, environment: { globalThis: true } },
    target: ['web', 'es2020'],
    plugins: [new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/excel/functions.ts' })],
  },
  sheets: {
    ...common('sheets', 'ES2019'),
    entry: { Code: './src/sheets/main.ts' },
    output: { path: path.join(dist, 'sheets'), filename: '[name].js', clean: true, environment: { globalThis: true } },
    target: ['web', 'es2019'],
    // Readable in the Apps Script editor; GasPlugin needs the global assignments intact.
    optimization: { minimize: false, concatenateModules: false, moduleIds: 'named' },
    plugins: [new GasPlugin({ comment: true })],
  },
  sidebar: {
    ...common('sidebar', 'ES2019'),
    entry: { sidebar: './taskpane/index.ts' },
    output: { path: path.join(root, '.cache', 'sidebar'), filename: '[name].js', clean: true, environment: { globalThis: true } },
    target: ['web', 'es2019'],
  },
  cli: {
    ...common('cli', 'ES2022'),
    entry: { kam: './src/cli/main.ts' },
    output: { path: path.join(dist, 'cli'), filename: '[name].cjs', clean: true, library: { type: 'commonjs2' } },
    target: 'node20',
    // Real __dirname, so the bundled sample is found beside the package; packages with native parts stay outside.
    node: { __dirname: false, __filename: false },
    externals: { exceljs: 'commonjs exceljs', jszip: 'commonjs jszip', '@resvg/resvg-js': 'commonjs @resvg/resvg-js' },
    optimization: { minimize: false },
  },
};

function run(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      const info = stats.toString({ all: false, errors: true, warnings: true, colors: false });
      if (stats.hasErrors()) return reject(new Error(`${config.name} build failed:\n${info}`));
      if (stats.hasWarnings()) console.warn(info);
      resolve();
    });
  });
}

const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');

/** A Content-Security-Policy meta tag from a directive map. */
const csp = (directives) =>
  `<meta http-equiv="Content-Security-Policy" content="${Object.entries(directives).map(([k, v]) => `${k} ${v}`).join('; ')}">`;

/**
 * The taskpane may load only its own files and office.js's origin, and send nothing anywhere else:
 * the add-in needs no network (office.js talks to Excel by messages, which CSP does not govern).
 * office.js frames a page of its own origin on some hosts, hence frame-src (docs/hosts.md).
 */
const TASKPANE_CSP = {
  'default-src': "'self'",
  'script-src': `'self' ${new URL(OFFICE_JS).origin}`,
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'frame-src': new URL(OFFICE_JS).origin,
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

/** help.html is static text with the taskpane's style sheet: nothing else may load or run there. */
export const HELP_CSP = {
  'default-src': "'none'",
  'style-src': "'self'",
  'img-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/**
 * The wizard page for Excel: legacy-check.js first (it parses in Internet Explorer, which old Office
 * builds without WebView2 use, and explains why the ES2020 bundles then never start), office.js from
 * Microsoft's CDN, our scripts beside it. X-UA-Compatible keeps such a webview out of IE7 mode.
 */
function writeTaskpaneHtml() {
  const head = [
    '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
    csp(TASKPANE_CSP),
    '<script src="legacy-check.js"></script>',
    `<script src="${OFFICE_JS}"></script>`,
    '<link rel="stylesheet" href="taskpane.css">',
    '<script defer src="functions.js"></script>',
    '<script defer src="taskpane.js"></script>',
  ].join('\n  ');
  const out = path.join(dist, 'excel');
  fs.writeFileSync(path.join(out, 'taskpane.html'), read('taskpane/taskpane.html').replace('<!--HOST_SCRIPTS-->', head));
  fs.copyFileSync(path.join(root, 'taskpane/style.css'), path.join(out, 'taskpane.css'));
  fs.copyFileSync(path.join(root, 'taskpane/legacy-check.js'), path.join(out, 'legacy-check.js'));
  fs.writeFileSync(path.join(out, 'help.html'), read('taskpane/help.html').replace('<!--CSP-->', csp(HELP_CSP)));
  fs.mkdirSync(path.join(out, 'assets'), { recursive: true });
  for (const icon of fs.readdirSync(path.join(root, 'assets'))) {
    fs.copyFileSync(path.join(root, 'assets', icon), path.join(out, 'assets', icon));
  }
  const catalog = (language) => JSON.parse(read(`src/core/i18n/catalogs/${language}.json`));
  // Spanish ribbon, callout and description from the catalogs (build/manifest-locales.mjs).
  const manifest = localizeManifest(read('manifest.xml').split(DEV_URL).join(baseUrl), catalog('en'), catalog('es'), SPANISH_LOCALES.map((l) => l.locale));
  checkHelpOverrides(manifest);
  fs.writeFileSync(path.join(out, 'manifest.xml'), manifest);
}

/**
 * Excel withholds error cells from a custom function (one #N/A anywhere in a range makes the whole
 * result #N/A) unless the metadata says allowErrorForDataTypeAny; the JSDoc generator never writes it,
 * so it is added here. It is a top-level property covering every parameter of type "any" (Microsoft's
 * "Manually create JSON metadata" reference, docs/excel/custom-functions-json.md), so every parameter
 * must be "any".
 */
function patchFunctionsJson() {
  const file = path.join(dist, 'excel', 'functions.json');
  const metadata = JSON.parse(fs.readFileSync(file, 'utf8'));
  checkAnyParameters('functions.json', metadata);
  const { functions, ...settings } = metadata;
  const patched = { ...settings, allowErrorForDataTypeAny: true, functions };
  fs.writeFileSync(file, JSON.stringify(patched, null, 2));
}

/** Every parameter of a metadata file is of type any, so allowErrorForDataTypeAny covers it. */
function checkAnyParameters(name, metadata) {
  for (const fn of metadata.functions) {
    for (const param of fn.parameters) {
      if (param.type !== 'any') {
        throw new Error(`${name}: ${fn.id} parameter ${param.name} has type "${param.type}", so Excel would withhold error cells from it. Declare it as any or any[][].`);
      }
    }
  }
}

/** Each Spanish locale's help file is what the manifest's metadata URL overrides to for that locale. */
function checkHelpOverrides(manifest) {
  const metadataUrl = /<bt:Url id="Functions\.Metadata\.Url"[^>]*>([\s\S]*?)<\/bt:Url>/.exec(manifest)?.[1] ?? '';
  for (const { locale, file } of SPANISH_LOCALES) {
    if (!metadataUrl.includes(`<bt:Override Locale="${locale}" Value="${baseUrl}/${file}"/>`)) {
      throw new Error(`manifest.xml: the Functions.Metadata.Url resource needs <bt:Override Locale="${locale}" Value="${DEV_URL}/${file}"/>, or Excel in ${locale} shows the English function help.`);
    }
  }
}

/**
 * The Spanish function help (functions-es.json, functions-es-MX.json: build/function-help.mjs), written
 * from the patched English file, and the same metadata checks on each: a file a Spanish Excel loads
 * must let error cells through exactly as the English one does.
 */
function writeFunctionHelp() {
  const out = path.join(dist, 'excel');
  for (const name of writeLocalizedFunctionHelp(root, out)) {
    const metadata = JSON.parse(fs.readFileSync(path.join(out, name), 'utf8'));
    checkAnyParameters(name, metadata);
    if (metadata.allowErrorForDataTypeAny !== true) throw new Error(`${name}: allowErrorForDataTypeAny is missing, so a Spanish Excel would withhold error cells from the functions.`);
  }
}

/**
 * HtmlService serves one file: the wizard's CSS and JS are inlined into Sidebar.html, made safe from
 * its comment stripping (inline-safe.mjs). No Content-Security-Policy meta tag: HtmlService ignores
 * meta tags in the file (HtmlOutput.addMetaTag), and a policy of hashes would not match the bytes
 * Google serves. What protects the sidebar instead is in docs/security.md.
 */
function writeSidebarHtml() {
  const script = inlineSafeScript(fs.readFileSync(path.join(root, '.cache', 'sidebar', 'sidebar.js'), 'utf8'));
  const style = inlineSafeStyle(read('taskpane/style.css'));
  // Replacer functions, not strings: minified code holds "$&" and "$'", which a replacement string expands.
  const html = read('taskpane/taskpane.html')
    .replace('<!--HOST_SCRIPTS-->', () => `<style>\n${style}</style>`)
    .replace('</body>', () => `<script>\n${script}\n</script>\n</body>`);
  fs.writeFileSync(path.join(dist, 'sheets', 'Sidebar.html'), html);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'sheets', 'appsscript.json'));
}

async function main() {
  const wanted = process.argv.slice(2);
  const targets = wanted.length ? wanted : ['excel', 'sheets', 'cli'];
  for (const target of targets) {
    if (target === 'excel') {
      await run(configs.excel);
      patchFunctionsJson();
      writeFunctionHelp();
      writeTaskpaneHtml();
    } else if (target === 'sheets') {
      await run(configs.sheets);
      await run(configs.sidebar);
      writeSidebarHtml();
    } else if (target === 'cli') {
      await run(configs.cli);
    } else {
      throw new Error(`Unknown build target "${target}". Use excel, sheets or cli.`);
    }
    console.log(`built ${target}`);
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
