/**
 * Usage:
 *   const urls = runUrls('r3f9a0c12b4d7');
 *   img.src = urls.frameGrid(12); link.href = urls.timelineGif; link.href = urls.metricsCsv('eval');
 *   const { capacity, frames } = await fetchTimeline('r3f9a0c12b4d7');   // frames: [{frame, step}], oldest first
 *
 * The REST side of image runs (image-protocol.md): the addresses of a run's images and exports, and the one
 * JSON resource the page reads, the kept timeline frames. No DOM; fetch is injectable for the node tests.
 */
export class RestError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** The REST addresses of one run's images and exports (relative to the page's origin). */
export function runUrls(runId) {
  const base = `/api/runs/${encodeURIComponent(runId)}`;
  return {
    grid: `${base}/grid.png`,
    timeline: `${base}/timeline`,
    timelineGif: `${base}/timeline.gif`,
    frameGrid: (frame) => `${base}/timeline/${frame}/grid.png`,
    frameWalk: (frame) => `${base}/timeline/${frame}/walk.png`,
    metricsCsv: (group) => `${base}/metrics.csv?group=${group === 'eval' ? 'eval' : 'train'}`,
  };
}

/**
 * GET /api/runs/{id}/timeline: the kept frames, oldest first. Rows that are not {frame, step} whole numbers are
 * dropped and the rest sorted by frame, so a caller can merge them with frames that arrived live.
 * @returns {Promise<{capacity: number|null, frames: {frame: number, step: number}[]}>}
 */
export async function fetchTimeline(runId, fetchFn = globalThis.fetch) {
  const res = await fetchFn(runUrls(runId).timeline, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let detail = '';
    try { detail = (await res.json())?.detail ?? ''; } catch { /* not a problem document */ }
    throw new RestError(res.status, `timeline of ${runId}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`);
  }
  const body = await res.json();
  const whole = (v) => Number.isInteger(v) && v >= 0;
  const frames = (Array.isArray(body?.frames) ? body.frames : [])
    .filter((f) => whole(f?.frame) && whole(f?.step))
    .map(({ frame, step }) => ({ frame, step }))
    .sort((a, b) => a.frame - b.frame);
  return { capacity: whole(body?.capacity) ? body.capacity : null, frames };
}
