/**
 * Usage:
 *   const token = await loadToken();                        // localStorage + fetch in the page
 *   const token = await loadToken({ storage, fetchFn });    // injectable for the node tests
 *
 * This browser's identity on the server (docs/protocol.md, "Tokens"): a random token the server issued on the
 * first visit (POST /api/identity), kept in localStorage under 'gan.token' and presented on the WebSocket. Whoever
 * holds it owns the runs it created; a stored value that is not a token is replaced. No DOM.
 */
export const TOKEN_KEY = 'gan.token';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const isToken = (s) => typeof s === 'string' && TOKEN.test(s);

/** The stored token, or a new one from the server (stored for next time). Rejects when the server cannot issue one. */
export async function loadToken({ storage = globalThis.localStorage, fetchFn = globalThis.fetch } = {}) {
  let stored = null;
  try { stored = storage?.getItem(TOKEN_KEY) ?? null; } catch { /* storage disabled: a token per page load */ }
  if (isToken(stored)) return stored;
  const res = await fetchFn('/api/identity', { method: 'POST', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`could not get a token: HTTP ${res.status}`);
  const { token } = await res.json();
  if (!isToken(token)) throw new Error('the server sent something that is not a token');
  try { storage?.setItem(TOKEN_KEY, token); } catch { /* private mode: still usable for this page */ }
  return token;
}
