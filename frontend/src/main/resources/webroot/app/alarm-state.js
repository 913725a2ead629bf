/**
 * Usage:
 *   let alarm = initialAlarm();                       // null: no alarm event yet (or history cleared)
 *   alarm = reduceAlarm(alarm, msg.payload);          // every `alarm` message, in arrival order
 *   alarm = replayAlarms(payloads);                   // a late joiner's burst: same result as one by one
 *   alarm = dismissAlarm(alarm);                      // the viewer closed the green "recovered" banner
 *   alarmText(alarm)                                  // "Mode collapse at step 4,200: 2 of 8 modes captured (HQ 97%)"
 *
 * The collapse alarm of one run as a pure reducer over the server's alarm events (protocol.md 3.3). The state is
 * the last event plus how many were seen and whether this viewer dismissed it. A subscribe (or a re-subscribe
 * after a reconnect) replays every event so far: an event at an earlier step than the current one, or the same
 * event again, changes nothing, so replays never resurrect a dismissed banner or flip back to an older kind.
 * A reset or rebuild (history cleared) starts over from initialAlarm().
 */
export const initialAlarm = () => null;

const KINDS = new Set(['collapse', 'recovered']);

/** @param {object|null} state @param {{kind, step, captured, modes, hqFraction, message}} event */
export function reduceAlarm(state, event) {
  if (!event || !KINDS.has(event.kind) || typeof event.step !== 'number') return state;
  if (state) {
    if (event.step < state.step) return state;                       // older: a replay of history
    if (event.step === state.step && event.kind === state.kind) return state; // the same event again
  }
  return {
    kind: event.kind, step: event.step,
    captured: num(event.captured), modes: num(event.modes), hqFraction: num(event.hqFraction),
    message: typeof event.message === 'string' ? event.message : '',
    events: (state?.events ?? 0) + 1, dismissed: false,
  };
}

export const replayAlarms = (events, state = initialAlarm()) => events.reduce(reduceAlarm, state);

/** Only the green "recovered" banner can be dismissed; a collapse stays until the server clears it. */
export const dismissAlarm = (state) => (state?.kind === 'recovered' && !state.dismissed ? { ...state, dismissed: true } : state);

/** True when a banner should show. */
export const alarmVisible = (state) => Boolean(state) && !state.dismissed;

const int = (n) => Math.round(n).toLocaleString('en-US');

/** The banner's text, built from the numbers (the server's `message` is the fallback when they are missing). */
export function alarmText(state) {
  if (!state) return '';
  if (state.kind === 'recovered') return `All modes recovered at step ${int(state.step)}`;
  if (state.captured === null || state.modes === null) return state.message || `Mode collapse at step ${int(state.step)}`;
  const hq = state.hqFraction === null ? '' : ` (HQ ${Math.round(state.hqFraction * 100)}%)`;
  return `Mode collapse at step ${int(state.step)}: ${int(state.captured)} of ${int(state.modes)} modes captured${hq}`;
}

function num(v) { return typeof v === 'number' && Number.isFinite(v) ? v : null; }
