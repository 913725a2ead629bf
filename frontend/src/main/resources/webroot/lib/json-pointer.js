/**
 * Usage:
 *   patchAt('/train/optimizerD/lr', 1e-4)          // {train: {optimizerD: {lr: 1e-4}}}
 *   fieldFor('/model/gHidden/2', ['/model/gHidden']) // '/model/gHidden'
 *   errorsByField(error.payload, fields)           // {byField: {'/train/batchSize': 'must be ...'}, other: []}
 *
 * RFC 6901 JSON pointers, used as the names of config form fields so server validation errors
 * (error.payload.field, error.payload.errors[].pointer) land next to the input they are about.
 */

/** @param {string} pointer e.g. '/a/b~1c' @returns {string[]} e.g. ['a', 'b/c'] */
export function parsePointer(pointer) {
  if (pointer === '') return [];
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** @param {string[]} tokens @returns {string} */
export function formatPointer(tokens) {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value at pointer in obj, or undefined. */
export function getAt(obj, pointer) {
  let cur = obj;
  for (const t of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[t];
  }
  return cur;
}

/** A nested object that holds value at pointer and nothing else (a partial config patch). */
export function patchAt(pointer, value) {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const root = {};
  let cur = root;
  tokens.slice(0, -1).forEach((t) => { cur = cur[t] = {}; });
  cur[tokens[tokens.length - 1]] = value;
  return root;
}

/** Deep-merges plain objects; arrays and scalars in b replace those in a. Returns a new object. */
export function mergePatch(a, b) {
  if (!isPlainObject(a) || !isPlainObject(b)) return b;
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in a ? mergePatch(a[k], v) : v;
  return out;
}

/** Pointers of every leaf of a patch; arrays count as leaves ({model: {gHidden: [1]}} -> ['/model/gHidden']). */
export function leafPointers(obj, prefix = []) {
  if (!isPlainObject(obj)) return [formatPointer(prefix)];
  return Object.entries(obj).flatMap(([k, v]) => leafPointers(v, [...prefix, k]));
}

/** The longest field that equals pointer or contains it ('/data/points' contains '/data/points/3/0'); else null. */
export function fieldFor(pointer, fields) {
  let best = null;
  for (const f of fields) {
    if ((pointer === f || pointer.startsWith(f + '/')) && (best === null || f.length > best.length)) best = f;
  }
  return best;
}

/**
 * Spreads an error payload ({field?, message, errors?: [{pointer, message}]}) over the known fields.
 * @returns {{byField: Object<string, string>, other: string[]}} messages per field; messages no field takes
 */
export function errorsByField(payload, fields) {
  const list = payload.errors?.length ? payload.errors
    : payload.field ? [{ pointer: payload.field, message: payload.message }] : [];
  const byField = {};
  const other = [];
  for (const { pointer, message } of list) {
    const f = fieldFor(pointer, fields);
    const text = f === pointer ? message : `${pointer}: ${message}`;
    if (f === null) other.push(`${pointer}: ${message}`);
    else byField[f] = byField[f] ? `${byField[f]}; ${text}` : text;
  }
  if (list.length === 0 && payload.message) other.push(payload.message);
  return { byField, other };
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
