/**
 * Usage:
 *   const model = classHistogramModel(classesMsg.payload);
 *   model.bars[3]   // {label: 'Dress', count, fraction, height (0..1 of the plot), covered, empty}
 *   model.uniformHeight; accuracyText(model); coveredText(model);   // 'classifier accuracy 97.1%', 'classes covered 9 / 10'
 *
 * The class histogram of an image run (the `classes` message: generated samples per class, by a small
 * classifier) as data: the mode histogram's model (the y scale leaves an even spread at about half height) plus
 * the class labels and the uniform share, drawn as a reference line because a healthy generator makes every class
 * about equally often. A class is covered with at least a tenth of the uniform share (and one sample): the
 * server's rule for `images/classes_covered`, so caption and chart agree.
 */
import { histogramModel } from './mode-histogram.js';

export function classHistogramModel(payload) {
  const base = histogramModel(payload);
  if (!base) return null;
  const labels = Array.isArray(payload.labels) ? payload.labels : [];
  const uniform = base.samples / base.modes;
  const coveredMin = Math.max(1, uniform / 10);
  const bars = base.bars.map((b) => ({ ...b, label: String(labels[b.index] ?? b.index),
    height: b.count / base.maxCount, covered: b.count >= coveredMin }));
  const accuracy = Number.isFinite(payload.classifierAccuracy) ? payload.classifierAccuracy : null;
  return { ...base, bars, coveredMin, covered: bars.filter((b) => b.covered).length, uniform,
    uniformHeight: uniform / base.maxCount, accuracy };
}

/** "classifier accuracy 97.1%" (the held-out accuracy as a fraction 0..1), or '' when not given. */
export const accuracyText = (model) =>
  (model?.accuracy == null ? '' : `classifier accuracy ${(100 * model.accuracy).toFixed(1)}%`);

export const coveredText = (model) => (model ? `classes covered ${model.covered} / ${model.modes}` : '');
