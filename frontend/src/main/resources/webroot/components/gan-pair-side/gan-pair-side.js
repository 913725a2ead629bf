/**
 * Usage:
 *   <gan-pair-side data-side="a"></gan-pair-side>
 *   side.model = { side: 'a', label: 'collapse', run };   // run from the store (run-state.js shape)
 *   side.data = runData;                                  // the run's frame, histogram and step
 *   side.metricsArrived(); side.frameArrived(); side.modesArrived();
 *   side.addEventListener('gan-command', (e) => e.detail);   // {side, runId, type, ...} like a run panel's
 *
 * One side of the A/B view: the A or B badge and label, state and step, the run's collapse alarm banner on top
 * (big, over that side), its own transport controls, the plane and its per-mode histogram. Test hooks: the
 * wrapper is data-testid="side-a" / "side-b" and holds the plane canvas (data-testid="plane") and the alarm.
 */
import { html, setHtml } from '../../lib/html.js';
import { MODE_KINDS } from '../../protocol/messages.js';

class GanPairSide extends HTMLElement {
  #model = null; #data = null; #els = null; #config = null;

  connectedCallback() {
    if (this.#els) return;
    const side = this.dataset.side === 'b' ? 'b' : 'a';
    setHtml(this, html`<section class="pair-side" data-testid="side-${side}" data-side="${side}">
      <header class="side-header"><span class="side-badge">${side.toUpperCase()}</span><b class="side-label"></b>
        <span class="state-badge" data-testid="side-state"></span>
        <span class="stat">step <b data-testid="side-step">0</b></span></header>
      <p class="reason" hidden></p>
      <div class="banner-slot"><gan-alarm-banner class="big"></gan-alarm-banner></div>
      <gan-plane></gan-plane><gan-mode-histogram></gan-mode-histogram>
      <gan-control-panel></gan-control-panel></section>`);
    const q = (sel) => this.querySelector(sel);
    this.#els = { label: q('.side-label'), state: q('[data-testid=side-state]'), step: q('[data-testid=side-step]'),
      reason: q('.reason'), alarm: q('gan-alarm-banner'), plane: q('gan-plane'), hist: q('gan-mode-histogram'),
      controls: q('gan-control-panel') };
    const on = (type, fn) => this.addEventListener(type, (e) => { e.stopPropagation(); fn(e.detail); });
    on('gan-control', ({ action, phase, patch }) => (action === 'config'
      ? this.#command({ type: 'update_config', patch }) : this.#command({ type: action, phase })));
    on('gan-draw', ({ points }) => this.#command({ type: 'update_config', patch: { data: { kind: 'drawn', points } } }));
    on('gan-alarm-dismiss', () => this.#command({ type: 'dismiss_alarm' }));
    this.#update();
    this.data = this.#data;
  }

  set model(model) { this.#model = model; this.#update(); }

  set data(data) {
    this.#data = data;
    if (!this.#els) return;
    this.frameArrived();
    this.modesArrived();
    this.metricsArrived();
  }

  metricsArrived() { if (this.#els) this.#els.step.textContent = (this.#data?.step ?? this.#model?.run?.step ?? 0).toLocaleString('en-US'); }
  frameArrived() { if (this.#els) this.#els.plane.frame = this.#data?.frame ?? null; }
  modesArrived() { if (this.#els) this.#els.hist.modes = this.#data?.modes ?? null; }

  #command(detail) {
    const clean = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined));
    this.dispatchEvent(new CustomEvent('gan-command', { bubbles: true,
      detail: { side: this.#model?.side, runId: this.#model?.run?.runId ?? null, ...clean } }));
  }

  #update() {
    if (!this.#els || !this.#model) return;
    const { label, run } = this.#model;
    const e = this.#els;
    const config = run?.config ?? null;
    e.label.textContent = label;
    e.state.textContent = run?.state ?? '–';
    e.state.dataset.state = run?.state ?? 'none';
    e.reason.hidden = !run?.reason;
    e.reason.textContent = run?.reason ? `${run.state === 'failed' ? 'Failed' : 'Stopped'}: ${run.reason}` : '';
    e.alarm.alarm = run?.alarm ?? null;
    e.controls.state = { state: run?.state ?? null, itersPerTick: config?.view.itersPerTick ?? 10,
      slowMode: config?.view.slowMode ?? false };
    this.metricsArrived();
    if (config !== this.#config) {
      this.#config = config;
      e.plane.loss = config?.train.loss;
      e.plane.drawing = { enabled: config?.data.kind === 'drawn', points: config?.data.points ?? [] };
      e.hist.active = MODE_KINDS.includes(config?.data.kind);
    }
  }
}

export const registerGanPairSide = () => customElements.define('gan-pair-side', GanPairSide);
