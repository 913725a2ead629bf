/**
 * Usage:
 *   import { html, setHtml } from '../lib/html.js';
 *   setHtml(el, html`<p title="${userText}">${userText}</p>`);
 *
 * A tagged template that HTML-escapes every interpolated value, so user or server text can never become markup.
 * Nested html`` results and arrays of them are inserted as-is; null, undefined and false render as nothing.
 * setHtml() refuses anything that did not come out of html``, so raw strings never reach innerHTML.
 */
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup built by html``; only this type may be assigned with setHtml(). */
export class SafeHtml {
  /** @param {string} value already-escaped markup */
  constructor(value) { this.value = value; }
  toString() { return this.value; }
}

/** @param {unknown} value @returns {string} the value as text with &, <, >, " and ' escaped */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(value) {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** @param {TemplateStringsArray} strings @param {...unknown} values @returns {SafeHtml} */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Replaces el's children with trusted markup from html``. */
export function setHtml(el, markup) {
  if (!(markup instanceof SafeHtml)) throw new TypeError('setHtml needs the result of html``');
  el.innerHTML = markup.value;
}
