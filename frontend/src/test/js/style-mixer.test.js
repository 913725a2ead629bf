import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mixCaption, mixLayersPatch, noiseCaption, psiPatch } from '../../main/resources/webroot/app/style-mixer.js';
import { isImageConfig, isStyleConfig } from '../../main/resources/webroot/protocol/messages.js';

test('the psi slider sends truncationPsi clamped to [0, 1] with two decimals', () => {
  assert.deepEqual(psiPatch('0.55'), { view: { truncationPsi: 0.55 } });
  assert.deepEqual(psiPatch(1.7), { view: { truncationPsi: 1 } });
  assert.deepEqual(psiPatch(-0.2), { view: { truncationPsi: 0 } });
  assert.deepEqual(psiPatch(0.333333), { view: { truncationPsi: 0.33 } });
  assert.equal(psiPatch('x'), null);
});

test('the layer selector sends coarse | middle | fine and nothing else', () => {
  assert.deepEqual(mixLayersPatch('fine'), { view: { mixLayers: 'fine' } });
  assert.equal(mixLayersPatch('all'), null);
});

test('captions name the layer range taken from B and the noise draws', () => {
  const style = { psi: 0.7, mix: { rows: 4, cols: 4, layers: 'coarse', from: 0, to: 4 }, noise: { count: 6 } };
  assert.match(mixCaption(style), /coarse styles \(layers 0-3\)/);
  assert.match(mixCaption({ ...style, mix: { ...style.mix, layers: 'middle', from: 4, to: 5 } }), /\(layer 4\)/);
  assert.match(noiseCaption(style), /6 noise draws/);
  assert.equal(mixCaption(undefined), '');
});

test('stylegan configs are image configs and style configs', () => {
  const c = { model: { architecture: 'stylegan' }, data: { kind: 'mnist' } };
  assert.ok(isImageConfig(c));
  assert.ok(isStyleConfig(c));
  assert.ok(!isStyleConfig({ model: { architecture: 'dcgan' } }));
});
