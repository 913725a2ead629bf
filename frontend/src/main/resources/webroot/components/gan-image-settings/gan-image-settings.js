/**
 * Usage:
 *   <gan-image-settings></gan-image-settings>
 *   form.config = runConfig; form.errors = { '/view/gridSize': 'must be in [2, 10], found 12' };
 *   form.addEventListener('gan-config', (e) => e.detail.patch);   // e.g. {view: {gridSize: 6}}
 *
 * The view settings of an image run (image-protocol.md), live like the training form: each committed change
 * sends a one-field patch at once; the server sends a new images frame with them. The walk's endpoints are
 * picked on the grid itself (gan-image-grid), not here. Test hooks: inputs named by pointer, e.g.
 * [name="/view/gridSize"].
 */
import { html, setHtml } from '../../lib/html.js';
import { isStyleConfig } from '../../protocol/messages.js';
import { fieldRow, showFieldErrors, errorsForFields, liveFieldPatch, writeLiveFields } from '../../lib/form-fields.js';

/** View fields only StyleGAN runs use (psi and the layer group are on the mixer itself). */
const STYLE_ONLY = ['/view/mixSources', '/view/noiseSamples'];

class GanImageSettings extends HTMLElement {
  #config = null; #serverErrors = {}; #localErrors = {};

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<form class="config-form" novalidate><fieldset><legend>Images (changes apply live)</legend>
      ${fieldRow({ pointer: '/view/gridSize', label: 'grid side (samples)', kind: 'int', min: 2, max: 10,
        hint: 'the grid shows side x side samples, each from a fixed z' })}
      ${fieldRow({ pointer: '/view/walkSteps', label: 'latent walk images', kind: 'int', min: 3, max: 16 })}
      ${fieldRow({ pointer: '/view/imageEvery', label: 'new images every (steps)', kind: 'int', min: 1, max: 10000 })}
      ${fieldRow({ pointer: '/view/timelineFrames', label: 'timeline keeps (frames)', kind: 'int', min: 16, max: 2000,
        hint: 'older frames are thinned evenly beyond this; the newest is always kept' })}
      ${fieldRow({ pointer: '/view/evalEvery', label: 'evaluate every (steps)', kind: 'int', min: 10, max: 100000,
        hint: 'class histogram, classes covered, KL to uniform, Fréchet classifier distance' })}
      ${fieldRow({ pointer: '/view/mixSources', label: 'mixing sources per side', kind: 'int', min: 2, max: 6,
        hint: 'StyleGAN: A sources (rows) and B sources (columns) of the mixing grid' })}
      ${fieldRow({ pointer: '/view/noiseSamples', label: 'noise draws', kind: 'int', min: 2, max: 8,
        hint: 'StyleGAN: images of one w with fresh noise in the noise view' })}
      </fieldset></form>`);
    this.querySelector('form').addEventListener('change', (e) => {
      const patch = liveFieldPatch(e.target, this.#localErrors);
      if (patch) this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: { patch } }));
      this.#showErrors();
    });
    this.querySelector('form').addEventListener('submit', (e) => e.preventDefault());
    this.#update();
  }

  set config(config) { this.#config = config; this.#update(); }
  set errors(errors) { this.#serverErrors = errors ?? {}; this.#showErrors(); }

  #update() {
    if (!this.firstChild || !this.#config) return;
    for (const p of STYLE_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = !isStyleConfig(this.#config);
    writeLiveFields(this, this.#config, this.#localErrors);
  }

  #showErrors() {
    if (this.firstChild) showFieldErrors(this, { ...errorsForFields(this, this.#serverErrors), ...this.#localErrors });
  }
}

export const registerGanImageSettings = () => customElements.define('gan-image-settings', GanImageSettings);
