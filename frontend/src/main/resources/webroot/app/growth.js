/**
 * Usage:
 *   const v = growthView(header.growth);   // null when the frame has no growth (not a ProGAN run)
 *   // {resolution: '8×8', max: '32×32', phase: 'fading in', alpha: '0.42', percent: 42, images: '25,600', done: false}
 *
 * What the growth status of a ProGAN run shows (protocol.md 3.4, the images header's `growth`), as text; no DOM,
 * so it is tested in node.
 */
const PHASES = { 'fade-in': 'fading in', stabilise: 'stabilising', done: 'fully grown' };

export function growthView(growth) {
  if (!growth) return null;
  const side = (r) => `${r}×${r}`;
  const progress = Math.min(1, Math.max(0, Number(growth.progress) || 0));
  return {
    resolution: side(growth.resolution),
    max: side(growth.maxResolution),
    phase: PHASES[growth.phase] ?? String(growth.phase),
    alpha: Number(growth.alpha).toFixed(2),
    percent: Math.round(100 * progress),
    progress,
    images: Number(growth.images).toLocaleString('en-US'),
    fading: growth.phase === 'fade-in',
    done: growth.phase === 'done',
  };
}
