/**
 * Usage:
 *   const client = new GanClient('ws://host/ws', { fromStep: (runId) => lastStepSeen(runId) });
 *   client.on('state', (msg) => ...); client.on('frame', (frame) => ...); client.on('status', (s) => ...);
 *   client.connect();
 *   const reply = await client.request(msg.start(runId));   // resolves with the ack, rejects with the error
 *
 * One WebSocket (subprotocol gan.v1) for every run on the page; no DOM. Reconnects with exponential backoff
 * and, on the next hello, re-subscribes every tracked run from the last step seen; runs the server no longer
 * has are reported as 'run_lost'. Listeners: any server type, 'frame' (decoded binary frame), 'status'
 * ({status: 'connecting'|'open'|'closed', attempt, retryInMs}), 'run_lost' (runId), 'decode_error' (Error).
 */
import { SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, REPLY_TYPES, RESULT_TYPES, S, subscribe } from './messages.js';
import { decodeFrame } from './frame.js';

export class RequestError extends Error {
  constructor(payload, request) {
    super(payload?.message ?? 'request failed');
    this.code = payload?.code;
    this.payload = payload ?? {};
    this.request = request;
  }
}

export class GanClient {
  #url; #opts; #ws = null; #listeners = new Map(); #pending = new Map(); #tracked = new Set();
  #nextId = 1; #attempt = 0; #timer = null; #closedByUser = false;
  status = 'closed';
  lastSeq = -1;

  /**
   * @param {string} url ws:// or wss:// URL of /ws
   * @param {{WebSocket?: Function, fromStep?: (runId: string) => number, minDelayMs?: number,
   *          maxDelayMs?: number, requestTimeoutMs?: number, token?: string}} [opts] token: this browser's
   *          token (app/identity.js), offered as the extra subprotocol gan.token.<token>; none: watch only
   */
  constructor(url, opts = {}) {
    this.#url = url;
    this.#opts = { WebSocket: globalThis.WebSocket, fromStep: () => 0, minDelayMs: 500, maxDelayMs: 10_000,
      requestTimeoutMs: 20_000, ...opts };
  }

  on(type, fn) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(fn);
    return () => this.#listeners.get(type).delete(fn);
  }

  connect() {
    this.#closedByUser = false;
    clearTimeout(this.#timer);
    const protocols = this.#opts.token ? [SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${this.#opts.token}`] : [SUBPROTOCOL];
    const ws = new this.#opts.WebSocket(this.#url, protocols);
    ws.binaryType = 'arraybuffer';
    this.#ws = ws;
    this.#setStatus('connecting');
    ws.onmessage = (e) => { if (ws === this.#ws) this.#receive(e.data); };
    ws.onclose = (e) => { if (ws === this.#ws) this.#closed(e); };
    ws.onerror = () => {}; // a close event always follows; the backoff lives there
  }

  close() {
    this.#closedByUser = true;
    clearTimeout(this.#timer);
    this.#ws?.close(1000);
  }

  /** Keeps runId subscribed across reconnects (create_run subscribes implicitly, so track its runId). */
  track(runId) { this.#tracked.add(runId); }
  untrack(runId) { this.#tracked.delete(runId); }

  /** Sends an envelope from messages.js; returns false when the socket is not open. */
  send(message) {
    if (this.#ws?.readyState !== 1) return false;
    this.#ws.send(JSON.stringify(message));
    return true;
  }

  /**
   * Sends message with a fresh id; the promise settles with the reply carrying that id: the error, or the
   * request's result (run_created for create_run, config_valid, runs), or else the ack.
   */
  request(message) {
    const id = String(this.#nextId++);
    const withId = { type: message.type, id, ...message };
    withId.id = id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(id, null,
        new RequestError({ code: 'timeout', message: 'no reply from the server' }, withId)), this.#opts.requestTimeoutMs);
      const expect = RESULT_TYPES[withId.type] ?? null;
      this.#pending.set(id, { resolve, reject, timer, expect, request: withId }); // before send: a reply may come at once
      if (!this.send(withId)) {
        this.#settle(id, null, new RequestError({ code: 'disconnected', message: 'not connected to the server' }, withId));
      }
    });
  }

  #receive(data) {
    if (data instanceof ArrayBuffer) {
      let frame;
      try { frame = decodeFrame(data); } catch (e) { this.#emit('decode_error', e); return; }
      if (typeof frame.header.seq === 'number') this.lastSeq = frame.header.seq;
      this.#emit('frame', frame);
      return;
    }
    let m;
    try { m = JSON.parse(data); } catch (e) { this.#emit('decode_error', e); return; }
    if (typeof m.seq === 'number') this.lastSeq = m.seq;
    if (m.type === S.HELLO) this.#hello(m);
    this.#emit(m.type, m);
    const pending = m.id !== undefined && this.#pending.get(m.id);
    if (pending && REPLY_TYPES.has(m.type)) {
      if (m.type === S.ERROR) this.#settle(m.id, null, new RequestError(m.payload, pending.request));
      else if (!pending.expect || pending.expect === m.type) this.#settle(m.id, m, null);
    }
  }

  #hello(m) {
    this.#attempt = 0;
    this.#setStatus('open');
    const alive = new Set((m.payload?.runs ?? []).map((r) => r.runId));
    for (const runId of [...this.#tracked]) {
      if (alive.has(runId)) {
        this.send(subscribe(runId, this.#opts.fromStep(runId)));
      } else {
        this.#tracked.delete(runId);
        this.#emit('run_lost', runId);
      }
    }
  }

  #closed(e) {
    for (const id of [...this.#pending.keys()]) {
      this.#settle(id, null, new RequestError({ code: 'disconnected', message: 'connection lost' }));
    }
    if (this.#closedByUser) { this.#setStatus('closed', { code: e?.code }); return; }
    const base = Math.min(this.#opts.maxDelayMs, this.#opts.minDelayMs * 2 ** this.#attempt);
    const retryInMs = Math.round(base * (0.75 + Math.random() * 0.5));
    this.#attempt++;
    this.#setStatus('closed', { code: e?.code, retryInMs });
    this.#timer = setTimeout(() => this.connect(), retryInMs);
  }

  #settle(id, reply, error) {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    clearTimeout(p.timer);
    if (error) p.reject(error); else p.resolve(reply);
  }

  #setStatus(status, extra = {}) {
    this.status = status;
    this.#emit('status', { status, attempt: this.#attempt, ...extra });
  }

  #emit(type, arg) {
    for (const fn of this.#listeners.get(type) ?? []) {
      try { fn(arg); } catch (e) { console.error(`listener for ${type} failed`, e); }
    }
  }
}
