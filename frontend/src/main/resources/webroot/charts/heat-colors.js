/**
 * Usage:
 *   fillHeatImage(imageData.data, frame.sections.heatmap.data, s, 'nonsaturating');   // then drawImage scaled up
 *
 * GAN Lab's colours for D's decision surface: green where D says real, purple where it says fake, pale at
 * the equilibrium. Scores become a "realness" p in [0, 1] per loss: logistic losses send probabilities
 * (used as they are); least squares targets 0 (fake) and 1 (real), so it is clamped to [0, 1]; hinge
 * targets -1 and +1, so (s + 1) / 2 is clamped. Pure: no DOM.
 */
export const REAL_RGB = [0, 136, 55];
export const FAKE_RGB = [123, 50, 148];
const MID_RGB = [247, 247, 247];

const clamp01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** D's output -> realness in [0, 1] (0.5 at equilibrium); NaN stays NaN. */
export function realness(score, loss) {
  if (loss === 'hinge') return clamp01((score + 1) / 2);
  return clamp01(score);
}

/** @returns {number[]} [r, g, b] for realness p, diverging purple - pale - green */
export function heatRGB(p) {
  const [from, t] = p < 0.5 ? [FAKE_RGB, p * 2] : [REAL_RGB, (1 - p) * 2];
  return from.map((c, i) => Math.round(c + (MID_RGB[i] - c) * t));
}

/**
 * Fills RGBA pixels of an s x s image from a heatmap whose row 0 is at yMin (the image's bottom row).
 * @param {Uint8ClampedArray} pixels length s*s*4 @param {Float32Array} heat length s*s
 */
export function fillHeatImage(pixels, heat, s, loss) {
  for (let r = 0; r < s; r++) {
    const imageRow = s - 1 - r;
    for (let c = 0; c < s; c++) {
      const p = realness(heat[r * s + c], loss);
      const o = (imageRow * s + c) * 4;
      if (Number.isNaN(p)) { pixels[o + 3] = 0; continue; }
      const [red, green, blue] = heatRGB(p);
      pixels[o] = red; pixels[o + 1] = green; pixels[o + 2] = blue; pixels[o + 3] = 255;
    }
  }
}
