/**
 * Usage:
 *   runLink(location.origin, 'r3f9a0c12b4d7')              // 'http://host/#run=r3f9a0c12b4d7'     watch a run
 *   presentLink(location.origin, ['r1…', 'r2…'])           // 'http://host/#present=r1…,r2…'       big screen, 1 or 2 runs
 *   configLink(location.origin, 'ring8', config)           // 'http://host/#config=<base64url JSON>' a new run, same settings
 *   parseLink(location.hash)  // {kind: 'run', runId} | {kind: 'present', runIds} | {kind: 'config', preset, config} | null
 *
 * The shareable links of docs/protocol.md ("Share links"). They live in the URL fragment, so they never reach the
 * server or its logs; the A/B pair link (#pair=…) is pair-state.js's. No DOM.
 */
const RUN_ID = /^r[0-9a-f]{12}$/;
const PRESET = /^[a-z0-9-]{1,64}$/;
/** A config link is short JSON; anything longer is not one of ours. */
const MAX_CONFIG_CHARS = 16_384;

export const runLink = (origin, runId) => `${origin}/#run=${runId}`;

export const presentLink = (origin, runIds) => `${origin}/#present=${runIds.join(',')}`;

export function configLink(origin, preset, config) {
  return `${origin}/#config=${toBase64Url(JSON.stringify({ preset, config }))}`;
}

export function parseLink(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  const eq = text.indexOf('=');
  if (eq < 0) return null;
  const [key, value] = [text.slice(0, eq), text.slice(eq + 1)];
  if (key === 'run') return RUN_ID.test(value) ? { kind: 'run', runId: value } : null;
  if (key === 'present') {
    const runIds = value.split(',');
    const ok = runIds.length >= 1 && runIds.length <= 2 && runIds.every((r) => RUN_ID.test(r)) && runIds[0] !== runIds[1];
    return ok ? { kind: 'present', runIds } : null;
  }
  if (key === 'config' && value.length <= MAX_CONFIG_CHARS) {
    try {
      const { preset, config } = JSON.parse(fromBase64Url(value));
      if (!PRESET.test(preset ?? '') || typeof config !== 'object' || config === null || Array.isArray(config)) return null;
      return { kind: 'config', preset, config };
    } catch { return null; }
  }
  return null;
}

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
