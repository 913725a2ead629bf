/**
 * Usage:
 *   <gan-style-mixer hidden></gan-style-mixer>   (gan-image-view shows it for StyleGAN runs)
 *   mixer.config = runConfig;                     // psi slider and layer selector follow the run's view config
 *   mixer.images = imagesFrame;                   // {header, sections}: shows sections.mixing and sections.noise
 *   mixer.addEventListener('gan-config', (e) => e.detail.patch);   // {view: {truncationPsi: 0.4}} or {view: {mixLayers}}
 *
 * StyleGAN's live views (Karras et al. 2019, Fig. 3 and 4): the style-mixing grid (row 0 the B sources, column 0
 * the A sources, each cell A with B's coarse, middle or fine styles), a coarse/middle/fine selector, a truncation
 * slider psi 0..1 (the server re-renders at once, also while paused; training is not touched) and the noise strip.
 * Test hooks: data-testid="mixing-grid" (data-frame, data-psi, data-layers of the picture on screen),
 * "psi-slider", "psi-value", "mix-layers" (radio inputs, value coarse | middle | fine), "noise-strip",
 * "mix-caption".
 */
import { html, setHtml } from '../../lib/html.js';
import { CrispImage, RecentObjectUrls } from '../../lib/crisp-image.js';
import { sectionBlob } from '../../protocol/frame.js';
import { MIX_GROUPS, mixCaption, mixLayersPatch, noiseCaption, psiPatch } from '../../app/style-mixer.js';

class GanStyleMixer extends HTMLElement {
  #els = null; #config = null; #images = null; #urls = new RecentObjectUrls(); #shownFrame = null;

  connectedCallback() {
    if (this.#els) return;
    setHtml(this, html`<fieldset class="style-mixer"><legend>Style mixing</legend>
      <div class="mix-controls">
        <span class="mix-layers" role="radiogroup" aria-label="styles taken from B">B gives the
          ${MIX_GROUPS.map((g) => html`<label title="${g.hint}"><input type="radio" name="mix-layers"
            data-testid="mix-layers" value="${g.value}"> ${g.label}</label>`)} styles</span>
        <label class="psi">truncation ψ <input type="range" data-testid="psi-slider" min="0" max="1" step="0.05"
          aria-label="truncation psi"> <output data-testid="psi-value"></output></label>
      </div>
      <img data-testid="mixing-grid" alt="style-mixing grid" draggable="false">
      <small data-testid="mix-caption"></small>
      <img data-testid="noise-strip" alt="noise view: one w, several noise draws" draggable="false">
      <small data-testid="noise-caption"></small></fieldset>`);
    const q = (s) => this.querySelector(s);
    this.#els = { grid: new CrispImage(q('[data-testid=mixing-grid]'), { minCss: 200 }), noise: new CrispImage(q('[data-testid=noise-strip]')),
      slider: q('[data-testid=psi-slider]'), value: q('[data-testid=psi-value]'), caption: q('[data-testid=mix-caption]'),
      noiseCaption: q('[data-testid=noise-caption]') };
    // Live while dragging, like the server's other live fields: each committed value is one update_config.
    this.#els.slider.addEventListener('input', () => { this.#els.value.textContent = Number(this.#els.slider.value).toFixed(2); });
    this.#els.slider.addEventListener('change', () => this.#send(psiPatch(this.#els.slider.value)));
    this.querySelector('.mix-layers').addEventListener('change', (e) => this.#send(mixLayersPatch(e.target.value)));
    this.#update();
  }

  disconnectedCallback() { this.#urls.clear(); this.#shownFrame = null; }

  set config(config) { this.#config = config; this.#update(); }

  set images(images) { this.#images = images; this.#update(); }

  fit(avail) { this.#els?.grid.fit(avail); this.#els?.noise.fit(avail); }

  #send(patch) {
    if (patch) this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: { patch } }));
  }

  #update() {
    const e = this.#els;
    if (!e) return;
    const view = this.#config?.view;
    if (view && document.activeElement !== e.slider) {
      e.slider.value = String(view.truncationPsi);
      e.value.textContent = Number(view.truncationPsi).toFixed(2);
    }
    for (const r of this.querySelectorAll('[data-testid=mix-layers]')) r.checked = r.value === view?.mixLayers;
    const images = this.#images;
    const style = images?.header?.style;
    if (!style || !images.sections.mixing || images.header.frame === this.#shownFrame) return;
    this.#shownFrame = images.header.frame;
    const urls = this.#urls.make({ mixing: sectionBlob(images.sections.mixing),
      noise: images.sections.noise ? sectionBlob(images.sections.noise) : null });
    e.grid.show(urls.mixing).then((ok) => {
      if (!ok) return;
      Object.assign(e.grid.element.dataset, { frame: String(images.header.frame), psi: String(style.psi), layers: style.mix.layers });
    });
    e.noise.show(urls.noise);
    e.caption.textContent = mixCaption(style);
    e.noiseCaption.textContent = noiseCaption(style);
  }
}

export const registerGanStyleMixer = () => customElements.define('gan-style-mixer', GanStyleMixer);
