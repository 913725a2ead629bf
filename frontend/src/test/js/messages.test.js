import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as m from '../../main/resources/webroot/protocol/messages.js';

const RUN = 'r3f9a0c12b4d7';
const wire = (x) => JSON.stringify(x);

test('protocol.md flow 1: create_run and start', () => {
  assert.equal(wire(m.createRun({ preset: 'ring8' }, '1')), '{"type":"create_run","id":"1","payload":{"preset":"ring8"}}');
  assert.equal(wire(m.start(RUN, '2')), `{"type":"start","id":"2","runId":"${RUN}"}`);
});

test('protocol.md flow 2: pause and a single D step', () => {
  assert.equal(wire(m.pause(RUN)), `{"type":"pause","runId":"${RUN}"}`);
  assert.equal(wire(m.step(RUN, 'd')), `{"type":"step","runId":"${RUN}","payload":{"phase":"d"}}`);
  assert.equal(wire(m.step(RUN, 'both', 5, '9')), `{"type":"step","id":"9","runId":"${RUN}","payload":{"phase":"both","count":5}}`);
  assert.throws(() => m.step(RUN, 'x'), /phase/);
});

test('protocol.md flow 3 and 4: update_config with a partial patch', () => {
  assert.equal(wire(m.updateConfig(RUN, { train: { optimizerD: { lr: 0.0001 } } })),
    `{"type":"update_config","runId":"${RUN}","payload":{"patch":{"train":{"optimizerD":{"lr":0.0001}}}}}`);
  assert.equal(wire(m.updateConfig(RUN, { train: { batchSize: -3 } }, false, '7')),
    `{"type":"update_config","id":"7","runId":"${RUN}","payload":{"patch":{"train":{"batchSize":-3}}}}`);
  assert.equal(wire(m.updateConfig(RUN, { seed: 7 }, true)),
    `{"type":"update_config","runId":"${RUN}","payload":{"patch":{"seed":7},"rebuild":true}}`);
});

test('protocol.md flow 5: subscribe from a step', () => {
  assert.equal(wire(m.subscribe(RUN, 1200)), `{"type":"subscribe","runId":"${RUN}","payload":{"fromStep":1200}}`);
  assert.equal(wire(m.subscribe(RUN)), `{"type":"subscribe","runId":"${RUN}","payload":{}}`);
});

test('the other client messages have the documented envelopes', () => {
  assert.deepEqual(m.unsubscribe(RUN), { type: 'unsubscribe', runId: RUN });
  assert.deepEqual(m.reset(RUN), { type: 'reset', runId: RUN });
  assert.deepEqual(m.stop(RUN, 3), { type: 'stop', id: '3', runId: RUN });
  assert.deepEqual(m.listRuns('4'), { type: 'list_runs', id: '4' });
  assert.deepEqual(m.createRun(), { type: 'create_run', payload: {} });
  assert.deepEqual(m.validateConfig({ preset: 'grid25', overrides: { seed: 1 } }),
    { type: 'validate_config', payload: { preset: 'grid25', overrides: { seed: 1 } } });
});

test('every client type of protocol.md 3.2 has a constant', () => {
  assert.deepEqual(Object.values(m.C).sort(), ['create_pair', 'create_run', 'list_runs', 'pause', 'reset', 'start', 'step', 'stop',
    'subscribe', 'unsubscribe', 'update_config', 'validate_config']);
});

test('create_pair: a ready-made pair or preset + overrides + variant; settles with pair_created', () => {
  assert.equal(wire(m.createPair({ pair: 'collapse-vs-cure' }, '3')), '{"type":"create_pair","id":"3","payload":{"pair":"collapse-vs-cure"}}');
  assert.deepEqual(m.createPair({ preset: 'ring8', variant: { remedies: { packing: 2 } } }),
    { type: 'create_pair', payload: { preset: 'ring8', variant: { remedies: { packing: 2 } } } });
  assert.equal(m.RESULT_TYPES.create_pair, 'pair_created');
  assert.ok(m.REPLY_TYPES.has('pair_created'));
  assert.deepEqual([m.S.MODES, m.S.ALARM], ['modes', 'alarm']);
});

test('equilibrium and logistic follow the loss', () => {
  assert.equal(m.equilibrium('hinge'), 0);
  assert.equal(m.equilibrium('least_squares'), 0.5);
  assert.equal(m.isLogistic('nonsaturating'), true);
  assert.equal(m.isLogistic('least_squares'), false);
});
