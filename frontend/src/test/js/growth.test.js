import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthView } from '../../main/resources/webroot/app/growth.js';

test('growth status: resolution, phase words, alpha while fading, phase progress', () => {
  assert.equal(growthView(null), null);
  assert.equal(growthView(undefined), null);
  const v = growthView({ resolution: 8, maxResolution: 32, phase: 'fade-in', alpha: 0.4236, progress: 0.4236, images: 25600 });
  assert.deepEqual([v.resolution, v.max, v.phase, v.alpha, v.percent, v.images, v.fading, v.done],
    ['8×8', '32×32', 'fading in', '0.42', 42, '25,600', true, false]);
  const s = growthView({ resolution: 16, maxResolution: 32, phase: 'stabilise', alpha: 1, progress: 0.1, images: 1 });
  assert.deepEqual([s.phase, s.fading, s.percent], ['stabilising', false, 10]);
  const d = growthView({ resolution: 32, maxResolution: 32, phase: 'done', alpha: 1, progress: 1, images: 9 });
  assert.deepEqual([d.phase, d.done, d.progress], ['fully grown', true, 1]);
  assert.equal(growthView({ resolution: 4, maxResolution: 8, phase: 'stabilise', alpha: 1, progress: 7, images: 0 }).progress, 1,
    'progress clamped to [0, 1]');
});
