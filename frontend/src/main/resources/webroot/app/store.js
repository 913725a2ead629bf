/**
 * Usage:
 *   const store = new Store({ count: 0 });
 *   const off = store.subscribe((state, prev) => render(state));
 *   store.set((s) => ({ ...s, count: s.count + 1 }));   // or store.set({ count: 1 }) for a shallow merge
 *
 * A tiny observable store: one immutable state object, replaced (never mutated) on every set(), and a
 * 'change' event after each replacement. No framework; state shape and transitions live in run-state.js.
 */
export class Store extends EventTarget {
  #state;

  constructor(initial) {
    super();
    this.#state = Object.freeze({ ...initial });
  }

  get() { return this.#state; }

  /** @param {object|((state: object) => object)} update a function of the state, or a partial to merge */
  set(update) {
    const prev = this.#state;
    const next = typeof update === 'function' ? update(prev) : { ...prev, ...update };
    if (next === prev) return;
    this.#state = Object.freeze(next);
    this.dispatchEvent(new CustomEvent('change', { detail: { state: next, prev } }));
  }

  /** @param {(state: object, prev: object) => void} fn @returns {() => void} unsubscribe */
  subscribe(fn) {
    const handler = (e) => fn(e.detail.state, e.detail.prev);
    this.addEventListener('change', handler);
    return () => this.removeEventListener('change', handler);
  }
}
