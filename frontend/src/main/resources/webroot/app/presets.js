/**
 * Usage:
 *   const groups = presetGroups(hello.payload.presets, hello.payload.datasets);
 *   // [{family: 'points', label: 'Points', presets: [...]}, {family: 'images', label: 'Images', presets: [
 *   //   {id: 'fashion-dcgan', name, available: false, note: 'Fashion-MNIST is not installed: apt-get install …'}]}]
 *   unavailableNotes(groups)   // the notes of the presets that cannot run, one per dataset
 *
 * Which presets can run here: a preset trains on the dataset whose id is its config's data.kind; a dataset the
 * server lists as unavailable (autoencoder presets form their own group, whatever their data) (hello.payload.datasets, GET /api/datasets) makes its presets unavailable, with the
 * server's hint on how to get it. Without a datasets list (an older server) every preset is available.
 */
import { isAutoencoderConfig, isImageConfig } from '../protocol/messages.js';

const FAMILIES = [['points', 'Points'], ['images', 'Images'], ['autoencoders', 'Autoencoders']];

/** The note shown for an unavailable dataset, e.g. "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist". */
export function datasetNote(dataset) {
  if (!dataset || dataset.available !== false) return '';
  const name = dataset.name || dataset.id;
  if (dataset.hint) return `${name} is not installed: ${dataset.hint}`;
  return `${name} is not available${dataset.detail ? `: ${dataset.detail}` : ''}`;
}

/** The presets in their groups (points first, in the server's order), each with available and note. */
export function presetGroups(presets = [], datasets = []) {
  const byId = new Map((datasets ?? []).map((d) => [d.id, d]));
  const entries = (presets ?? []).map((p) => {
    const dataset = byId.get(p.config?.data?.kind) ?? null;
    const family = isAutoencoderConfig(p.config) ? 'autoencoders'
      : dataset?.family ?? (isImageConfig(p.config) ? 'images' : 'points');
    return { id: p.id, name: p.name, family, dataset: dataset?.id ?? p.config?.data?.kind ?? null,
      available: dataset?.available !== false, note: datasetNote(dataset) };
  });
  return FAMILIES.map(([family, label]) => ({ family, label, presets: entries.filter((e) => e.family === family) }))
    .filter((g) => g.presets.length > 0);
}

/** One note per unavailable dataset, in preset order. */
export function unavailableNotes(groups) {
  const seen = new Map();
  for (const p of groups.flatMap((g) => g.presets)) if (!p.available && !seen.has(p.dataset)) seen.set(p.dataset, p.note);
  return [...seen.values()];
}
