/**
 * Usage:
 *   const view = document.createElement('gan-pair-view');   // one element per pair (labels go into the charts)
 *   view.model = { pair, runA, runB, notice };   // pair-state.js's pair, both runs from the store
 *   view.data = { a: runDataA, b: runDataB };    // set both before appending, then on every model change
 *   view.metricsArrived(); view.frameArrived(runId); view.modesArrived(runId);
 *   view.addEventListener('gan-command', (e) => e.detail);
 *     // {scope: 'pair', type: 'start'|'pause'|'reset'|'leave'|'stop'} or a side's {side, runId, type, ...}
 *
 * The A/B comparison on one page: the pair's name, labels and differing settings, controls for both runs
 * (play, pause, reset) and a share link, the two sides (plane, histogram, alarm, own controls) side by side,
 * and overlaid charts on a shared step axis (both runs on each uPlot chart). Test hooks: the root
 * data-testid="pair-view", "pair-play", "pair-pause", "pair-reset", "pair-differences", "pair-link", the
 * sides "side-a"/"side-b", the charts "pair-loss-chart", "pair-score-chart", "pair-div-chart", "pair-modes-chart".
 */
import { html, setHtml } from '../../lib/html.js';
import { pairChartSpecs } from '../../charts/uplot-options.js';
import { OverlaySource } from '../../charts/overlay.js';
import { configDifferences, describeDifferences, pairHash } from '../../app/pair-state.js';
import { presentLink } from '../../app/share-links.js';

class GanPairView extends HTMLElement {
  #model = null; #data = { a: null, b: null }; #els = null; #diffKey = '';

  connectedCallback() {
    if (this.#els) return;
    const { pair } = this.#model;
    setHtml(this, html`<section class="pair-view" data-testid="pair-view" data-pair="${pair.pairId}">
      <header class="pair-header"><h2 class="pair-title"></h2>
        <span class="pair-labels"><span class="side-badge" data-side="a">A</span> ${pair.a.label}
          <span class="vs">vs</span> <span class="side-badge" data-side="b">B</span> ${pair.b.label}</span>
        <span class="pair-tools"><label class="pair-link-label">share <input type="text" readonly data-testid="pair-link"
          aria-label="link to this comparison"></label><button type="button" data-testid="pair-copy">copy</button>
          <a data-testid="pair-present" target="_blank" rel="noopener" title="both runs on the big-screen presenter page">present</a>
          <button type="button" data-testid="pair-stop" title="stop both runs on the server">stop both</button>
          <button type="button" data-testid="pair-leave" title="leave the comparison (the runs keep going)">← runs</button></span></header>
      <div class="pair-bar"><div class="transport" role="toolbar" aria-label="controls for both runs">
          <button type="button" class="primary" data-testid="pair-play" data-type="start">▶ Play both</button>
          <button type="button" data-testid="pair-pause" data-type="pause">❙❙ Pause both</button>
          <button type="button" data-testid="pair-reset" data-type="reset">↺ Reset both</button></div>
        <dl class="pair-differences" data-testid="pair-differences"></dl></div>
      <p class="notice" data-testid="pair-notice" role="alert" hidden></p>
      <div class="pair-sides"><gan-pair-side data-side="a"></gan-pair-side><gan-pair-side data-side="b"></gan-pair-side></div>
      </section>`);
    const q = (sel) => this.querySelector(sel);
    const deck = document.createElement('gan-chart-deck');
    deck.specs = pairChartSpecs(pair.a.label, pair.b.label);
    q('.pair-view').append(deck);
    this.#els = { title: q('.pair-title'), diffs: q('[data-testid=pair-differences]'), link: q('[data-testid=pair-link]'),
      notice: q('[data-testid=pair-notice]'), a: q('gan-pair-side[data-side=a]'), b: q('gan-pair-side[data-side=b]'),
      deck, present: q('[data-testid=pair-present]'), play: q('[data-testid=pair-play]'), pause: q('[data-testid=pair-pause]'), reset: q('[data-testid=pair-reset]') };
    q('.pair-bar .transport').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-type]');
      if (b) this.#emit(b.dataset.type);
    });
    q('[data-testid=pair-leave]').addEventListener('click', () => this.#emit('leave'));
    q('[data-testid=pair-stop]').addEventListener('click', () => this.#emit('stop'));
    q('[data-testid=pair-copy]').addEventListener('click', () => {
      this.#els.link.select();
      navigator.clipboard?.writeText(this.#els.link.value).catch(() => {});
    });
    this.data = this.#data;
    this.#update();
  }

  set model(model) { this.#model = model; this.#update(); }

  set data(data) {
    this.#data = data;
    if (!this.#els) return;
    this.#els.a.data = data.a;
    this.#els.b.data = data.b;
    this.#els.deck.data = { train: new OverlaySource(data.a?.train, data.b?.train), eval: new OverlaySource(data.a?.eval, data.b?.eval) };
  }

  metricsArrived() {
    if (!this.#els) return;
    this.#els.deck.invalidate();
    this.#els.a.metricsArrived();
    this.#els.b.metricsArrived();
  }

  frameArrived(runId) { this.#side(runId)?.frameArrived(); }
  modesArrived(runId) { this.#side(runId)?.modesArrived(); }

  #side(runId) {
    if (!this.#els || !this.#model) return null;
    return runId === this.#model.pair.a.runId ? this.#els.a : runId === this.#model.pair.b.runId ? this.#els.b : null;
  }

  #emit(type) {
    this.dispatchEvent(new CustomEvent('gan-command', { bubbles: true, detail: { scope: 'pair', type } }));
  }

  #update() {
    if (!this.#els || !this.#model) return;
    const { pair, runA, runB, notice } = this.#model;
    const e = this.#els;
    e.title.textContent = pair.name ?? 'A/B comparison';
    e.link.value = `${location.origin}${location.pathname}${pairHash(pair)}`;
    e.present.href = presentLink(location.origin, [pair.a.runId, pair.b.runId]);
    e.a.model = { side: 'a', label: pair.a.label, run: runA };
    e.b.model = { side: 'b', label: pair.b.label, run: runB };
    const states = [runA?.state, runB?.state];
    const live = (s) => s && s !== 'stopped' && s !== 'failed';
    e.play.disabled = !states.some((s) => live(s) && s !== 'running');
    e.pause.disabled = !states.includes('running');
    e.reset.disabled = !states.some(live);
    e.notice.hidden = !notice;
    e.notice.textContent = notice?.text ?? '';
    e.notice.dataset.level = notice?.level ?? '';
    const pointers = pair.differences
      ?? (runA?.config && runB?.config ? configDifferences(runA.config, runB.config) : []);
    const rows = describeDifferences(pointers, runA?.config, runB?.config);
    const key = JSON.stringify(rows);
    if (key !== this.#diffKey) {
      this.#diffKey = key;
      setHtml(e.diffs, html`${rows.length ? html`<dt>differs in</dt>` : ''}${rows.map((r) => html`<dd title="${r.pointer}">
        <b>${r.label}</b>: <span data-side="a">A ${r.a}</span> · <span data-side="b">B ${r.b}</span></dd>`)}`);
    }
    const losses = [runA?.config?.train.loss, runB?.config?.train.loss];
    e.deck.loss = losses[0] && losses[0] === losses[1] ? losses[0] : null;
  }
}

export const registerGanPairView = () => customElements.define('gan-pair-view', GanPairView);
