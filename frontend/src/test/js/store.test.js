import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from '../../main/resources/webroot/app/store.js';
import * as rs from '../../main/resources/webroot/app/run-state.js';

test('set with a function or a partial notifies subscribers with the new and previous state', () => {
  const store = new Store({ a: 1, b: 2 });
  const seen = [];
  const off = store.subscribe((s, prev) => seen.push([s.a, prev.a]));
  store.set((s) => ({ ...s, a: s.a + 1 }));
  store.set({ a: 5 });
  assert.deepEqual(store.get(), { a: 5, b: 2 });
  assert.deepEqual(seen, [[2, 1], [5, 2]]);
  off();
  store.set({ a: 6 });
  assert.equal(seen.length, 2);
});

test('returning the same state notifies nobody; the state is frozen', () => {
  const store = new Store({ a: 1 });
  let calls = 0;
  store.subscribe(() => calls++);
  store.set((s) => s);
  assert.equal(calls, 0);
  assert.throws(() => { 'use strict'; store.get().a = 2; }, TypeError);
});

const created = { type: 'run_created', runId: 'r1', payload: { preset: 'ring8', config: { train: { loss: 'hinge' } } } };

test('a panel gets its run from run_created, and state/config/reset update it', () => {
  let s = rs.addPanel(rs.initialState(), 'p1');
  s = rs.updatePanel(s, 'p1', { creating: true });
  s = rs.attachRun(s, 'p1', created);
  assert.equal(rs.panelByKey(s, 'p1').runId, 'r1');
  assert.equal(rs.panelByKey(s, 'p1').creating, false);
  assert.equal(s.runs.r1.state, 'created');
  s = rs.onServerMessage(s, { type: 'state', runId: 'r1', payload: { state: 'running', step: 40 } });
  assert.deepEqual([s.runs.r1.state, s.runs.r1.step], ['running', 40]);
  s = rs.onServerMessage(s, { type: 'state', runId: 'r1', payload: { state: 'failed', step: 41, reason: 'loss/d became NaN at step 41' } });
  assert.equal(s.runs.r1.reason, 'loss/d became NaN at step 41');
  s = rs.onServerMessage(s, { type: 'reset', runId: 'r1', payload: { step: 0 } });
  assert.equal(s.runs.r1.step, 0);
  s = rs.onServerMessage(s, { type: 'state', runId: 'r1', payload: { state: 'paused', step: 0 } });
  assert.equal(s.runs.r1.reason, null);
  s = rs.onServerMessage(s, { type: 'config', runId: 'r1', payload: { config: { seed: 3 }, rebuilt: true } });
  assert.deepEqual(s.runs.r1.config, { seed: 3 });
  assert.equal(rs.panelForRun(s, 'r1').key, 'p1');
});

test('messages about unknown runs leave the state untouched', () => {
  const s = rs.addPanel(rs.initialState(), 'p1');
  assert.equal(rs.onServerMessage(s, { type: 'state', runId: 'rX', payload: { state: 'running', step: 1 } }), s);
});

test('attaching a new run forgets the old one; removing a panel forgets its run', () => {
  let s = rs.attachRun(rs.addPanel(rs.initialState(), 'p1'), 'p1', created);
  s = rs.attachRun(s, 'p1', { ...created, runId: 'r2' });
  assert.deepEqual(Object.keys(s.runs), ['r2']);
  s = rs.removePanel(s, 'p1');
  assert.deepEqual(s.panels, []);
  assert.deepEqual(s.runs, {});
});

test('field errors merge and clear per field; notices and connection', () => {
  let s = rs.addPanel(rs.initialState(), 'p1');
  s = rs.addFieldErrors(s, 'p1', { '/train/batchSize': 'must be in [1, 4096], found -3' });
  s = rs.addFieldErrors(s, 'p1', { '/train/dSteps': 'too big' });
  assert.equal(Object.keys(rs.panelByKey(s, 'p1').fieldErrors).length, 2);
  s = rs.addFieldErrors(s, 'p1', { '/model/gHidden/1': 'must be in [1, 1024], found 0' });
  s = rs.clearFieldErrors(s, 'p1', ['/train/batchSize', '/model/gHidden']);
  assert.deepEqual(rs.panelByKey(s, 'p1').fieldErrors, { '/train/dSteps': 'too big' });
  assert.equal(rs.clearFieldErrors(s, 'p1', ['/view/slowMode']), s);
  s = rs.setNotice(s, 'p1', { level: 'error', text: 'boom' });
  assert.equal(rs.panelByKey(s, 'p1').notice.text, 'boom');
  s = rs.setConnection(s, { status: 'closed', retryInMs: 800 });
  assert.deepEqual(s.connection, { status: 'closed', attempt: 0, retryInMs: 800 });
  s = rs.onHello(s, { presets: [{ id: 'ring8' }] });
  assert.equal(s.presets[0].id, 'ring8');
});

import { RunData, RunDataRegistry } from '../../main/resources/webroot/app/run-data.js';

test('run data routes metrics groups to their buffers and tracks the last step seen', () => {
  const registry = new RunDataRegistry();
  const d = registry.get('r1');
  assert.equal(registry.get('r1'), d);
  d.append('train', { step: [10, 20], 'loss/d': [1, 2] });
  d.append('eval', { step: [20], 'div/kl_grid': [0.3] });
  assert.equal(d.train.length, 2);
  assert.equal(d.eval.length, 1);
  assert.equal(d.step, 20);
  d.clear();
  assert.equal(d.step, 0);
  assert.equal(d.train.length + d.eval.length, 0);
  registry.delete('r1');
  assert.equal(registry.has('r1'), false);
});

test('detachRun forgets the panel\'s run and its messages', () => {
  let s = rs.attachRun(rs.addPanel(rs.initialState(), 'p1'), 'p1', created);
  s = rs.setNotice(s, 'p1', { level: 'error', text: 'x' });
  s = rs.detachRun(s, 'p1');
  assert.deepEqual(s.runs, {});
  assert.equal(rs.panelByKey(s, 'p1').runId, null);
  assert.equal(rs.panelByKey(s, 'p1').notice, null);
});
