/**
 * Usage:
 *   const data = registry.get(runId);          // created on first use
 *   data.append('train', msg.payload.columns); data.frame = decodedFrame; data.clear();
 *
 * The high-rate data of one run, kept out of the store so a metrics row or a frame never re-renders
 * the page: a SeriesBuffer per metrics group, the latest visual frame, the latest per-mode histogram (the
 * `modes` payload) and the last step seen (from state messages and metric rows; the fromStep of a re-subscribe).
 */
import { SeriesBuffer } from '../charts/series-buffer.js';

export class RunData {
  train = new SeriesBuffer();
  eval = new SeriesBuffer();
  frame = null;
  modes = null;
  step = 0;

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

  /** History cleared on the server (reset, rebuild): charts and histogram start over; the frame stays. */
  clear() {
    this.train.clear();
    this.eval.clear();
    this.modes = null;
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
