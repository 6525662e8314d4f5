// Small DOM helpers: every text goes in through textContent, never as markup.

type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name in node && typeof value !== 'string') (node as unknown as Record<string, unknown>)[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

let ids = 0;
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

/**
 * A labelled control: the label names the control for screen readers; a hint and an error line (empty
 * until the value is wrong) are tied to it with aria-describedby. `key` names the field for the checks.
 */
export function field(labelText: string, control: HTMLInputElement | HTMLSelectElement, hint?: string, key?: string): HTMLElement {
  if (!control.id) control.id = uid('f');
  const label = el('label', { for: control.id, text: labelText });
  const wrap = el('div', { class: 'field' }, label, control);
  const described: string[] = [];
  if (hint) {
    const h = el('p', { class: 'hint', id: uid('h'), text: hint });
    described.push(h.id);
    wrap.append(h);
  }
  if (key) {
    const error = el('p', { class: 'field-error', id: uid('e'), 'data-error-for': key, 'aria-live': 'polite' });
    control.dataset.field = key;
    described.push(error.id);
    wrap.append(error);
  }
  if (described.length) control.setAttribute('aria-describedby', described.join(' '));
  return wrap;
}

/** An error line for a rule about a whole list (at least one factor with points, …). */
export function groupError(key: string): HTMLElement {
  return el('p', { class: 'field-error', id: uid('e'), 'data-error-for': key, 'aria-live': 'polite' });
}

export function select(options: { value: string; label: string }[], value: string): HTMLSelectElement {
  const s = el('select');
  for (const o of options) s.append(el('option', { value: o.value, text: o.label }));
  s.value = value;
  return s;
}

/** A text box for a number: shows it as people read it, takes what they type (grouping, %, the locale's decimal mark). */
export function numberBox(text: string, attrs: Attrs = {}): HTMLInputElement {
  return el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: false, value: text, ...attrs });
}

/** An SVG picture from text whose data parts are already escaped (matrixSvg), parsed as SVG, not HTML. */
export function svgNode(svg: string): Node {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return document.importNode(doc.documentElement, true);
}

/** Lets the page paint (a status line, a progress bar) before a long piece of work. */
export const paint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
