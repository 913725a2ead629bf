/**
 * Usage:
 *   const spec = CHART_SPECS.find((s) => s.key === 'loss');
 *   new uPlot(chartOptions(spec, { width: 400, band: () => ({ eq: 0.5, half: 0.05 }), probability: () => true }), emptyData(spec), el);
 *
 * The charts of a run panel as data (which buffer, which metric columns, colours from CSS tokens per metric
 * prefix, `family` for the charts of 2D runs only or image runs only) and the shared uPlot options: x is the step (scales.x.time = false), no points, gaps for null.
 */
export const CHART_SPECS = [
  { key: 'loss', title: 'Loss', source: 'train', testid: 'loss-chart', series: [
    { name: 'loss/d', label: 'D loss', color: '--c-d' }, { name: 'loss/g', label: 'G loss', color: '--c-g' }] },
  { key: 'score', title: 'D(x) and D(G(z))', source: 'train', testid: 'score-chart', band: true, series: [
    { name: 'score/real', label: 'D(x)', color: '--c-real' }, { name: 'score/fake', label: 'D(G(z))', color: '--c-fake' }] },
  { key: 'div', title: 'Divergence by grid', source: 'eval', testid: 'div-chart', family: 'points', series: [
    { name: 'div/kl_grid', label: 'KL', color: '--c-kl' }, { name: 'div/js_grid', label: 'JS', color: '--c-js' }] },
  { key: 'modes', title: 'Modes', source: 'eval', testid: 'modes-chart', family: 'points', onlyWithData: true, series: [
    { name: 'modes/captured', label: 'captured', color: '--c-modes-captured' },
    { name: 'modes/covered', label: 'covered', color: '--c-modes-covered' }] },
  { key: 'classes', title: 'Classes covered', source: 'eval', testid: 'classes-chart', family: 'images', series: [
    { name: 'images/classes_covered', label: 'classes covered', color: '--c-modes-captured' }] },
  { key: 'klUniform', title: 'KL of the class histogram to uniform', source: 'eval', testid: 'kl-uniform-chart', family: 'images',
    series: [{ name: 'images/kl_uniform', label: 'KL to uniform', color: '--c-kl' }] },
  { key: 'fcd', title: 'Fréchet classifier distance (not Inception FID)', source: 'eval', testid: 'fcd-chart', family: 'images',
    series: [{ name: 'images/fcd', label: 'FCD', color: '--c-fcd' }] },
  { key: 'confidence', title: 'Classifier confidence', source: 'eval', testid: 'confidence-chart', family: 'images',
    series: [{ name: 'images/confidence', label: 'mean max probability', color: '--c-js' }] },
  { key: 'growth', title: 'ProGAN fade-in alpha', source: 'train', testid: 'growth-chart', family: 'images', onlyWithData: true,
    series: [{ name: 'progan/alpha', label: 'alpha', color: '--c-js' }] },
  { key: 'grad', title: 'Gradient norms', source: 'train', testid: 'grad-chart', optional: true, series: [
    { name: 'grad/d_norm', label: '|grad D|', color: '--c-d' }, { name: 'grad/g_norm', label: '|grad G|', color: '--c-g' }] },
];

/**
 * The A/B view's overlaid charts: the same metrics with both runs on one chart (an OverlaySource, names
 * prefixed 'a:' / 'b:'). Colour tells the side (A blue, B orange), dash tells the metric (first solid, second
 * dashed); gaps are spanned because a step one side has and the other not reads null on the merged axis.
 */
export function pairChartSpecs(labelA = 'A', labelB = 'B') {
  const pick = { loss: null, score: null, div: null, modes: ['modes/captured'], grad: null };
  return CHART_SPECS.filter((spec) => spec.family !== 'images').map((spec) => {
    const base = pick[spec.key] ? spec.series.filter((s) => pick[spec.key].includes(s.name)) : spec.series;
    const side = (p, label, color) => base.map((s, k) => ({ name: `${p}:${s.name}`, label: `${label} · ${s.label}`,
      color, dash: k === 0 ? undefined : [7, 5], spanGaps: true, width: 2.5 }));
    return { ...spec, testid: `pair-${spec.testid}`, title: spec.key === 'modes' ? 'Modes captured' : spec.title,
      series: [...side('a', labelA, '--c-a'), ...side('b', labelB, '--c-b')] };
  });
}

/** A chart belongs on a run of family 'points' (2D) or 'images' when it names no family or that one. */
export const chartForFamily = (spec, family) => !spec.family || spec.family === family;

/** Half-width of the equilibrium band drawn on the score chart, in score units. */
export const BAND_HALF_WIDTH = 0.05;

export function cssColor(token, fallback = '#555') {
  const v = getComputedStyle(document.documentElement).getPropertyValue(token).trim();
  return v || fallback;
}

export const emptyData = (spec) => [[], ...spec.series.map(() => [])];

const fmt = (v) => (v == null ? '–' : Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 0.001) ? v.toExponential(2) : v.toFixed(4));

/**
 * @param {object} spec one of CHART_SPECS
 * @param {{width: number, height?: number, band?: () => ({eq: number, half: number}|null),
 *          probability?: () => boolean}} opts band and probability are read on every redraw
 */
export function chartOptions(spec, { width, height = 170, band = () => null, probability = () => false }) {
  return {
    width, height,
    cursor: { drag: { x: true, y: false } },
    legend: { live: true },
    scales: {
      x: { time: false },
      y: { range: (u, min, max) => yRange(min, max, spec.band ? band() : null, spec.band && probability()) },
    },
    axes: [{ label: 'step', labelSize: 14, size: 30 }, { size: 48 }],
    series: [
      { label: 'step', value: (u, v) => (v == null ? '–' : String(v)) },
      ...spec.series.map((s) => ({ label: s.label, stroke: cssColor(s.color), width: s.width ?? 1.5, points: { show: false },
        spanGaps: s.spanGaps ?? false, ...(s.dash ? { dash: s.dash } : {}), value: (u, v) => fmt(v) })),
    ],
    hooks: spec.band ? { drawClear: [(u) => drawBand(u, band())] } : {},
  };
}

function yRange(min, max, band, probability) {
  if (probability) return [0, 1];
  let lo = min ?? band?.eq ?? 0;
  let hi = max ?? band?.eq ?? 1;
  if (band) { lo = Math.min(lo, band.eq - band.half * 2); hi = Math.max(hi, band.eq + band.half * 2); }
  if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** The equilibrium band (eq ± half) and a dashed line at eq, behind the series. */
function drawBand(u, band) {
  if (!band) return;
  const { ctx, bbox } = u;
  const top = u.valToPos(band.eq + band.half, 'y', true);
  const bottom = u.valToPos(band.eq - band.half, 'y', true);
  const mid = u.valToPos(band.eq, 'y', true);
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.fillStyle = cssColor('--c-band', 'rgba(0,0,0,0.06)');
  ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
  ctx.strokeStyle = 'rgba(0,0,0,0.35)';
  ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(bbox.left, mid);
  ctx.lineTo(bbox.left + bbox.width, mid);
  ctx.stroke();
  ctx.restore();
}
