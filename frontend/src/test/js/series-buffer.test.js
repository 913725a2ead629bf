import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeriesBuffer } from '../../main/resources/webroot/charts/series-buffer.js';

test('append keeps columns aligned and reads missing values as null', () => {
  const b = new SeriesBuffer();
  assert.equal(b.append({ step: [10, 20], 'loss/d': [0.7, 0.6], 'loss/g': [0.9, null] }), 2);
  assert.equal(b.length, 2);
  assert.equal(b.lastX, 20);
  assert.deepEqual(b.window(['loss/d', 'loss/g', 'absent']),
    [[10, 20], [0.7, 0.6], [0.9, null], [null, null]]);
});

test('a column that appears late reads null for earlier rows', () => {
  const b = new SeriesBuffer();
  b.append({ step: [1], 'loss/d': [1] });
  b.append({ step: [2], 'loss/d': [2], 'modes/captured': [3] });
  assert.deepEqual(b.window(['modes/captured']), [[1, 2], [null, 3]]);
  assert.equal(b.has('modes/captured'), true);
  assert.equal(b.has('div/kl_grid'), false);
});

test('rows at or before the last step are skipped (re-subscribe from the last step seen)', () => {
  const b = new SeriesBuffer();
  b.append({ step: [1, 2, 3], v: [1, 2, 3] });
  assert.equal(b.append({ step: [3, 4], v: [30, 4] }), 1);
  assert.deepEqual(b.window(['v']), [[1, 2, 3, 4], [1, 2, 3, 4]]);
});

test('a batch without the x column is refused', () => {
  assert.throws(() => new SeriesBuffer().append({ v: [1] }), /step/);
});

test('capacity: the oldest rows are overwritten when full', () => {
  const b = new SeriesBuffer({ capacity: 3 });
  b.append({ step: [1, 2, 3, 4, 5], v: [10, 20, 30, 40, 50] });
  assert.equal(b.length, 3);
  assert.equal(b.capacity, 3);
  assert.deepEqual(b.window(['v']), [[3, 4, 5], [30, 40, 50]]);
  b.append({ step: [6], v: [60] });
  assert.deepEqual(b.window(['v']), [[4, 5, 6], [40, 50, 60]]);
});

test('window: last N rows, last N steps, from a minimum x', () => {
  const b = new SeriesBuffer();
  b.append({ step: [10, 20, 30, 40, 50], v: [1, 2, 3, 4, 5] });
  assert.deepEqual(b.window(['v'], { lastRows: 2 }), [[40, 50], [4, 5]]);
  assert.deepEqual(b.window(['v'], { lastSteps: 20 }), [[30, 40, 50], [3, 4, 5]]);
  assert.deepEqual(b.window(['v'], { minX: 35 }), [[40, 50], [4, 5]]);
  assert.deepEqual(b.window(['v'], { lastRows: 0 }), [[], []]);
});

test('latest returns the newest measured value; clear empties everything', () => {
  const b = new SeriesBuffer();
  b.append({ step: [1, 2], s: [5, null] });
  assert.equal(b.latest('s'), 5);
  b.clear();
  assert.equal(b.length, 0);
  assert.equal(b.lastX, null);
  assert.equal(b.latest('s'), null);
  assert.equal(b.has('s'), false);
  b.append({ step: [1], s: [7] });
  assert.deepEqual(b.window(['s']), [[1], [7]]);
});
