/**
 * Usage:
 *   <gan-class-histogram></gan-class-histogram>
 *   hist.classes = classesPayload;   // the latest `classes` message's payload, or null
 *
 * The image run's sibling of the per-mode histogram: the generated samples per class as the small classifier
 * sees them, one labelled bar per class (a class with no sample is an empty red slot), a dashed line at the
 * uniform share, and the captions "classes covered k / K" and "classifier accuracy 97.1%". Plain DOM bars
 * (few classes, long labels). Test hooks: data-testid class-histogram (data-covered, data-classes, data-step),
 * class-bar (data-label, data-count), classes-covered, classifier-accuracy.
 */
import { html, setHtml } from '../../lib/html.js';
import { classHistogramModel, accuracyText, coveredText } from '../../charts/class-histogram.js';

class GanClassHistogram extends HTMLElement {
  #payload = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<div class="hist-head"><span class="hist-title">Generated samples per class</span>
      <b class="hist-captured" data-testid="classes-covered"></b><span data-testid="classifier-accuracy"></span>
      <span class="hist-step"></span></div>
      <div class="class-plot" data-testid="class-histogram"><div class="class-bars"></div>
      <div class="uniform-line" title="uniform share: every class equally often"></div></div>`);
    this.#update();
  }

  set classes(payload) { this.#payload = payload ?? null; this.#update(); }

  #update() {
    if (!this.firstChild) return;
    const m = classHistogramModel(this.#payload);
    const cap = this.querySelector('[data-testid=classes-covered]');
    cap.textContent = m ? coveredText(m) : 'waiting for the first evaluation';
    cap.classList.toggle('bad', Boolean(m) && m.covered < m.modes);
    this.querySelector('[data-testid=classifier-accuracy]').textContent = accuracyText(m);
    this.querySelector('.hist-step').textContent = m?.step != null ? `step ${m.step.toLocaleString('en-US')}` : '';
    const plot = this.querySelector('[data-testid=class-histogram]');
    Object.assign(plot.dataset, { covered: String(m?.covered ?? 0), classes: String(m?.modes ?? 0), step: String(m?.step ?? '') });
    const pct = (v) => (100 * v).toFixed(2);
    setHtml(this.querySelector('.class-bars'), html`${(m?.bars ?? []).map((b) => html`<div class="class-bar"
      data-testid="class-bar" data-label="${b.label}" data-count="${b.count}" title="${b.label}: ${b.count} of ${m.samples} (${(100 * b.fraction).toFixed(1)}%)">
      <div class="bar-slot${b.empty ? ' empty' : ''}"><div class="bar${b.covered ? '' : ' thin'}" style="height:${pct(b.height)}%"></div></div>
      <span class="class-label">${b.label}</span></div>`)}`);
    const line = this.querySelector('.uniform-line');
    line.hidden = !m;
    // the bars' slot is the plot less its 4 px top padding and the labels' row (index.css .class-plot)
    if (m) line.style.bottom = `calc(var(--label-h) + (100% - 4px - var(--label-h)) * ${m.uniformHeight.toFixed(4)})`;
  }
}

export const registerGanClassHistogram = () => customElements.define('gan-class-histogram', GanClassHistogram);
