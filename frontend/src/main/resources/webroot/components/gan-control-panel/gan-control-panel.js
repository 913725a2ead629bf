/**
 * Usage:
 *   <gan-control-panel></gan-control-panel>
 *   controls.state = { state: 'paused', itersPerTick: 10, slowMode: false };
 *   controls.addEventListener('gan-control', (e) => e.detail);
 *     // {action: 'start'|'pause'|'reset'} | {action: 'step', phase: 'd'|'g'|'both'} | {action: 'config', patch}
 *
 * GAN Lab's transport: play, pause, single steps of D, G or both, reset, the speed (view.itersPerTick, 1..200,
 * throttled while dragging) and slow mode (view.slowMode). Buttons enable per run state; the server decides.
 */
import { html, setHtml } from '../../lib/html.js';

const SPEED_THROTTLE_MS = 150;

class GanControlPanel extends HTMLElement {
  #state = { state: null, itersPerTick: 10, slowMode: false }; #speedTimer = 0; #dragging = false;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<div class="transport" role="toolbar" aria-label="training controls">
      <button type="button" class="primary" data-testid="play" data-action="start" title="train continuously">▶ Play</button>
      <button type="button" data-testid="pause" data-action="pause" title="pause after the current tick">❙❙ Pause</button>
      <button type="button" data-testid="step-d" data-action="step" data-phase="d" title="one discriminator update">Step D</button>
      <button type="button" data-testid="step-g" data-action="step" data-phase="g" title="one generator update">Step G</button>
      <button type="button" data-testid="step-both" data-action="step" data-phase="both" title="D steps then one G step">Step both</button>
      <button type="button" data-testid="reset" data-action="reset" title="new networks, step 0, history cleared">↺ Reset</button>
      </div>
      <div class="speed">
        <label>Speed <input type="range" min="1" max="200" step="1" data-testid="speed" aria-label="iterations per tick">
        <output class="speed-value"></output> steps/tick</label>
        <label title="one step per tick with a pause after it"><input type="checkbox" data-testid="slow-mode"> slow mode</label>
      </div>`);
    this.querySelector('.transport').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action]');
      if (b) this.#emit({ action: b.dataset.action, ...(b.dataset.phase ? { phase: b.dataset.phase } : {}) });
    });
    const speed = this.querySelector('[data-testid=speed]');
    speed.addEventListener('input', () => {
      this.#dragging = true;
      this.querySelector('.speed-value').textContent = speed.value;
      clearTimeout(this.#speedTimer);
      this.#speedTimer = setTimeout(() => this.#sendSpeed(), SPEED_THROTTLE_MS);
    });
    speed.addEventListener('change', () => { clearTimeout(this.#speedTimer); this.#sendSpeed(); this.#dragging = false; });
    this.querySelector('[data-testid=slow-mode]').addEventListener('change', (e) =>
      this.#emit({ action: 'config', patch: { view: { slowMode: e.target.checked } } }));
    this.#update();
  }

  set state(state) {
    this.#state = { ...this.#state, ...state };
    this.#update();
  }

  #sendSpeed() {
    const v = Number(this.querySelector('[data-testid=speed]').value);
    if (v !== this.#state.itersPerTick) this.#emit({ action: 'config', patch: { view: { itersPerTick: v } } });
  }

  #emit(detail) { this.dispatchEvent(new CustomEvent('gan-control', { bubbles: true, detail })); }

  #update() {
    if (!this.firstChild) return;
    const s = this.#state.state;
    const live = s !== 'stopped' && s !== 'failed';
    // Queued (waiting for a training slot): Pause takes the run out of the queue, a step leaves it too.
    const enable = { start: live && s !== 'running' && s !== 'queued', pause: s === 'running' || s === 'queued',
      step: live && s !== 'running',
      reset: s !== 'stopped' };
    for (const b of this.querySelectorAll('button[data-action]')) b.disabled = !enable[b.dataset.action];
    const speed = this.querySelector('[data-testid=speed]');
    if (!this.#dragging && document.activeElement !== speed) {
      speed.value = String(Math.min(200, this.#state.itersPerTick));
      this.querySelector('.speed-value').textContent = String(this.#state.itersPerTick);
    }
    this.querySelector('[data-testid=slow-mode]').checked = this.#state.slowMode;
    speed.disabled = this.#state.slowMode;
  }
}

export const registerGanControlPanel = () => customElements.define('gan-control-panel', GanControlPanel);
