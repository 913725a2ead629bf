import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramModel, barLayout, capturedText } from '../../main/resources/webroot/charts/mode-histogram.js';
import { RunData } from '../../main/resources/webroot/app/run-data.js';

const payload = { step: 4200, counts: [1200, 0, 1100, 0, 0, 20, 0, 5], samples: 2500,
  centres: [2, 0, 1.41, 1.41, 0, 2, -1.41, 1.41, -2, 0, -1.41, -1.41, 0, -2, 1.41, -1.41] };

test('one bar per mode: captured = at least one HQ sample, covered = at least 1% of the samples', () => {
  const m = histogramModel(payload);
  assert.equal(m.modes, 8);
  assert.equal(m.captured, 4);
  assert.equal(capturedText(m), 'captured 4 / 8');
  assert.deepEqual(m.bars.map((b) => b.empty), [false, true, false, true, true, false, true, false]);
  assert.deepEqual(m.bars.map((b) => b.covered), [true, false, true, false, false, false, false, false]);
  assert.equal(m.coveredMin, 25);
  assert.deepEqual(m.bars[2].centre, [0, 2]);
  assert.equal(m.bars[0].fraction, 0.48);
  assert.equal(m.step, 4200);
});

test('no modes, or junk counts, give no histogram / zero bars', () => {
  assert.equal(histogramModel(null), null);
  assert.equal(histogramModel({ counts: [] }), null);
  const m = histogramModel({ counts: [3, -1, null, NaN], samples: 10 });
  assert.deepEqual(m.bars.map((b) => b.count), [3, 0, 0, 0]);
  assert.equal(m.captured, 1);
});

test('an even spread fills about half the height; bars are whole pixels inside the area', () => {
  const even = histogramModel({ counts: [100, 100, 100, 100], samples: 400 });
  const bars = barLayout(even, 200, 100);
  assert.equal(bars.length, 4);
  for (const b of bars) {
    assert.equal(b.h, 50);
    assert.ok(Number.isInteger(b.x) && Number.isInteger(b.w) && b.x >= 0 && b.x + b.w <= 200);
  }
  const lay = barLayout(histogramModel(payload), 160, 80);
  assert.equal(lay[1].h, 0);
  assert.equal(lay[1].empty, true);
  assert.ok(lay[0].h === 80 && lay[0].y === 0, 'the tallest bar fills the height');
  assert.ok(lay[7].h >= 1, 'a tiny count still shows');
  assert.deepEqual(barLayout(null, 10, 10), []);
});

test('run data keeps the newest modes payload and forgets it with the history', () => {
  const d = new RunData();
  assert.equal(d.setModes(payload), true);
  assert.equal(d.setModes({ ...payload, step: 100 }), false, 'an older snapshot does not replace it');
  assert.equal(d.modes.step, 4200);
  d.clear();
  assert.equal(d.modes, null);
});
