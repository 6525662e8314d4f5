// The manifest's own words (ribbon group and buttons, their tooltips, the "get started" callout, the
// add-in's description) in Spanish: each English DefaultValue is checked against the catalog key
// manifest.<resid> in en.json and gets one <Override Locale="…" Value="…"/> per Spanish locale from es.json.
// Microsoft: OfficeDev/office-js-docs-pr docs/develop/localization.md ("Control localization from the
// manifest": Description and Resources take Override children, one per locale; the bare language is not
// supported everywhere) and OfficeDev/office-js-docs-reference docs/manifest/override.md.

/** Office's length limits: ShortStrings 125, LongStrings 250 (docs/manifest/resources.md), Description 250 (docs/manifest/description.md). */
const LIMITS = { 'bt:ShortStrings': 125, 'bt:LongStrings': 250, Description: 250 };

const unescapeXml = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function textOf(catalog, language, key) {
  const text = catalog[key];
  if (typeof text !== 'string' || !text.trim()) {
    throw new Error(`manifest.xml: "${key}" has no text in src/core/i18n/catalogs/${language}.json. Add it (every word the manifest shows, in every language).`);
  }
  if (/[{}]/.test(text)) throw new Error(`manifest.xml: "${key}" in src/core/i18n/catalogs/${language}.json has a placeholder; the manifest shows it as written.`);
  return text;
}

/**
 * The manifest with Spanish overrides for every string that has a manifest.<id> key. `locales` are the
 * Office locales that read Spanish (es-ES, es-MX). Strings without a key (the namespace "KAM", the brand
 * "KAM Portfolio") are left as they are.
 */
export function localizeManifest(manifest, en, es, locales) {
  const limitOf = (position) => {
    const open = ['bt:ShortStrings', 'bt:LongStrings'].filter((tag) => manifest.lastIndexOf(`<${tag}>`, position) > manifest.lastIndexOf(`</${tag}>`, position));
    return LIMITS[open[0]];
  };
  const overrides = (key, prefix, limit) => {
    const text = textOf(es, 'es', key);
    if (limit && text.length > limit) throw new Error(`manifest.xml: "${key}" in src/core/i18n/catalogs/es.json is ${text.length} characters; Office allows ${limit} there. Shorten it.`);
    return locales.map((locale) => `<${prefix}Override Locale="${locale}" Value="${escapeXml(text)}"/>`);
  };
  const check = (key, defaultValue) => {
    if (unescapeXml(defaultValue) !== textOf(en, 'en', key)) {
      throw new Error(`manifest.xml: the DefaultValue "${unescapeXml(defaultValue)}" differs from "${key}" in src/core/i18n/catalogs/en.json. Make them the same.`);
    }
  };
  let out = manifest.replace(/^(\s*)<bt:String id="([^"]+)" DefaultValue="([^"]*)"\/>/gm, (whole, indent, id, value, offset) => {
    const key = `manifest.${id}`;
    if (!(key in en)) return whole;
    check(key, value);
    const children = overrides(key, 'bt:', limitOf(offset)).map((o) => `${indent}  ${o}`).join('\n');
    return `${indent}<bt:String id="${id}" DefaultValue="${value}">\n${children}\n${indent}</bt:String>`;
  });
  out = out.replace(/^(\s*)<Description DefaultValue="([^"]*)"\/>/m, (whole, indent, value) => {
    check('manifest.Description', value);
    const children = overrides('manifest.Description', '', LIMITS.Description).map((o) => `${indent}  ${o}`).join('\n');
    return `${indent}<Description DefaultValue="${value}">\n${children}\n${indent}</Description>`;
  });
  for (const key of Object.keys(en).filter((k) => k.startsWith('manifest.'))) {
    const id = key.slice('manifest.'.length);
    if (id !== 'Description' && !manifest.includes(`<bt:String id="${id}"`)) throw new Error(`manifest.xml: the catalogs have "${key}" but the manifest has no string ${id}. Remove the key or add the string.`);
  }
  return out;
}
