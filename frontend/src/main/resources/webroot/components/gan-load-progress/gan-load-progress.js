/**
 * Usage:
 *   <gan-load-progress></gan-load-progress>
 *   bar.progress = { task: 'classifier', message: 'epoch 2 of 3', fraction: 0.6, done: false };   // or null
 *
 * The progress bar an image run shows while its dataset loads or its class classifier trains (the `progress`
 * messages, first use only); hidden when there is none or it is done. Test hook: data-testid="progress" with
 * data-task and data-fraction; an unknown fraction shows an indeterminate bar.
 */
import { html, setHtml } from '../../lib/html.js';

const TASKS = { dataset: 'Loading the dataset', classifier: 'Training the class classifier' };

class GanLoadProgress extends HTMLElement {
  #progress = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<div class="load-progress" data-testid="progress" role="status"><span class="progress-text"></span>
      <progress max="1"></progress></div>`);
    this.#update();
  }

  set progress(progress) { this.#progress = progress ?? null; this.#update(); }

  #update() {
    if (!this.firstChild) return;
    const p = this.#progress;
    this.hidden = !p || p.done;
    if (this.hidden) return;
    const box = this.querySelector('[data-testid=progress]');
    Object.assign(box.dataset, { task: p.task, fraction: String(p.fraction ?? '') });
    const pct = p.fraction == null ? '' : ` (${Math.round(100 * p.fraction)}%)`;
    this.querySelector('.progress-text').textContent = `${TASKS[p.task] ?? p.task}${p.message ? `: ${p.message}` : ''}${pct}`;
    const bar = this.querySelector('progress');
    if (p.fraction == null) bar.removeAttribute('value'); else bar.value = p.fraction;
  }
}

export const registerGanLoadProgress = () => customElements.define('gan-load-progress', GanLoadProgress);
