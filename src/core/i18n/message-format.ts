// Message templates as translators write them: "{name}" placeholders, and plural or select choices in the
// ICU form "{count, plural, one {# account} other {# accounts}}" / "{kind, select, transactions {…} other {…}}".
// A small subset of ICU MessageFormat: enough for every sentence the product says, readable in a JSON file.

export type MessageParams = Record<string, string | number | boolean | null | undefined>;

interface Context {
  locale: string;
  params: MessageParams;
  /** The number "#" stands for inside a plural branch. */
  pound: number | null;
  formatNumber: (n: number) => string;
}

/** Formats a template; throws on a malformed template (a test checks every catalog entry parses). */
export function formatMessage(template: string, params: MessageParams, locale: string, formatNumber: (n: number) => string): string {
  return render(template, { locale, params, pound: null, formatNumber });
}

function render(text: string, ctx: Context): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" && (text[i + 1] === '{' || text[i + 1] === '}' || text[i + 1] === "'")) {
      // ICU quoting: '{' is a literal brace, '' a literal apostrophe.
      out += text[i + 1];
      i += 2;
    } else if (c === '{') {
      const end = matching(text, i);
      out += argument(text.slice(i + 1, end), ctx);
      i = end + 1;
    } else if (c === '#' && ctx.pound !== null) {
      out += ctx.formatNumber(ctx.pound);
      i++;
    } else if (c === '}') {
      throw new Error(`Unbalanced "}" at ${i} in message: ${text}`);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'" && (text[i + 1] === '{' || text[i + 1] === '}')) {
      i++;
      continue;
    }
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unclosed "{" at ${open} in message: ${text}`);
}

const pluralRules = new Map<string, Intl.PluralRules>();

function argument(body: string, ctx: Context): string {
  const comma = body.indexOf(',');
  const name = (comma < 0 ? body : body.slice(0, comma)).trim();
  if (!(name in ctx.params)) throw new Error(`Message needs the parameter "${name}"`);
  const value = ctx.params[name];
  if (comma < 0) {
    if (typeof value === 'number') return ctx.formatNumber(value);
    return value === null || value === undefined ? '' : String(value);
  }
  const rest = body.slice(comma + 1);
  const comma2 = rest.indexOf(',');
  const kind = rest.slice(0, comma2).trim();
  const branches = parseBranches(rest.slice(comma2 + 1));
  if (kind === 'plural') {
    const n = Number(value);
    let rules = pluralRules.get(ctx.locale);
    if (!rules) pluralRules.set(ctx.locale, (rules = new Intl.PluralRules(ctx.locale)));
    const chosen = branches.get(`=${n}`) ?? branches.get(rules.select(n)) ?? branches.get('other');
    if (chosen === undefined) throw new Error(`Plural "${name}" has no "other" branch`);
    return render(chosen, { ...ctx, pound: n });
  }
  if (kind === 'select') {
    const chosen = branches.get(String(value)) ?? branches.get('other');
    if (chosen === undefined) throw new Error(`Select "${name}" has no "other" branch`);
    return render(chosen, ctx);
  }
  throw new Error(`Unknown message argument type "${kind}" for "${name}"`);
}

function parseBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const open = text.indexOf('{', i);
    if (open < 0) throw new Error(`A choice branch has no "{…}": ${text}`);
    const key = text.slice(i, open).trim();
    const end = matching(text, open);
    branches.set(key, text.slice(open + 1, end));
    i = end + 1;
  }
  return branches;
}

/** The parameter names a template uses (placeholders and choices), for checking translations match. */
export function messageParameters(template: string): string[] {
  const names = new Set<string>();
  const walk = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "'" && (text[i + 1] === '{' || text[i + 1] === '}' || text[i + 1] === "'")) {
        i++;
        continue;
      }
      if (text[i] !== '{') continue;
      const end = matching(text, i);
      const body = text.slice(i + 1, end);
      const comma = body.indexOf(',');
      names.add((comma < 0 ? body : body.slice(0, comma)).trim());
      if (comma >= 0) {
        const rest = body.slice(comma + 1);
        for (const branch of parseBranches(rest.slice(rest.indexOf(',') + 1)).values()) walk(branch);
      }
      i = end;
    }
  };
  walk(template);
  return [...names].sort();
}
