/**
 * Usage:
 *   let list = emptyTimeline();
 *   list = appendFrame(list, { frame: 12, step: 240 });        // a live images frame arrived
 *   list = mergeTimeline(list, await fetchTimeline(runId));     // the server's kept frames, plus newer live ones
 *   let cursor = LIVE;                                          // the viewer follows the newest frame
 *   cursor = scrubTo(list, 3); cursor = play(cursor, list); cursor = tick(cursor, list); cursor = LIVE;
 *   shownEntry(cursor, list)   // {frame, step} the view shows, or null when live
 *
 * An image run's timeline as data, apart from the DOM: the list of kept frames ({frame, step}, oldest first, as
 * GET /api/runs/{id}/timeline returns it, with the live frames that arrived since appended locally), and one
 * viewer's cursor over it: live (follow the newest), scrub (stay on a chosen frame while live frames keep
 * arriving) or play (a movie through the kept frames that ends live). The cursor holds a frame number, not an
 * index, so it stays on its frame when the list grows or is thinned.
 */
export const emptyTimeline = () => ({ capacity: null, frames: [] });

export const LIVE = Object.freeze({ mode: 'live', frame: null });

/** Appends a live frame. A frame number below the newest means the counter restarted (reset): a new list. */
export function appendFrame(list, { frame, step }) {
  const last = list.frames.at(-1);
  if (last && frame === last.frame) {
    return last.step === step ? list : { ...list, frames: [...list.frames.slice(0, -1), { frame, step }] };
  }
  if (last && frame < last.frame) return { ...list, frames: [{ frame, step }] };
  const frames = [...list.frames, { frame, step }];
  return { ...list, frames: list.capacity && frames.length > list.capacity ? thin(frames, list.capacity) : frames };
}

/**
 * The server's list is the truth for what is kept; live frames newer than its newest (they arrived while the
 * request was under way) stay. (An answer from before a reset is dropped by the caller: RunData.generation.)
 */
export function mergeTimeline(local, server) {
  const kept = server.frames;
  const newestKept = kept.at(-1)?.frame ?? 0;
  const newer = local.frames.filter((f) => f.frame > newestKept);
  return { capacity: server.capacity ?? local.capacity, frames: [...kept, ...newer] };
}

/** Keeps at most capacity frames, thinning the older ones evenly (every other one) and always keeping the newest. */
export function thin(frames, capacity) {
  let out = frames;
  while (out.length > capacity && out.length > 2) {
    const newest = out.at(-1);
    out = out.slice(0, -1).filter((_, i) => i % 2 === 0);
    if (out.at(-1) !== newest) out.push(newest);
  }
  return out;
}

/** The index of frame in the list, or of the newest kept frame before it (thinned away), or 0. */
export function indexOfFrame(list, frame) {
  let best = 0;
  for (let i = 0; i < list.frames.length; i++) if (list.frames[i].frame <= frame) best = i;
  return best;
}

/** The viewer picked position index on the scrubber; the newest position means live. */
export function scrubTo(list, index) {
  const n = list.frames.length;
  if (n === 0) return LIVE;
  const i = Math.max(0, Math.min(n - 1, Math.round(index)));
  return { mode: 'scrub', frame: list.frames[i].frame };
}

/** Play from the cursor's frame, or from the oldest when live or at the newest. */
export function play(cursor, list) {
  if (list.frames.length < 2) return cursor;
  const atEnd = cursor.mode === 'live' || indexOfFrame(list, cursor.frame) >= list.frames.length - 1;
  return { mode: 'play', frame: atEnd ? list.frames[0].frame : cursor.frame };
}

/** Pausing the movie keeps its frame on screen. */
export const pause = (cursor) => (cursor.mode === 'play' ? { mode: 'scrub', frame: cursor.frame } : cursor);

/** The movie's next frame; past the newest it ends live. */
export function tick(cursor, list) {
  if (cursor.mode !== 'play') return cursor;
  const next = list.frames.find((f) => f.frame > cursor.frame);
  return next ? { mode: 'play', frame: next.frame } : LIVE;
}

/** The list entry the view shows ({frame, step}), or null when it follows the live frames. */
export function shownEntry(cursor, list) {
  if (cursor.mode === 'live' || list.frames.length === 0) return null;
  return list.frames[indexOfFrame(list, cursor.frame)];
}

/** The scrubber's position: the shown entry's index, or the newest when live. */
export const scrubberIndex = (cursor, list) =>
  (cursor.mode === 'live' ? Math.max(0, list.frames.length - 1) : indexOfFrame(list, cursor.frame));
