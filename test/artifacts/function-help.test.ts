// Excel's Spanish function help as the build ships it: dist/excel/functions-es.json and functions-es-MX.json
// against functions.json, the manifest's locale overrides pointing at them, and the build refusing a
// catalog without a function's or a parameter's help. Microsoft's rules (OfficeDev/office-js-docs-pr,
// docs/excel/custom-functions-naming.md, "Localize custom functions"): one metadata file per language,
// only name and description localized, the id unchanged; the manifest's <bt:Url> for the metadata
// carries a <bt:Override Locale=… Value=…/> per locale (same article, "Localize your add-in";
// OfficeDev/office-js-docs-reference docs/manifest/override.md), one per area (docs/develop/localization.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { describe, expect, it } from 'vitest';
import en from '../../src/core/i18n/catalogs/en.json';
import es from '../../src/core/i18n/catalogs/es.json';
import { catalogue } from '../../src/core/functions/catalogue';
import { excelName } from '../../src/core/functions/function-ids';
import { formulaIn, SPANISH_LOCALES, writeLocalizedFunctionHelp } from '../../build/function-help.mjs';
import { localizeManifest } from '../../build/manifest-locales.mjs';
import { DIST, ROOT, readDist } from '../support/dist';

type Xml = any;
const english = JSON.parse(readDist('excel/functions.json'));
const spanish = SPANISH_LOCALES.map((l) => ({ ...l, metadata: JSON.parse(readDist(`excel/${l.file}`)) }));

/** Everything of a function's metadata but its descriptions: what must be the same in every language. */
function shape(fn: any): unknown {
  const { description, parameters, ...rest } = fn;
  return { ...rest, parameters: parameters.map(({ description: _, ...p }: any) => p) };
}

describe.each(spanish)('dist/excel/$file ($locale)', ({ metadata, listSeparator, decimalSeparator }) => {
  it('has the same functions, ids, names, parameters, types, dimensionality, options and settings as functions.json', () => {
    const { functions: esFunctions, ...esSettings } = metadata;
    const { functions: enFunctions, ...enSettings } = english;
    expect(esSettings).toEqual(enSettings);
    expect(esSettings.allowErrorForDataTypeAny).toBe(true);
    expect(esFunctions.map((f: any) => f.id)).toEqual(enFunctions.map((f: any) => f.id));
    expect(esFunctions.length).toBe(catalogue.length);
    for (const [i, fn] of esFunctions.entries()) {
      expect(shape(fn), fn.id).toEqual(shape(enFunctions[i]));
      expect(fn.parameters.length).toBe(enFunctions[i].parameters.length);
      for (const param of fn.parameters) expect(param.type, `${fn.id} ${param.name}`).toBe('any');
    }
  });

  it('describes every function and parameter in Spanish, from the catalog, never the English text', () => {
    for (const [i, fn] of metadata.functions.entries()) {
      const enFn = english.functions[i];
      expect(fn.description.trim().length, fn.id).toBeGreaterThan(20);
      expect(fn.description).not.toBe(enFn.description);
      expect(fn.description.startsWith(`${(es as Record<string, string>)[`fn.${fn.id}.description`]} Ejemplo: =${excelName(fn.id)}(`)).toBe(true);
      for (const [k, param] of fn.parameters.entries()) {
        expect(param.description.trim(), `${fn.id} ${param.name}`).not.toBe('');
        expect(param.description, `${fn.id} ${param.name}`).not.toBe(enFn.parameters[k].description);
        expect(param.description).toBe((es as Record<string, string>)[`fn.${fn.id}.param.${param.name}`]);
      }
    }
  });

  it('shows each example the way a user in that region types it', () => {
    const clv = metadata.functions.find((f: any) => f.id === 'CLV').description as string;
    expect(clv).toContain(`=KAM.CLV(E2:E101${listSeparator} 0${decimalSeparator}85${listSeparator} 0${decimalSeparator}1)`);
    const position = metadata.functions.find((f: any) => f.id === 'POSITION').description as string;
    expect(position).toContain(`${listSeparator} 5${listSeparator} "median")`);
  });
});

describe('the English metadata and the catalog', () => {
  it('are the same words: each JSDoc description is the catalog text and its example', () => {
    for (const spec of catalogue) {
      const fn = english.functions.find((f: any) => f.id === spec.id);
      expect(fn.description).toBe(`${(en as Record<string, string>)[`fn.${spec.id}.description`]} Example: =${excelName(spec.id)}${spec.example.slice(spec.example.indexOf('('))}`);
    }
  });
});

describe('formulaIn: an en-US example in a region\'s typing form', () => {
  it('changes argument separators and decimal points, never a name, a reference or the inside of a text', () => {
    const spain = SPANISH_LOCALES.find((l) => l.locale === 'es-ES')!;
    expect(formulaIn('=KAM.CLV(E2:E101, 0.85, 0.1, 3)', spain)).toBe('=KAM.CLV(E2:E101; 0,85; 0,1; 3)');
    expect(formulaIn('=KAM.FLAGS(C2:C9, F2:F9, D2:D9, , "top=10%, cut=5.5")', spain)).toBe('=KAM.FLAGS(C2:C9; F2:F9; D2:D9; ; "top=10%, cut=5.5")');
    expect(formulaIn('=KAM.SELECT(A2:A9, F2:F9, 12.5)', spain)).toBe('=KAM.SELECT(A2:A9; F2:F9; 12,5)');
    expect(formulaIn('=KAM.SELECT(A2:A9, F2:F9, 12.5)', SPANISH_LOCALES.find((l) => l.locale === 'es-MX')!)).toBe('=KAM.SELECT(A2:A9, F2:F9, 12.5)');
  });
});

describe('dist/excel/manifest.xml and the Spanish help', () => {
  it('overrides the functions metadata URL for es-ES and es-MX with files the build wrote', async () => {
    const manifest = (await parseStringPromise(readDist('excel/manifest.xml'))).OfficeApp;
    const host = manifest.VersionOverrides[0].Hosts[0].Host[0];
    const cf = host.AllFormFactors[0].ExtensionPoint.find((e: Xml) => e.$['xsi:type'] === 'CustomFunctions');
    const resid = cf.Metadata[0].SourceLocation[0].$.resid;
    const url = manifest.VersionOverrides[0].Resources[0]['bt:Urls'][0]['bt:Url'].find((u: Xml) => u.$.id === resid);
    expect(new URL(url.$.DefaultValue).pathname).toBe('/functions.json');
    const overrides = url['bt:Override'].map((o: Xml) => o.$);
    expect(overrides.map((o: Xml) => o.Locale)).toEqual(['es-ES', 'es-MX']);
    for (const { Locale, Value } of overrides) {
      const file = new URL(Value).pathname.replace(/^\//, '');
      expect(file).toBe(SPANISH_LOCALES.find((l) => l.locale === Locale)!.file);
      expect(new URL(Value).origin).toBe(new URL(url.$.DefaultValue).origin);
      expect(fs.existsSync(path.join(DIST, 'excel', file)), file).toBe(true);
    }
  });
});

describe('dist/excel/manifest.xml in Spanish', () => {
  const catalogEn = en as Record<string, string>;
  const catalogEs = es as Record<string, string>;
  const keys = Object.keys(catalogEn).filter((k) => k.startsWith('manifest.'));

  it('gives the ribbon, its tooltips, the callout and the description a Spanish override per locale, from the catalogs', async () => {
    const manifest = (await parseStringPromise(readDist('excel/manifest.xml'))).OfficeApp;
    const resources = manifest.VersionOverrides[0].Resources[0];
    const strings = [...resources['bt:ShortStrings'][0]['bt:String'], ...resources['bt:LongStrings'][0]['bt:String']];
    expect(keys.length).toBe(7);
    for (const key of keys) {
      const id = key.slice('manifest.'.length);
      const element = id === 'Description' ? manifest.Description[0] : strings.find((s: Xml) => s.$.id === id);
      expect(element, id).toBeDefined();
      expect(element.$.DefaultValue).toBe(catalogEn[key]);
      const overrides = (element['bt:Override'] ?? element.Override).map((o: Xml) => o.$);
      expect(overrides).toEqual(SPANISH_LOCALES.map((l) => ({ Locale: l.locale, Value: catalogEs[key] })));
      expect(catalogEs[key]).not.toBe(catalogEn[key]);
    }
    // The brand and the namespace are the same in every language.
    for (const id of ['Functions.Namespace', 'TaskpaneButton.Label']) expect(strings.find((s: Xml) => s.$.id === id)['bt:Override'], id).toBeUndefined();
  });

  it('fails the build when the manifest and the English catalog disagree, or a Spanish text is missing or too long', () => {
    const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const locales = SPANISH_LOCALES.map((l) => l.locale);
    expect(() => localizeManifest(source, { ...catalogEn, 'manifest.Group.Label': 'Accounts' }, catalogEs, locales)).toThrow(
      'manifest.xml: the DefaultValue "Key accounts" differs from "manifest.Group.Label" in src/core/i18n/catalogs/en.json',
    );
    const { 'manifest.RewriteButton.Tooltip': _, ...withoutTooltip } = catalogEs;
    expect(() => localizeManifest(source, catalogEn, withoutTooltip, locales)).toThrow('"manifest.RewriteButton.Tooltip" has no text in src/core/i18n/catalogs/es.json');
    expect(() => localizeManifest(source, catalogEn, { ...catalogEs, 'manifest.Group.Label': 'x'.repeat(126) }, locales)).toThrow('is 126 characters; Office allows 125 there');
  });
});

describe('docs/es/README.md', () => {
  const guide = fs.readFileSync(path.join(ROOT, 'docs/es/README.md'), 'utf8');

  it('has a section with a worked example for every function', () => {
    for (const spec of catalogue) {
      const start = guide.indexOf(`### ${excelName(spec.id)} — `);
      expect(start, spec.id).toBeGreaterThan(0);
      const section = guide.slice(start, guide.indexOf('\n### ', start + 1));
      expect(section, spec.id).toContain('**Ejemplo resuelto**');
    }
  });
});

describe('the build without a function\'s help in a catalog', () => {
  /** A copy of the catalogs and of the built functions.json, with `change` applied to one catalog. */
  function buildWith(language: 'en' | 'es', change: (catalog: Record<string, string>) => void): () => string[] {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-help-'));
    const catalogs = path.join(root, 'src/core/i18n/catalogs');
    fs.mkdirSync(catalogs, { recursive: true });
    for (const l of ['en', 'es']) {
      const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, `src/core/i18n/catalogs/${l}.json`), 'utf8'));
      if (l === language) change(catalog);
      fs.writeFileSync(path.join(catalogs, `${l}.json`), JSON.stringify(catalog));
    }
    const out = path.join(root, 'excel');
    fs.mkdirSync(out);
    fs.copyFileSync(path.join(DIST, 'excel/functions.json'), path.join(out, 'functions.json'));
    return () => writeLocalizedFunctionHelp(root, out);
  }

  it('writes both Spanish files from complete catalogs', () => {
    expect(buildWith('es', () => {})()).toEqual(['functions-es.json', 'functions-es-MX.json']);
  });

  it('fails naming the function and the key when a function has no Spanish description', () => {
    expect(buildWith('es', (c) => delete c['fn.DRIFT.description'])).toThrow(
      'Excel function help: the function DRIFT has no text in src/core/i18n/catalogs/es.json. Add the key "fn.DRIFT.description"',
    );
  });

  it('fails naming the parameter and the key when a parameter has no help', () => {
    expect(buildWith('es', (c) => delete c['fn.STABILITY.param.factor_names'])).toThrow(
      'the parameter factor_names of STABILITY has no text in src/core/i18n/catalogs/es.json. Add the key "fn.STABILITY.param.factor_names"',
    );
    expect(buildWith('en', (c) => delete c['fn.SELECT.param.costs'])).toThrow('Add the key "fn.SELECT.param.costs"');
    expect(buildWith('es', (c) => (c['fn.CLV.param.years'] = '  '))).toThrow('the parameter years of CLV has no text');
  });

  it('fails when the JSDoc and the English catalog say different things', () => {
    expect(buildWith('en', (c) => (c['fn.SCORE.param.weights'] = 'Weights.'))).toThrow(
      'the JSDoc @param weights of SCORE in src/excel/functions.ts differs from "fn.SCORE.param.weights" in src/core/i18n/catalogs/en.json',
    );
    expect(buildWith('en', (c) => (c['fn.CLV.description'] = 'Lifetime value.'))).toThrow('the JSDoc description of CLV in src/excel/functions.ts is not the text of "fn.CLV.description"');
  });

  it('fails when the example sentence has lost its placeholder', () => {
    expect(buildWith('es', (c) => (c['fnhelp.example'] = 'Ejemplo:'))).toThrow('needs "fnhelp.example" with the one placeholder {formula}');
  });
});
