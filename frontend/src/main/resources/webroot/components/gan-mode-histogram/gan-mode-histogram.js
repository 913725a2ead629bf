/**
 * Usage:
 *   <gan-mode-histogram></gan-mode-histogram>
 *   hist.active = true;          // the dataset has modes (ring8, grid25, drawn); hidden otherwise
 *   hist.modes = modesPayload;   // the latest `modes` message's payload (or null); drawn on the next frame
 *
 * The per-mode histogram under the plane: one bar per mode, height = HQ samples out of `samples`, a dashed line
 * at 1% (covered), and a red, empty slot for every mode with no sample. The caption reads "captured k / K".
 * A canvas sized for devicePixelRatio with bars snapped to whole pixels. Test hooks: the canvas is
 * data-testid="mode-histogram" with data-captured, data-modes and data-step; the caption is "modes-captured".
 */
import { html, setHtml } from '../../lib/html.js';
import { histogramModel, barLayout, capturedText } from '../../charts/mode-histogram.js';
import { cssColor } from '../../charts/uplot-options.js';

class GanModeHistogram extends HTMLElement {
  #canvas = null; #payload = null; #active = false; #raf = 0; #resize;

  connectedCallback() {
    if (this.#canvas) { this.#resize?.observe(this); return; }
    setHtml(this, html`<div class="hist-head"><span class="hist-title">Samples per mode</span>
      <b class="hist-captured" data-testid="modes-captured"></b><span class="hist-step"></span></div>
      <div class="hist-wrap"><canvas data-testid="mode-histogram" aria-label="high-quality samples per mode"></canvas></div>`);
    this.#canvas = this.querySelector('canvas');
    this.#resize = new ResizeObserver(() => this.#schedule());
    this.#resize.observe(this.querySelector('.hist-wrap'));
    this.#update();
  }

  disconnectedCallback() { this.#resize?.disconnect(); cancelAnimationFrame(this.#raf); this.#raf = 0; }

  set active(active) { this.#active = Boolean(active); this.#update(); }
  set modes(payload) { this.#payload = payload ?? null; this.#update(); }

  #update() {
    if (!this.#canvas) return;
    const model = this.#active ? histogramModel(this.#payload) : null;
    this.hidden = !this.#active;
    const cap = this.querySelector('.hist-captured');
    cap.textContent = model ? capturedText(model) : 'waiting for the first evaluation';
    cap.classList.toggle('bad', Boolean(model) && model.captured < model.modes);
    this.querySelector('.hist-step').textContent = model?.step != null ? `step ${model.step.toLocaleString('en-US')}` : '';
    Object.assign(this.#canvas.dataset, { captured: String(model?.captured ?? 0), modes: String(model?.modes ?? 0),
      step: String(model?.step ?? '') });
    this.#schedule();
  }

  #schedule() {
    if (!this.#raf) this.#raf = requestAnimationFrame(() => { this.#raf = 0; this.#draw(); });
  }

  #draw() {
    const wrap = this.querySelector('.hist-wrap');
    const w = Math.floor(wrap.clientWidth);
    const h = Math.floor(wrap.clientHeight);
    if (w <= 0 || h <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (this.#canvas.width !== Math.round(w * dpr) || this.#canvas.height !== Math.round(h * dpr)) {
      Object.assign(this.#canvas, { width: Math.round(w * dpr), height: Math.round(h * dpr) });
      Object.assign(this.#canvas.style, { width: `${w}px`, height: `${h}px` });
    }
    const ctx = this.#canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const model = this.#active ? histogramModel(this.#payload) : null;
    if (!model) return;
    const labelH = model.modes <= 32 ? 14 : 0;
    const plotH = h - labelH - 2;
    const ok = cssColor('--c-modes-captured', '#008837');
    const bad = cssColor('--error', '#b42318');
    for (const b of barLayout(model, w, plotH)) {
      if (b.empty) {
        ctx.fillStyle = 'rgba(180,35,24,0.10)';
        ctx.fillRect(b.x, 1, b.w, plotH - 1);
        ctx.strokeStyle = bad;
        ctx.lineWidth = 1;
        ctx.strokeRect(b.x + 0.5, 1.5, b.w - 1, plotH - 2);
      } else {
        ctx.fillStyle = b.covered ? ok : 'rgba(0,136,55,0.45)';
        ctx.fillRect(b.x, b.y + 1, b.w, b.h);
      }
      if (labelH) {
        ctx.fillStyle = b.empty ? bad : 'rgba(0,0,0,0.6)';
        ctx.font = '11px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText(String(b.index + 1), b.x + b.w / 2, h - 3);
      }
    }
    const y1 = Math.round(plotH - (model.coveredMin / model.maxCount) * plotH) + 0.5; // the 1% (covered) line
    ctx.strokeStyle = 'rgba(0,0,0,0.45)';
    ctx.setLineDash([3, 3]);
    ctx.beginPath(); ctx.moveTo(0, y1); ctx.lineTo(w, y1); ctx.stroke();
    ctx.setLineDash([]);
  }
}

export const registerGanModeHistogram = () => customElements.define('gan-mode-histogram', GanModeHistogram);
