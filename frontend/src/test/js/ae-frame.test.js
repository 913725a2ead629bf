import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame, FrameError } from '../../main/resources/webroot/protocol/frame.js';
import { aePanels } from '../../main/resources/webroot/app/ae-view.js';

/** Builds an autoencoder frame as docs/protocol.md 3.4 describes (float sections first, PNGs after, no padding). */
function build(header, parts) {
  let json = JSON.stringify(header);
  while (Buffer.byteLength(json) % 4 !== 0) json += ' ';
  const jsonBytes = Buffer.from(json, 'utf8');
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const buf = new ArrayBuffer(4 + jsonBytes.length + total);
  new DataView(buf).setUint32(0, jsonBytes.length, true);
  new Uint8Array(buf, 4).set(jsonBytes);
  let off = 4 + jsonBytes.length;
  for (const p of parts) { new Uint8Array(buf, off).set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength)); off += p.byteLength; }
  return buf;
}

const png = (n) => Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, n]);   // 9 bytes: unaligned on purpose
const arm = (name) => ({ name, codeSize: 2, latent: { points: [0, 0, 1, 1], bounds: [-1, 2, -1, 2], projected: false }, activations: [0.1, 0.2] });
const head = (sections, extra = {}) => ({ type: 'autoencoder', runId: 'r3f9a0c12b4d7', frame: 3, step: 60, kind: 'vae',
  experiment: 'vae-kl', input: { kind: 'images', shape: [1, 28, 28] }, display: 10, arms: [arm('kl-on'), arm('kl-off')], sections, ...extra });

test('an autoencoder frame keys its sections by name, and an arm\'s by name/arm', () => {
  const sections = [{ name: 'inputs', mime: 'image/png', bytes: 9 }, { name: 'recon', arm: 0, mime: 'image/png', bytes: 9 },
    { name: 'lattice', arm: 1, mime: 'image/png', bytes: 9 }];
  const f = decodeFrame(build(head(sections), [png(1), png(2), png(3)]));
  assert.equal(f.header.type, 'autoencoder');
  assert.deepEqual(Object.keys(f.sections), ['inputs', 'recon/0', 'lattice/1']);
  assert.equal(f.sections['recon/0'].data[8], 2);
  assert.equal(f.sections['lattice/1'].mime, 'image/png');
  const panels = aePanels(f);
  assert.equal(panels.length, 2);
  assert.equal(panels[0].name, 'kl-on');
  assert.equal(panels[0].recon.data[8], 2);
  assert.equal(panels[1].lattice.data[8], 3);
  assert.equal(panels[1].recon, null);
  assert.deepEqual(panels[1].latent.points, [0, 0, 1, 1]);
});

test('float32 sections (the 3D cloud) decode with their shape, even when unaligned', () => {
  const cloud = new Float32Array([1, 2, 3, 4, 5, 6]);
  const codes = new Float32Array([0.5, -0.5, 1.5, 2.5]);
  const sections = [{ name: 'inputs', mime: 'image/png', bytes: 9 }, { name: 'cloud', dtype: 'float32', shape: [2, 3], bytes: 24 },
    { name: 'codes', arm: 0, dtype: 'float32', shape: [2, 2], bytes: 16 }];
  const f = decodeFrame(build(head(sections, { arms: [arm('ae')] }), [png(1), cloud, codes]));
  assert.deepEqual([...f.sections.cloud.data], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(f.sections.cloud.shape, [2, 3]);
  assert.deepEqual([...f.sections['codes/0'].data], [0.5, -0.5, 1.5, 2.5]);
});

test('bad autoencoder frames are refused with a reason', () => {
  const one = [{ name: 'recon', arm: 0, mime: 'image/png', bytes: 9 }];
  assert.throws(() => decodeFrame(build(head([{ name: 'recon', arm: 5, mime: 'image/png', bytes: 9 }]), [png(1)])), /bad arm/);
  assert.throws(() => decodeFrame(build(head([{ name: 'recon', mime: 'image/png', bytes: 99 }]), [png(1)])), /runs past/);
  assert.throws(() => decodeFrame(build(head([{ name: 'cloud', dtype: 'float32', shape: [2, 3], bytes: 9 }]), [png(1)])), FrameError);
  assert.throws(() => decodeFrame(build(head(one, { arms: undefined }), [png(1)])), /arms/);
  assert.throws(() => decodeFrame(build(head(one, { step: -1 }), [png(1)])), /frame and step/);
});
