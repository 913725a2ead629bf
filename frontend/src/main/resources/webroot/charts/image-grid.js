/**
 * Usage:
 *   const layout = gridLayout(frame.header.grid, img.naturalWidth, img.naturalHeight);
 *   tileRect(layout, 17)                 // {left, top, width, height} in % of the image: a tile's overlay button
 *   crispWidth(238, 560, 2)              // 476: the CSS width that scales the image by whole device pixels
 *   let walk = walkPicker(); ({ walk, patch } = pickWalkEndpoint(walk, 17));   // patch: {view: {walkFrom: 17}}
 *
 * The sample grid of an image run as geometry (image-protocol.md: cols x rows tiles of H x W pixels, `gap`
 * pixels between them, tile (r, c) at x = c*(W+gap), y = r*(H+gap)) and the latent walk's endpoint picking.
 * No DOM, so it is tested in node.
 */

/**
 * The grid's layout. When the picture's natural size disagrees with the header (a timeline frame from before a
 * gridSize change), the tile counts are derived from the size, since the tile size and gap do not change, except
 * for a ProGAN run's earlier, smaller power-of-two tiles with the same counts.
 */
export function gridLayout(grid, naturalW = 0, naturalH = 0) {
  let [, tileH, tileW] = grid.tile;
  const gap = grid.gap ?? 0;
  let { cols, rows } = grid;
  // A ProGAN frame from the timeline may be of an earlier, smaller resolution: same tile counts, a smaller
  // power-of-two square tile (the live header has the current one).
  const tileFor = (n, count) => (n + gap) / count - gap;
  const t = tileFor(naturalW, cols);
  if (grid.tile && naturalW > 0 && tileH === tileW && t > 0 && t < tileW && Number.isInteger(t) && (t & (t - 1)) === 0
      && tileFor(naturalH, rows) === t) {
    tileW = t;
    tileH = t;
  }
  const fits = (n, tile) => (n + gap) / (tile + gap);
  if (naturalW > 0 && naturalW !== cols * (tileW + gap) - gap && Number.isInteger(fits(naturalW, tileW))) cols = fits(naturalW, tileW);
  if (naturalH > 0 && naturalH !== rows * (tileH + gap) - gap && Number.isInteger(fits(naturalH, tileH))) rows = fits(naturalH, tileH);
  return { cols, rows, tileW, tileH, gap, width: cols * (tileW + gap) - gap, height: rows * (tileH + gap) - gap };
}

/** Tile index's box in percent of the whole picture (row-major, index = r * cols + c). */
export function tileRect(layout, index) {
  const r = Math.floor(index / layout.cols);
  const c = index % layout.cols;
  const pct = (v, of) => (100 * v) / of;
  return { left: pct(c * (layout.tileW + layout.gap), layout.width), top: pct(r * (layout.tileH + layout.gap), layout.height),
    width: pct(layout.tileW, layout.width), height: pct(layout.tileH, layout.height) };
}

/** The tile under a point in natural pixels (a click in a gap counts for the tile to its left/top); null outside. */
export function tileAt(layout, x, y) {
  if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) return null;
  const c = Math.min(layout.cols - 1, Math.floor(x / (layout.tileW + layout.gap)));
  const r = Math.min(layout.rows - 1, Math.floor(y / (layout.tileH + layout.gap)));
  return r * layout.cols + c;
}

/**
 * The CSS width to show a picture naturalW pixels wide in avail CSS pixels: the largest whole number of device
 * pixels per image pixel (every pixel the same size: crisp), unless that is narrower than minCss, where the
 * picture fills avail instead (smooth-free but uneven pixels beat a tiny picture).
 */
export function crispWidth(naturalW, avail, dpr = 1, minCss = 0) {
  if (!(naturalW > 0) || !(avail > 0)) return 0;
  const k = Math.floor((avail * dpr) / naturalW);
  const width = (k * naturalW) / dpr;
  return k >= 1 && width >= Math.min(minCss, avail) ? width : avail;
}

/** One viewer's endpoint picking: the next click sets `from`, then `to`, alternating. */
export const walkPicker = () => ({ next: 'from' });

/** A click on tile index: the config patch to send and the picker's next state. */
export function pickWalkEndpoint(picker, index) {
  const key = picker.next === 'to' ? 'walkTo' : 'walkFrom';
  return { walk: { next: picker.next === 'to' ? 'from' : 'to' }, patch: { view: { [key]: index } } };
}

/** The endpoints to highlight: the run's config (shared by all viewers), else the shown frame's header. */
export function walkEndpoints(config, header) {
  const v = config?.view ?? {};
  const pick = (a, b) => (Number.isInteger(a) ? a : Number.isInteger(b) ? b : null);
  return { from: pick(v.walkFrom, header?.walk?.from), to: pick(v.walkTo, header?.walk?.to) };
}
