/**
 * Usage:
 *   <gan-plane></gan-plane>
 *   plane.frame = decodedFrame;           // drawn on the next animation frame
 *   plane.loss = 'hinge';                 // how D's scores map to colour
 *   plane.drawing = { enabled: true, points: [[x, y], ...] };   // "draw your own" mode and the current drawing
 *   plane.addEventListener('gan-draw', (e) => e.detail.points);  // throttled, at most 2000 points
 *
 * The 2D view: D's heatmap, G's manifold, real and fake points and G's gradient arrows, with toggles per layer.
 * The canvas (data-testid="plane") is sized for devicePixelRatio and carries data-fake-count and
 * data-frame-step of the last frame drawn. Axis bounds come from each frame's header.
 */
import { html, setHtml } from '../../lib/html.js';
import { drawFrame, drawPoints, planeMap } from '../../charts/plane-render.js';

const MAX_POINTS = 2000;
const DRAW_THROTTLE_MS = 250;
const LAYERS = [['heatmap', 'D heatmap'], ['real', 'real'], ['fake', 'fake'], ['arrows', 'G gradients'], ['manifold', 'manifold']];

class GanPlane extends HTMLElement {
  #canvas; #frame = null; #raf = 0; #show = { heatmap: true, real: true, fake: true, arrows: true, manifold: true };
  #drawing = { enabled: false, points: [] }; #dirtyPoints = false; #drawTimer = 0; #pointerDown = false;
  #bounds = [-2, 2, -2, 2]; #size = 0; #resize; loss = 'nonsaturating';

  connectedCallback() {
    if (this.#canvas) return;
    setHtml(this, html`<div class="plane-wrap"><canvas data-testid="plane" aria-label="real and generated points"></canvas></div>
      <div class="plane-tools">${LAYERS.map(([key, label]) =>
        html`<label><input type="checkbox" data-layer="${key}" checked> ${label}</label>`)}
        <span class="draw-tools"><span class="draw-count"></span>
        <button type="button" data-testid="clear-drawing">clear drawing</button></span></div>`);
    this.#canvas = this.querySelector('canvas');
    this.querySelector('.plane-tools').addEventListener('change', (e) => {
      if (e.target.dataset.layer) { this.#show[e.target.dataset.layer] = e.target.checked; this.#schedule(); }
    });
    this.querySelector('[data-testid=clear-drawing]').addEventListener('click', () => this.#clearDrawing());
    this.#canvas.addEventListener('pointerdown', (e) => this.#pointer(e, true));
    this.#canvas.addEventListener('pointermove', (e) => this.#pointerDown && this.#pointer(e, false));
    const up = () => { this.#pointerDown = false; this.#flush(); };
    this.#canvas.addEventListener('pointerup', up);
    this.#canvas.addEventListener('pointercancel', up);
    this.#resize = new ResizeObserver(() => this.#schedule());
    this.#resize.observe(this.querySelector('.plane-wrap'));
    this.#update();
  }

  disconnectedCallback() { this.#resize?.disconnect(); cancelAnimationFrame(this.#raf); }

  set frame(frame) { this.#frame = frame; this.#schedule(); }

  set drawing({ enabled, points }) {
    if (enabled !== this.#drawing.enabled) this.#dirtyPoints = false; // another dataset: local edits are moot
    const keepLocal = this.#pointerDown || this.#dirtyPoints;
    this.#drawing = { enabled, points: keepLocal ? this.#drawing.points : [...(points ?? [])] };
    this.#update();
  }

  #update() {
    if (!this.#canvas) return;
    this.classList.toggle('drawable', this.#drawing.enabled);
    const n = this.#drawing.points.length;
    this.querySelector('.draw-count').textContent =
      n ? `${n} / ${MAX_POINTS} points` : 'click or drag on the plane to draw';
    this.#schedule();
  }

  #schedule() {
    if (!this.#raf) this.#raf = requestAnimationFrame(() => { this.#raf = 0; this.#draw(); });
  }

  #draw() {
    const css = Math.floor(this.querySelector('.plane-wrap').clientWidth);
    if (css <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (this.#size !== css * dpr) {
      this.#size = css * dpr;
      Object.assign(this.#canvas, { width: css * dpr, height: css * dpr });
      Object.assign(this.#canvas.style, { width: `${css}px`, height: `${css}px` });
    }
    const ctx = this.#canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (this.#frame) this.#bounds = this.#frame.header.bounds;
    const map = planeMap(this.#bounds, css, css);
    if (this.#frame) drawFrame(ctx, this.#frame, map, { ...this.#show, loss: this.loss });
    else ctx.clearRect(0, 0, css, css);
    if (this.#drawing.enabled) drawPoints(ctx, this.#drawing.points.flat(), map, 'rgba(224,130,20,0.8)', 3);
    this.#drawAxisLabels(ctx, map);
    if (this.#frame) {
      this.#canvas.dataset.fakeCount = String(this.#frame.sections.fake?.shape[0] ?? 0);
      this.#canvas.dataset.frameStep = String(this.#frame.header.step);
    }
  }

  #drawAxisLabels(ctx, map) {
    const [xMin, xMax, yMin, yMax] = map.bounds;
    ctx.save();
    ctx.fillStyle = 'rgba(0,0,0,0.55)';
    ctx.font = '10px system-ui, sans-serif';
    const f = (v) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(1));
    ctx.fillText(`x ${f(xMin)} .. ${f(xMax)}, y ${f(yMin)} .. ${f(yMax)}`, 4, map.h - 4);
    ctx.restore();
  }

  #pointer(e, down) {
    if (!this.#drawing.enabled) return;
    if (down) { this.#pointerDown = true; this.#canvas.setPointerCapture?.(e.pointerId); }
    const rect = this.#canvas.getBoundingClientRect();
    const map = planeMap(this.#bounds, rect.width, rect.height);
    const [x, y] = map.toData(e.clientX - rect.left, e.clientY - rect.top);
    const pts = this.#drawing.points;
    const last = pts[pts.length - 1];
    const minGap = 0.015 * (this.#bounds[1] - this.#bounds[0]);
    if (pts.length >= MAX_POINTS || (!down && last && Math.hypot(x - last[0], y - last[1]) < minGap)) return;
    const round = (v) => Math.max(-10, Math.min(10, Math.round(v * 1000) / 1000));
    pts.push([round(x), round(y)]);
    this.#dirtyPoints = true;
    this.#update();
    if (!this.#drawTimer) this.#drawTimer = setTimeout(() => this.#flush(), DRAW_THROTTLE_MS);
  }

  #flush() {
    clearTimeout(this.#drawTimer);
    this.#drawTimer = 0;
    if (!this.#dirtyPoints || this.#drawing.points.length === 0) return;
    this.#dirtyPoints = false;
    this.dispatchEvent(new CustomEvent('gan-draw', { bubbles: true, detail: { points: this.#drawing.points.slice() } }));
  }

  /** Clears locally; the server keeps the old drawing until the first new point (drawn needs >= 1 point). */
  #clearDrawing() {
    this.#drawing.points = [];
    this.#dirtyPoints = true;
    this.#update();
  }
}

export const registerGanPlane = () => customElements.define('gan-plane', GanPlane);
