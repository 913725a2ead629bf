/**
 * Usage:
 *   <gan-timeline></gan-timeline>
 *   timeline.state = { list: runData.timeline, cursor };   // app/timeline.js shapes
 *   timeline.addEventListener('gan-timeline', (e) => e.detail);
 *     // {action: 'touch'} (the user reached for the scrubber: time to refresh the list), {action: 'scrub', index},
 *     // {action: 'play'}, {action: 'pause'}, {action: 'live'}
 *
 * The image run's timeline controls: a scrubber over the kept frames, play/pause (a movie through them) and
 * "live" (follow the newest frame), with what is on screen ("frame 12 · step 240" or "live"). Test hooks:
 * data-testid timeline-scrubber, timeline-play, timeline-live, timeline-label; the element's data-mode.
 */
import { html, setHtml } from '../../lib/html.js';
import { scrubberIndex, shownEntry } from '../../app/timeline.js';

class GanTimeline extends HTMLElement {
  #state = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<div class="timeline" role="group" aria-label="timeline">
      <button type="button" data-testid="timeline-play" title="play the kept frames as a movie">▶</button>
      <input type="range" min="0" max="0" step="1" value="0" data-testid="timeline-scrubber" aria-label="frame">
      <button type="button" data-testid="timeline-live" title="follow the newest frame">● live</button>
      <span class="timeline-label" data-testid="timeline-label"></span></div>`);
    const emit = (detail) => this.dispatchEvent(new CustomEvent('gan-timeline', { bubbles: true, detail }));
    const scrubber = this.querySelector('[data-testid=timeline-scrubber]');
    for (const type of ['pointerdown', 'focus']) scrubber.addEventListener(type, () => emit({ action: 'touch' }));
    scrubber.addEventListener('input', () => emit({ action: 'scrub', index: Number(scrubber.value) }));
    this.querySelector('[data-testid=timeline-play]').addEventListener('click', () =>
      emit({ action: this.#state?.cursor.mode === 'play' ? 'pause' : 'play' }));
    this.querySelector('[data-testid=timeline-live]').addEventListener('click', () => emit({ action: 'live' }));
    this.#update();
  }

  set state(state) { this.#state = state; this.#update(); }

  #update() {
    if (!this.firstChild || !this.#state) return;
    const { list, cursor } = this.#state;
    const n = list.frames.length;
    const scrubber = this.querySelector('[data-testid=timeline-scrubber]');
    scrubber.max = String(Math.max(0, n - 1));
    scrubber.value = String(scrubberIndex(cursor, list));
    scrubber.disabled = n < 2;
    const play = this.querySelector('[data-testid=timeline-play]');
    play.textContent = cursor.mode === 'play' ? '❙❙' : '▶';
    play.title = cursor.mode === 'play' ? 'pause the movie' : 'play the kept frames as a movie';
    play.disabled = n < 2;
    const live = this.querySelector('[data-testid=timeline-live]');
    live.classList.toggle('on', cursor.mode === 'live');
    live.setAttribute('aria-pressed', String(cursor.mode === 'live'));
    const entry = shownEntry(cursor, list);
    const newest = list.frames.at(-1);
    this.querySelector('[data-testid=timeline-label]').textContent = entry
      ? `frame ${entry.frame} of ${newest.frame} · step ${entry.step.toLocaleString('en-US')}`
      : `live${newest ? ` · step ${newest.step.toLocaleString('en-US')} · ${n} frame${n === 1 ? '' : 's'} kept` : ''}`;
    this.dataset.mode = cursor.mode;
  }
}

export const registerGanTimeline = () => customElements.define('gan-timeline', GanTimeline);
