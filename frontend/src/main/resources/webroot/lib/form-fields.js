/**
 * Usage:
 *   setHtml(form, html`${fieldRow({ pointer: '/train/batchSize', label: 'Batch size', kind: 'int', min: 1, max: 4096 })}`);
 *   const value = readInput(form.querySelector('[name="/train/batchSize"]'));   // 256, or throws FieldParseError
 *   writeInput(input, 128); showFieldErrors(form, { '/train/batchSize': 'must be in [1, 4096]' });
 *
 * Config form fields named by their JSON pointer, so a server error's pointer finds its input.
 * Kinds: int, float, select (options), bool (checkbox), intlist ("128, 128" <-> [128, 128]); an int or float
 * field with `slider: true` is a range input (its value shows beside it).
 */
import { html } from './html.js';
import { errorsByField, getAt, mergePatch, patchAt } from './json-pointer.js';

export class FieldParseError extends Error {}

/** @returns {number[]} the widths of "128, 64" ([] for an empty text) */
export function parseIntList(text) {
  const parts = String(text).split(/[\s,]+/).filter((p) => p !== '');
  return parts.map((p) => {
    if (!/^\d+$/.test(p)) throw new FieldParseError(`"${p}" is not a whole number`);
    return Number(p);
  });
}

export const formatIntList = (list) => (Array.isArray(list) ? list.join(', ') : '');

/** One labelled input with an error slot; the input's name is the pointer. */
export function fieldRow({ pointer, label, kind, options = [], min, max, step, hint, slider = false }) {
  const title = hint ?? null;
  let input;
  if (kind === 'select') {
    input = html`<select name="${pointer}" data-kind="select">${options.map((o) =>
      html`<option value="${o.value ?? o}">${o.label ?? o}</option>`)}</select>`;
  } else if (kind === 'bool') {
    input = html`<input type="checkbox" name="${pointer}" data-kind="bool">`;
  } else if (kind === 'intlist') {
    input = html`<input type="text" name="${pointer}" data-kind="intlist" inputmode="numeric" placeholder="e.g. 128, 128" spellcheck="false">`;
  } else if (slider) {
    input = html`<input type="range" name="${pointer}" data-kind="${kind}" min="${min}" max="${max}"
      step="${step ?? (kind === 'int' ? 1 : 'any')}">
      <output class="slider-value"></output>`;
  } else {
    input = html`<input type="number" name="${pointer}" data-kind="${kind}" min="${min}" max="${max}"
      step="${step ?? (kind === 'int' ? 1 : 'any')}">`;
  }
  return html`<label class="field" data-field="${pointer}" title="${title}"><span class="field-label">${label}</span>
    ${input}<small class="field-error" data-error-for="${pointer}" role="alert"></small></label>`;
}

/** The typed value of a field input; throws FieldParseError for text that is not a value of its kind. */
export function readInput(input) {
  const kind = input.dataset.kind;
  if (kind === 'bool') return input.checked;
  if (kind === 'select') return input.value;
  if (kind === 'intlist') return parseIntList(input.value);
  const text = input.value.trim();
  if (text === '' || !Number.isFinite(Number(text))) throw new FieldParseError('enter a number');
  const n = Number(text);
  if (kind === 'int' && !Number.isInteger(n)) throw new FieldParseError('enter a whole number');
  return n;
}

export function writeInput(input, value) {
  if (value === undefined) return;
  const kind = input.dataset.kind;
  if (kind === 'bool') input.checked = Boolean(value);
  else if (kind === 'intlist') input.value = formatIntList(value);
  else input.value = String(value);
  if (input.type === 'range' && input.nextElementSibling?.tagName === 'OUTPUT') input.nextElementSibling.value = input.value;
}

/** Writes the messages of errors ({pointer: message}) into their slots and clears the others. */
export function showFieldErrors(root, errors) {
  for (const slot of root.querySelectorAll('[data-error-for]')) {
    const message = errors[slot.dataset.errorFor] ?? '';
    slot.textContent = message;
    slot.closest('.field')?.classList.toggle('invalid', message !== '');
  }
}

/** The pointers of the fields under root. */
export const fieldNames = (root) => [...root.querySelectorAll('[data-kind]')].map((el) => el.name);

/** Maps server messages by pointer ({'/model/gHidden/0': msg}) onto the fields under root ({'/model/gHidden': ...}). */
export function errorsForFields(root, raw) {
  const errors = Object.entries(raw ?? {}).map(([pointer, message]) => ({ pointer, message }));
  return errorsByField({ errors }, fieldNames(root)).byField;
}

/**
 * A draft form's changes against config: {patch, errors} where patch merges every field under root whose value
 * differs from the config's, and errors holds the messages of fields that do not parse ({pointer: message}).
 */
export function draftPatch(root, config) {
  let patch = {};
  const errors = {};
  for (const input of root.querySelectorAll('[data-kind]')) {
    try {
      const value = readInput(input);
      if (JSON.stringify(value) !== JSON.stringify(getAt(config, input.name))) patch = mergePatch(patch, patchAt(input.name, value));
    } catch (err) {
      if (!(err instanceof FieldParseError)) throw err;
      errors[input.name] = err.message;
    }
  }
  return { patch, errors };
}

/**
 * A live form's committed change to input: its one-field patch, or null when the input is no config field or its
 * text does not parse (then its message is put into localErrors, {pointer: message}, until the next change).
 */
export function liveFieldPatch(input, localErrors) {
  if (!input.name || !input.dataset.kind) return null;
  delete localErrors[input.name];
  try {
    return patchAt(input.name, readInput(input));
  } catch (err) {
    if (!(err instanceof FieldParseError)) throw err;
    localErrors[input.name] = err.message;
    return null;
  }
}

/** Writes config's values into a live form's fields, except the one being edited and those showing a parse error. */
export function writeLiveFields(root, config, localErrors) {
  for (const input of root.querySelectorAll('[data-kind]')) {
    if (input !== document.activeElement && !localErrors[input.name]) writeInput(input, getAt(config, input.name));
  }
}
