/**
 * Usage:
 *   import * as msg from './messages.js';
 *   socket.send(JSON.stringify(msg.start('r3f9a0c12b4d7', '2')));   // {"type":"start","id":"2","runId":"r3f9..."}
 *
 * Message type names and builders for the client side of docs/protocol.md (gan.v1), in the doc's order.
 * Builders never emit undefined or null fields: the server rejects unknown or malformed envelope fields.
 */
export const SUBPROTOCOL = 'gan.v1';
/** The browser's token travels as a second offered subprotocol (a browser cannot set headers on a WebSocket). */
export const TOKEN_SUBPROTOCOL_PREFIX = 'gan.token.';

/** Client -> server types (protocol.md 3.2). */
export const C = Object.freeze({
  CREATE_RUN: 'create_run', SUBSCRIBE: 'subscribe', UNSUBSCRIBE: 'unsubscribe', START: 'start', PAUSE: 'pause',
  STEP: 'step', RESET: 'reset', STOP: 'stop', UPDATE_CONFIG: 'update_config', VALIDATE_CONFIG: 'validate_config',
  LIST_RUNS: 'list_runs', CREATE_PAIR: 'create_pair',
});

/** Server -> client types (protocol.md 3.3); FRAME is the type in a binary frame's header. */
export const S = Object.freeze({
  HELLO: 'hello', RUN_CREATED: 'run_created', STATE: 'state', CONFIG: 'config', RESET: 'reset', METRICS: 'metrics',
  UNSUBSCRIBED: 'unsubscribed', CONFIG_VALID: 'config_valid', RUNS: 'runs', ACK: 'ack', ERROR: 'error',
  FRAME: 'frame', PAIR_CREATED: 'pair_created', MODES: 'modes', ALARM: 'alarm', IMAGES: 'images', CLASSES: 'classes', AUTOENCODER: 'autoencoder',
  PROGRESS: 'progress', ACCESS: 'access',
});

/** Replies that settle a request with the same id; everything else with an id is just an effect. */
export const REPLY_TYPES = new Set([S.ACK, S.RUN_CREATED, S.CONFIG_VALID, S.RUNS, S.UNSUBSCRIBED, S.PAIR_CREATED, S.ERROR]);

/** Requests whose result is a specific reply: an ack with the same id, if the server sends one too, is not it. */
export const RESULT_TYPES = Object.freeze({ create_run: S.RUN_CREATED, validate_config: S.CONFIG_VALID, list_runs: S.RUNS,
  create_pair: S.PAIR_CREATED });

export const STATES = Object.freeze(['created', 'running', 'paused', 'stopped', 'failed', 'queued']);

/** What this socket may do with a run (the `access` message): only 'owner' and 'admin' may control it. */
export const canControl = (role) => role === 'owner' || role === 'admin';
export const STEP_PHASES = Object.freeze(['d', 'g', 'both']);

/** The envelope in the doc's field order: type, id, runId, payload. */
export function envelope(type, { id, runId, payload } = {}) {
  const m = { type };
  if (id !== undefined && id !== null) m.id = String(id);
  if (runId !== undefined && runId !== null) m.runId = runId;
  if (payload !== undefined && payload !== null) m.payload = payload;
  return m;
}

function compact(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null));
}

export const createRun = ({ preset, overrides } = {}, id) =>
  envelope(C.CREATE_RUN, { id, payload: compact({ preset, overrides }) });

export const subscribe = (runId, fromStep, id) =>
  envelope(C.SUBSCRIBE, { id, runId, payload: compact({ fromStep }) });

export const unsubscribe = (runId, id) => envelope(C.UNSUBSCRIBE, { id, runId });
export const start = (runId, id) => envelope(C.START, { id, runId });
export const pause = (runId, id) => envelope(C.PAUSE, { id, runId });
export const reset = (runId, id) => envelope(C.RESET, { id, runId });
export const stop = (runId, id) => envelope(C.STOP, { id, runId });
export const listRuns = (id) => envelope(C.LIST_RUNS, { id });

/** A/B pair: a ready-made one ({pair}) or A = preset + overrides and B = A merged with variant. */
export const createPair = ({ pair, preset, overrides, variant } = {}, id) =>
  envelope(C.CREATE_PAIR, { id, payload: compact({ pair, preset, overrides, variant }) });

/** @param {'d'|'g'|'both'} phase @param {number} [count] 1..1000, server default 1 */
export function step(runId, phase, count, id) {
  if (!STEP_PHASES.includes(phase)) throw new Error(`step phase must be d, g or both, found ${phase}`);
  return envelope(C.STEP, { id, runId, payload: compact({ phase, count }) });
}

/** @param {object} patch partial RunConfig @param {boolean} [rebuild] needed when seed or model change */
export const updateConfig = (runId, patch, rebuild, id) =>
  envelope(C.UPDATE_CONFIG, { id, runId, payload: compact({ patch, rebuild: rebuild ? true : undefined }) });

export const validateConfig = ({ preset, overrides } = {}, id) =>
  envelope(C.VALIDATE_CONFIG, { id, payload: compact({ preset, overrides }) });

/** Equilibrium of D's score for a loss (protocol.md 3.3): 0 for hinge, else 0.5. */
export const equilibrium = (loss) => (loss === 'hinge' ? 0 : 0.5);

/** True when D's score is a probability (logistic losses). */
export const isLogistic = (loss) => loss === 'minimax' || loss === 'nonsaturating';

/** Datasets with modes: these get `modes` messages, the modes chart and the alarm (protocol.md 3.3). */
export const MODE_KINDS = Object.freeze(['ring8', 'grid25', 'drawn']);

/** Image datasets (data.kind): they need an image architecture (IMAGE_ARCHITECTURES), and vice versa. */
export const IMAGE_KINDS = Object.freeze(['mnist', 'fashion', 'shapes']);

/** model.architecture values of image runs. */
export const IMAGE_ARCHITECTURES = Object.freeze(['dcgan', 'progan', 'stylegan']);

/** True for a config of an image GAN run (an image architecture on an image dataset). */
export const isImageConfig = (config) => !isAutoencoderConfig(config) && (IMAGE_ARCHITECTURES.includes(config?.model?.architecture)
  || IMAGE_KINDS.includes(config?.data?.kind));

/** True for an autoencoder run's config (architecture "autoencoder", on images or the 3D cloud). */
export const isAutoencoderConfig = (config) => config?.model?.architecture === 'autoencoder';

/** True for a StyleGAN run's config (it streams the mixing and noise views). */
export const isStyleConfig = (config) => config?.model?.architecture === 'stylegan';
