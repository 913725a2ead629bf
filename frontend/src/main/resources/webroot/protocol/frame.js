/**
 * Usage:
 *   const frame = decodeFrame(event.data);   // event.data: ArrayBuffer from a binary WebSocket message
 *   if (frame.header.type === 'frame') frame.sections.fake.data;   // Float32Array, shape [n, 2]
 *   if (frame.header.type === 'images') sectionBlob(frame.sections.grid);   // Blob of type image/png
 *
 * Decodes the binary frames of protocol.md 3.4: a little-endian uint32 header length H (a multiple of 4),
 * H bytes of UTF-8 JSON padded with spaces, then the sections in header order. A 2D run's frame (type "frame")
 * has one array per section ({shape, dtype}: float16, as the server sends them, or float32 when dtype is absent),
 * always decoded to a Float32Array; an image run's frame (type "images") has raw encoded images
 * ({mime, bytes}: a PNG grid and a PNG latent walk), one after another with no padding. An autoencoder run's frame
 * (type "autoencoder") mixes PNG sections and float32 sections ({dtype, shape, bytes}), an arm's carrying `arm`:
 * they are keyed "name" (shared) or "name/arm" (e.g. 'recon/0'), in header order.
 *   if (frame.header.type === 'autoencoder') frame.sections['recon/1'];   // {mime, data: Uint8Array} or {shape, data: Float32Array}
 */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const SECTION_NAMES = new Set(['real', 'fake', 'arrows', 'heatmap', 'manifold']);
const IMAGE_SECTION_NAMES = new Set(['grid', 'walk', 'mixing', 'noise']);
const ELEMENT_BYTES = { float32: 4, float16: 2 };

export class FrameError extends Error {}

/**
 * @param {ArrayBuffer} buffer
 * @returns {{header: object, sections: Object<string, {shape: number[], data: Float32Array}>}
 *         | {header: object, sections: Object<string, {mime: string, data: Uint8Array}>}}
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
  if (!Array.isArray(header?.sections)) throw new FrameError('not a frame header');
  if (header.type === 'frame') return { header, sections: floatSections(buffer, view, header, 4 + headerLength) };
  if (header.type === 'images') return { header, sections: imageSections(buffer, header, 4 + headerLength) };
  if (header.type === 'autoencoder') return { header, sections: autoencoderSections(buffer, header, 4 + headerLength) };
  throw new FrameError(`not a frame header (type ${JSON.stringify(header.type)})`);
}

/** A Blob of an image section (for createImageBitmap or URL.createObjectURL). */
export const sectionBlob = (section) => new Blob([section.data], { type: section.mime });

function floatSections(buffer, view, header, start) {
  const sections = {};
  let offset = start;
  for (const { name, shape, dtype = 'float32' } of header.sections) {
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new FrameError(`section ${name} has a bad shape ${JSON.stringify(shape)}`);
    }
    const size = ELEMENT_BYTES[dtype];
    if (size === undefined) throw new FrameError(`section ${name} has an unknown dtype ${JSON.stringify(dtype)}`);
    const count = shape.reduce((a, b) => a * b, 1);
    if (offset + count * size > buffer.byteLength) {
      throw new FrameError(`section ${name} (${count} ${dtype} values) runs past the end of the frame`);
    }
    if (SECTION_NAMES.has(name)) {
      const data = size === 2 ? halves(view, offset, count) : floats(buffer, view, offset, count);
      sections[name] = { shape, data };
    }
    offset += count * size; // unknown sections are skipped: additive within gan.v1
  }
  return sections;
}

function imageSections(buffer, header, start) {
  checkImageHeader(header);
  const sections = {};
  let offset = start;
  for (const { name, mime, bytes } of header.sections) {
    if (!Number.isInteger(bytes) || bytes < 0) throw new FrameError(`image section ${name} has a bad length ${JSON.stringify(bytes)}`);
    if (typeof mime !== 'string' || !mime.includes('/')) throw new FrameError(`image section ${name} has a bad mime ${JSON.stringify(mime)}`);
    if (offset + bytes > buffer.byteLength) {
      throw new FrameError(`image section ${name} (${bytes} bytes) runs past the end of the frame`);
    }
    if (IMAGE_SECTION_NAMES.has(name)) sections[name] = { mime, data: new Uint8Array(buffer, offset, bytes) };
    offset += bytes; // unknown sections are skipped, as for 2D frames
  }
  if (!sections.grid) throw new FrameError('an images frame needs a grid section');
  return sections;
}

/** PNG and float32 sections by "name" or "name/arm"; float sections are copied (no alignment is promised). */
function autoencoderSections(buffer, header, start) {
  const count = (v) => Number.isInteger(v) && v >= 0;
  if (!count(header.frame) || !count(header.step)) throw new FrameError('an autoencoder frame needs whole numbers frame and step');
  if (!Array.isArray(header.arms)) throw new FrameError('an autoencoder frame needs its arms');
  const sections = {};
  let offset = start;
  for (const s of header.sections) {
    const { name, bytes, arm } = s;
    if (typeof name !== 'string') throw new FrameError(`a section has a bad name ${JSON.stringify(name)}`);
    if (!count(bytes)) throw new FrameError(`section ${name} has a bad length ${JSON.stringify(bytes)}`);
    if (arm !== undefined && !(count(arm) && arm < header.arms.length)) throw new FrameError(`section ${name} has a bad arm ${JSON.stringify(arm)}`);
    if (offset + bytes > buffer.byteLength) throw new FrameError(`section ${name} (${bytes} bytes) runs past the end of the frame`);
    const key = arm === undefined ? name : `${name}/${arm}`;
    if (s.dtype === 'float32') {
      if (!Array.isArray(s.shape) || !s.shape.every(count) || s.shape.reduce((a, b) => a * b, 1) * 4 !== bytes) {
        throw new FrameError(`section ${name} has a shape ${JSON.stringify(s.shape)} that does not fit ${bytes} bytes`);
      }
      sections[key] = { shape: s.shape, data: floats(buffer.slice(offset, offset + bytes), null, 0, bytes / 4) };
    } else if (typeof s.mime === 'string' && s.mime.includes('/')) {
      sections[key] = { mime: s.mime, data: new Uint8Array(buffer, offset, bytes) };
    } // anything else is skipped: additive within gan.v1
    offset += bytes;
  }
  return sections;
}

/** The fields a viewer relies on: the frame counter and step, the grid's geometry (to find a clicked tile). */
function checkImageHeader(h) {
  const count = (v) => Number.isInteger(v) && v >= 0;
  if (!count(h.frame) || !count(h.step)) throw new FrameError('an images frame needs whole numbers frame and step');
  const g = h.grid;
  if (!g || !count(g.cols) || !count(g.rows) || !count(g.gap) || !Array.isArray(g.tile) || g.tile.length !== 3
    || !g.tile.every((d) => Number.isInteger(d) && d > 0)) {
    throw new FrameError(`an images frame has a bad grid ${JSON.stringify(g)}`);
  }
  if (h.walk !== undefined && (!h.walk || !count(h.walk.count))) {
    throw new FrameError(`an images frame has a bad walk ${JSON.stringify(h.walk)}`);
  }
}

/** The float of every IEEE 754 half (16 bits -> value), built on first use: decoding is then one lookup each. */
let halfTable = null;

export function halfToFloat(h) {
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

function halves(view, offset, count) {
  if (halfTable === null) {
    halfTable = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halfTable[h] = halfToFloat(h);
  }
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = halfTable[view.getUint16(offset + i * 2, true)];
  return out;
}

function floats(buffer, view, offset, count) {
  if (LITTLE_ENDIAN_HOST && offset % 4 === 0) return new Float32Array(buffer, offset, count);
  const out = new Float32Array(count);
  const dv = view ?? new DataView(buffer);
  for (let i = 0; i < count; i++) out[i] = dv.getFloat32(offset + i * 4, true);
  return out;
}
