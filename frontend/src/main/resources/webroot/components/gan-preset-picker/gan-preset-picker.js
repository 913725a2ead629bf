/**
 * Usage:
 *   <gan-preset-picker></gan-preset-picker>
 *   picker.presets = hello.payload.presets; picker.datasets = hello.payload.datasets; picker.selected = 'ring8';
 *   picker.error = 'Fashion-MNIST is not installed: …';   // e.g. an invalid_config on /data/kind, or null
 *   picker.addEventListener('gan-preset', (e) => e.detail.preset);   // the user picked another dataset
 *
 * The dataset/preset choice, grouped "Points" and "Images" (app/presets.js). A preset whose dataset the server
 * lacks is listed disabled, with the server's hint as its tooltip and as a visible note under the picker. The
 * explanation of the selected preset is rendered by the element's `explanationFor(id)` helper so the panel can
 * place it beside the views. Test hooks: data-testid preset (the select; options carry data-available),
 * preset-notes, preset-error.
 */
import { html, setHtml } from '../../lib/html.js';
import { presetGroups, unavailableNotes } from '../../app/presets.js';

class GanPresetPicker extends HTMLElement {
  #presets = []; #datasets = []; #selected = null; #error = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<label class="preset-label">Dataset <select data-testid="preset"></select></label>
      <small class="preset-error" data-testid="preset-error" role="alert" hidden></small>
      <small class="preset-notes" data-testid="preset-notes" hidden></small>`);
    this.querySelector('select').addEventListener('change', (e) => {
      const preset = e.target.value;
      e.target.value = this.#selected ?? ''; // the panel decides (it may ask first); the next update shows the result
      this.dispatchEvent(new CustomEvent('gan-preset', { bubbles: true, detail: { preset } }));
    });
    this.#update();
  }

  set presets(presets) {
    if (presets === this.#presets) return;
    this.#presets = presets ?? [];
    this.#update();
  }

  set datasets(datasets) {
    if (datasets === this.#datasets) return;
    this.#datasets = datasets ?? [];
    this.#update();
  }

  set selected(id) { this.#selected = id; this.#update(); }

  set error(message) { this.#error = message || null; this.#update(); }

  explanationFor(id) { return this.#presets.find((p) => p.id === id)?.explanation ?? ''; }

  nameFor(id) { return this.#presets.find((p) => p.id === id)?.name ?? id; }

  #update() {
    const select = this.querySelector('select');
    if (!select) return;
    const groups = presetGroups(this.#presets, this.#datasets);
    const key = JSON.stringify(groups.map((g) => g.presets.map((p) => [p.id, p.available])));
    if (select.dataset.rendered !== key) {
      setHtml(select, html`${groups.map((g) => html`<optgroup label="${g.label}">${g.presets.map((p) => html`<option
        value="${p.id}" data-available="${p.available}" ${p.available ? '' : html`disabled`} title="${p.note || null}">${p.name}${
        p.available ? '' : ' (unavailable)'}</option>`)}</optgroup>`)}`);
      select.dataset.rendered = key;
    }
    select.value = this.#selected ?? '';
    select.disabled = this.#presets.length === 0;
    const notes = unavailableNotes(groups).filter((n) => n !== this.#error); // the error already says it
    const box = this.querySelector('[data-testid=preset-notes]');
    box.hidden = notes.length === 0;
    setHtml(box, html`${notes.map((n) => html`<span class="preset-note">${n}</span>`)}`);
    const err = this.querySelector('[data-testid=preset-error]');
    err.hidden = !this.#error;
    err.textContent = this.#error ?? '';
  }
}

export const registerGanPresetPicker = () => customElements.define('gan-preset-picker', GanPresetPicker);
