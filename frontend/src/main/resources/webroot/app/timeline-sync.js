/**
 * Usage:
 *   const sync = new TimelineSync();
 *   if (await sync.refresh(runData, runId)) render();   // true when the run's kept-frames list changed
 *
 * Re-reads an image run's kept timeline frames (GET /api/runs/{id}/timeline) into its RunData: one request per
 * run at a time (a second call while one is under way shares it), an answer that comes back after a reset is
 * dropped (RunData.generation), and a failure is logged, not thrown: the list then stays as it was.
 */
import { fetchTimeline } from '../protocol/rest.js';

export class TimelineSync {
  #inFlight = new Map(); #fetch;

  /** @param {(runId: string) => Promise<{capacity, frames}>} [fetchFn] fetchTimeline, or a fake in tests */
  constructor(fetchFn = (runId) => fetchTimeline(runId)) { this.#fetch = fetchFn; }

  /** @returns {Promise<boolean>} whether data.timeline was replaced by the merged list */
  refresh(data, runId) {
    if (!data || !runId) return Promise.resolve(false);
    if (this.#inFlight.has(runId)) return this.#inFlight.get(runId);
    const generation = data.generation;
    const request = Promise.resolve().then(() => this.#fetch(runId))
      .then((server) => data.mergeTimeline(server, generation))
      .catch((err) => { console.warn(`could not read the timeline of ${runId}`, err); return false; })
      .finally(() => this.#inFlight.delete(runId));
    this.#inFlight.set(runId, request);
    return request;
  }
}
