/**
 * Usage:
 *   store.set((s) => onServerMessage(s, msg));      // state, config, reset
 *   store.set((s) => attachRun(s, 'p1', created));  // a panel now shows the run from run_created
 *
 * The page's state and its pure transitions (no DOM, no socket), so they can be tested with node --test.
 * Shape:
 *   connection: {status: 'connecting'|'open'|'closed', attempt, retryInMs}
 *   presets:    [{id, name, explanation, config}] from hello
 *   datasets:   [{id, name, family, available, detail?, hint?, classes?, size?}] from hello (image-protocol.md)
 *   panels:     [{key, runId|null, creating, notice: {level, text}|null, fieldErrors: {pointer: message}}]
 *   runs:       {runId: {runId, preset, state, step, reason, position, config, alarm, progress, role}}
 *               (alarm: alarm-state.js; progress: the latest `progress` payload {task, message, fraction, done} of an
 *               image run, or null; position: the place in the training queue while state is 'queued', else null;
 *               role: 'owner' | 'admin' | 'viewer' from the `access` message, 'owner' for a run this page created)
 *   presenter:  true on the big-screen page (#present=…): read-only, no forms
 *   pair:       the A/B view's pair or null (pair-state.js)
 */
import { reduceAlarm, dismissAlarm } from './alarm-state.js';

export function initialState() {
  return { connection: { status: 'connecting', attempt: 0, retryInMs: null }, presets: [], datasets: [], pairs: [], panels: [],
    runs: {}, pair: null, presenter: false };
}

export const setConnection = (s, connection) => ({ ...s, connection: { ...s.connection, retryInMs: null, ...connection } });

export const onHello = (s, payload) =>
  ({ ...s, presets: payload?.presets ?? [], datasets: payload?.datasets ?? [], pairs: payload?.pairs ?? [] });

export const addPanel = (s, key) =>
  ({ ...s, panels: [...s.panels, { key, runId: null, creating: false, notice: null, fieldErrors: {} }] });

export function removePanel(s, key) {
  const panel = s.panels.find((p) => p.key === key);
  return { ...s, panels: s.panels.filter((p) => p.key !== key), runs: withoutRun(s.runs, panel?.runId) };
}

export const panelByKey = (s, key) => s.panels.find((p) => p.key === key) ?? null;
export const panelForRun = (s, runId) => s.panels.find((p) => p.runId === runId) ?? null;

export const updatePanel = (s, key, patch) =>
  ({ ...s, panels: s.panels.map((p) => (p.key === key ? { ...p, ...patch } : p)) });

/** The panel shows the run of a run_created message; the run it showed before is forgotten. */
export function attachRun(s, key, { runId, payload }) {
  const old = panelByKey(s, key)?.runId;
  const runs = withoutRun(s.runs, old === runId ? null : old);
  const prev = runs[runId];
  runs[runId] = { runId, preset: payload.preset, state: prev?.state ?? 'created', step: prev?.step ?? 0,
    reason: prev?.reason ?? null, config: payload.config ?? prev?.config ?? null, alarm: prev?.alarm ?? null,
    progress: prev?.progress ?? null, position: prev?.position ?? null, role: payload.role ?? prev?.role ?? 'owner' };
  return updatePanel({ ...s, runs }, key, { runId, creating: false, notice: null, fieldErrors: {} });
}

/** The panel no longer shows a run (a new one is being created for it); the old run is forgotten. */
export function detachRun(s, key) {
  const panel = panelByKey(s, key);
  if (!panel) return s;
  return updatePanel({ ...s, runs: withoutRun(s.runs, panel.runId) }, key, { runId: null, notice: null, fieldErrors: {} });
}

/** Applies the run-scoped server messages state, config, reset, alarm, progress and access; others leave the state as it is. */
export function onServerMessage(s, msg) {
  const run = s.runs[msg.runId];
  if (!run) return s;
  const p = msg.payload ?? {};
  switch (msg.type) {
    case 'state': {
      const keepReason = p.state === 'failed' || p.state === 'stopped';
      return withRun(s, { ...run, state: p.state, step: p.step ?? run.step,
        reason: p.reason ?? (keepReason ? run.reason : null),
        position: p.state === 'queued' && Number.isInteger(p.position) ? p.position : null });
    }
    case 'access':
      return ['owner', 'admin', 'viewer'].includes(p.role) && p.role !== run.role ? withRun(s, { ...run, role: p.role }) : s;
    case 'config':
      return withRun(s, { ...run, config: p.config, step: p.rebuilt ? 0 : run.step, alarm: p.rebuilt ? null : run.alarm });
    case 'reset':
      return withRun(s, { ...run, step: 0, alarm: null });
    case 'alarm': {
      const alarm = reduceAlarm(run.alarm ?? null, p);
      return alarm === run.alarm ? s : withRun(s, { ...run, alarm });
    }
    case 'progress': {
      const fraction = Number.isFinite(p.fraction) ? Math.max(0, Math.min(1, p.fraction)) : null;
      return withRun(s, { ...run, progress: { task: p.task ?? '', message: p.message ?? '', fraction, done: p.done === true } });
    }
    default:
      return s;
  }
}

/** Adds server validation messages ({pointer: message}) to a panel (merging with those already shown). */
export function addFieldErrors(s, key, byField) {
  const panel = panelByKey(s, key);
  return panel ? updatePanel(s, key, { fieldErrors: { ...panel.fieldErrors, ...byField } }) : s;
}

/** Clears the messages at or under the given pointers, e.g. after the server accepted a patch that set them. */
export function clearFieldErrors(s, key, pointers) {
  const panel = panelByKey(s, key);
  const covered = (k) => pointers.some((p) => k === p || k.startsWith(p + '/'));
  if (!panel || !Object.keys(panel.fieldErrors).some(covered)) return s;
  const fieldErrors = Object.fromEntries(Object.entries(panel.fieldErrors).filter(([k]) => !covered(k)));
  return updatePanel(s, key, { fieldErrors });
}

export const setNotice = (s, key, notice) => updatePanel(s, key, { notice });

/** History cleared while away (a state below the last step seen): the run's alarm starts over too. */
export const clearAlarm = (s, runId) => (s.runs[runId]?.alarm ? withRun(s, { ...s.runs[runId], alarm: null }) : s);

/** This viewer closed the run's green "recovered" banner (only for this page). */
export function dismissRunAlarm(s, runId) {
  const run = s.runs[runId];
  const alarm = run && dismissAlarm(run.alarm);
  return run && alarm !== run.alarm ? withRun(s, { ...run, alarm }) : s;
}

function withRun(s, run) {
  return { ...s, runs: { ...s.runs, [run.runId]: run } };
}

function withoutRun(runs, runId) {
  const out = { ...runs };
  if (runId) delete out[runId];
  return out;
}
