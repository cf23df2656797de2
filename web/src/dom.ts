/** Tiny DOM helper: h('div', { class: 'x' }, 'text', child). Text is always set as text, never as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string | number | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

export function problemList(error: unknown): HTMLElement {
  const box = h('div', { class: 'problem', role: 'alert' });
  const e = error as { problem?: { title?: string; detail?: string; diagnostics?: { code: string; path: string; message: string; hint?: string }[] }; message?: string };
  box.append(h('strong', {}, e.problem?.title ?? 'Something went wrong'), h('p', {}, e.problem?.detail ?? e.message ?? String(error)));
  const diags = e.problem?.diagnostics ?? [];
  if (diags.length) {
    box.append(h('ul', {}, ...diags.map((d) => h('li', {}, h('code', {}, d.code), ' ', h('code', {}, d.path), ': ', d.message, d.hint ? ` (${d.hint})` : ''))));
  }
  return box;
}
