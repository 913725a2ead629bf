/**
 * Usage: <gan-app></gan-app>   (mounted by index.js; window.__gan = {client, store, data} for debugging)
 *
 * The root: owns the page state (store), the runs' high-rate data (RunDataRegistry) and the only
 * protocol client. Server messages go into the store or the run data; 'gan-command' events from the run
 * panels and the A/B view become protocol requests, whose errors land beside the field (invalid_config) or
 * as a notice. The first panel gets a ring8 run on the first hello; it is never started automatically.
 * A/B: "Compare A/B" opens the pair picker; create_pair's pair_created (or a link '#pair=p…&a=r…&b=r…',
 * which subscribes to both runs) switches the page to the pair view; leaving it unsubscribes (the runs go on).
 * Sharing (docs/protocol.md, "Share links"): '#run=r…' watches a run in a panel (read-only unless this browser owns
 * it), '#present=r…[,r…]' is the big-screen presenter page of one run or two, '#config=…' opens a new run of this
 * browser with the linked settings. The page first gets this browser's token (identity.js) and connects with it.
 */
import { GanClient } from '../protocol/client.js';
import * as msg from '../protocol/messages.js';
import { html, setHtml } from '../lib/html.js';
import { leafPointers } from '../lib/json-pointer.js';
import { Store } from './store.js';
import * as rs from './run-state.js';
import { RunDataRegistry } from './run-data.js';
import { PairController } from './pair-controller.js';
import { parsePairHash } from './pair-state.js';
import { commandMessage, errorsByPointer } from './commands.js';
import { loadToken } from './identity.js';
import { parseLink } from './share-links.js';

const DEFAULT_PRESET = 'ring8';

class GanApp extends HTMLElement {
  #store = new Store(rs.initialState()); #data = new RunDataRegistry(); #client; #panels = new Map();
  #wanted = new Map(); #queued = new Map(); #nextKey = 1; #link = null; #pairs; #share = null; #started = false;

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    setHtml(this, html`<header class="app-header"><h1>GAN Playground</h1>
      <gan-connection-status></gan-connection-status>
      <button type="button" data-testid="compare-ab" title="two runs that differ in one setting, side by side">Compare A/B</button>
      <button type="button" data-testid="add-run" title="open another run side by side">+ add run</button></header>
      <main class="panels"></main><div class="pair-host"></div><gan-pair-picker></gan-pair-picker>`);
    // Without a token (the server could not issue one) the page still watches; creating is refused.
    loadToken().catch((e) => { console.warn('no token, watching only:', e.message); return null; })
      .then((token) => this.#start(token));
  }

  #start(token) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    this.#client = new GanClient(url, { fromStep: (runId) => this.#data.get(runId).step, token });
    window.__gan = { client: this.#client, store: this.#store, data: this.#data };
    this.#pairs = new PairController({ host: this, client: this.#client, store: this.#store, data: this.#data,
      ensurePanel: (notice) => this.#ensurePanel(notice) });
    this.#store.subscribe((s) => this.#render(s));
    this.#wire();
    this.addEventListener('gan-command', (e) => this.#command(e.detail));
    this.addEventListener('gan-reconnect', () => this.#client.connect());
    this.addEventListener('gan-pair-create', (e) => this.#pairs.create(e.detail));
    this.querySelector('[data-testid=compare-ab]').addEventListener('click', () => this.#pairs.openPicker());
    window.addEventListener('hashchange', () => {
      if (parseLink(location.hash)) { location.reload(); return; } // a share link pasted into this tab: a fresh page
      this.#link = this.#pairs.hashChanged() ?? this.#link;
    });
    this.querySelector('[data-testid=add-run]').addEventListener('click', () => {
      const last = this.#store.get().panels.at(-1);
      const run = last && this.#store.get().runs[last.runId];
      this.#addPanel(run?.preset ?? DEFAULT_PRESET, run?.config ?? undefined);
    });
    this.#link = parsePairHash(location.hash);
    this.#share = this.#link ? null : parseLink(location.hash);
    if (this.#share?.kind === 'present') this.#store.set((s) => ({ ...s, presenter: true }));
    if (this.#share?.kind === 'config') {
      this.#addPanel(this.#share.preset, this.#share.config);
      history.replaceState(null, '', location.pathname); // a reload must not create another run
      this.#share = null;
    }
    if (!this.#link && !this.#share && !this.#store.get().panels.length) this.#addPanel(DEFAULT_PRESET);
    this.#client.connect();
  }

  /** A #run= or #present= link, after the first hello: a panel per run, subscribed from step 0 (the full history). */
  #watch(runIds, known) {
    for (const runId of runIds) {
      const summary = known.find((r) => r.runId === runId);
      if (!summary) {
        this.#ensurePanel(`The server has no run ${runId} (it was deleted, or the link is wrong).`);
        continue;
      }
      const key = `p${this.#nextKey++}`;
      this.#store.set((s) => rs.attachRun(rs.addPanel(s, key), key, { runId,
        payload: { preset: summary.preset, config: null, role: summary.mine ? 'owner' : 'viewer' } }));
      this.#client.track(runId);
      this.#data.get(runId);
      this.#client.send(msg.subscribe(runId, 0));
    }
  }

  #wire() {
    const c = this.#client;
    const set = (fn) => this.#store.set(fn);
    c.on('status', (st) => set((s) => rs.setConnection(s, st)));
    c.on('hello', (m) => {
      set((s) => rs.onHello(s, m.payload));
      if (this.#link) this.#pairs.join(this.#link, m.payload?.runs ?? []);
      this.#link = null;
      if (this.#share) this.#watch(this.#share.kind === 'run' ? [this.#share.runId] : this.#share.runIds, m.payload?.runs ?? []);
      this.#share = null;
      for (const p of this.#store.get().panels) if (!p.runId && !p.creating) this.#createRun(p.key);
    });
    c.on('state', (m) => { this.#onState(m); set((s) => rs.onServerMessage(s, m)); });
    c.on('config', (m) => {
      if (m.payload?.rebuilt) this.#clearHistory(m.runId);
      set((s) => rs.onServerMessage(s, m));
    });
    c.on('reset', (m) => { this.#clearHistory(m.runId); set((s) => rs.onServerMessage(s, m)); });
    c.on('metrics', (m) => {
      if (!this.#data.has(m.runId) || !m.payload?.columns) return;
      this.#data.get(m.runId).append(m.payload.group, m.payload.columns);
      this.#notify(m.runId, 'metricsArrived');
    });
    c.on('frame', (f) => {
      if (!this.#data.has(f.header.runId)) return;
      const images = f.header.type === msg.S.IMAGES;
      if (f.header.type === msg.S.AUTOENCODER) {
        this.#data.get(f.header.runId).ae = f;
        this.#notify(f.header.runId, 'aeArrived');
        return;
      }
      if (images) this.#data.get(f.header.runId).setImages(f); else this.#data.get(f.header.runId).frame = f;
      this.#notify(f.header.runId, images ? 'imagesArrived' : 'frameArrived');
    });
    c.on('classes', (m) => {
      if (this.#data.has(m.runId) && this.#data.get(m.runId).setClasses(m.payload)) this.#notify(m.runId, 'classesArrived');
    });
    c.on('progress', (m) => set((s) => rs.onServerMessage(s, m)));
    c.on('modes', (m) => {
      if (this.#data.has(m.runId) && this.#data.get(m.runId).setModes(m.payload)) this.#notify(m.runId, 'modesArrived');
    });
    c.on('alarm', (m) => set((s) => rs.onServerMessage(s, m)));
    c.on('access', (m) => set((s) => rs.onServerMessage(s, m)));
    c.on('error', (m) => {
      if (m.id !== undefined) return; // a request's error: handled where it was sent
      const panel = m.runId && rs.panelForRun(this.#store.get(), m.runId);
      if (m.runId && this.#pairs.owns(m.runId)) this.#pairs.notice(m.runId, m.payload?.message ?? 'server error');
      else if (panel) set((s) => rs.setNotice(s, panel.key, { level: 'error', text: m.payload?.message ?? 'server error' }));
      else console.warn('server error', m.payload);
    });
    c.on('run_lost', (runId) => {
      if (this.#pairs.owns(runId)) { this.#pairs.notice(runId, `the server no longer has run ${runId}.`); return; }
      const panel = rs.panelForRun(this.#store.get(), runId);
      const run = this.#store.get().runs[runId];
      this.#data.delete(runId);
      if (!panel) return;
      if (!msg.canControl(run?.role)) { // someone else's run: nothing to recreate
        set((s) => rs.setNotice(s, panel.key, { level: 'info', text: `The server no longer has run ${runId}.` }));
        return;
      }
      this.#wanted.set(panel.key, { preset: run?.preset ?? DEFAULT_PRESET, overrides: run?.config ?? undefined });
      set((s) => rs.setNotice(s, panel.key, { level: 'info',
        text: `The server no longer has run ${runId}; started a new one with the same settings.` }));
      this.#createRun(panel.key);
    });
    c.on('decode_error', (e) => console.warn('could not decode a server message', e));
  }

  /** A step below the last seen means history was reset while we were away: start the charts over. */
  #onState(m) {
    if (!this.#data.has(m.runId) || typeof m.payload?.step !== 'number') return;
    const d = this.#data.get(m.runId);
    if (m.payload.step < d.step) {
      this.#clearHistory(m.runId);
      d.step = m.payload.step;
      if (m.payload.step > 0) this.#client.send(msg.subscribe(m.runId, 0));
    } else {
      d.step = m.payload.step;
    }
  }

  #clearHistory(runId) {
    if (!this.#data.has(runId)) return;
    this.#data.get(runId).clear();
    this.#store.set((s) => rs.clearAlarm(s, runId));
    this.#notify(runId, 'metricsArrived');
    this.#notify(runId, 'modesArrived');
    this.#notify(runId, 'classesArrived');
    this.#notify(runId, 'imagesArrived');
  }

  /** New high-rate data for runId: tell the panel or the pair view showing it. */
  #notify(runId, what) {
    this.#panelFor(runId)?.[what]();
    this.#pairs.notify(runId, what);
  }

  /** After leaving a pair (or a dead shared link): the single-run page needs a panel, with an optional notice. */
  #ensurePanel(notice) {
    if (!this.#store.get().panels.length) this.#addPanel(DEFAULT_PRESET);
    if (notice) {
      const key = this.#store.get().panels[0].key;
      this.#store.set((s) => rs.setNotice(s, key, { level: 'info', text: notice }));
    }
  }

  #addPanel(preset, overrides) {
    const key = `p${this.#nextKey++}`;
    this.#wanted.set(key, { preset, overrides });
    this.#store.set((s) => rs.addPanel(s, key));
    if (this.#client.status === 'open') this.#createRun(key);
  }

  async #createRun(key) {
    const { preset, overrides } = this.#wanted.get(key) ?? { preset: DEFAULT_PRESET };
    this.#store.set((s) => rs.updatePanel(s, key, { creating: true }));
    try {
      const reply = await this.#client.request(msg.createRun({ preset, overrides }));
      if (!rs.panelByKey(this.#store.get(), key)) { this.#client.send(msg.stop(reply.runId)); return; }
      this.#client.track(reply.runId);
      this.#data.get(reply.runId);
      this.#store.set((s) => rs.attachRun(s, key, reply));
      for (const detail of this.#queued.get(key)?.splice(0) ?? []) this.#command({ ...detail, runId: reply.runId });
    } catch (err) { // an unavailable dataset is an invalid_config on /data/kind: shown beside the picker too
      this.#store.set((s) => rs.setNotice(rs.addFieldErrors(rs.updatePanel(s, key, { creating: false }), key, errorsByPointer(err)),
        key, { level: 'error', text: `Could not create a run: ${err.message}` }));
    }
  }

  /** This page stops showing runId: its own run is stopped, someone else's only unsubscribed. */
  #dropRun(runId) {
    if (!runId) return;
    this.#client.untrack(runId);
    const own = msg.canControl(this.#store.get().runs[runId]?.role ?? 'owner');
    this.#client.request(own ? msg.stop(runId) : msg.unsubscribe(runId)).catch(() => {}); // already gone is fine
    this.#data.delete(runId);
  }

  #command(detail) {
    const { panelKey: key, runId, type } = detail;
    if (type === 'dismiss_alarm') { this.#store.set((s) => rs.dismissRunAlarm(s, runId)); return; }
    if (detail.scope === 'pair') { this.#pairs.command(type); return; }
    if (detail.side) { this.#pairs.sideCommand(detail); return; }
    if (type === 'close') {
      this.#dropRun(runId);
      this.#wanted.delete(key);
      this.#queued.delete(key);
      this.#store.set((s) => rs.removePanel(s, key));
      return;
    }
    if (type === 'preset') {
      this.#dropRun(runId);
      this.#wanted.set(key, { preset: detail.preset });
      this.#store.set((s) => rs.detachRun(s, key));
      if (this.#client.status === 'open') this.#createRun(key);
      return;
    }
    if (!runId) { // pressed before the run exists: replay once it is created
      if (!this.#queued.has(key)) this.#queued.set(key, []);
      this.#queued.get(key).push(detail);
      return;
    }
    const build = commandMessage(detail);
    if (!build) { console.warn('unknown command', detail); return; }
    this.#client.request(build()).then(() => this.#store.set((s) => {
      const cleared = rs.setNotice(s, key, null);
      return type === 'update_config' ? rs.clearFieldErrors(cleared, key, leafPointers(detail.patch)) : cleared;
    }), (err) => this.#failed(key, type, err));
  }

  #failed(key, type, err) {
    const raw = errorsByPointer(err);
    const text = err.code === 'invalid_config'
      ? `Not applied: ${Object.entries(raw).map(([k, v]) => `${k} ${v}`).join('; ') || err.message}`
      : err.code === 'disconnected' ? `Not connected: "${type}" was not sent.` : `${type}: ${err.message}`;
    this.#store.set((s) => rs.setNotice(rs.addFieldErrors(s, key, raw), key, { level: 'error', text }));
  }

  #panelFor(runId) {
    const panel = rs.panelForRun(this.#store.get(), runId);
    return panel ? this.#panels.get(panel.key) : null;
  }

  #render(s) {
    this.querySelector('gan-connection-status').connection = s.connection;
    const main = this.querySelector('main.panels');
    main.hidden = Boolean(s.pair);
    document.body.classList.toggle('presenter', s.presenter);
    this.querySelector('[data-testid=add-run]').hidden = Boolean(s.pair) || s.presenter;
    this.querySelector('[data-testid=compare-ab]').hidden = s.presenter;
    this.#pairs.render(s);
    for (const [key, el] of this.#panels) {
      if (!rs.panelByKey(s, key)) { el.remove(); this.#panels.delete(key); }
    }
    for (const panel of s.panels) {
      let el = this.#panels.get(panel.key);
      if (!el) {
        el = document.createElement('gan-run-panel');
        el.dataset.panel = panel.key;
        this.#panels.set(panel.key, el);
        main.append(el);
      }
      el.model = { panel, run: s.runs[panel.runId] ?? null, presets: s.presets, datasets: s.datasets,
        closable: s.panels.length > 1 && !s.presenter, presenter: s.presenter };
      el.data = panel.runId ? this.#data.get(panel.runId) : null;
    }
  }
}

export const registerGanApp = () => customElements.define('gan-app', GanApp);
