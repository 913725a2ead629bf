/**
 * Usage:
 *   <gan-preset-picker></gan-preset-picker>
 *   picker.presets = hello.payload.presets; picker.selected = 'ring8';
 *   picker.addEventListener('gan-preset', (e) => e.detail.preset);   // the user picked another dataset
 *
 * The dataset/preset choice. The explanation of the selected preset is rendered by the element's
 * `explanationFor(id)` helper so the panel can place it beside the views.
 */
import { html, setHtml } from '../../lib/html.js';

class GanPresetPicker extends HTMLElement {
  #presets = []; #selected = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<label class="preset-label">Dataset <select data-testid="preset"></select></label>`);
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

  set selected(id) { this.#selected = id; this.#update(); }

  explanationFor(id) { return this.#presets.find((p) => p.id === id)?.explanation ?? ''; }

  nameFor(id) { return this.#presets.find((p) => p.id === id)?.name ?? id; }

  #update() {
    const select = this.querySelector('select');
    if (!select) return;
    if (select.dataset.rendered !== this.#presets.map((p) => p.id).join()) {
      setHtml(select, html`${this.#presets.map((p) => html`<option value="${p.id}">${p.name}</option>`)}`);
      select.dataset.rendered = this.#presets.map((p) => p.id).join();
    }
    select.value = this.#selected ?? '';
    select.disabled = this.#presets.length === 0;
  }
}

export const registerGanPresetPicker = () => customElements.define('gan-preset-picker', GanPresetPicker);
