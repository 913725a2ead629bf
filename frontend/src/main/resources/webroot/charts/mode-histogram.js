/**
 * Usage:
 *   const model = histogramModel(modesMsg.payload);   // {bars, captured, modes, samples, step, maxCount, coveredMin}
 *   const layout = barLayout(model, cssWidth, cssHeight);   // [{x, y, w, h, empty}] in CSS pixels
 *
 * The per-mode histogram (protocol.md 3.3 `modes`) as data, apart from drawing: one bar per mode with its count
 * of high-quality samples out of `samples`. A mode is captured with at least one HQ sample and covered with at
 * least 1% of all samples (PacGAN, metrics/ModeCoverage.java); modes with 0 count are `empty` (drawn red).
 * The y scale is max(count, 1% line, uniform share) so an even spread fills about half the height, not all of it.
 */
export function histogramModel(payload) {
  const counts = Array.isArray(payload?.counts) ? payload.counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0)) : [];
  if (counts.length === 0) return null;
  const samples = Number.isFinite(payload.samples) && payload.samples > 0 ? payload.samples : counts.reduce((a, b) => a + b, 0);
  const coveredMin = Math.max(1, Math.ceil(samples / 100));
  const uniform = samples / counts.length;
  const maxCount = Math.max(1, coveredMin, uniform * 2, ...counts);
  const bars = counts.map((count, i) => ({ index: i, count, fraction: samples ? count / samples : 0,
    empty: count === 0, covered: count >= coveredMin,
    centre: Array.isArray(payload.centres) && payload.centres.length >= 2 * i + 2
      ? [payload.centres[2 * i], payload.centres[2 * i + 1]] : null }));
  return { bars, captured: bars.filter((b) => !b.empty).length, modes: counts.length, samples,
    step: typeof payload.step === 'number' ? payload.step : null, maxCount, coveredMin };
}

/**
 * Bar rectangles on a w x h plot area (y down). Bars are at least 1 px apart and snapped to whole pixels so they
 * stay crisp; a captured mode is at least 3 px tall; an empty mode gets a full-height outline slot (drawn as a red outline) of the same width.
 */
export function barLayout(model, w, h, { gap = 0.2 } = {}) {
  if (!model) return [];
  const n = model.bars.length;
  const slot = w / n;
  const bw = Math.max(1, Math.floor(slot * (1 - gap)));
  return model.bars.map((b) => {
    const x = Math.round(b.index * slot + (slot - bw) / 2);
    const bh = b.empty ? 0 : Math.max(Math.min(3, h), Math.round((b.count / model.maxCount) * h)); // a few samples still show
    return { x, y: h - bh, w: bw, h: bh, empty: b.empty, covered: b.covered, count: b.count, index: b.index };
  });
}

export const capturedText = (model) => (model ? `captured ${model.captured} / ${model.modes}` : '');
