/**
 * Usage:
 *   s = openPair(s, pairFromCreated(msg));      // pair_created: the page shows the A/B view of both runs
 *   s = closePair(s);                           // back to the single runs; both runs forgotten by the page
 *   parsePairHash(location.hash)                // {pairId, a, b, labelA, labelB} from '#pair=p…&a=r…&b=r…'
 *   pairHash(s.pair)                            // the shareable hash of the pair
 *   describeDifferences(pointers, cfgA, cfgB)   // [{pointer, label, a: 'off', b: 'on'}]
 *   variantPatch('replay', cfg)                 // {remedies: {replay: {enabled: true}}}: B = A with one change
 *
 * The A/B comparison's state and its pure helpers. Shape (in the page state, beside run-state.js's):
 *   pair: {pairId, name, a: {runId, label}, b: {runId, label}, differences: string[]|null} | null
 * Both runs live in s.runs like a panel's, so state/config/reset/alarm messages update them the same way.
 * A viewer who joins by link knows only the ids: labels default to A and B, differences come from the configs.
 */
import { getAt, patchAt } from '../lib/json-pointer.js';

const RUN_ID = /^r[0-9a-f]{12}$/;
const PAIR_ID = /^p[0-9a-f]{12}$/;

/** The pair of a pair_created message (ready-made pairs carry their name in hello; pass it as name). */
export function pairFromCreated(msg, name = null) {
  const p = msg.payload ?? {};
  const side = (x, fallback) => ({ runId: x.runId, label: x.label || fallback, config: x.config ?? null });
  return { pairId: p.pairId, name, a: side(p.a, 'A'), b: side(p.b, 'B'),
    differences: Array.isArray(p.differences) ? p.differences : null };
}

export function openPair(s, pair) {
  const runs = { ...s.runs };
  for (const x of [pair.a, pair.b]) {
    const prev = runs[x.runId];
    runs[x.runId] = { runId: x.runId, preset: prev?.preset ?? null, state: prev?.state ?? 'created',
      step: prev?.step ?? 0, reason: prev?.reason ?? null, config: x.config ?? prev?.config ?? null,
      alarm: prev?.alarm ?? null };
  }
  const strip = ({ runId, label }) => ({ runId, label });
  return { ...s, runs, pair: { pairId: pair.pairId, name: pair.name ?? null, a: strip(pair.a), b: strip(pair.b),
    differences: pair.differences ?? null } };
}

export function closePair(s) {
  if (!s.pair) return s;
  const runs = { ...s.runs };
  const used = new Set(s.panels.map((p) => p.runId));
  for (const id of [s.pair.a.runId, s.pair.b.runId]) if (!used.has(id)) delete runs[id];
  return { ...s, runs, pair: null };
}

export const pairRunIds = (s) => (s.pair ? [s.pair.a.runId, s.pair.b.runId] : []);

/** '#pair=p…&a=r…&b=r…[&la=…&lb=…]' -> ids and optional labels; null when it is not a valid pair link. */
export function parsePairHash(hash) {
  const q = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const [pairId, a, b] = [q.get('pair'), q.get('a'), q.get('b')];
  if (!PAIR_ID.test(pairId ?? '') || !RUN_ID.test(a ?? '') || !RUN_ID.test(b ?? '') || a === b) return null;
  const label = (k, d) => (q.get(k) ?? '').trim().slice(0, 60) || d;
  return { pairId, a, b, labelA: label('la', 'A'), labelB: label('lb', 'B') };
}

export function pairHash(pair) {
  const q = new URLSearchParams({ pair: pair.pairId, a: pair.a.runId, b: pair.b.runId });
  if (pair.a.label && pair.a.label !== 'A') q.set('la', pair.a.label);
  if (pair.b.label && pair.b.label !== 'B') q.set('lb', pair.b.label);
  return `#${q}`;
}

/** JSON pointers of the leaves (arrays are leaves) where two configs differ, in A's key order then B's. */
export function configDifferences(a, b, prefix = '') {
  const obj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!obj(a) || !obj(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((k) => configDifferences(a[k], b[k], `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
}

/** What B changes, one setting each: the choices of the "same as this run but change one setting" form. */
export const VARIANTS = Object.freeze([
  { id: 'mbd', label: 'minibatch discrimination on/off', pointer: '/remedies/minibatchDiscrimination/enabled', kind: 'toggle' },
  { id: 'packing', label: 'packing m (PacGAN)', pointer: '/remedies/packing', kind: 'int', min: 1, max: 4, suggest: 2 },
  { id: 'replay', label: 'experience replay on/off', pointer: '/remedies/replay/enabled', kind: 'toggle' },
  { id: 'realLabel', label: 'real label (0.9 = one-sided label smoothing)', pointer: '/remedies/realLabel', kind: 'float', min: 0.5, max: 1, suggest: 0.9 },
  { id: 'loss', label: 'loss', pointer: '/train/loss', kind: 'select', options: ['minimax', 'nonsaturating', 'least_squares', 'hinge'] },
  { id: 'dSteps', label: 'D steps per G step', pointer: '/train/dSteps', kind: 'int', min: 1, max: 20, suggest: 1 },
  { id: 'lrD', label: 'D learning rate', pointer: '/train/optimizerD/lr', kind: 'float', min: 0, max: 10, suggest: 0.0001 },
  { id: 'lrG', label: 'G learning rate', pointer: '/train/optimizerG/lr', kind: 'float', min: 0, max: 10, suggest: 0.0001 },
  { id: 'batchSize', label: 'batch size', pointer: '/train/batchSize', kind: 'int', min: 1, max: 4096, suggest: 64 },
]);

/** A starting value for B: the flipped toggle, or a suggestion that differs from A's value. */
export function variantDefault(id, base) {
  const v = VARIANTS.find((x) => x.id === id);
  const cur = getAt(base, v.pointer);
  if (v.kind === 'toggle') return !cur;
  if (v.kind === 'select') return v.options.find((o) => o !== cur) ?? cur;
  return v.suggest !== cur ? v.suggest : (v.kind === 'int' ? Math.min(v.max, cur + 1) : cur / 2);
}

/** The variant patch for B; throws an Error with a message for the form when it would change nothing. */
export function variantPatch(id, base, value) {
  const v = VARIANTS.find((x) => x.id === id);
  if (!v) throw new Error(`unknown setting ${id}`);
  if (value === undefined) value = variantDefault(id, base);
  if (JSON.stringify(getAt(base, v.pointer)) === JSON.stringify(value)) throw new Error('B must differ from A: pick another value');
  if (typeof value === 'number' && (value < v.min || value > v.max)) throw new Error(`must be in [${v.min}, ${v.max}]`);
  return patchAt(v.pointer, value);
}

const LABELS = { '/remedies/minibatchDiscrimination/enabled': 'minibatch discrimination',
  '/remedies/minibatchDiscrimination/kernels': 'MBD kernels B', '/remedies/minibatchDiscrimination/kernelDims': 'MBD dims C',
  '/remedies/replay/enabled': 'experience replay', '/remedies/replay/size': 'replay size',
  '/remedies/replay/fraction': 'replay fraction', '/remedies/packing': 'packing m', '/remedies/realLabel': 'real label',
  '/train/loss': 'loss', '/train/dSteps': 'D steps per G step', '/train/batchSize': 'batch size',
  '/train/optimizerD/lr': 'D learning rate', '/train/optimizerG/lr': 'G learning rate', '/seed': 'seed' };

const show = (v) => (v === undefined ? '–' : typeof v === 'boolean' ? (v ? 'on' : 'off')
  : Array.isArray(v) ? v.join(', ') : String(v));

/** The differing settings as rows for the view; values read '–' while a config is not known yet. */
export function describeDifferences(pointers, configA, configB) {
  return (pointers ?? []).map((pointer) => ({ pointer, label: LABELS[pointer] ?? pointer,
    a: show(configA ? getAt(configA, pointer) : undefined), b: show(configB ? getAt(configB, pointer) : undefined) }));
}

/** A message on the pair view ({level, text}) or null. */
export const setPairNotice = (s, notice) => (s.pair ? { ...s, pair: { ...s.pair, notice } } : s);
