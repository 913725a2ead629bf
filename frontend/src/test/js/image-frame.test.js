import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame, sectionBlob, FrameError } from '../../main/resources/webroot/protocol/frame.js';

/** Builds an images frame as image-protocol.md describes (header like 3.4, raw section bytes, no padding). */
function buildImages(header, parts, { padTo = 4 } = {}) {
  let json = JSON.stringify(header);
  while (Buffer.byteLength(json) % padTo !== 0) json += ' ';
  const jsonBytes = Buffer.from(json, 'utf8');
  const total = parts.reduce((n, p) => n + p.length, 0);
  const buf = new ArrayBuffer(4 + jsonBytes.length + total);
  new DataView(buf).setUint32(0, jsonBytes.length, true);
  new Uint8Array(buf, 4).set(jsonBytes);
  let off = 4 + jsonBytes.length;
  for (const p of parts) { new Uint8Array(buf, off).set(p); off += p.length; }
  return buf;
}

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const grid = Uint8Array.from([...PNG_SIGNATURE, 1, 2, 3]);   // 11 bytes: not a multiple of 4 on purpose
const walk = Uint8Array.from([...PNG_SIGNATURE, 9]);
const header = (sections, extra = {}) => ({ type: 'images', runId: 'r3f9a0c12b4d7', frame: 7, step: 140,
  grid: { cols: 8, rows: 8, tile: [1, 28, 28], gap: 2 }, walk: { count: 10, from: 0, to: 63 }, sections, ...extra });
const both = [{ name: 'grid', mime: 'image/png', bytes: grid.length }, { name: 'walk', mime: 'image/png', bytes: walk.length }];

test('an images frame decodes to its header and the raw PNG bytes of each section', () => {
  const f = decodeFrame(buildImages(header(both), [grid, walk]));
  assert.equal(f.header.type, 'images');
  assert.equal(f.header.frame, 7);
  assert.equal(f.header.step, 140);
  assert.deepEqual(f.header.grid.tile, [1, 28, 28]);
  assert.equal(f.sections.grid.mime, 'image/png');
  assert.ok(f.sections.grid.data instanceof Uint8Array);
  assert.deepEqual([...f.sections.grid.data], [...grid]);
  assert.deepEqual([...f.sections.walk.data], [...walk], 'the walk starts right after the grid, unpadded');
});

test('an image section becomes a Blob with its mime type', async () => {
  const f = decodeFrame(buildImages(header(both), [grid, walk]));
  const blob = sectionBlob(f.sections.walk);
  assert.equal(blob.type, 'image/png');
  assert.deepEqual([...new Uint8Array(await blob.arrayBuffer())], [...walk]);
});

test('unknown image sections are skipped; the walk is optional', () => {
  const sections = [{ name: 'future', mime: 'image/webp', bytes: 3 }, { name: 'grid', mime: 'image/png', bytes: grid.length }];
  const f = decodeFrame(buildImages(header(sections), [Uint8Array.from([5, 5, 5]), grid]));
  assert.equal(f.sections.future, undefined);
  assert.deepEqual([...f.sections.grid.data], [...grid]);
  assert.equal(f.sections.walk, undefined);
});

test('malformed images frames are refused with a FrameError that says why', () => {
  const cases = [
    [buildImages(header(both), [grid]), /walk \(9 bytes\) runs past the end/],
    [buildImages(header([{ name: 'grid', mime: 'image/png', bytes: -1 }]), []), /bad length/],
    [buildImages(header([{ name: 'grid', mime: 'image/png', bytes: 1.5 }]), []), /bad length/],
    [buildImages(header([{ name: 'grid', bytes: 1 }]), [grid]), /bad mime/],
    [buildImages(header([{ name: 'walk', mime: 'image/png', bytes: walk.length }]), [walk]), /needs a grid/],
    [buildImages(header(both, { frame: 'x' }), [grid, walk]), /frame and step/],
    [buildImages(header(both, { grid: { cols: 8, rows: 8, tile: [28, 28], gap: 2 } }), [grid, walk]), /bad grid/],
    [buildImages(header(both, { walk: { count: -1 } }), [grid, walk]), /bad walk/],
    [buildImages({ type: 'images' }, []), /not a frame header/],
  ];
  for (const [buffer, why] of cases) assert.throws(() => decodeFrame(buffer), (e) => e instanceof FrameError && why.test(e.message));
});

test('a 2D frame still decodes to float sections next to images frames', () => {
  const h = { type: 'frame', runId: 'r1', frame: 1, step: 3, bounds: [-2, 2, -2, 2], sections: [{ name: 'fake', shape: [1, 2] }] };
  let json = JSON.stringify(h);
  while (json.length % 4) json += ' ';
  const buf = new ArrayBuffer(4 + json.length + 8);
  const view = new DataView(buf);
  view.setUint32(0, json.length, true);
  new Uint8Array(buf, 4).set(Buffer.from(json));
  view.setFloat32(4 + json.length, 0.5, true);
  view.setFloat32(8 + json.length, -1, true);
  const f = decodeFrame(buf);
  assert.ok(f.sections.fake.data instanceof Float32Array);
  assert.deepEqual([...f.sections.fake.data], [0.5, -1]);
});

test('a StyleGAN frame carries its style header and the mixing and noise sections after the walk', () => {
  const mixing = Uint8Array.from([...PNG_SIGNATURE, 5, 5]);
  const noise = Uint8Array.from([...PNG_SIGNATURE, 7]);
  const sections = [...both, { name: 'mixing', mime: 'image/png', bytes: mixing.length },
    { name: 'noise', mime: 'image/png', bytes: noise.length }];
  const style = { psi: 0.7, mix: { rows: 4, cols: 4, layers: 'coarse', from: 0, to: 4 }, noise: { count: 6 } };
  const f = decodeFrame(buildImages(header(sections, { style }), [grid, walk, mixing, noise]));
  assert.deepEqual(f.header.style, style);
  assert.deepEqual([...f.sections.mixing.data], [...mixing]);
  assert.deepEqual([...f.sections.noise.data], [...noise]);
});
