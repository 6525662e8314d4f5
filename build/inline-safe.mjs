// Makes the script and style inlined into Sidebar.html survive Apps Script's HtmlService, which drops the
// text from "//" to the end of a line and every "/* … */" inside an inline <script> or <style>, even
// inside a string (docs/hosts.md, "HtmlService rewrites what you ship"). No "//" or "/*" may remain.
import { parse } from 'acorn';

/** "/" written as an escape that means the same character in a string, a template or a regular expression. */
const SLASH = '\\u002f';

/**
 * The body of a string, template chunk or regular expression with every "/" escaped. An existing "\/"
 * becomes the same escape; any other escape pair is copied untouched, so "\\/" stays a backslash then a slash.
 */
function escapeSlashes(body) {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      if (body[i + 1] === '/') out += SLASH;
      else out += c + (body[i + 1] ?? '');
      i++;
    } else out += c === '/' ? SLASH : c;
  }
  return out;
}

/** Where "//", "/*" or another sequence an inline <script> must not hold first appears, or -1. */
export function forbiddenAt(text, extra = []) {
  const found = ['//', '/*', ...extra].map((s) => text.toLowerCase().indexOf(s)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : -1;
}

const around = (text, at) => JSON.stringify(text.slice(Math.max(0, at - 40), at + 40));

/** Visits every node of an acorn tree with its parent. */
function walk(node, parent, visit) {
  visit(node, parent);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, node, visit);
    } else if (value && typeof value.type === 'string' && key !== 'loc') walk(value, node, visit);
  }
}

/**
 * Script text HtmlService will not cut: comments removed, "/" escaped inside strings, template chunks
 * and regular expressions. Throws when something cannot be made safe (a tagged template holding "/",
 * whose raw text the code can read) or when anything forbidden is left, so the build fails.
 */
export function inlineSafeScript(code) {
  const edits = [];
  const ast = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    onComment: (block, _text, start, end) => edits.push({ start, end, text: block ? ' ' : '' }),
  });
  walk(ast, null, (node, parent) => {
    if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex)) {
      const raw = code.slice(node.start, node.end);
      // A regular expression is /body/flags; a string is the body between its two quotes.
      const close = node.regex ? raw.lastIndexOf('/') : raw.length - 1;
      const body = raw.slice(1, close);
      if (body.includes('/')) edits.push({ start: node.start, end: node.end, text: raw[0] + escapeSlashes(body) + raw.slice(close) });
    } else if (node.type === 'TemplateElement') {
      const raw = code.slice(node.start, node.end);
      if (!raw.includes('/')) return;
      if (parent?.type === 'TemplateLiteral' && parent.__tagged) {
        throw new Error(`A tagged template holds "/", which HtmlService may cut and which cannot be escaped without changing its raw text: ${around(code, node.start)}`);
      }
      edits.push({ start: node.start, end: node.end, text: escapeSlashes(raw) });
    } else if (node.type === 'TaggedTemplateExpression') {
      node.quasi.__tagged = true;
    }
  });
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  parse(out, { ecmaVersion: 'latest', sourceType: 'script' });
  const bad = forbiddenAt(out, ['</script', '<!--']);
  if (bad >= 0) throw new Error(`The sidebar script still holds "//", "/*", "</script" or "<!--" at ${bad}: ${around(out, bad)}`);
  return out;
}

/** Style text HtmlService will not cut: comments removed (outside strings); fails if "//" or "/*" remains. */
export function inlineSafeStyle(css) {
  let out = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('The sidebar style sheet has a comment that never ends ("/*" without "*/").');
      i = end + 1;
    } else out += c;
  }
  const bad = forbiddenAt(out, ['</style']);
  if (bad >= 0) throw new Error(`The sidebar style sheet holds "//" or "/*" outside a comment at ${bad} (e.g. in a url()): ${around(out, bad)}`);
  return out;
}
