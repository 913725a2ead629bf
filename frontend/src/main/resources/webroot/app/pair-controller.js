/**
 * Usage: const pairs = new PairController({ host, client, store, data, ensurePanel });
 *        pairs.render(state); pairs.notify(runId, 'frameArrived'); pairs.command('start');
 *
 * The A/B side of <gan-app>: creating a pair (create_pair), joining one from a shared link, the pair view's
 * element, and pair-wide or per-side commands. Owns no state of its own beyond the view element: the pair lives
 * in the store (pair-state.js), its runs' high-rate data in the RunDataRegistry.
 */
import * as msg from '../protocol/messages.js';
import * as ps from './pair-state.js';
import { commandMessage } from './commands.js';

export class PairController {
  #host; #client; #store; #data; #ensurePanel; #view = null;

  /** ensurePanel(notice?): makes sure the single-run page has a panel (after leaving a pair). */
  constructor({ host, client, store, data, ensurePanel }) {
    this.#host = host; this.#client = client; this.#store = store; this.#data = data; this.#ensurePanel = ensurePanel;
  }

  owns(runId) { return ps.pairRunIds(this.#store.get()).includes(runId); }

  sideName(runId) {
    const p = this.#store.get().pair;
    return p?.a.runId === runId ? `A (${p.a.label})` : `B (${p?.b.label})`;
  }

  notice(runId, text) {
    this.#store.set((s) => ps.setPairNotice(s, { level: 'error', text: `${this.sideName(runId)}: ${text}` }));
  }

  openPicker() {
    const s = this.#store.get();
    // The A/B view draws planes: "this run with one setting changed" starts from a 2D run only.
    const run = s.panels.map((p) => s.runs[p.runId]).find((r) => r?.config && !msg.isImageConfig(r.config) && !msg.isAutoencoderConfig(r.config));
    this.#host.querySelector('gan-pair-picker').open({ pairs: s.pairs,
      base: run ? { label: `${run.preset} run ${run.runId}, step ${run.step}`, preset: run.preset, config: run.config } : null });
  }

  async create({ request, name, labels }) {
    const picker = this.#host.querySelector('gan-pair-picker');
    picker.busy = true;
    try {
      const reply = await this.#client.request(msg.createPair(request));
      const pair = ps.pairFromCreated(reply, name);
      pair.a.label = reply.payload.a.label || labels?.a || 'A';
      pair.b.label = reply.payload.b.label || labels?.b || 'B';
      this.leave({ keepEmpty: true });
      this.#show(pair, false);
      history.replaceState(null, '', ps.pairHash(this.#store.get().pair));
      picker.close();
    } catch (err) {
      picker.busy = false;
      picker.error = err.code === 'invalid_config' ? `Not created: ${err.payload?.field ?? ''} ${err.message}` : err.message;
    }
  }

  /** A shared link: subscribe to both runs if the server still has them (runs: hello's list, or null to just try). */
  join(link, runs) {
    const alive = runs && new Set(runs.map((r) => r.runId));
    if (alive && !(alive.has(link.a) && alive.has(link.b))) {
      history.replaceState(null, '', location.pathname + location.search);
      this.#ensurePanel('The shared A/B comparison is no longer on the server.');
      return;
    }
    this.#show({ pairId: link.pairId, name: null, differences: null,
      a: { runId: link.a, label: link.labelA, config: null }, b: { runId: link.b, label: link.labelB, config: null } }, true);
  }

  /** Shows the pair; subscribe: true for a joiner (create_pair subscribes its creator itself). */
  #show(pair, subscribe) {
    for (const runId of [pair.a.runId, pair.b.runId]) {
      this.#data.get(runId);
      this.#client.track(runId);
      if (subscribe) this.#client.send(msg.subscribe(runId, this.#data.get(runId).step));
    }
    this.#store.set((s) => ps.openPair(s, pair));
  }

  /** Leaves the pair view: unsubscribes both runs (they keep going for other viewers) or stops them. */
  leave({ stop = false, keepEmpty = false } = {}) {
    const ids = ps.pairRunIds(this.#store.get());
    if (!ids.length) return;
    for (const runId of ids) {
      this.#client.untrack(runId);
      if (stop) this.#client.request(msg.stop(runId)).catch(() => {});
      else this.#client.send(msg.unsubscribe(runId));
      this.#data.delete(runId);
    }
    this.#store.set((s) => ps.closePair(s));
    if (!keepEmpty) {
      history.replaceState(null, '', location.pathname + location.search);
      this.#ensurePanel();
    }
  }

  /** The address changed: returns a link to join once connected, or null (joined now or nothing to do). */
  hashChanged() {
    const link = ps.parsePairHash(location.hash);
    if (!link || link.pairId === this.#store.get().pair?.pairId) return null;
    this.leave({ keepEmpty: true });
    if (this.#client.status !== 'open') return link;
    this.join(link, null);
    return null;
  }

  /** Pair-wide play/pause/reset (only where it changes something), leave or stop both. */
  command(type) {
    if (type === 'leave' || type === 'stop') { this.leave({ stop: type === 'stop' }); return; }
    const s = this.#store.get();
    for (const runId of ps.pairRunIds(s)) {
      const state = s.runs[runId]?.state;
      const wanted = { start: state !== 'running', pause: state === 'running', reset: true }[type];
      if (wanted && state !== 'stopped' && state !== 'failed') this.sideCommand({ runId, type });
    }
  }

  sideCommand(detail) {
    const build = detail.runId && commandMessage(detail);
    if (!build) return;
    this.#client.request(build()).then(() => this.#store.set((s) => ps.setPairNotice(s, null)),
      (err) => this.notice(detail.runId, `${detail.type}: ${err.message}`));
  }

  /** New high-rate data for one of the pair's runs. */
  notify(runId, what) {
    if (this.#view && this.owns(runId)) this.#view[what]?.(runId); // the A/B view has no image parts
  }

  render(s) {
    if (this.#view && this.#view.dataset.pair !== s.pair?.pairId) { this.#view.remove(); this.#view = null; }
    if (!s.pair) return;
    const model = { pair: s.pair, runA: s.runs[s.pair.a.runId] ?? null, runB: s.runs[s.pair.b.runId] ?? null, notice: s.pair.notice };
    if (!this.#view) {
      const view = document.createElement('gan-pair-view');
      view.dataset.pair = s.pair.pairId;
      view.model = model;
      view.data = { a: this.#data.get(s.pair.a.runId), b: this.#data.get(s.pair.b.runId) };
      this.#view = view;
      this.#host.querySelector('.pair-host').append(view);
    } else {
      this.#view.model = model;
    }
  }
}
