/**
 * Usage:
 *   mixCaption(header.style)         // "cells: row A with the coarse styles (layers 0-3) of column B"
 *   psiPatch('0.55')                 // {view: {truncationPsi: 0.55}} (clamped to [0, 1], 2 decimals)
 *   mixLayersPatch('fine')           // {view: {mixLayers: 'fine'}}
 *
 * The pure parts of the style-mixing view (gan-style-mixer): captions from a frame's `style` header and the
 * live config patches its controls send (protocol.md 3.4, view.truncationPsi / mixLayers).
 */
export const MIX_GROUPS = Object.freeze([
  { value: 'coarse', label: 'coarse', hint: '4x4 and 8x8 layers: pose, overall shape, stroke thickness' },
  { value: 'middle', label: 'middle', hint: '16x16 layers: smaller features' },
  { value: 'fine', label: 'fine', hint: '32x32 layers: fine detail and texture' },
]);

/** Caption of the mixing grid for a frame's style header (null: no caption). */
export function mixCaption(style) {
  if (!style?.mix) return '';
  const { layers, from, to } = style.mix;
  const span = to - from === 1 ? `layer ${from}` : `layers ${from}-${to - 1}`;
  return `rows: sources A · columns: sources B · each cell is its row's A with the ${layers} styles (${span}) of its column's B`;
}

/** Caption of the noise strip. */
export function noiseCaption(style) {
  const n = style?.noise?.count;
  return n ? `one w, ${n} noise draws; last tile: per-pixel standard deviation over the draws (bright = varies)` : '';
}

/** The live patch for a psi slider value (string or number): clamped to [0, 1], two decimals. */
export function psiPatch(value) {
  const v = Math.min(1, Math.max(0, Number(value)));
  if (!Number.isFinite(v)) return null;
  return { view: { truncationPsi: Math.round(v * 100) / 100 } };
}

/** The live patch for a layer-group choice, or null for an unknown one. */
export function mixLayersPatch(value) {
  return MIX_GROUPS.some((g) => g.value === value) ? { view: { mixLayers: value } } : null;
}
