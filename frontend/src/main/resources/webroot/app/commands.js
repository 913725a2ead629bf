/**
 * Usage: const build = commandMessage({ runId, type: 'step', phase: 'd' }); if (build) client.request(build());
 *
 * Maps a panel's or pair side's `gan-command` detail to a protocol message builder (null for unknown types).
 */
import * as msg from '../protocol/messages.js';

export function commandMessage({ runId, type, phase, patch, rebuild }) {
  return {
    start: () => msg.start(runId), pause: () => msg.pause(runId), reset: () => msg.reset(runId),
    step: () => msg.step(runId, phase), update_config: () => msg.updateConfig(runId, patch, rebuild),
  }[type] ?? null;
}
