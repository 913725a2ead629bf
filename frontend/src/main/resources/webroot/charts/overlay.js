/**
 * Usage:
 *   mergeOnSteps([xsA, lossA], [xsB, lossB])        // [xs, lossA', lossB'] on the union of the steps
 *   const src = new OverlaySource(dataA.train, dataB.train);   // two SeriesBuffers (either may be null)
 *   uplot.setData(src.window(['a:loss/d', 'b:loss/d'], { minX }));   // names prefixed with the side
 *
 * Two runs on one chart with a shared step axis: uPlot wants one x array, so the rows of A and B are merged
 * on the union of their steps (both are ascending), and a side's value is null at a step only the other side
 * has. OverlaySource looks like a SeriesBuffer to gan-chart and gan-chart-deck (window, length, lastX, has),
 * with every column name prefixed by 'a:' or 'b:'.
 */

/**
 * @param {Array<(number|null)[]>} a uPlot data of side A: [xs, ...columns], xs ascending
 * @param {Array<(number|null)[]>} b the same for side B
 * @returns {Array<(number|null)[]>} [xs, ...columnsA, ...columnsB] on the merged, strictly ascending xs
 */
export function mergeOnSteps(a, b) {
  const [xa, ...ca] = a;
  const [xb, ...cb] = b;
  const xs = [];
  const outA = ca.map(() => []);
  const outB = cb.map(() => []);
  let i = 0;
  let j = 0;
  while (i < xa.length || j < xb.length) {
    const va = i < xa.length ? xa[i] : Infinity;
    const vb = j < xb.length ? xb[j] : Infinity;
    const x = Math.min(va, vb);
    xs.push(x);
    const takeA = va === x;
    const takeB = vb === x;
    ca.forEach((col, k) => outA[k].push(takeA ? col[i] ?? null : null));
    cb.forEach((col, k) => outB[k].push(takeB ? col[j] ?? null : null));
    if (takeA) i++;
    if (takeB) j++;
  }
  return [xs, ...outA, ...outB];
}

/** Splits 'a:loss/d' into ['a', 'loss/d']; names without a side prefix are null. */
export function sideOf(name) {
  const m = /^([ab]):(.+)$/.exec(name);
  return m ? [m[1], m[2]] : [null, name];
}

export class OverlaySource {
  #a; #b; #length = 0;

  constructor(a, b) { this.#a = a ?? null; this.#b = b ?? null; }

  /** Rows of the last window() (distinct steps across both sides). */
  get length() { return this.#length; }
  get lastX() {
    const xs = [this.#a?.lastX, this.#b?.lastX].filter((x) => typeof x === 'number');
    return xs.length ? Math.max(...xs) : null;
  }

  has(name) {
    const [side, col] = sideOf(name);
    const buf = side === 'a' ? this.#a : side === 'b' ? this.#b : null;
    return Boolean(buf?.has(col));
  }

  latest(name) {
    const [side, col] = sideOf(name);
    return (side === 'a' ? this.#a : side === 'b' ? this.#b : null)?.latest(col) ?? null;
  }

  /** uPlot data in the order of names (each 'a:...' or 'b:...'), on the union of both sides' steps. */
  window(names, opts = {}) {
    const parts = names.map(sideOf);
    const pick = (side) => parts.filter(([s]) => s === side).map(([, c]) => c);
    const data = (buf, cols) => (buf ? buf.window(cols, opts) : [[], ...cols.map(() => [])]);
    const colsA = pick('a');
    const colsB = pick('b');
    const [xs, ...merged] = mergeOnSteps(data(this.#a, colsA), data(this.#b, colsB));
    const byName = new Map();
    colsA.forEach((c, k) => byName.set(`a:${c}`, merged[k]));
    colsB.forEach((c, k) => byName.set(`b:${c}`, merged[colsA.length + k]));
    this.#length = xs.length;
    return [xs, ...names.map((n) => byName.get(n) ?? xs.map(() => null))];
  }
}
