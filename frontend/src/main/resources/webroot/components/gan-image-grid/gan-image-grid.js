/**
 * Usage:
 *   <gan-image-grid></gan-image-grid>
 *   await grid.show({ src, grid: header.grid, frame: 12, step: 240, live: true });   // true once on screen
 *   grid.endpoints = { from: 0, to: 63 }; grid.fit(availableCssWidth);
 *   grid.addEventListener('gan-tile', (e) => e.detail.index);            // a tile was clicked
 *
 * The fixed-z sample grid of an image run, crisp and large, with one transparent button over each tile so a
 * click (or Enter) picks that sample; the latent walk's endpoints are outlined. Test hooks: the picture is
 * data-testid="image-grid" with data-frame and data-step of the frame on screen (they change when the grid
 * changes) and the caption "step 240" is data-testid="grid-step"; each tile button is data-testid="grid-tile" with data-index, and class walk-from / walk-to.
 */
import { html, setHtml } from '../../lib/html.js';
import { CrispImage } from '../../lib/crisp-image.js';
import { gridLayout, tileRect } from '../../charts/image-grid.js';

const MIN_GRID_CSS = 280;

class GanImageGrid extends HTMLElement {
  #pic = null; #layoutKey = ''; #endpoints = { from: null, to: null };

  connectedCallback() {
    if (this.#pic) return;
    setHtml(this, html`<div class="grid-frame"><img data-testid="image-grid" alt="generated samples, one per fixed z"
      draggable="false"><div class="grid-tiles" role="group" aria-label="samples: pick the latent walk's endpoints"></div></div>
      <div class="grid-caption" data-testid="grid-step"></div>`);
    this.#pic = new CrispImage(this.querySelector('img'), { minCss: MIN_GRID_CSS });
    this.querySelector('.grid-tiles').addEventListener('click', (e) => {
      const tile = e.target.closest('button[data-index]');
      if (tile) this.dispatchEvent(new CustomEvent('gan-tile', { bubbles: true, detail: { index: Number(tile.dataset.index) } }));
    });
  }

  async show({ src, grid, frame, step, live = true }) {
    if (!this.#pic) return false;
    const ok = await this.#pic.show(src);
    if (!ok) return false;
    const img = this.#pic.element;
    Object.assign(img.dataset, { frame: String(frame ?? ''), step: String(step ?? '') });
    img.alt = `generated samples at step ${step}`;
    const caption = this.querySelector('[data-testid=grid-step]');
    caption.textContent = `step ${Number(step).toLocaleString('en-US')}${live ? '' : ` · timeline frame ${frame}`}`;
    caption.classList.toggle('past', !live);
    if (grid) this.#tiles(gridLayout(grid, img.naturalWidth, img.naturalHeight));
    return true;
  }

  set endpoints(endpoints) { this.#endpoints = endpoints; this.#mark(); }

  fit(avail) { this.#pic?.fit(avail); }

  #tiles(layout) {
    const key = `${layout.cols}x${layout.rows}/${layout.tileW}x${layout.tileH}+${layout.gap}`;
    if (key === this.#layoutKey) return;
    this.#layoutKey = key;
    const n = layout.cols * layout.rows;
    setHtml(this.querySelector('.grid-tiles'), html`${Array.from({ length: n }, (_, i) => {
      const r = tileRect(layout, i);
      return html`<button type="button" class="grid-tile" data-testid="grid-tile" data-index="${i}" title="sample ${i}"
        style="left:${r.left}%;top:${r.top}%;width:${r.width}%;height:${r.height}%"></button>`;
    })}`);
    this.#mark();
  }

  #mark() {
    for (const b of this.querySelectorAll('.grid-tile')) {
      const i = Number(b.dataset.index);
      b.classList.toggle('walk-from', i === this.#endpoints.from);
      b.classList.toggle('walk-to', i === this.#endpoints.to);
      b.title = i === this.#endpoints.from ? `sample ${i}: the walk starts here`
        : i === this.#endpoints.to ? `sample ${i}: the walk ends here` : `sample ${i}: click to make it a walk endpoint`;
    }
  }
}

export const registerGanImageGrid = () => customElements.define('gan-image-grid', GanImageGrid);
