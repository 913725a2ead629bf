import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GanClient, RequestError } from '../../main/resources/webroot/protocol/client.js';

/** A scripted stand-in for the browser WebSocket: records what the client sends, lets the test reply. */
class FakeSocket {
  static all = [];
  constructor(url, protocols) {
    Object.assign(this, { url, protocols, readyState: 1, sent: [] });
    FakeSocket.all.push(this);
  }
  send(text) { this.sent.push(JSON.parse(text)); }
  close(code) { this.readyState = 3; this.onclose?.({ code }); }
  reply(msg) { this.onmessage({ data: typeof msg === 'string' ? msg : JSON.stringify(msg) }); }
  drop() { this.readyState = 3; this.onclose({ code: 1006 }); }
}

const hello = (runs = []) => ({ type: 'hello', seq: 0, payload: { protocolVersion: 'gan.v1', presets: [], runs } });
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function newClient(fromStep = () => 0) {
  FakeSocket.all = [];
  const client = new GanClient('ws://x/ws', { WebSocket: FakeSocket, fromStep, minDelayMs: 1, maxDelayMs: 2 });
  const statuses = [];
  client.on('status', (s) => statuses.push(s.status));
  client.connect();
  return { client, statuses, ws: () => FakeSocket.all.at(-1) };
}

test('offers the gan.v1 subprotocol, reads binary as ArrayBuffer, is open after hello', () => {
  const { client, statuses, ws } = newClient();
  assert.deepEqual(ws().protocols, ['gan.v1']);
  assert.equal(ws().binaryType, 'arraybuffer');
  ws().reply(hello());
  assert.deepEqual(statuses, ['connecting', 'open']);
  assert.equal(client.lastSeq, 0);
  client.close();
});

test('request resolves with the reply of the same id and rejects with the error', async () => {
  const { client, ws } = newClient();
  ws().reply(hello());
  const ok = client.request({ type: 'start', runId: 'r1' });
  const bad = client.request({ type: 'update_config', runId: 'r1', payload: { patch: { train: { batchSize: -3 } } } });
  const [first, second] = ws().sent;
  assert.deepEqual(Object.keys(first), ['type', 'id', 'runId']);
  ws().reply({ type: 'ack', id: first.id, runId: 'r1' });
  ws().reply({ type: 'error', id: second.id, runId: 'r1', payload: { code: 'invalid_config', message: 'must be in [1, 4096], found -3', field: '/train/batchSize' } });
  assert.equal((await ok).type, 'ack');
  await assert.rejects(bad, (e) => e instanceof RequestError && e.code === 'invalid_config' && e.payload.field === '/train/batchSize');
  client.close();
});

test('a request while disconnected rejects at once', async () => {
  const { client, ws } = newClient();
  ws().readyState = 0;
  await assert.rejects(client.request({ type: 'start', runId: 'r1' }), { code: 'disconnected' });
  client.close();
});

test('messages go to listeners by type; bad text is reported, not thrown', () => {
  const { client, ws } = newClient();
  const got = [];
  client.on('metrics', (m) => got.push(m.payload.columns.step));
  client.on('decode_error', (e) => got.push('decode_error'));
  ws().reply({ type: 'metrics', runId: 'r1', seq: 4, payload: { group: 'train', columns: { step: [1] } } });
  ws().reply('not json');
  ws().onmessage({ data: new ArrayBuffer(2) });
  assert.deepEqual(got, [[1], 'decode_error', 'decode_error']);
  client.close();
});

test('reconnects with backoff and re-subscribes tracked runs from the last step seen', async () => {
  const { client, statuses, ws } = newClient((runId) => (runId === 'r1' ? 1200 : 0));
  const lost = [];
  client.on('run_lost', (id) => lost.push(id));
  ws().reply(hello());
  client.track('r1');
  client.track('r2');
  const pending = client.request({ type: 'pause', runId: 'r1' });
  ws().drop();
  await assert.rejects(pending, { code: 'disconnected' });
  assert.equal(statuses.at(-1), 'closed');
  await tick(20);
  assert.equal(FakeSocket.all.length, 2);
  ws().reply(hello([{ runId: 'r1', preset: 'ring8', state: 'running', step: 1300 }]));
  assert.deepEqual(ws().sent, [{ type: 'subscribe', runId: 'r1', payload: { fromStep: 1200 } }]);
  assert.deepEqual(lost, ['r2']);
  client.close();
  await tick(10);
  assert.equal(FakeSocket.all.length, 2, 'no reconnect after close()');
});

test('create_run settles with run_created, not with an ack that comes first', async () => {
  const { client, ws } = newClient();
  ws().reply(hello());
  const created = client.request({ type: 'create_run', payload: { preset: 'ring8' } });
  const { id } = ws().sent[0];
  ws().reply({ type: 'ack', id });
  ws().reply({ type: 'run_created', id, runId: 'r3f9a0c12b4d7', payload: { preset: 'ring8', config: {} } });
  const reply = await created;
  assert.equal(reply.type, 'run_created');
  assert.equal(reply.runId, 'r3f9a0c12b4d7');
  client.close();
});

test('with a token, offers it as the second subprotocol gan.token.<token> (a browser cannot set headers)', () => {
  FakeSocket.all = [];
  const token = 'A'.repeat(43);
  const client = new GanClient('ws://x/ws', { WebSocket: FakeSocket, token });
  client.connect();
  assert.deepEqual(FakeSocket.all.at(-1).protocols, ['gan.v1', `gan.token.${token}`]);
  client.close();
});
