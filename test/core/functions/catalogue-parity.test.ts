// Keeps the Excel and Sheets wrappers matched to the catalogue: same ids, same parameters, same help
// text, no extras. The catalogue is the one declaration; the wrappers only repeat what hosts must read.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogue, FunctionSpec } from '../../../src/core/functions/catalogue';
import { excelName, sheetsName } from '../../../src/core/functions/function-ids';
import { ROOT } from '../../support/dist';

interface Wrapper {
  name: string;
  params: string[];
  optional: boolean[];
  description: string;
  paramDocs: Record<string, string>;
  tags: string[];
}

function jsDocOf(node: ts.Node): ts.JSDoc | undefined {
  return (node as { jsDoc?: ts.JSDoc[] }).jsDoc?.at(-1);
}

function docText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (comment === undefined) return '';
  return (typeof comment === 'string' ? comment : comment.map((c) => c.text).join('')).replace(/\s+/g, ' ').trim();
}

function describeWrapper(name: string, fn: ts.SignatureDeclaration, doc: ts.JSDoc | undefined): Wrapper {
  const paramDocs: Record<string, string> = {};
  const tags: string[] = [];
  for (const tag of doc?.tags ?? []) {
    tags.push(tag.tagName.text + (tag.comment && tag.tagName.text === 'customfunction' ? ` ${docText(tag.comment)}` : ''));
    if (ts.isJSDocParameterTag(tag)) paramDocs[tag.name.getText()] = docText(tag.comment);
  }
  return {
    name,
    params: fn.parameters.map((p) => p.name.getText()),
    optional: fn.parameters.map((p) => Boolean(p.questionToken)),
    description: docText(doc?.comment),
    paramDocs,
    tags,
  };
}

function parse(relative: string): ts.SourceFile {
  const file = path.join(ROOT, relative);
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function excelWrappers(): Wrapper[] {
  const out: Wrapper[] = [];
  parse('src/excel/functions.ts').forEachChild((node) => {
    if (ts.isFunctionDeclaration(node) && node.name) out.push(describeWrapper(node.name.text, node, jsDocOf(node)));
  });
  return out;
}

function sheetsWrappers(): Wrapper[] {
  const out: Wrapper[] = [];
  parse('src/sheets/functions.ts').forEachChild((node) => {
    if (!ts.isExpressionStatement(node) || !ts.isBinaryExpression(node.expression)) return;
    const { left, right } = node.expression;
    if (!ts.isPropertyAccessExpression(left) || left.expression.getText() !== 'global') return;
    if (!ts.isArrowFunction(right) && !ts.isFunctionExpression(right)) return;
    out.push(describeWrapper(left.name.text, right, jsDocOf(node)));
  });
  return out;
}

const exampleFor = (spec: FunctionSpec, host: 'excel' | 'sheets'): string =>
  host === 'sheets' ? spec.example : spec.example.replace(/KAM_([A-Z]+)\(/g, 'KAM.$1(');

function expectMatches(wrapper: Wrapper | undefined, spec: FunctionSpec, host: 'excel' | 'sheets'): void {
  const label = host === 'excel' ? excelName(spec.id) : sheetsName(spec.id);
  expect(wrapper, `${label} has no wrapper`).toBeDefined();
  if (!wrapper) return;
  expect(wrapper.description, `${label} description`).toBe(`${spec.description} Example: =${exampleFor(spec, host)}`);
  expect(wrapper.params, `${label} parameters`).toEqual(spec.params.map((p) => p.name));
  for (const param of spec.params) {
    expect(wrapper.paramDocs[param.name], `${label} @param ${param.name}`).toBe(param.description);
  }
  expect(wrapper.optional, `${label} optional parameters`).toEqual(spec.params.map((p) => Boolean(p.optional)));
}

describe('wrapper parity with the catalogue', () => {
  it('has unique ids that are safe in both hosts', () => {
    const ids = catalogue.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Z]+$/); // no digits: KAM1-like names read as cell addresses
      expect(sheetsName(id)).not.toMatch(/_$/);
    }
  });

  it('gives Excel exactly one wrapper per catalogue function, with @customfunction <ID>', () => {
    const wrappers = excelWrappers();
    expect(wrappers.map((w) => w.tags.find((t) => t.startsWith('customfunction'))).sort()).toEqual(
      catalogue.map((f) => `customfunction ${f.id}`).sort(),
    );
    for (const spec of catalogue) {
      const wrapper = wrappers.find((w) => w.tags.includes(`customfunction ${spec.id}`));
      expectMatches(wrapper, spec, 'excel');
      expect(wrapper?.tags).toContain('returns');
    }
  });

  it('gives Sheets exactly one global per catalogue function, with @customfunction', () => {
    const wrappers = sheetsWrappers();
    expect(wrappers.map((w) => w.name).sort()).toEqual(catalogue.map((f) => sheetsName(f.id)).sort());
    for (const spec of catalogue) {
      const wrapper = wrappers.find((w) => w.name === sheetsName(spec.id));
      expectMatches(wrapper, spec, 'sheets');
      expect(wrapper?.tags).toContain('customfunction');
      expect(wrapper?.tags).toContain('return');
    }
  });

  it('declares every Sheets global in globals.d.ts', () => {
    const declared = fs.readFileSync(path.join(ROOT, 'src/sheets/globals.d.ts'), 'utf8');
    for (const spec of catalogue) expect(declared).toContain(`declare var ${sheetsName(spec.id)}:`);
  });
});
