import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadToken, isToken, TOKEN_KEY } from '../../main/resources/webroot/app/identity.js';
import { runLink, presentLink, configLink, parseLink } from '../../main/resources/webroot/app/share-links.js';
import * as rs from '../../main/resources/webroot/app/run-state.js';
import { canControl } from '../../main/resources/webroot/protocol/messages.js';

const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9';

class MemoryStorage {
  map = new Map();
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
}

function fakeFetch(body, status = 201) {
  const calls = [];
  const fn = async (url, init) => { calls.push({ url, init }); return { ok: status < 300, status, json: async () => body }; };
  return { fn, calls };
}

test('a stored token is used as it is: no request', async () => {
  const storage = new MemoryStorage();
  storage.setItem(TOKEN_KEY, TOKEN);
  const { fn, calls } = fakeFetch({});
  assert.equal(await loadToken({ storage, fetchFn: fn }), TOKEN);
  assert.equal(calls.length, 0);
});

test('the first visit asks the server once (POST /api/identity) and keeps the token', async () => {
  const storage = new MemoryStorage();
  const { fn, calls } = fakeFetch({ token: TOKEN });
  assert.equal(await loadToken({ storage, fetchFn: fn }), TOKEN);
  assert.deepEqual(calls.map((c) => [c.url, c.init.method]), [['/api/identity', 'POST']]);
  assert.equal(storage.getItem(TOKEN_KEY), TOKEN);
  assert.equal(await loadToken({ storage, fetchFn: fn }), TOKEN);
  assert.equal(calls.length, 1);
});

test('a stored value that is not a token is replaced; a server answer that is not one, or an error, rejects', async () => {
  const storage = new MemoryStorage();
  storage.setItem(TOKEN_KEY, 'garbage');
  assert.equal(await loadToken({ storage, fetchFn: fakeFetch({ token: TOKEN }).fn }), TOKEN);
  await assert.rejects(loadToken({ storage: new MemoryStorage(), fetchFn: fakeFetch({ token: 'short' }).fn }), /not a token/);
  await assert.rejects(loadToken({ storage: new MemoryStorage(), fetchFn: fakeFetch({}, 500).fn }), /HTTP 500/);
  assert.equal(isToken(TOKEN), true);
  assert.equal(isToken(`${TOKEN}x`), false);
  assert.equal(isToken(null), false);
});

test('share links: watch, present (one run or an A/B pair) and settings round-trip through parseLink', () => {
  const o = 'http://lab:8080';
  assert.equal(runLink(o, 'r0123456789ab'), 'http://lab:8080/#run=r0123456789ab');
  assert.deepEqual(parseLink('#run=r0123456789ab'), { kind: 'run', runId: 'r0123456789ab' });
  assert.equal(presentLink(o, ['r0123456789ab', 'rba9876543210']), 'http://lab:8080/#present=r0123456789ab,rba9876543210');
  assert.deepEqual(parseLink('#present=r0123456789ab,rba9876543210'),
    { kind: 'present', runIds: ['r0123456789ab', 'rba9876543210'] });
  const config = { seed: 7, data: { kind: 'drawn', points: [[0.5, -0.25]] }, view: { label: 'é ✓' } };
  const link = configLink(o, 'drawn', config);
  assert.match(link, /^http:\/\/lab:8080\/#config=[A-Za-z0-9_-]+$/);
  assert.deepEqual(parseLink(new URL(link).hash), { kind: 'config', preset: 'drawn', config });
});

test('malformed links are no links', () => {
  for (const hash of ['', '#', '#run=', '#run=r123', '#run=R0123456789AB', '#run=r0123456789ab&x=1',
    '#present=r0123456789ab,r0123456789ab', '#present=r0123456789ab,rba9876543210,r111111111111', '#present=',
    '#config=!!!', '#config=e30', '#config=' + 'A'.repeat(20_000), '#other=1', '#pair=p1&a=r1&b=r2']) {
    assert.equal(parseLink(hash), null, hash);
  }
  const notObject = btoa(JSON.stringify({ preset: 'ring8', config: [1] })).replace(/=+$/, '');
  assert.equal(parseLink(`#config=${notObject}`), null);
});

test('access and queue state: a run created here is the owner\'s, a watched one takes the server\'s role; queued carries its position', () => {
  let s = rs.addPanel(rs.initialState(), 'p1');
  s = rs.attachRun(s, 'p1', { runId: 'r1', payload: { preset: 'ring8', config: null } });
  assert.equal(s.runs.r1.role, 'owner');
  s = rs.onServerMessage(s, { type: 'access', runId: 'r1', payload: { role: 'viewer' } });
  assert.equal(s.runs.r1.role, 'viewer');
  assert.equal(canControl(s.runs.r1.role), false);
  assert.equal(rs.onServerMessage(s, { type: 'access', runId: 'r1', payload: { role: 'root' } }), s);
  s = rs.onServerMessage(s, { type: 'state', runId: 'r1', payload: { state: 'queued', step: 0, position: 2, reason: 'waiting' } });
  assert.equal(s.runs.r1.position, 2);
  assert.equal(s.runs.r1.reason, 'waiting');
  s = rs.onServerMessage(s, { type: 'state', runId: 'r1', payload: { state: 'running', step: 0 } });
  assert.equal(s.runs.r1.position, null);
  assert.equal(s.runs.r1.reason, null);
  assert.equal(canControl('owner') && canControl('admin'), true);
});
