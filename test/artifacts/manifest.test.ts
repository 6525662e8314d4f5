// dist/excel/manifest.xml checked offline: Microsoft's validator needs the network, so the rules that
// matter for a shared-runtime custom-functions add-in are checked here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, readDist } from '../support/dist';

type Xml = any;
let manifest: Xml;
let host: Xml;
let resources: Xml;

const urlOf = (id: string): string =>
  resources['bt:Urls'][0]['bt:Url'].find((u: Xml) => u.$.id === id)?.$.DefaultValue;

beforeAll(async () => {
  manifest = (await parseStringPromise(readDist('excel/manifest.xml'))).OfficeApp;
  const overrides = manifest.VersionOverrides[0];
  host = overrides.Hosts[0].Host[0];
  resources = overrides.Resources[0];
});

describe('dist/excel/manifest.xml', () => {
  it('is a task pane add-in for Excel asking only to read and write the document', () => {
    expect(manifest.$['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.Hosts[0].Host.map((h: Xml) => h.$.Name)).toEqual(['Workbook']);
    expect(manifest.Permissions).toEqual(['ReadWriteDocument']);
  });

  it('requires the shared runtime and runs it long-lived on the task pane page', () => {
    const sets = manifest.Requirements[0].Sets[0].Set.map((s: Xml) => s.$);
    expect(sets).toContainEqual({ Name: 'SharedRuntime', MinVersion: '1.1' });
    expect(Object.keys(host)[1]).toBe('Runtimes'); // first child after the attributes
    expect(host.Runtimes[0].Runtime).toEqual([{ $: { resid: 'Taskpane.Url', lifetime: 'long' } }]);
  });

  it('points the custom functions page, the function file and the task pane at one resid', () => {
    const cf = host.AllFormFactors[0].ExtensionPoint.find((e: Xml) => e.$['xsi:type'] === 'CustomFunctions');
    expect(cf.Page[0].SourceLocation[0].$.resid).toBe('Taskpane.Url');
    const desktop = host.DesktopFormFactor[0];
    expect(desktop.FunctionFile[0].$.resid).toBe('Taskpane.Url');
    const button = desktop.ExtensionPoint[0].OfficeTab[0].Group[0].Control[0];
    expect(button.Action[0].SourceLocation[0].$.resid).toBe('Taskpane.Url');
    expect(urlOf('Taskpane.Url')).toMatch(/^https:\/\/.+\/taskpane\.html$/);
    expect(urlOf(cf.Script[0].SourceLocation[0].$.resid)).toMatch(/\/functions\.js$/);
    expect(urlOf(cf.Metadata[0].SourceLocation[0].$.resid)).toMatch(/\/functions\.json$/);
  });

  it('has a ribbon button that rewrites formulas for Excel, run by the taskpane bundle in the shared runtime', () => {
    const controls = host.DesktopFormFactor[0].ExtensionPoint[0].OfficeTab[0].Group[0].Control;
    const rewrite = controls.find((c: Xml) => c.$.id === 'KAM.RewriteButton');
    expect(rewrite.Action[0].$['xsi:type']).toBe('ExecuteFunction');
    expect(rewrite.Action[0].FunctionName).toEqual(['rewriteKamFormulas']);
    expect(readDist('excel/taskpane.js')).toContain('"rewriteKamFormulas"');
  });

  it('uses the KAM namespace', () => {
    const cf = host.AllFormFactors[0].ExtensionPoint.find((e: Xml) => e.$['xsi:type'] === 'CustomFunctions');
    const resid = cf.Namespace[0].$.resid;
    const value = resources['bt:ShortStrings'][0]['bt:String'].find((s: Xml) => s.$.id === resid).$.DefaultValue;
    expect(value).toBe('KAM');
  });

  it('defines every resid it uses, over https, pointing at files the build produced', () => {
    const xml = readDist('excel/manifest.xml');
    const defined = new Set([...xml.matchAll(/<bt:(?:Url|Image|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, resid] of xml.matchAll(/resid="([^"]+)"/g)) expect(defined, resid).toContain(resid);
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      const file = new URL(url).pathname.replace(/^\//, '');
      expect(fs.existsSync(path.join(DIST, 'excel', file)), `${url} → dist/excel/${file}`).toBe(true);
    }
  });

  it('has icons of the sizes Office asks for', () => {
    const images = resources['bt:Images'][0]['bt:Image'].map((i: Xml) => i.$.DefaultValue);
    for (const size of [16, 32, 80]) expect(images.some((u: string) => u.endsWith(`icon-${size}.png`))).toBe(true);
    const png = fs.readFileSync(path.join(DIST, 'excel/assets/icon-32.png'));
    expect(png.readUInt32BE(16)).toBe(32); // IHDR width
  });

  it('is parsed by office-addin-manifest', () => {
    const cli = path.join(ROOT, 'node_modules/office-addin-manifest/cli.js');
    const out = execFileSync(process.execPath, [cli, 'info', path.join(DIST, 'excel/manifest.xml')], { encoding: 'utf8' });
    expect(out).toContain('Name: KAM Portfolio');
    expect(out).toContain('Hosts: Workbook');
    expect(out).toContain('Permissions: ReadWriteDocument');
  });
});
