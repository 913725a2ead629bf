/**
 * Usage:
 *   <gan-growth-status></gan-growth-status>
 *   status.growth = header.growth;   // the images header's growth object, or null (hidden)
 *
 * A ProGAN run's growth: the current resolution of the maximum, the phase (fading in / stabilising / fully
 * grown), alpha (the new resolution's weight while it fades in) and a progress bar of the phase. Test hooks:
 * data-testid="growth-status" with data-resolution, data-phase and data-alpha; the bar is data-testid="growth-bar".
 */
import { html, setHtml } from '../../lib/html.js';
import { growthView } from '../../app/growth.js';

class GanGrowthStatus extends HTMLElement {
  #growth = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<div class="growth-status" data-testid="growth-status" role="status">
      <span class="growth-resolution"></span> <span class="growth-phase"></span> <span class="growth-alpha"></span>
      <progress max="1" data-testid="growth-bar"></progress> <small class="growth-images"></small></div>`);
    this.#update();
  }

  set growth(growth) { this.#growth = growth ?? null; this.#update(); }

  #update() {
    if (!this.firstChild) return;
    const v = growthView(this.#growth);
    this.hidden = !v;
    if (!v) return;
    const g = this.#growth;
    const box = this.querySelector('[data-testid=growth-status]');
    Object.assign(box.dataset, { resolution: String(g.resolution), phase: g.phase, alpha: String(g.alpha) });
    const q = (s) => this.querySelector(s);
    q('.growth-resolution').textContent = `${v.resolution} of ${v.max}`;
    q('.growth-phase').textContent = `· ${v.phase}`;
    q('.growth-alpha').textContent = v.fading ? `· alpha ${v.alpha}` : '';
    const bar = q('[data-testid=growth-bar]');
    bar.value = v.progress;
    bar.title = v.done ? 'training goes on at full resolution' : `${v.percent}% of this phase`;
    q('.growth-images').textContent = `${v.images} real images shown`;
  }
}

export const registerGanGrowthStatus = () => customElements.define('gan-growth-status', GanGrowthStatus);
