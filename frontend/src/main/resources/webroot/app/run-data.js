/**
 * Usage:
 *   const data = registry.get(runId);          // created on first use
 *   data.append('train', msg.payload.columns); data.frame = decodedFrame; data.clear();
 *   data.setImages(imagesFrame); data.setClasses(classesMsg.payload);   // image runs
 *   const gen = data.generation; data.mergeTimeline(await fetchTimeline(runId), gen);
 *
 * The high-rate data of one run, kept out of the store so a metrics row or a frame never re-renders
 * the page: a SeriesBuffer per metrics group, the latest visual frame, the latest per-mode histogram (the
 * `modes` payload) and the last step seen (from state messages and metric rows; the fromStep of a re-subscribe).
 * Autoencoder runs keep their latest "autoencoder" frame in `ae`. Image runs add the latest images frame, the latest class histogram (`classes` payload) and the timeline's
 * kept frames (timeline.js); `generation` counts the clears, so an answer fetched before a reset is dropped.
 */
import { SeriesBuffer } from '../charts/series-buffer.js';
import { appendFrame, emptyTimeline, mergeTimeline } from './timeline.js';

export class RunData {
  train = new SeriesBuffer();
  eval = new SeriesBuffer();
  frame = null;
  modes = null;
  step = 0;
  images = null;
  classes = null;
  /** The latest decoded "autoencoder" frame (autoencoder runs), or null. */
  ae = null;
  timeline = emptyTimeline();
  generation = 0;

  /** @param {'train'|'eval'} group @param {Object<string, (number|null)[]>} columns */
  append(group, columns) {
    const buffer = group === 'eval' ? this.eval : this.train;
    const added = buffer.append(columns);
    if (buffer.lastX !== null) this.step = Math.max(this.step, buffer.lastX);
    return added;
  }

  /** A `modes` payload; an older one (a replayed snapshot) never replaces a newer one. */
  setModes(payload) {
    if (!payload || (this.modes && payload.step < this.modes.step)) return false;
    this.modes = payload;
    return true;
  }

  /** The latest images frame; its number and step join the timeline. */
  setImages(frame) {
    this.images = frame;
    this.timeline = appendFrame(this.timeline, { frame: frame.header.frame, step: frame.header.step });
  }

  /** A `classes` payload; like modes, an older one never replaces a newer one. */
  setClasses(payload) {
    if (!payload || (this.classes && payload.step < this.classes.step)) return false;
    this.classes = payload;
    return true;
  }

  /** The server's timeline list, fetched while generation was current (else it is from before a reset: dropped). */
  mergeTimeline(server, generation) {
    if (generation !== this.generation) return false;
    this.timeline = mergeTimeline(this.timeline, server);
    return true;
  }

  /** History cleared on the server (reset, rebuild): charts, histograms and timeline start over; the frames stay. */
  clear() {
    this.train.clear();
    this.eval.clear();
    this.modes = null;
    this.classes = null;
    this.timeline = emptyTimeline();
    this.generation++;
    this.step = 0;
  }
}

export class RunDataRegistry {
  #byRun = new Map();

  get(runId) {
    if (!this.#byRun.has(runId)) this.#byRun.set(runId, new RunData());
    return this.#byRun.get(runId);
  }

  has(runId) { return this.#byRun.has(runId); }

  delete(runId) { this.#byRun.delete(runId); }
}
