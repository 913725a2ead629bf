import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame, FrameError, halfToFloat } from '../../main/resources/webroot/protocol/frame.js';

/** Builds a frame exactly as protocol.md 3.4 describes, independently of the decoder. */
function buildFrame(header, arrays, { padTo = 4 } = {}) {
  let json = JSON.stringify(header);
  while (Buffer.byteLength(json) % padTo !== 0) json += ' ';
  const jsonBytes = Buffer.from(json, 'utf8');
  const floats = arrays.reduce((n, a) => n + a.length, 0);
  const buf = new ArrayBuffer(4 + jsonBytes.length + floats * 4);
  const view = new DataView(buf);
  view.setUint32(0, jsonBytes.length, true);
  new Uint8Array(buf, 4).set(jsonBytes);
  let off = 4 + jsonBytes.length;
  for (const a of arrays) for (const v of a) { view.setFloat32(off, v, true); off += 4; }
  return buf;
}

const header = {
  type: 'frame', runId: 'r3f9a0c12b4d7', seq: 17, step: 120, bounds: [-2, 2, -1.5, 1.5],
  sections: [
    { name: 'real', shape: [2, 2] }, { name: 'fake', shape: [3, 2] }, { name: 'arrows', shape: [3, 2] },
    { name: 'heatmap', shape: [2, 2] }, { name: 'manifold', shape: [2, 2, 2] },
  ],
};

test('decodes the header and every section in order', () => {
  const arrays = [[1, 2, 3, 4], [0.5, -0.5, 1, 1, -1, 0], [0.1, 0, 0, 0.1, -0.1, 0], [0.25, 0.5, 0.75, 1],
    [0, 0, 1, 0, 0, 1, 1, 1]];
  const f = decodeFrame(buildFrame(header, arrays));
  assert.equal(f.header.step, 120);
  assert.equal(f.header.runId, 'r3f9a0c12b4d7');
  assert.deepEqual(f.header.bounds, [-2, 2, -1.5, 1.5]);
  assert.deepEqual(f.sections.fake.shape, [3, 2]);
  assert.ok(f.sections.fake.data instanceof Float32Array);
  assert.deepEqual([...f.sections.real.data], [1, 2, 3, 4]);
  assert.deepEqual([...f.sections.fake.data], arrays[1]);
  assert.deepEqual([...f.sections.heatmap.data], [0.25, 0.5, 0.75, 1]);
  assert.deepEqual([...f.sections.manifold.data], arrays[4]);
  assert.equal(Math.round(f.sections.arrows.data[1] * 10), 0);
});

test('a header with non-ASCII text and padding still decodes', () => {
  const h = { ...header, note: 'déjà vu', sections: [{ name: 'fake', shape: [1, 2] }] };
  const f = decodeFrame(buildFrame(h, [[3, 4]]));
  assert.equal(f.header.note, 'déjà vu');
  assert.deepEqual([...f.sections.fake.data], [3, 4]);
});

test('unknown sections are skipped, later ones still read', () => {
  const h = { ...header, sections: [{ name: 'future', shape: [2] }, { name: 'fake', shape: [1, 2] }] };
  const f = decodeFrame(buildFrame(h, [[9, 9], [5, 6]]));
  assert.equal(f.sections.future, undefined);
  assert.deepEqual([...f.sections.fake.data], [5, 6]);
});

test('an empty section decodes to an empty array', () => {
  const h = { ...header, sections: [{ name: 'fake', shape: [0, 2] }] };
  assert.equal(decodeFrame(buildFrame(h, [[]])).sections.fake.data.length, 0);
});

test('malformed frames are refused with a FrameError', () => {
  assert.throws(() => decodeFrame(new ArrayBuffer(2)), FrameError);
  const good = buildFrame(header, [[1, 2, 3, 4]]);
  assert.throws(() => decodeFrame(good), /runs past the end/);
  const odd = new ArrayBuffer(8);
  new DataView(odd).setUint32(0, 3, true);
  assert.throws(() => decodeFrame(odd), /multiple of 4/);
  const long = new ArrayBuffer(8);
  new DataView(long).setUint32(0, 400, true);
  assert.throws(() => decodeFrame(long), /exceeds/);
  assert.throws(() => decodeFrame(buildFrame({ type: 'nope', sections: [] }, [])), /not a frame header/);
});

/** A frame of float16 sections as the server sends them (protocol.md 3.4), halves given as their 16 bits. */
function buildHalfFrame(header, halves) {
  let json = JSON.stringify(header);
  while (Buffer.byteLength(json) % 4 !== 0) json += ' ';
  const jsonBytes = Buffer.from(json, 'utf8');
  const buf = new ArrayBuffer(4 + jsonBytes.length + halves.length * 2);
  const view = new DataView(buf);
  view.setUint32(0, jsonBytes.length, true);
  new Uint8Array(buf, 4).set(jsonBytes);
  halves.forEach((h, i) => view.setUint16(4 + jsonBytes.length + i * 2, h, true));
  return buf;
}

test('IEEE 754 halves decode to their values', () => {
  assert.equal(halfToFloat(0x3c00), 1);
  assert.equal(halfToFloat(0xc000), -2);
  assert.equal(halfToFloat(0x3555), 0.333251953125);
  assert.equal(halfToFloat(0x7bff), 65504);
  assert.equal(halfToFloat(0x0001), 2 ** -24);
  assert.ok(Object.is(halfToFloat(0x8000), -0));
  assert.equal(halfToFloat(0xfc00), -Infinity);
  assert.ok(Number.isNaN(halfToFloat(0x7e00)));
});

test('float16 sections decode to Float32Arrays, an odd count leaving the next section at 2-byte alignment', () => {
  const h = {
    ...header,
    sections: [{ name: 'real', dtype: 'float16', shape: [1, 1] }, { name: 'heatmap', dtype: 'float16', shape: [2, 2] },
      { name: 'fake', shape: [1, 2] }],
  };
  // real: 0.5; heatmap: 0, 0.25, 1, NaN; then a float32 section 10 bytes on: not 4-byte aligned.
  const halves = [0x3800, 0x0000, 0x3400, 0x3c00, 0x7e00];
  const base = buildHalfFrame(h, halves);
  const buf = new ArrayBuffer(base.byteLength + 8);
  new Uint8Array(buf).set(new Uint8Array(base));
  new DataView(buf).setFloat32(base.byteLength, 3.5, true);
  new DataView(buf).setFloat32(base.byteLength + 4, -1, true);
  const f = decodeFrame(buf);
  assert.ok(f.sections.heatmap.data instanceof Float32Array);
  assert.deepEqual([...f.sections.real.data], [0.5]);
  assert.deepEqual([...f.sections.heatmap.data].slice(0, 3), [0, 0.25, 1]);
  assert.ok(Number.isNaN(f.sections.heatmap.data[3]));
  assert.deepEqual([...f.sections.fake.data], [3.5, -1]);
});

test('a float16 section past the end or an unknown dtype is refused', () => {
  const h = { ...header, sections: [{ name: 'fake', dtype: 'float16', shape: [2, 2] }] };
  assert.throws(() => decodeFrame(buildHalfFrame(h, [0, 0, 0])), /runs past the end/);
  const odd = { ...header, sections: [{ name: 'fake', dtype: 'int8', shape: [1, 2] }] };
  assert.throws(() => decodeFrame(buildHalfFrame(odd, [0])), /unknown dtype/);
});
