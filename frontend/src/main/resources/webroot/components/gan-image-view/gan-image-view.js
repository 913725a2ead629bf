/**
 * Usage:
 *   <gan-image-view></gan-image-view>          (the run panel shows it instead of gan-plane for image runs)
 *   view.run = { runId, config, progress };    // from the store
 *   view.data = runData;                       // images frame, timeline, classes (app/run-data.js)
 *   view.imagesArrived(); view.classesArrived();
 *   view.addEventListener('gan-config', (e) => e.detail.patch);   // {view: {walkFrom: 17}}: a tile was clicked
 *
 * An image run's view: the loading progress, the fixed-z sample grid and the latent-walk strip under it, the
 * timeline (scrub back while live frames keep coming, play the kept frames as a movie, back to live), exports
 * and the class histogram; a ProGAN run's growth status (gan-growth-status) above the grid, whose tiles grow with
 * the resolution and are shown crisply upscaled; for StyleGAN runs also gan-style-mixer (mixing grid, psi slider,
 * noise strip). Live pictures come from the frame's PNG bytes, past ones from the REST timeline.
 * Test hooks: data-mode (live | scrub | play) on the element, progress, walk-strip, export-* (see children).
 */
import { html, setHtml } from '../../lib/html.js';
import { CrispImage, RecentObjectUrls } from '../../lib/crisp-image.js';
import { sectionBlob } from '../../protocol/frame.js';
import { isStyleConfig } from '../../protocol/messages.js';
import { runUrls } from '../../protocol/rest.js';
import * as tl from '../../app/timeline.js';
import { TimelineSync } from '../../app/timeline-sync.js';
import { pickWalkEndpoint, walkEndpoints, walkPicker } from '../../charts/image-grid.js';

const PLAY_FPS = 8;
/** The walk strip is wider than tall: below this share of the width at whole pixels it fills the width instead. */
const WALK_MIN_SHARE = 0.75;

class GanImageView extends HTMLElement {
  #els = null; #run = null; #data = null; #cursor = tl.LIVE; #walk = walkPicker(); #shown = ''; #showing = Promise.resolve(true);
  #liveUrls = new RecentObjectUrls();
  #playTimer = 0; #sync = new TimelineSync(); #resize;

  connectedCallback() {
    if (this.#els) { this.#resize.observe(this); return; }
    setHtml(this, html`<gan-load-progress></gan-load-progress><gan-growth-status hidden></gan-growth-status>
      <gan-image-grid></gan-image-grid><p class="image-waiting" data-testid="image-waiting">waiting for the first samples…</p>
      <div class="walk-row"><img data-testid="walk-strip" alt="latent walk" draggable="false">
        <small class="walk-caption" data-testid="walk-caption"></small></div>
      <gan-style-mixer hidden></gan-style-mixer>
      <gan-timeline></gan-timeline>
      <gan-image-exports></gan-image-exports><gan-class-histogram></gan-class-histogram>`);
    const q = (s) => this.querySelector(s);
    this.#els = { progress: q('gan-load-progress'), growth: q('gan-growth-status'), grid: q('gan-image-grid'), waiting: q('[data-testid=image-waiting]'),
      walk: new CrispImage(q('[data-testid=walk-strip]')), caption: q('[data-testid=walk-caption]'), timeline: q('gan-timeline'),
      hist: q('gan-class-histogram'), exports: q('gan-image-exports'), mixer: q('gan-style-mixer') };
    this.addEventListener('gan-tile', (e) => { e.stopPropagation(); this.#pickTile(e.detail.index); });
    this.addEventListener('gan-timeline', (e) => { e.stopPropagation(); this.#timeline(e.detail.action, e.detail.index); });
    this.#resize = new ResizeObserver(() => this.#fit());
    this.#resize.observe(this);
    this.#render();
  }

  disconnectedCallback() { this.#resize?.disconnect(); this.#stopPlaying(); this.#liveUrls.clear(); this.#shown = ''; }

  set run(run) { this.#run = run; if (this.#els) this.#render(); }

  set data(data) {
    if (data === this.#data) return;
    this.#data = data;
    this.#cursor = tl.LIVE;
    this.#walk = walkPicker();
    this.#stopPlaying();
    this.#shown = '';
    if (this.#els) this.#render();
  }

  imagesArrived() {
    const d = this.#data;
    if (d?.images && d.timeline.frames.length === 1 && d.images.header.frame > 1) this.#refreshTimeline(); // joined late
    if (this.#els) this.#render();
  }

  classesArrived() { if (this.#els) this.#els.hist.classes = this.#data?.classes ?? null; }

  #render() {
    const e = this.#els;
    e.progress.progress = this.#run?.progress ?? null;
    const list = this.#data?.timeline ?? tl.emptyTimeline();
    e.timeline.state = { list, cursor: this.#cursor };
    this.dataset.mode = this.#cursor.mode;
    e.hist.classes = this.#data?.classes ?? null;
    const images = this.#data?.images ?? null;
    e.mixer.hidden = !isStyleConfig(this.#run?.config) || !images?.header?.style;
    e.mixer.config = this.#run?.config ?? null;
    e.mixer.images = images;
    this.#show();
  }

  /** Puts the cursor's frame (or the newest live one) on screen; resolves false if it could not be shown. */
  #show() {
    const e = this.#els;
    const images = this.#data?.images ?? null;
    const entry = tl.shownEntry(this.#cursor, this.#data?.timeline ?? tl.emptyTimeline());
    const header = images?.header ?? null;
    e.waiting.hidden = Boolean(images);
    e.growth.growth = header?.growth ?? null; // the run's state now, also while scrubbing back
    e.grid.hidden = !images;
    const { from, to } = walkEndpoints(this.#run?.config, header);
    e.grid.endpoints = { from, to };
    e.caption.textContent = from == null || !images ? '' : `latent walk from sample ${from} to sample ${to}: click a sample to move an end`;
    e.exports.target = images ? { runId: this.#run?.runId, frame: entry?.frame ?? null, step: (entry ?? header).step } : null;
    if (!images) return Promise.resolve(false);
    const key = entry ? `t${entry.frame}` : `l${header.frame}/${header.step}`;
    if (key !== this.#shown) {
      this.#shown = key;
      this.#showing = this.#load(key, entry, images);
    }
    return this.#showing;
  }

  async #load(key, entry, images) {
    const e = this.#els;
    const header = images.header;
    const urls = runUrls(this.#run?.runId ?? '');
    const src = entry ? { grid: urls.frameGrid(entry.frame), walk: urls.frameWalk(entry.frame) }
      : this.#liveUrls.make({ grid: sectionBlob(images.sections.grid), walk: images.sections.walk ? sectionBlob(images.sections.walk) : null });
    const at = entry ?? header;
    const [ok] = await Promise.all([e.grid.show({ src: src.grid, grid: header.grid, frame: at.frame, step: at.step, live: !entry }), e.walk.show(src.walk)]);
    this.#fit();
    if (!ok && entry && this.#shown === key) this.#refreshTimeline(); // thinned away? the re-read list moves the cursor to a kept frame
    return ok;
  }

  #fit() {
    const w = Math.floor(this.clientWidth);
    if (w > 0) { this.#els.grid.fit(w); this.#els.walk.fit(w, WALK_MIN_SHARE * w); this.#els.mixer.fit(w); }
  }

  #pickTile(index) {
    const { walk, patch } = pickWalkEndpoint(this.#walk, index);
    this.#walk = walk;
    this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: { patch } }));
  }

  async #timeline(action, index) {
    const list = () => this.#data?.timeline ?? tl.emptyTimeline();
    if (action === 'touch') { this.#refreshTimeline(); return; }
    if (action === 'play') await this.#refreshTimeline();
    this.#cursor = { scrub: () => tl.scrubTo(list(), index), play: () => tl.play(this.#cursor, list()), pause: () => tl.pause(this.#cursor),
      live: () => tl.LIVE }[action]?.() ?? this.#cursor;
    this.#stopPlaying();
    this.#render();
    if (this.#cursor.mode === 'play') this.#playNext();
  }

  /** One movie frame: show it, then after at least 1/PLAY_FPS s (and never before it is on screen) the next. */
  async #playNext() {
    const started = performance.now();
    await this.#show();
    if (this.#cursor.mode !== 'play' || this.#playTimer) return;
    this.#playTimer = setTimeout(() => {
      this.#playTimer = 0;
      if (this.#cursor.mode !== 'play') return;
      this.#cursor = tl.tick(this.#cursor, this.#data?.timeline ?? tl.emptyTimeline());
      this.#render();
      if (this.#cursor.mode === 'play') this.#playNext();
    }, Math.max(0, 1000 / PLAY_FPS - (performance.now() - started)));
  }

  #stopPlaying() { clearTimeout(this.#playTimer); this.#playTimer = 0; }

  /** Re-reads the kept frames; renders when the list changed (an answer from before a reset is dropped). */
  async #refreshTimeline() {
    const data = this.#data;
    if (await this.#sync.refresh(data, this.#run?.runId) && data === this.#data) this.#render();
  }
}

export const registerGanImageView = () => customElements.define('gan-image-view', GanImageView);
