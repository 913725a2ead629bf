import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOnSteps, OverlaySource, sideOf } from '../../main/resources/webroot/charts/overlay.js';
import { SeriesBuffer } from '../../main/resources/webroot/charts/series-buffer.js';

test('merges two step axes into their union, null where a side has no row', () => {
  const out = mergeOnSteps([[10, 20, 30], [1, 2, 3]], [[20, 25, 30, 40], [7, 8, null, 9]]);
  assert.deepEqual(out, [[10, 20, 25, 30, 40], [1, 2, null, 3, null], [null, 7, 8, null, 9]]);
  assert.deepEqual(mergeOnSteps([[], []], [[], []]), [[], [], []]);
  assert.deepEqual(mergeOnSteps([[1, 2], [5, 6]], [[], []]), [[1, 2], [5, 6], [null, null]]);
});

test('sideOf splits prefixed names', () => {
  assert.deepEqual(sideOf('a:loss/d'), ['a', 'loss/d']);
  assert.deepEqual(sideOf('b:modes/captured'), ['b', 'modes/captured']);
  assert.deepEqual(sideOf('loss/d'), [null, 'loss/d']);
});

test('OverlaySource looks like a SeriesBuffer over both runs on a shared step axis', () => {
  const a = new SeriesBuffer();
  const b = new SeriesBuffer();
  a.append({ step: [100, 200, 300], 'modes/captured': [8, 6, 2] });
  b.append({ step: [100, 200], 'modes/captured': [8, 8] });
  const src = new OverlaySource(a, b);
  const data = src.window(['a:modes/captured', 'b:modes/captured', 'b:missing']);
  assert.deepEqual(data, [[100, 200, 300], [8, 6, 2], [8, 8, null], [null, null, null]]);
  assert.equal(src.length, 3);
  assert.equal(src.lastX, 300);
  assert.equal(src.has('a:modes/captured'), true);
  assert.equal(src.has('a:loss/d'), false);
  assert.equal(src.latest('b:modes/captured'), 8);
  assert.deepEqual(src.window(['a:modes/captured', 'b:modes/captured'], { minX: 200 }), [[200, 300], [6, 2], [8, null]]);
  const half = new OverlaySource(a, null);
  assert.deepEqual(half.window(['b:modes/captured', 'a:modes/captured']), [[100, 200, 300], [null, null, null], [8, 6, 2]]);
  assert.equal(new OverlaySource(null, null).lastX, null);
});
