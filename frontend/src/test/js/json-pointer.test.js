import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as jp from '../../main/resources/webroot/lib/json-pointer.js';

test('parse and format follow RFC 6901 escaping', () => {
  assert.deepEqual(jp.parsePointer('/train/batchSize'), ['train', 'batchSize']);
  assert.deepEqual(jp.parsePointer('/a~1b/c~0d'), ['a/b', 'c~d']);
  assert.deepEqual(jp.parsePointer(''), []);
  assert.equal(jp.formatPointer(['a/b', 'c~d']), '/a~1b/c~0d');
  assert.throws(() => jp.parsePointer('train'), /JSON pointer/);
});

test('patchAt builds the partial config of update_config; getAt reads it back', () => {
  const patch = jp.patchAt('/train/optimizerD/lr', 0.0001);
  assert.deepEqual(patch, { train: { optimizerD: { lr: 0.0001 } } });
  assert.equal(jp.getAt(patch, '/train/optimizerD/lr'), 0.0001);
  assert.equal(jp.getAt(patch, '/train/nothing/here'), undefined);
  assert.deepEqual(jp.getAt({ model: { gHidden: [64, 32] } }, '/model/gHidden/1'), 32);
});

test('mergePatch merges objects and replaces arrays', () => {
  assert.deepEqual(jp.mergePatch({ model: { gHidden: [1, 2], noise: 'gaussian' } }, { model: { gHidden: [3] }, seed: 1 }),
    { model: { gHidden: [3], noise: 'gaussian' }, seed: 1 });
});

test('leafPointers treats arrays as leaves', () => {
  assert.deepEqual(jp.leafPointers({ model: { gHidden: [1], latentDim: 2 }, seed: 3 }),
    ['/model/gHidden', '/model/latentDim', '/seed']);
});

test('fieldFor maps a nested pointer to the longest known field', () => {
  const fields = ['/model/gHidden', '/data/points', '/train/optimizerD/lr', '/train'];
  assert.equal(jp.fieldFor('/model/gHidden/2', fields), '/model/gHidden');
  assert.equal(jp.fieldFor('/data/points/17/0', fields), '/data/points');
  assert.equal(jp.fieldFor('/train/optimizerD/lr', fields), '/train/optimizerD/lr');
  assert.equal(jp.fieldFor('/train/optimizerD/lrx', fields), '/train');
  assert.equal(jp.fieldFor('/view/itersPerTick', fields), null);
});

test('errorsByField spreads error.payload over fields (field alone, errors[], unmapped)', () => {
  const fields = ['/train/batchSize', '/model/gHidden'];
  assert.deepEqual(jp.errorsByField({ code: 'invalid_config', field: '/train/batchSize',
    message: 'must be in [1, 4096], found -3' }, fields),
  { byField: { '/train/batchSize': 'must be in [1, 4096], found -3' }, other: [] });
  const many = jp.errorsByField({ message: 'x', errors: [
    { pointer: '/model/gHidden/0', message: 'must be in [1, 1024], found 0' },
    { pointer: '/model/gHidden/1', message: 'must be in [1, 1024], found 0' },
    { pointer: '/seed', message: 'must be in [0, 2^53]' }] }, fields);
  assert.equal(many.byField['/model/gHidden'],
    '/model/gHidden/0: must be in [1, 1024], found 0; /model/gHidden/1: must be in [1, 1024], found 0');
  assert.deepEqual(many.other, ['/seed: must be in [0, 2^53]']);
  assert.deepEqual(jp.errorsByField({ code: 'illegal_state', message: 'run is running' }, fields),
    { byField: {}, other: ['run is running'] });
});
