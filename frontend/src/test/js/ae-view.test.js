import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aeChartSpecs, classColor, histogram, interpPicker, nearestPoint, parseAeKey, pickInterpEnd, project3d, toCanvas }
  from '../../main/resources/webroot/app/ae-view.js';

test('a click on the latent map finds the nearest point within the radius, or none', () => {
  const points = [0, 0, 1, 1, 0.5, 0.9];
  const bounds = [0, 1, 0, 1];
  const at = (cx, cy) => { const [x, y] = toCanvas(cx, cy, bounds, 100, 100); return { x, y, width: 100, height: 100 }; };
  assert.deepEqual(toCanvas(0, 0, bounds, 100, 100), [0, 100], 'code y up, canvas y down');
  assert.equal(nearestPoint(points, bounds, at(0.02, 0.01)), 0);
  assert.equal(nearestPoint(points, bounds, at(0.95, 0.97)), 1);
  assert.equal(nearestPoint(points, bounds, at(0.52, 0.88)), 2);
  assert.equal(nearestPoint(points, bounds, at(0.5, 0.3)), -1, 'nothing within 12 px');
  assert.equal(nearestPoint(null, bounds, at(0, 0)), -1);
});

test('clicks pick the interpolation ends alternately: first end, then the other', () => {
  let p = interpPicker();
  let patch;
  ({ picker: p, patch } = pickInterpEnd(p, 17));
  assert.deepEqual(patch, { view: { interpFrom: 17 } });
  ({ picker: p, patch } = pickInterpEnd(p, 4));
  assert.deepEqual(patch, { view: { interpTo: 4 } });
  ({ patch } = pickInterpEnd(p, 9));
  assert.deepEqual(patch, { view: { interpFrom: 9 } });
});

test('metric keys group into one chart per metric with a series per arm, PCA dashed beside the held-out error', () => {
  assert.deepEqual(parseAeKey('ae/recon'), { arm: null, leaf: 'recon' });
  assert.deepEqual(parseAeKey('ae/kl-on/recon'), { arm: 'kl-on', leaf: 'recon' });
  assert.equal(parseAeKey('loss/d'), null);
  const single = aeChartSpecs(['step', 'ae/recon', 'ae/loss', 'grad/ae_norm', 'speed/steps_per_s'],
    ['step', 'ae/heldout_mse', 'ae/pca_mse', 'ae/subspace_angle']);
  assert.deepEqual(single.map((s) => s.testid), ['ae-chart-recon', 'ae-chart-loss', 'ae-chart-heldout_mse', 'ae-chart-subspace_angle', 'ae-chart-grad']);
  const heldout = single.find((s) => s.testid === 'ae-chart-heldout_mse');
  assert.equal(heldout.source, 'eval');
  assert.deepEqual(heldout.series.map((s) => [s.name, Boolean(s.dash)]), [['ae/heldout_mse', false], ['ae/pca_mse', true]]);
  const arms = aeChartSpecs(['ae/kl-on/recon', 'ae/kl-off/recon', 'ae/kl-on/kl'], ['ae/pretrained/accuracy', 'ae/scratch/accuracy']);
  const recon = arms.find((s) => s.testid === 'ae-chart-recon');
  assert.deepEqual(recon.series.map((s) => s.label), ['kl-on', 'kl-off']);
  assert.notEqual(recon.series[0].color, recon.series[1].color);
  assert.equal(arms.find((s) => s.testid === 'ae-chart-kl').series[0].color, recon.series[0].color, 'an arm keeps its colour');
  assert.deepEqual(arms.find((s) => s.testid === 'ae-chart-accuracy').series.map((s) => s.label), ['pretrained', 'scratch']);
});

test('histograms, class colours and the 3D projection', () => {
  assert.deepEqual(histogram([0, 0.05, 0.5, 0.99, 1], 4).counts, [2, 0, 1, 2]);
  const wide = histogram([0.2, 2]);
  assert.deepEqual([wide.min, wide.max, wide.counts[2], wide.counts[19], wide.counts.length], [0, 2, 1, 1, 20]);
  assert.equal(histogram([-1, 0.5], 4).min, -1, 'negative mean codes widen the range');
  assert.notEqual(classColor(0), classColor(1));
  assert.equal(classColor(undefined), classColor(0));
  const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 1e-9);
  assert.ok(near(project3d([1, 2, 3], 0, 0), [1, 2, 3]));
  assert.ok(near(project3d([1, 0, 0], Math.PI / 2, 0), [0, 0, -1]), 'yaw turns x into depth');
  assert.ok(near(project3d([0, 1, 0], 0, Math.PI / 2), [0, 0, 1]), 'pitch tilts y into depth');
});

test('the sparsity sweep\'s trade-off: one point per arm with both measures, sorted by activation', async () => {
  const { SeriesBuffer } = await import('../../main/resources/webroot/charts/series-buffer.js');
  const { tradeOff } = await import('../../main/resources/webroot/app/ae-view.js');
  const buf = new SeriesBuffer();
  buf.append({ step: [100, 200], 'ae/rho-0.5/heldout_mse': [0.1, 0.05], 'ae/rho-0.5/mean_activation': [0.4, 0.45],
    'ae/rho-0.01/heldout_mse': [0.3, 0.2], 'ae/rho-0.01/mean_activation': [0.05, 0.02], 'ae/rho-0.1/heldout_mse': [0.2, null] });
  assert.deepEqual(tradeOff(buf), [{ arm: 'rho-0.01', x: 0.02, y: 0.2 }, { arm: 'rho-0.5', x: 0.45, y: 0.05 }]);
  const single = new SeriesBuffer();
  single.append({ step: [1], 'ae/heldout_mse': [0.1], 'ae/mean_activation': [0.2] });
  assert.deepEqual(tradeOff(single), [], 'a lone autoencoder has no curve');
  assert.deepEqual(tradeOff(null), []);
});

test('an arm of the rho sweep draws its own target; others the run\'s, or none', async () => {
  const { armTarget } = await import('../../main/resources/webroot/app/ae-view.js');
  assert.equal(armTarget('rho-0.01', 0.05), 0.01);
  assert.equal(armTarget('rho-.5', null), 0.5);
  assert.equal(armTarget('sparse', 0.05), 0.05);
  assert.equal(armTarget('ae', null), null);
  assert.equal(armTarget('ae', undefined), null);
});
