/**
 * Usage:
 *   <gan-pair-picker></gan-pair-picker>
 *   picker.open({ pairs: hello.payload.pairs, base: { label: 'ring8 r…', preset: 'ring8', config } | null });
 *   picker.addEventListener('gan-pair-create', (e) => e.detail);
 *     // {request: {pair} | {preset, overrides, variant}, name, labels: {a, b}}
 *   picker.busy = true; picker.error = 'message'; picker.close();   // the app reports the create_pair outcome
 *
 * The "Compare A/B" dialog: start a ready-made pair from hello (e.g. "collapse vs cure", with its explanation
 * and what differs), or "same as this run but change one setting": B is the run's config with one remedy or
 * hyperparameter changed (pair-state.js VARIANTS). Test hooks: data-testid="pair-picker", "pair-option" (one per
 * ready-made pair, data-pair=id), "variant-setting", "variant-value", "variant-create".
 */
import { html, setHtml } from '../../lib/html.js';
import { VARIANTS, variantDefault, variantPatch } from '../../app/pair-state.js';

class GanPairPicker extends HTMLElement {
  #dialog = null; #base = null; #pairs = [];

  connectedCallback() {
    if (this.#dialog) return;
    setHtml(this, html`<dialog class="pair-picker" data-testid="pair-picker"><form method="dialog">
      <h2>Compare A/B</h2><p class="muted">Two runs with the same seed and data, side by side, differing in one setting.</p>
      <section><h3>Ready-made pairs</h3><div class="pair-options"></div></section>
      <section class="variant"><h3>Same as this run, but change one setting</h3><p class="variant-base muted"></p>
        <label>Setting <select data-testid="variant-setting">${VARIANTS.map((v) =>
          html`<option value="${v.id}">${v.label}</option>`)}</select></label>
        <label>B's value <span class="variant-input"></span></label>
        <button type="button" class="primary" data-testid="variant-create">Create pair</button></section>
      <p class="notice" data-testid="pair-picker-error" role="alert" hidden></p>
      <menu><button value="cancel" data-testid="pair-picker-cancel">Close</button></menu></form></dialog>`);
    this.#dialog = this.querySelector('dialog');
    this.querySelector('.pair-options').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-pair]');
      if (!b) return;
      const p = this.#pairs.find((x) => x.id === b.dataset.pair);
      if (p) this.#create({ pair: p.id }, p.name, { a: p.a.label, b: p.b.label });
    });
    this.querySelector('[data-testid=variant-setting]').addEventListener('change', () => this.#renderValue());
    this.querySelector('[data-testid=variant-create]').addEventListener('click', () => this.#createVariant());
  }

  open({ pairs, base }) {
    this.#pairs = pairs ?? [];
    this.#base = base;
    setHtml(this.querySelector('.pair-options'), html`${this.#pairs.length ? this.#pairs.map((p) => html`<button type="button"
      class="pair-option" data-testid="pair-option" data-pair="${p.id}"><b>${p.name}</b><span>${p.explanation}</span>
      <small>A: ${p.a.label} · B: ${p.b.label}</small></button>`) : html`<p class="muted">The server offers none.</p>`}`);
    this.querySelector('.variant').hidden = !base?.config;
    this.querySelector('.variant-base').textContent = base ? `A: ${base.label}` : '';
    this.error = null;
    this.busy = false;
    this.#renderValue();
    if (!this.#dialog.open) this.#dialog.showModal();
  }

  close() { if (this.#dialog?.open) this.#dialog.close(); }

  set busy(busy) { for (const b of this.querySelectorAll('.pair-option, [data-testid=variant-create]')) b.disabled = busy; }

  set error(text) {
    const p = this.querySelector('[data-testid=pair-picker-error]');
    p.hidden = !text;
    p.textContent = text ?? '';
  }

  #renderValue() {
    const v = VARIANTS.find((x) => x.id === this.querySelector('[data-testid=variant-setting]').value);
    const value = this.#base?.config ? variantDefault(v.id, this.#base.config) : null;
    const slot = this.querySelector('.variant-input');
    if (v.kind === 'toggle') {
      setHtml(slot, html`<select data-testid="variant-value"><option value="true">on</option><option value="false">off</option></select>`);
    } else if (v.kind === 'select') {
      setHtml(slot, html`<select data-testid="variant-value">${v.options.map((o) => html`<option value="${o}">${o}</option>`)}</select>`);
    } else {
      setHtml(slot, html`<input type="number" data-testid="variant-value" min="${v.min}" max="${v.max}" step="${v.kind === 'int' ? 1 : 'any'}">`);
    }
    if (value !== null) slot.firstElementChild.value = String(value);
  }

  #createVariant() {
    const v = VARIANTS.find((x) => x.id === this.querySelector('[data-testid=variant-setting]').value);
    const raw = this.querySelector('[data-testid=variant-value]').value;
    const value = v.kind === 'toggle' ? raw === 'true' : v.kind === 'select' ? raw : Number(raw);
    if (typeof value === 'number' && (raw.trim() === '' || !Number.isFinite(value))) { this.error = 'enter a number'; return; }
    let variant;
    try { variant = variantPatch(v.id, this.#base.config, value); } catch (err) { this.error = err.message; return; }
    const show = (x) => (typeof x === 'boolean' ? (x ? 'on' : 'off') : String(x));
    const setting = v.label.replace(/ on\/off$| \(.*\)$/g, '');
    this.#create({ preset: this.#base.preset, overrides: this.#base.config, variant }, `this run vs ${setting} ${show(value)}`,
      { a: 'this run', b: `${setting} ${show(value)}` });
  }

  #create(request, name, labels) {
    this.error = null;
    this.dispatchEvent(new CustomEvent('gan-pair-create', { bubbles: true, detail: { request, name, labels } }));
  }
}

export const registerGanPairPicker = () => customElements.define('gan-pair-picker', GanPairPicker);
