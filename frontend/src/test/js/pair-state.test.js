import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ps from '../../main/resources/webroot/app/pair-state.js';
import * as rs from '../../main/resources/webroot/app/run-state.js';

const A = 'r0000000000a1';
const B = 'r0000000000b2';
const P = 'p0123456789ab';
const cfgA = { seed: 42, train: { loss: 'nonsaturating', dSteps: 2 },
  remedies: { minibatchDiscrimination: { enabled: false, kernels: 16, kernelDims: 5 }, replay: { enabled: false, size: 16384, fraction: 0.5 }, packing: 1, realLabel: 1 } };
const cfgB = { ...cfgA, remedies: { ...cfgA.remedies, minibatchDiscrimination: { enabled: true, kernels: 16, kernelDims: 5 } } };
const created = { type: 'pair_created', id: '3', payload: { pairId: P, a: { runId: A, label: 'collapse', config: cfgA },
  b: { runId: B, label: 'minibatch discrimination', config: cfgB }, differences: ['/remedies/minibatchDiscrimination/enabled'] } };

test('pair_created opens the pair: both runs in the page state, labels and differences kept', () => {
  let s = ps.openPair(rs.initialState(), ps.pairFromCreated(created, 'collapse vs cure'));
  assert.deepEqual(s.pair, { pairId: P, name: 'collapse vs cure', a: { runId: A, label: 'collapse' },
    b: { runId: B, label: 'minibatch discrimination' }, differences: ['/remedies/minibatchDiscrimination/enabled'] });
  assert.equal(s.runs[A].config, cfgA);
  assert.equal(s.runs[B].state, 'created');
  assert.deepEqual(ps.pairRunIds(s), [A, B]);
  s = rs.onServerMessage(s, { type: 'state', runId: B, payload: { state: 'running', step: 50 } });
  s = rs.onServerMessage(s, { type: 'alarm', runId: A, payload: { kind: 'collapse', step: 400, captured: 2, modes: 8, hqFraction: 0.9, message: '' } });
  assert.equal(s.runs[B].step, 50);
  assert.equal(s.runs[A].alarm.kind, 'collapse');
  s = ps.closePair(s);
  assert.equal(s.pair, null);
  assert.deepEqual(Object.keys(s.runs), []);
  assert.equal(ps.closePair(s), s);
});

test('the share link round-trips; bad links are refused', () => {
  const pair = ps.openPair(rs.initialState(), ps.pairFromCreated(created)).pair;
  const hash = ps.pairHash(pair);
  assert.ok(hash.startsWith(`#pair=${P}&a=${A}&b=${B}`));
  assert.deepEqual(ps.parsePairHash(hash), { pairId: P, a: A, b: B, labelA: 'collapse', labelB: 'minibatch discrimination' });
  assert.deepEqual(ps.parsePairHash(`#pair=${P}&a=${A}&b=${B}`), { pairId: P, a: A, b: B, labelA: 'A', labelB: 'B' });
  assert.equal(ps.parsePairHash(`/#pair=${P}&a=${A}`), null);
  assert.equal(ps.parsePairHash(`#pair=${P}&a=${A}&b=${A}`), null);
  assert.equal(ps.parsePairHash(`#pair=x&a=${A}&b=${B}`), null);
  assert.equal(ps.parsePairHash(''), null);
  assert.equal(ps.parsePairHash(undefined), null);
});

test('differences: pointers from two configs, described with both values', () => {
  assert.deepEqual(ps.configDifferences(cfgA, cfgB), ['/remedies/minibatchDiscrimination/enabled']);
  assert.deepEqual(ps.configDifferences(cfgA, cfgA), []);
  assert.deepEqual(ps.configDifferences({ m: { h: [1, 2] } }, { m: { h: [1, 3] } }), ['/m/h']);
  assert.deepEqual(ps.describeDifferences(['/remedies/minibatchDiscrimination/enabled', '/train/dSteps'], cfgA, cfgB), [
    { pointer: '/remedies/minibatchDiscrimination/enabled', label: 'minibatch discrimination', a: 'off', b: 'on' },
    { pointer: '/train/dSteps', label: 'D steps per G step', a: '2', b: '2' }]);
  assert.deepEqual(ps.describeDifferences(['/x/y'], null, cfgB), [{ pointer: '/x/y', label: '/x/y', a: '–', b: '–' }]);
});

test('variant patches change exactly one setting and must differ from A', () => {
  assert.deepEqual(ps.variantPatch('mbd', cfgA), { remedies: { minibatchDiscrimination: { enabled: true } } });
  assert.deepEqual(ps.variantPatch('replay', cfgB), { remedies: { replay: { enabled: true } } });
  assert.deepEqual(ps.variantPatch('packing', cfgA), { remedies: { packing: 2 } });
  assert.deepEqual(ps.variantPatch('realLabel', cfgA), { remedies: { realLabel: 0.9 } });
  assert.deepEqual(ps.variantPatch('loss', cfgA), { train: { loss: 'minimax' } });
  assert.deepEqual(ps.variantPatch('dSteps', cfgA, 5), { train: { dSteps: 5 } });
  assert.throws(() => ps.variantPatch('dSteps', cfgA, 2), /differ/);
  assert.throws(() => ps.variantPatch('packing', cfgA, 9), /\[1, 4\]/);
  assert.throws(() => ps.variantPatch('nope', cfgA), /unknown/);
  assert.equal(ps.variantDefault('packing', { remedies: { packing: 2 } }), 3);
});
