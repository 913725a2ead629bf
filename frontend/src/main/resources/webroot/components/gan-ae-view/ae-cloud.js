/**
 * Usage:
 *   drawCloud(canvas, frame, aePanels(frame), { yaw: 0.6, pitch: 0.35 });
 *
 * The plane3d view of an autoencoder frame on a 2D canvas (orthographic, app/ae-view.js project3d): the held-out
 * cloud grey, each arm's reconstructions in its colour, the cloud's true plane as a grey square and each linear
 * arm's decoder plane (decode(0) + the span of its columns) as an orange one, far things first.
 */
import { project3d } from '../../app/ae-view.js';

const ARM_COLORS = ['#e08214', '#2166ac', '#008837', '#7b3294', '#b2182b', '#35978f'];
/** Half side of the drawn plane squares, in data units (the cloud's in-plane sd is about 1). */
const PLANE_HALF = 2.5;

export function drawCloud(canvas, frame, panels, { yaw, pitch }) {
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const cloud = frame.sections.cloud?.data;
  if (!cloud) return;
  const centre = mean3(cloud);
  const scale = Math.min(width, height) / (2 * 3.2);
  const toScreen = (p) => {
    const [x, y, depth] = project3d([p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]], yaw, pitch);
    return [width / 2 + x * scale, height / 2 - y * scale, depth];
  };
  const truth = frame.header.truth;
  if (truth) square(ctx, toScreen, truth.origin, truth.basis, centre, 'rgba(120,120,120,0.18)', '#888');
  panels.forEach((p, a) => {
    if (p.plane) square(ctx, toScreen, p.plane.origin, p.plane.basis, centre, 'rgba(224,130,20,0.18)', ARM_COLORS[a % ARM_COLORS.length]);
  });
  const dots = [];
  for (let i = 0; i + 2 < cloud.length; i += 3) dots.push([toScreen([cloud[i], cloud[i + 1], cloud[i + 2]]), '#999']);
  panels.forEach((p, a) => {
    const r = frame.sections[`recon/${a}`]?.data;
    if (!r) return;
    for (let i = 0; i + 2 < r.length; i += 3) dots.push([toScreen([r[i], r[i + 1], r[i + 2]]), ARM_COLORS[a % ARM_COLORS.length]]);
  });
  dots.sort((u, v) => v[0][2] - u[0][2]);
  for (const [[x, y], color] of dots) {
    ctx.fillStyle = color;
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  }
}

function mean3(xs) {
  const m = [0, 0, 0];
  const n = Math.max(1, xs.length / 3);
  for (let i = 0; i + 2 < xs.length; i += 3) for (let k = 0; k < 3; k++) m[k] += xs[i + k] / n;
  return m;
}

/**
 * The square ± PLANE_HALF along the plane's two directions (orthonormalised: decoder columns need not be), around the
 * cloud's centre projected onto the plane (the plane's own origin may lie anywhere on it).
 */
function square(ctx, toScreen, origin, basis, centre, fill, stroke) {
  if (!Array.isArray(basis) || basis.length < 2) return;
  const u = unit(basis[0]);
  if (!u) return;
  const v = unit(basis[1].map((x, k) => x - dot(basis[1], u) * u[k]));
  if (!v) return;
  const rel = centre.map((c, k) => c - origin[k]);
  const mid = origin.map((o, k) => o + dot(rel, u) * u[k] + dot(rel, v) * v[k]);
  const corner = (a, b) => toScreen(mid.map((o, k) => o + PLANE_HALF * (a * u[k] + b * v[k])));
  const pts = [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = stroke;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

const dot = (a, b) => a.reduce((s, x, k) => s + x * b[k], 0);

function unit(a) {
  const n = Math.sqrt(dot(a, a));
  return n > 1e-9 ? a.map((x) => x / n) : null;
}
