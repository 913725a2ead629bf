/**
 * Usage: const build = commandMessage({ runId, type: 'step', phase: 'd' }); if (build) client.request(build());
 *
 * Maps a panel's or pair side's `gan-command` detail to a protocol message builder (null for unknown types).
 * errorsByPointer(requestError) spreads a failed request's invalid_config fields as {pointer: message}.
 */
import * as msg from '../protocol/messages.js';

export function commandMessage({ runId, type, phase, patch, rebuild }) {
  return {
    start: () => msg.start(runId), pause: () => msg.pause(runId), reset: () => msg.reset(runId),
    step: () => msg.step(runId, phase), update_config: () => msg.updateConfig(runId, patch, rebuild),
  }[type] ?? null;
}

/** The field messages of a failed request ({pointer: message}; {} when it names no field). */
export function errorsByPointer(err) {
  const p = err?.payload ?? {};
  const list = p.errors?.length ? p.errors : p.field ? [{ pointer: p.field, message: p.message }] : [];
  return Object.fromEntries(list.map((e) => [e.pointer, e.message]));
}
