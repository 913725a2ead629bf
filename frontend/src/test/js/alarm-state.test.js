import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as a from '../../main/resources/webroot/app/alarm-state.js';
import * as rs from '../../main/resources/webroot/app/run-state.js';

const collapse = (step, captured = 2, modes = 8, hqFraction = 0.97) =>
  ({ kind: 'collapse', step, captured, modes, hqFraction, message: `collapse at ${step}` });
const recovered = (step) => ({ kind: 'recovered', step, captured: 8, modes: 8, hqFraction: 0.9, message: `recovered at ${step}` });

test('collapse then recovered: the banner text follows the last event', () => {
  let s = a.reduceAlarm(a.initialAlarm(), collapse(4200));
  assert.equal(s.kind, 'collapse');
  assert.equal(a.alarmText(s), 'Mode collapse at step 4,200: 2 of 8 modes captured (HQ 97%)');
  assert.ok(a.alarmVisible(s));
  s = a.reduceAlarm(s, recovered(6100));
  assert.equal(a.alarmText(s), 'All modes recovered at step 6,100');
  assert.equal(s.events, 2);
});

test('a late joiner replaying every event ends in the state of the last one', () => {
  const events = [collapse(1000), recovered(2000), collapse(3000, 1), recovered(5000), collapse(7000, 3)];
  const s = a.replayAlarms(events);
  assert.equal(s.kind, 'collapse');
  assert.equal(s.step, 7000);
  assert.equal(s.captured, 3);
  assert.equal(s.events, 5);
  let one = a.initialAlarm();
  for (const e of events) one = a.reduceAlarm(one, e);
  assert.deepEqual(one, s, 'a burst gives the same state as live events');
  assert.equal(a.replayAlarms(events.slice(0, 4)).kind, 'recovered');
});

test('a replay after a reconnect neither resurrects a dismissed banner nor goes back in time', () => {
  const events = [collapse(1000), recovered(2000)];
  let s = a.dismissAlarm(a.replayAlarms(events));
  assert.equal(s.dismissed, true);
  assert.equal(a.alarmVisible(s), false);
  const again = a.replayAlarms(events, s);
  assert.equal(again, s);
  s = a.reduceAlarm(s, collapse(3000));
  assert.equal(s.dismissed, false, 'a new event shows again');
});

test('only the recovered banner is dismissable; junk is ignored; missing numbers use the message', () => {
  const c = a.reduceAlarm(null, collapse(100));
  assert.equal(a.dismissAlarm(c), c);
  assert.equal(a.reduceAlarm(c, { kind: 'weird', step: 200 }), c);
  assert.equal(a.reduceAlarm(c, null), c);
  assert.equal(a.alarmText(a.reduceAlarm(null, { kind: 'collapse', step: 5, message: 'server says' })), 'server says');
  assert.equal(a.alarmText(null), '');
});

test('run-state: alarm messages reduce per run; reset and rebuild clear; dismiss is per run', () => {
  let s = rs.attachRun(rs.addPanel(rs.initialState(), 'p1'), 'p1',
    { runId: 'r1', payload: { preset: 'ring8', config: {} } });
  s = rs.onServerMessage(s, { type: 'alarm', runId: 'r1', payload: collapse(300) });
  assert.equal(s.runs.r1.alarm.kind, 'collapse');
  const same = rs.onServerMessage(s, { type: 'alarm', runId: 'r1', payload: collapse(300) });
  assert.equal(same, s, 'a duplicate changes nothing (no re-render)');
  s = rs.onServerMessage(s, { type: 'alarm', runId: 'r1', payload: recovered(900) });
  s = rs.dismissRunAlarm(s, 'r1');
  assert.equal(s.runs.r1.alarm.dismissed, true);
  s = rs.onServerMessage(s, { type: 'reset', runId: 'r1', payload: { step: 0 } });
  assert.equal(s.runs.r1.alarm, null);
  s = rs.onServerMessage(s, { type: 'alarm', runId: 'r1', payload: collapse(300) });
  s = rs.onServerMessage(s, { type: 'config', runId: 'r1', payload: { config: {}, rebuilt: true } });
  assert.equal(s.runs.r1.alarm, null);
  s = rs.onServerMessage(s, { type: 'alarm', runId: 'r1', payload: collapse(300) });
  assert.equal(rs.clearAlarm(s, 'r1').runs.r1.alarm, null);
});
