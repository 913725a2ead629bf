/**
 * Usage:
 *   const buf = new SeriesBuffer({ capacity: 100_000 });
 *   buf.append({ step: [10, 20], 'loss/d': [0.69, 0.68], 'loss/g': [0.7, null] });   // a metrics payload's columns
 *   uplot.setData(buf.window(['loss/d', 'loss/g'], { lastSteps: 2000 }));              // [steps, lossD, lossG]
 *
 * A columnar ring buffer of metric rows keyed by the x column ('step'). Columns may appear late (earlier rows
 * read null) and be absent from a batch (null). Rows whose x is not beyond the last x are dropped, so a
 * re-subscribe from the last step seen never duplicates a row. When full, the oldest rows are overwritten.
 * Values are stored as Float64 with NaN for "not measured" and read back as null, which uPlot draws as a gap.
 */
export class SeriesBuffer {
  #capacity; #x; #cols = new Map(); #measured = new Set(); #start = 0; #length = 0;

  /** @param {{capacity?: number, x?: string}} [opts] capacity in rows (default 100,000); x column name */
  constructor({ capacity = 100_000, x = 'step' } = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`capacity must be a positive integer: ${capacity}`);
    this.#capacity = capacity;
    this.#x = x;
    this.#column(x);
  }

  get length() { return this.#length; }
  get capacity() { return this.#capacity; }
  /** Column names seen so far, x first. */
  get names() { return [...this.#cols.keys()]; }
  /** The last row's x, or null when empty. */
  get lastX() { return this.#length ? this.#at(this.#x, this.#length - 1) : null; }

  /**
   * Appends the rows of a columnar batch. @param {Object<string, (number|null)[]>} columns must contain x
   * @returns {number} rows appended (rows at or before lastX are skipped)
   */
  append(columns) {
    const xs = columns[this.#x];
    if (!Array.isArray(xs)) throw new Error(`a batch needs the column ${this.#x}`);
    for (const name of Object.keys(columns)) this.#column(name);
    let added = 0;
    for (let r = 0; r < xs.length; r++) {
      const last = this.lastX;
      if (typeof xs[r] !== 'number' || (last !== null && xs[r] <= last)) continue;
      const slot = this.#length < this.#capacity ? (this.#start + this.#length++) % this.#capacity : this.#evict();
      for (const [name, arr] of this.#cols) {
        const v = columns[name]?.[r];
        arr[slot] = typeof v === 'number' ? v : NaN;
        if (typeof v === 'number') this.#measured.add(name);
      }
      added++;
    }
    return added;
  }

  /**
   * uPlot data: [x[], ...names.map(column)] with null for missing values.
   * @param {string[]} names @param {{lastRows?: number, lastSteps?: number, minX?: number}} [opts] sliding window
   */
  window(names, { lastRows = Infinity, lastSteps = Infinity, minX = -Infinity } = {}) {
    let from = Math.max(0, this.#length - lastRows);
    const last = this.lastX;
    const lo = Math.max(minX, last === null ? -Infinity : last - lastSteps);
    while (from < this.#length && this.#at(this.#x, from) < lo) from++;
    return [this.#x, ...names].map((name) => {
      const out = new Array(this.#length - from);
      for (let i = from; i < this.#length; i++) {
        const v = this.#cols.has(name) ? this.#at(name, i) : NaN;
        out[i - from] = Number.isNaN(v) ? null : v;
      }
      return out;
    });
  }

  /** True when the column has had a measured value since the last clear(). */
  has(name) { return this.#measured.has(name); }

  /** The column's most recent measured value, or null. */
  latest(name) {
    if (!this.#cols.has(name)) return null;
    for (let i = this.#length - 1; i >= 0; i--) {
      const v = this.#at(name, i);
      if (!Number.isNaN(v)) return v;
    }
    return null;
  }

  clear() {
    this.#start = 0;
    this.#length = 0;
    this.#measured.clear();
  }

  #evict() {
    const slot = this.#start;
    this.#start = (this.#start + 1) % this.#capacity;
    return slot;
  }

  #at(name, i) { return this.#cols.get(name)[(this.#start + i) % this.#capacity]; }

  #column(name) {
    if (!this.#cols.has(name)) this.#cols.set(name, new Float64Array(this.#capacity).fill(NaN));
  }
}
