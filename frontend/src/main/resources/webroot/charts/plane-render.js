/**
 * Usage:
 *   const map = planeMap(frame.header.bounds, cssWidth, cssHeight);
 *   drawFrame(ctx, frame, map, { loss: 'hinge', heatmap: true, real: true, fake: true, arrows: true, manifold: true });
 *
 * Draws one decoded visual frame on a 2D canvas context in CSS pixels (the caller scales for devicePixelRatio):
 * D's heatmap, the generator manifold as polylines along rows and columns, real points, fake points and
 * G's gradient arrows. Colours are read from CSS custom properties by the caller and passed in `colors`.
 */
import { fillHeatImage } from './heat-colors.js';

/** Data <-> canvas mapping for bounds [xMin, xMax, yMin, yMax] on a w x h canvas (y grows upward in data). */
export function planeMap([xMin, xMax, yMin, yMax], w, h) {
  const sx = w / (xMax - xMin);
  const sy = h / (yMax - yMin);
  return {
    bounds: [xMin, xMax, yMin, yMax], w, h,
    x: (v) => (v - xMin) * sx,
    y: (v) => h - (v - yMin) * sy,
    toData: (px, py) => [xMin + px / sx, yMin + (h - py) / sy],
  };
}

const DEFAULT_COLORS = { real: '#008837', fake: '#7b3294', arrow: '#4a1a5e', manifold: 'rgba(60,60,60,0.45)',
  axis: 'rgba(0,0,0,0.12)', drawn: '#e08214' };

export function drawFrame(ctx, frame, map, show, colors = DEFAULT_COLORS) {
  const { sections: s } = frame;
  ctx.clearRect(0, 0, map.w, map.h);
  if (show.heatmap && s.heatmap) drawHeatmap(ctx, s.heatmap, map, show.loss);
  drawAxes(ctx, map, colors.axis);
  if (show.manifold && s.manifold) drawManifold(ctx, s.manifold, map, colors.manifold);
  if (show.real && s.real) drawPoints(ctx, s.real.data, map, colors.real, 2.2);
  if (show.fake && s.fake) drawPoints(ctx, s.fake.data, map, colors.fake, 2.2);
  if (show.arrows && s.fake && s.arrows) drawArrows(ctx, s.fake.data, s.arrows.data, map, colors.arrow);
}

let scratch = null;
function drawHeatmap(ctx, { shape: [size], data }, map, loss) {
  scratch ??= document.createElement('canvas');
  if (scratch.width !== size) { scratch.width = size; scratch.height = size; }
  const sctx = scratch.getContext('2d');
  const image = sctx.createImageData(size, size);
  fillHeatImage(image.data, data, size, loss);
  sctx.putImageData(image, 0, 0);
  ctx.save();
  ctx.globalAlpha = 0.75;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch, 0, 0, map.w, map.h);
  ctx.restore();
}

function drawAxes(ctx, map, color) {
  const [xMin, xMax, yMin, yMax] = map.bounds;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  if (xMin < 0 && xMax > 0) { ctx.moveTo(map.x(0), 0); ctx.lineTo(map.x(0), map.h); }
  if (yMin < 0 && yMax > 0) { ctx.moveTo(0, map.y(0)); ctx.lineTo(map.w, map.y(0)); }
  ctx.stroke();
  ctx.restore();
}

export function drawPoints(ctx, xy, map, color, r) {
  ctx.save();
  ctx.fillStyle = color;
  ctx.beginPath();
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const px = map.x(xy[i]);
    const py = map.y(xy[i + 1]);
    ctx.moveTo(px + r, py);
    ctx.arc(px, py, r, 0, Math.PI * 2);
  }
  ctx.fill();
  ctx.restore();
}

/** Arrows are scaled so the longest is 6% of the plane's width: direction and relative size matter here. */
function drawArrows(ctx, fake, arrows, map, color) {
  let maxLen = 0;
  for (let i = 0; i + 1 < arrows.length; i += 2) maxLen = Math.max(maxLen, Math.hypot(arrows[i], arrows[i + 1]));
  if (!(maxLen > 0) || !Number.isFinite(maxLen)) return;
  const k = (0.06 * map.w) / maxLen;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i + 1 < Math.min(fake.length, arrows.length); i += 2) {
    const px = map.x(fake[i]);
    const py = map.y(fake[i + 1]);
    ctx.moveTo(px, py);
    ctx.lineTo(px + arrows[i] * k, py - arrows[i + 1] * k);
  }
  ctx.stroke();
  ctx.restore();
}

function drawManifold(ctx, { shape: [m], data }, map, color) {
  const at = (i, j) => (i * m + j) * 2;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const row = at(i, j);
      ctx[j === 0 ? 'moveTo' : 'lineTo'](map.x(data[row]), map.y(data[row + 1]));
    }
    for (let j = 0; j < m; j++) {
      const col = at(j, i);
      ctx[j === 0 ? 'moveTo' : 'lineTo'](map.x(data[col]), map.y(data[col + 1]));
    }
  }
  ctx.stroke();
  ctx.restore();
}
