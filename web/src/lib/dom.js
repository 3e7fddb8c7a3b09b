// HTML built from tagged templates: every interpolated value is escaped unless it is itself the
// result of html`…` (or raw()), so API data can never inject markup.

class Safe {
  constructor(s) { this.s = s; }
  toString() { return this.s; }
}

const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** esc escapes text for HTML content and attribute values. */
export function esc(v) {
  return String(v ?? "").replace(/[&<>"']/g, (c) => entities[c]);
}

/** raw marks a string as already-safe HTML. */
export function raw(s) { return new Safe(String(s)); }

function piece(v) {
  if (v instanceof Safe) return v.s;
  if (Array.isArray(v)) return v.map(piece).join("");
  if (v === false || v === null || v === undefined) return "";
  return esc(v);
}

/** html is a tagged template that escapes its values. */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Safe(out);
}

/** render replaces el's content. */
export function render(el, content) {
  el.innerHTML = piece(content);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** notice shows a message at the top of the page (kind: error, warn, ok, info). */
export function notice(kind, message, { timeout = 0, id } = {}) {
  const box = document.getElementById("notices");
  if (id) document.getElementById(id)?.remove();
  const el = document.createElement("div");
  el.className = `msg ${kind}`;
  if (id) el.id = id;
  el.setAttribute("role", kind === "error" ? "alert" : "status");
  el.innerHTML = piece(html`<div>${message}</div><button type="button" class="close" aria-label="Dismiss">×</button>`);
  el.querySelector(".close").addEventListener("click", () => el.remove());
  box.append(el);
  if (timeout) setTimeout(() => el.remove(), timeout);
  return el;
}

/** message renders an inline message box. */
export function message(kind, content) {
  return html`<div class="msg ${kind}" role="${kind === "error" ? "alert" : "status"}"><div>${content}</div></div>`;
}
