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

/** A labelled control: the label names the control for screen readers. */
export function field(labelText: string, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  if (!control.id) control.id = uid('f');
  const label = el('label', { for: control.id, text: labelText });
  const wrap = el('div', { class: 'field' }, label, control);
  if (hint) {
    const h = el('p', { class: 'hint', id: uid('h'), text: hint });
    control.setAttribute('aria-describedby', h.id);
    wrap.append(h);
  }
  return wrap;
}

export function select(options: { value: string; label: string }[], value: string): HTMLSelectElement {
  const s = el('select');
  for (const o of options) s.append(el('option', { value: o.value, text: o.label }));
  s.value = value;
  return s;
}

export function numberInput(value: number | null, attrs: Attrs = {}): HTMLInputElement {
  return el("input", { type: "number", step: "any", inputmode: "decimal", value: value === null ? "" : String(Number(value.toPrecision(12))), ...attrs });
}

/** An SVG picture from text whose data parts are already escaped (matrixSvg), parsed as SVG, not HTML. */
export function svgNode(svg: string): Node {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return document.importNode(doc.documentElement, true);
}
