/**
 * Usage:
 *   const frame = decodeFrame(event.data);   // event.data: ArrayBuffer from a binary WebSocket message
 *   frame.header.step; frame.sections.fake.data; frame.sections.fake.shape   // Float32Array, [n, 2]
 *
 * Decodes the binary visual frame of protocol.md 3.4: a little-endian uint32 header length H (a multiple of 4),
 * H bytes of UTF-8 JSON padded with spaces, then one float32 array per header section, in header order.
 */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const SECTION_NAMES = new Set(['real', 'fake', 'arrows', 'heatmap', 'manifold']);

export class FrameError extends Error {}

/**
 * @param {ArrayBuffer} buffer
 * @returns {{header: object, sections: Object<string, {shape: number[], data: Float32Array}>}}
 */
export function decodeFrame(buffer) {
  if (!(buffer instanceof ArrayBuffer)) throw new FrameError('a frame must be an ArrayBuffer');
  if (buffer.byteLength < 4) throw new FrameError(`frame too short: ${buffer.byteLength} bytes`);
  const view = new DataView(buffer);
  const headerLength = view.getUint32(0, true);
  if (headerLength % 4 !== 0) throw new FrameError(`header length ${headerLength} is not a multiple of 4`);
  if (4 + headerLength > buffer.byteLength) {
    throw new FrameError(`header length ${headerLength} exceeds the frame (${buffer.byteLength} bytes)`);
  }
  let header;
  try {
    header = JSON.parse(new TextDecoder('utf-8').decode(new Uint8Array(buffer, 4, headerLength)));
  } catch (e) {
    throw new FrameError(`header is not JSON: ${e.message}`);
  }
  if (header?.type !== 'frame' || !Array.isArray(header.sections)) throw new FrameError('not a frame header');
  const sections = {};
  let offset = 4 + headerLength;
  for (const { name, shape } of header.sections) {
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new FrameError(`section ${name} has a bad shape ${JSON.stringify(shape)}`);
    }
    const count = shape.reduce((a, b) => a * b, 1);
    if (offset + count * 4 > buffer.byteLength) {
      throw new FrameError(`section ${name} (${count} floats) runs past the end of the frame`);
    }
    if (SECTION_NAMES.has(name)) sections[name] = { shape, data: floats(buffer, view, offset, count) };
    offset += count * 4; // unknown sections are skipped: additive within gan.v1
  }
  return { header, sections };
}

function floats(buffer, view, offset, count) {
  if (LITTLE_ENDIAN_HOST) return new Float32Array(buffer, offset, count);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + i * 4, true);
  return out;
}
