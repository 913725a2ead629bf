/**
 * Usage:
 *   <gan-ae-view></gan-ae-view>                  (the run panel shows it instead of the plane for autoencoder runs)
 *   view.run = { runId, config, progress };      // from the store
 *   view.data = runData;                         // runData.ae: the latest decoded "autoencoder" frame (frame.js)
 *   view.aeArrived();                            // a new frame is in runData.ae
 *   view.addEventListener('gan-config', (e) => e.detail.patch);   // {view: {interpFrom: 17}}: a map point was clicked
 *
 * An autoencoder run's live views, per arm of the frame (docs/protocol.md 3.4): the held-out inputs, their
 * corrupted copies when denoising, each arm's reconstructions, its latent map (held-out codes in 2D coloured by
 * class; clicking two points picks the interpolation's ends, shared by all viewers through the run's view config),
 * the histogram of its mean code activations with the sparsity target as a line, the interpolation strip, and for a
 * VAE the decoded lattice and samples from N(0, I); the greedy phase as a progress bar; for the 3D cloud a canvas
 * view rotated by dragging (the cloud grey, reconstructions in the arm's colour, the true plane grey and a linear
 * decoder's plane orange) beside each arm's 2D codes. Test hooks: data-testid ae-inputs, ae-corrupted, ae-phase,
 * ae-recon-<arm>, ae-latent-<arm> (data-points, data-frame), ae-activations-<arm>, ae-interp-<arm>,
 * ae-lattice-<arm>, ae-samples-<arm>, ae-cloud-3d (data-frame).
 */
import { html, setHtml } from '../../lib/html.js';
import { sectionBlob } from '../../protocol/frame.js';
import { aePanels, armTarget, classColor, histogram, interpPicker, nearestPoint, pickInterpEnd, toCanvas } from '../../app/ae-view.js';
import { drawCloud } from './ae-cloud.js';

const MAP_SIZE = 240;
const HIST_W = 240;
const HIST_H = 120;

class GanAeView extends HTMLElement {
  #els = null; #run = null; #data = null; #armsKey = ''; #picker = interpPicker(); #urls = new Map();
  #rotation = { yaw: 0.6, pitch: 0.35 }; #drag = null; #shown = null;

  connectedCallback() {
    if (this.#els) return;
    setHtml(this, html`<gan-load-progress></gan-load-progress>
      <div class="ae-phase" data-testid="ae-phase" hidden><span class="ae-phase-name"></span>
        <progress max="1" value="0"></progress></div>
      <p class="image-waiting" data-testid="ae-waiting">waiting for the first reconstructions…</p>
      <div class="ae-shared"><figure class="ae-strip"><figcaption>held-out inputs</figcaption>
        <img data-testid="ae-inputs" alt="held-out inputs" draggable="false"></figure>
        <figure class="ae-strip" data-role="corrupted" hidden><figcaption>corrupted (what the autoencoder sees)</figcaption>
        <img data-testid="ae-corrupted" alt="corrupted inputs" draggable="false"></figure>
        <figure class="ae-cloud" hidden><figcaption>3D cloud (drag to rotate): points grey, reconstructions coloured,
          true plane grey, decoder's plane orange</figcaption><canvas data-testid="ae-cloud-3d" width="420" height="320"></canvas></figure></div>
      <div class="ae-arms"></div>`);
    const q = (s) => this.querySelector(s);
    this.#els = { progress: q('gan-load-progress'), phase: q('[data-testid=ae-phase]'), waiting: q('[data-testid=ae-waiting]'),
      inputs: q('[data-testid=ae-inputs]'), corrupted: q('[data-role=corrupted]'), cloud: q('.ae-cloud'),
      cloudCanvas: q('[data-testid=ae-cloud-3d]'), arms: q('.ae-arms') };
    this.#els.arms.addEventListener('click', (e) => this.#clicked(e));
    this.#listenRotation(this.#els.cloudCanvas);
    this.#render();
  }

  disconnectedCallback() { for (const url of this.#urls.values()) URL.revokeObjectURL(url); this.#urls.clear(); }

  set run(run) { this.#run = run; if (this.#els) this.#render(); }

  set data(data) {
    if (data === this.#data) return;
    this.#data = data;
    this.#shown = null;
    this.#picker = interpPicker();
    if (this.#els) this.#render();
  }

  aeArrived() { if (this.#els) this.#render(); }

  #render() {
    const e = this.#els;
    e.progress.progress = this.#run?.progress ?? null;
    const frame = this.#data?.ae ?? null;
    const h = frame?.header ?? null;
    e.waiting.hidden = Boolean(frame);
    const phase = h?.phase ?? null;
    e.phase.hidden = !phase;
    if (phase) {
      e.phase.querySelector('.ae-phase-name').textContent = `phase ${phase.index + 1} of ${phase.count}: ${phase.name}`;
      e.phase.querySelector('progress').value = phase.progress;
    }
    const images = h?.input?.kind === 'images';
    const panels = aePanels(frame);
    if (frame && !images) {
      drawCloud(e.cloudCanvas, frame, panels, this.#rotation);
      e.cloudCanvas.dataset.frame = String(h.frame);
    }
    if (frame === this.#shown) return; // a store update or a rotation: the pictures are already on screen
    this.#shown = frame;
    const shared = frame?.sections ?? {};
    e.inputs.closest('figure').hidden = !images;
    e.corrupted.hidden = !images || !shared.corrupted;
    if (images) {
      this.#showPng('inputs', e.inputs, shared.inputs);
      if (shared.corrupted) this.#showPng('corrupted', e.corrupted.querySelector('img'), shared.corrupted);
    }
    e.cloud.hidden = !frame || images;
    this.#ensureArms(panels, images);
    for (const p of panels) this.#renderArm(p, h, images);
  }

  /** One section per arm, rebuilt only when the arms change (a new run, a rebuilt experiment). */
  #ensureArms(panels, images) {
    const key = JSON.stringify([images, panels.map((p) => p.name)]);
    if (key === this.#armsKey) return;
    this.#armsKey = key;
    const single = panels.length === 1;
    setHtml(this.#els.arms, html`${panels.map((p) => html`<section class="ae-arm" data-arm="${p.arm}">
      ${single ? '' : html`<h4 class="ae-arm-name">${p.name}</h4>`}
      ${images ? html`<figure class="ae-strip"><figcaption>reconstructions</figcaption>
        <img data-testid="ae-recon-${p.arm}" alt="reconstructions" draggable="false"></figure>` : ''}
      <div class="ae-row"><figure><figcaption>latent map of held-out inputs${images ? ': click two points to interpolate' : ''}</figcaption>
        <canvas class="ae-latent" data-testid="ae-latent-${p.arm}" data-arm="${p.arm}" width="${MAP_SIZE}" height="${MAP_SIZE}"></canvas></figure>
        <figure><figcaption>mean code activations (red: sparsity target)</figcaption>
        <canvas data-testid="ae-activations-${p.arm}" width="${HIST_W}" height="${HIST_H}"></canvas></figure></div>
      ${images ? html`<figure class="ae-strip"><figcaption class="ae-interp-caption" data-testid="ae-interp-caption-${p.arm}"></figcaption>
        <img data-testid="ae-interp-${p.arm}" alt="interpolation" draggable="false"></figure>
        <div class="ae-row ae-vae" hidden><figure><figcaption>decoded lattice over the latent map</figcaption>
        <img data-testid="ae-lattice-${p.arm}" alt="lattice" draggable="false"></figure>
        <figure><figcaption>samples from N(0, I)</figcaption><img data-testid="ae-samples-${p.arm}" alt="samples" draggable="false"></figure></div>` : ''}
      </section>`)}`);
  }

  #renderArm(p, h, images) {
    const root = this.#els.arms.querySelector(`.ae-arm[data-arm="${p.arm}"]`);
    if (!root) return;
    const q = (s) => root.querySelector(s);
    if (images) {
      this.#showPng(`recon/${p.arm}`, q(`[data-testid=ae-recon-${p.arm}]`), p.recon);
      this.#showPng(`interp/${p.arm}`, q(`[data-testid=ae-interp-${p.arm}]`), p.interp);
      q('.ae-interp-caption').textContent = h.interp
        ? `interpolation from held-out input ${h.interp.from} to ${h.interp.to} (decoded along the line between their codes)` : '';
      q('.ae-vae').hidden = !p.lattice;
      if (p.lattice) {
        this.#showPng(`lattice/${p.arm}`, q(`[data-testid=ae-lattice-${p.arm}]`), p.lattice);
        this.#showPng(`samples/${p.arm}`, q(`[data-testid=ae-samples-${p.arm}]`), p.samples);
      }
    }
    this.#drawLatent(q(`[data-testid=ae-latent-${p.arm}]`), p, h);
    this.#drawActivations(q(`[data-testid=ae-activations-${p.arm}]`), p.activations,
      armTarget(p.name, h.sparsity?.target ?? null));
  }

  /** Swaps an image to the section's PNG once decoded; the previous object URL is freed then. */
  #showPng(key, img, section) {
    if (!img || !section) return;
    const url = URL.createObjectURL(sectionBlob(section));
    const old = this.#urls.get(key);
    this.#urls.set(key, url);
    img.onload = () => { if (old) URL.revokeObjectURL(old); };
    img.src = url;
  }

  #drawLatent(canvas, p, h) {
    const latent = p.latent;
    if (!canvas || !latent) return;
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    ctx.clearRect(0, 0, width, height);
    const pts = latent.points ?? [];
    const labels = h.labels ?? null;
    for (let i = 0; 2 * i + 1 < pts.length; i++) {
      if (pts[2 * i] === null || pts[2 * i + 1] === null) continue;
      const [x, y] = toCanvas(pts[2 * i], pts[2 * i + 1], latent.bounds, width, height);
      ctx.fillStyle = labels ? classColor(labels[i]) : '#5e3c99';
      ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
    if (h.interp) {
      for (const [i, color] of [[h.interp.from, '#000'], [h.interp.to, '#b2182b']]) {
        if (2 * i + 1 >= pts.length) continue;
        const [x, y] = toCanvas(pts[2 * i], pts[2 * i + 1], latent.bounds, width, height);
        ctx.strokeStyle = color;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(x, y, 6, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    canvas.title = latent.projected ? 'codes projected on their top-2 principal directions' : 'the codes themselves';
    canvas.dataset.points = String(pts.length / 2);
    canvas.dataset.frame = String(h.frame);
  }

  #drawActivations(canvas, activations, target) {
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    ctx.clearRect(0, 0, width, height);
    const { counts, min, max } = histogram(activations, 24);
    const top = Math.max(1, ...counts);
    const bw = width / counts.length;
    ctx.fillStyle = '#2166ac';
    counts.forEach((c, i) => ctx.fillRect(i * bw + 1, height - 14 - ((height - 18) * c) / top, bw - 2, ((height - 18) * c) / top));
    ctx.fillStyle = '#555';
    ctx.font = '10px sans-serif';
    ctx.fillText(min.toFixed(2), 1, height - 2);
    ctx.fillText(max.toFixed(2), width - 26, height - 2);
    if (target !== null) {
      const x = ((target - min) / (max - min)) * width;
      ctx.strokeStyle = '#b2182b';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, height - 12);
      ctx.stroke();
    }
  }

  /** A click on a latent map: the nearest held-out input becomes the next interpolation end. */
  #clicked(e) {
    const canvas = e.target.closest?.('canvas.ae-latent');
    const frame = this.#data?.ae;
    if (!canvas || !frame || frame.header.input?.kind !== 'images') return;
    const panel = aePanels(frame)[Number(canvas.dataset.arm)];
    const box = canvas.getBoundingClientRect();
    const sx = canvas.width / (box.width || canvas.width);
    const sy = canvas.height / (box.height || canvas.height);
    const index = nearestPoint(panel?.latent?.points, panel?.latent?.bounds, { x: (e.clientX - box.left) * sx,
      y: (e.clientY - box.top) * sy, width: canvas.width, height: canvas.height });
    if (index < 0) return;
    const { picker, patch } = pickInterpEnd(this.#picker, index);
    this.#picker = picker;
    this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: { patch } }));
  }

  #listenRotation(canvas) {
    canvas.addEventListener('pointerdown', (e) => { this.#drag = { x: e.clientX, y: e.clientY }; canvas.setPointerCapture(e.pointerId); });
    canvas.addEventListener('pointerup', () => { this.#drag = null; });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.#drag) return;
      this.#rotation = { yaw: this.#rotation.yaw + (e.clientX - this.#drag.x) * 0.01,
        pitch: Math.max(-1.5, Math.min(1.5, this.#rotation.pitch + (e.clientY - this.#drag.y) * 0.01)) };
      this.#drag = { x: e.clientX, y: e.clientY };
      this.#render();
    });
  }
}

export const registerGanAeView = () => customElements.define('gan-ae-view', GanAeView);
