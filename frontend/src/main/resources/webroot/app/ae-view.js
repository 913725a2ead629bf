/**
 * Usage:
 *   const panels = aePanels(frame);              // [{arm, name, recon, interp, lattice, samples, latent, ...}] per arm
 *   const i = nearestPoint(points, bounds, {x, y, width, height});   // latent-map index under a click, or -1
 *   ({ picker, patch } = pickInterpEnd(picker, i));                  // patch: {view: {interpFrom: i}}
 *   const specs = aeChartSpecs(data.train.names, data.eval.names);  // charts for the ae/... metric keys
 *   const [sx, sy, depth] = project3d([x, y, z], yaw, pitch);        // the rotatable 3D view
 *
 * The pure parts of the autoencoder views (gan-ae-view, gan-ae-charts): reading an "autoencoder" frame
 * (docs/protocol.md 3.4) into per-arm panels, mapping clicks on the latent map to held-out inputs, grouping the
 * metric keys ae/<metric> and ae/<arm>/<metric> into charts with one series per arm, and the 3D projection.
 */

/** Per-arm panels of a decoded autoencoder frame (sections keyed "name" or "name/arm", frame.js). */
export function aePanels(frame) {
  const h = frame?.header;
  if (!h || !Array.isArray(h.arms)) return [];
  const s = frame.sections ?? {};
  return h.arms.map((arm, i) => ({
    arm: i, name: arm.name, codeSize: arm.codeSize, latent: arm.latent ?? null, activations: arm.activations ?? [],
    plane: arm.plane ?? null, recon: s[`recon/${i}`] ?? null, interp: s[`interp/${i}`] ?? null,
    lattice: s[`lattice/${i}`] ?? null, samples: s[`samples/${i}`] ?? null, codes: s[`codes/${i}`] ?? null,
  }));
}

/**
 * The index of the latent-map point nearest to a click, or -1 when none lies within `radius` CSS pixels.
 * @param {number[]} points x0, y0, x1, y1, ... in code units @param {number[]} bounds [xMin, xMax, yMin, yMax]
 * @param {{x: number, y: number, width: number, height: number, radius?: number}} at the click in the canvas (y down)
 */
export function nearestPoint(points, bounds, { x, y, width, height, radius = 12 }) {
  if (!Array.isArray(points) || !Array.isArray(bounds) || !(width > 0) || !(height > 0)) return -1;
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; 2 * i + 1 < points.length; i++) {
    const [px, py] = toCanvas(points[2 * i], points[2 * i + 1], bounds, width, height);
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d <= bestD) { bestD = d; best = i; }
  }
  return best;
}

/** A code-space point on a width x height canvas over bounds (y up in code space, down on the canvas). */
export function toCanvas(cx, cy, [x0, x1, y0, y1], width, height) {
  return [((cx - x0) / (x1 - x0 || 1)) * width, (1 - (cy - y0) / (y1 - y0 || 1)) * height];
}

/** One viewer's interpolation picking: the next click sets the first end, then the other, alternating. */
export const interpPicker = () => ({ next: 'from' });

/** A click on held-out input `index`: the config patch to send and the picker's next state. */
export function pickInterpEnd(picker, index) {
  const key = picker.next === 'to' ? 'interpTo' : 'interpFrom';
  return { picker: { next: picker.next === 'to' ? 'from' : 'to' }, patch: { view: { [key]: index } } };
}

/**
 * The sparsity target drawn on an arm's activation histogram: the rho in its name for the sweep's arms ("rho-0.01"),
 * else the run's own target (the header's sparsity.target), or null without a sparsity penalty.
 */
export function armTarget(name, runTarget) {
  const m = /^rho-(\d*\.?\d+)$/.exec(String(name));
  return m ? Number(m[1]) : (Number.isFinite(runTarget) ? runTarget : null);
}

/** A distinct colour per class (10 well-separated hues, then around the wheel again, lighter). */
export function classColor(label) {
  const l = Number.isInteger(label) && label >= 0 ? label : 0;
  return `hsl(${(l * 36) % 360} 70% ${l < 10 ? 45 : 62}%)`;
}

/**
 * A histogram of values over [min, max] with `bins` bins: {counts, min, max}; values outside land in the end bins.
 * The range spans 0 and 1 at least (sigmoid codes' activations live in [0, 1]) and every value (a VAE's mean codes
 * may be negative).
 */
export function histogram(values, bins = 20) {
  const finite = (values ?? []).filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(1, ...finite);
  const counts = new Array(bins).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * bins)))]++;
  return { counts, min: lo, max: hi };
}

/** Chart titles of the known metric leaves; series of an unknown leaf still get a chart, titled by the leaf. */
const TITLES = {
  recon: 'Reconstruction error (train batches)', kl: 'KL term (VAE)', sparsity: 'Sparsity penalty', loss: 'Total loss',
  heldout_mse: "Held-out reconstruction MSE (dashed: PCA's optimum)", subspace_angle: "Principal angle to PCA's subspace (degrees)",
  probe_acc: 'Linear probe accuracy of the codes', noisy_mse: 'Reconstruction of noisy inputs (MSE to the clean ones)',
  mean_activation: 'Mean code activation', accuracy: 'Classifier accuracy (few labels)',
};
/** Leaves drawn dashed inside another leaf's chart. */
const JOINED = { pca_mse: 'heldout_mse' };
const ORDER = ['recon', 'kl', 'sparsity', 'loss', 'heldout_mse', 'subspace_angle', 'probe_acc', 'accuracy', 'noisy_mse', 'mean_activation'];
const COLORS = ['--c-d', '--c-g', '--c-real', '--c-fake', '--c-kl', '--c-js', '--c-fcd', '--c-modes-covered'];

/** {arm, leaf} of an ae/ metric key (arm null for a lone autoencoder), or null for other keys. */
export function parseAeKey(name) {
  const parts = String(name).split('/');
  if (parts[0] !== 'ae' || parts.length < 2 || parts.length > 3) return null;
  return parts.length === 2 ? { arm: null, leaf: parts[1] } : { arm: parts[1], leaf: parts[2] };
}

/**
 * Chart specs (charts/uplot-options.js shape) for the ae/ keys among the train and eval column names: one chart per
 * metric with one series per arm side by side (same colour per arm across charts), plus the gradient norm.
 */
export function aeChartSpecs(trainNames = [], evalNames = []) {
  const arms = [];
  const charts = new Map();
  const add = (source, name) => {
    const key = parseAeKey(name);
    if (!key) return;
    const leaf = JOINED[key.leaf] ?? key.leaf;
    const id = `${source}:${leaf}`;
    if (key.arm !== null && !arms.includes(key.arm)) arms.push(key.arm);
    if (!charts.has(id)) charts.set(id, { leaf, source, series: [] });
    charts.get(id).series.push({ name, arm: key.arm, dashed: Boolean(JOINED[key.leaf]), metric: key.leaf });
  };
  for (const n of trainNames) add('train', n);
  for (const n of evalNames) add('eval', n);
  const rank = (leaf) => (ORDER.includes(leaf) ? ORDER.indexOf(leaf) : ORDER.length);
  const specs = [...charts.values()].sort((a, b) => rank(a.leaf) - rank(b.leaf) || a.source.localeCompare(b.source))
    .map((c) => ({
      key: `ae-${c.source}-${c.leaf}`, title: TITLES[c.leaf] ?? c.leaf, source: c.source, testid: `ae-chart-${c.leaf}`,
      series: c.series.map((s) => ({ name: s.name, label: `${s.arm ?? 'ae'}${s.dashed ? ' · PCA optimum' : ''}`,
        color: COLORS[Math.max(0, arms.indexOf(s.arm)) % COLORS.length],
      ...(s.dashed ? { dash: [6, 4] } : {}) })),
    }));
  if (trainNames.includes('grad/ae_norm')) {
    specs.push({ key: 'ae-grad', title: 'Gradient norm', source: 'train', testid: 'ae-chart-grad',
      series: [{ name: 'grad/ae_norm', label: '|grad|', color: '--c-d' }] });
  }
  return specs;
}

/**
 * The sparsity sweep's trade-off curve: per arm with both measured, its latest mean code activation (x) and held-out
 * reconstruction error (y), sorted by x; empty unless at least two arms have both.
 * @param {{names: string[], latest: (name: string) => number|null}} evalBuffer a SeriesBuffer of eval rows
 */
export function tradeOff(evalBuffer) {
  const arms = new Set((evalBuffer?.names ?? []).map(parseAeKey).filter((k) => k?.arm && k.leaf === 'heldout_mse').map((k) => k.arm));
  const points = [...arms].map((arm) => ({ arm, x: evalBuffer.latest(`ae/${arm}/mean_activation`),
    y: evalBuffer.latest(`ae/${arm}/heldout_mse`) })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  return points.length >= 2 ? points.sort((a, b) => a.x - b.x) : [];
}

/**
 * A 3D point seen from yaw (around the vertical axis) and pitch (tilt), orthographic: [screenX, screenY, depth],
 * screen y up. The rotatable plane3d view draws far points first (larger depth = farther).
 */
export function project3d([x, y, z], yaw, pitch) {
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const x1 = cy * x + sy * z;
  const z1 = -sy * x + cy * z;
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  return [x1, cp * y - sp * z1, sp * y + cp * z1];
}
