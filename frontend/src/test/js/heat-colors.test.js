import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realness, heatRGB, fillHeatImage, REAL_RGB, FAKE_RGB } from '../../main/resources/webroot/charts/heat-colors.js';

test('realness maps each loss\'s score onto [0, 1] with the equilibrium at 0.5', () => {
  assert.equal(realness(0.7, 'nonsaturating'), 0.7);
  assert.equal(realness(1.4, 'least_squares'), 1);
  assert.equal(realness(-0.2, 'least_squares'), 0);
  assert.equal(realness(0, 'hinge'), 0.5);
  assert.equal(realness(-3, 'hinge'), 0);
  assert.equal(realness(1, 'hinge'), 1);
});

test('colours run from purple (fake) through pale to green (real)', () => {
  assert.deepEqual(heatRGB(0), FAKE_RGB);
  assert.deepEqual(heatRGB(1), REAL_RGB);
  assert.deepEqual(heatRGB(0.5), [247, 247, 247]);
});

test('heatmap row 0 (yMin) becomes the bottom image row; NaN is transparent', () => {
  const px = new Uint8ClampedArray(2 * 2 * 4);
  fillHeatImage(px, new Float32Array([1, NaN, 0, 0]), 2, 'minimax');
  assert.deepEqual([...px.slice(8, 12)], [...REAL_RGB, 255]); // row 0, col 0 -> image (1, 0)
  assert.equal(px[15], 0);                                    // row 0, col 1 is NaN
  assert.deepEqual([...px.slice(0, 4)], [...FAKE_RGB, 255]);  // row 1, col 0 -> image (0, 0)
});
