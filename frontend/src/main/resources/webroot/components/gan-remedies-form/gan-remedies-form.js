/**
 * Usage:
 *   <gan-remedies-form></gan-remedies-form>
 *   form.config = runConfig; form.errors = { '/remedies/replay/size': 'must be in [16, 1048576], found 3' };
 *   form.addEventListener('gan-config', (e) => e.detail);   // {patch: {remedies: {...}}, rebuild?: true}
 *
 * The mode-collapse remedies of a run (config "remedies", RemediesConfig.java). Live ones send a one-field patch
 * on each change: experience replay (on/off, buffer size, fraction) and one-sided label smoothing (a "real label
 * 0.9" toggle, or any real label in [0.5, 1]). The ones that change D, minibatch discrimination (on/off, B kernels,
 * C dims) and packing m (1-4), are a draft until "Rebuild networks" is confirmed, like the model form.
 */
import { html, setHtml } from '../../lib/html.js';
import { confirmDialog } from '../../lib/confirm.js';
import { fieldRow, readInput, writeInput, showFieldErrors, errorsForFields, FieldParseError, draftPatch } from '../../lib/form-fields.js';
import { getAt, patchAt } from '../../lib/json-pointer.js';

const SMOOTH_LABEL = 0.9;

class GanRemediesForm extends HTMLElement {
  #config = null; #serverErrors = {}; #localErrors = {}; #dirty = false;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<form class="config-form live" novalidate><fieldset><legend>Mode-collapse remedies (live)</legend>
      ${fieldRow({ pointer: '/remedies/replay/enabled', label: 'experience replay', kind: 'bool',
        hint: 'D also sees past generator outputs from a buffer (SimGAN)' })}
      ${fieldRow({ pointer: '/remedies/replay/size', label: 'replay buffer (samples)', kind: 'int', min: 16, max: 1048576 })}
      ${fieldRow({ pointer: '/remedies/replay/fraction', label: 'replay fraction', kind: 'float', min: 0, max: 1, step: 0.05,
        hint: "share of D's fakes taken from the buffer" })}
      <label class="field" title="one-sided label smoothing: D's target for real samples is 0.9 instead of 1">
        <span class="field-label">label smoothing (real 0.9)</span><input type="checkbox" data-testid="label-smoothing"></label>
      ${fieldRow({ pointer: '/remedies/realLabel', label: 'real label', kind: 'float', min: 0.5, max: 1, step: 0.01,
        hint: '1 is off; applies to the logistic and least-squares losses (hinge has no target)' })}
      <small class="hint" data-testid="hinge-hint" hidden>hinge loss: the real label has no effect</small>
      </fieldset></form>
      <form class="config-form structural" novalidate><fieldset><legend>Remedies that change D (rebuild)</legend>
      ${fieldRow({ pointer: '/remedies/minibatchDiscrimination/enabled', label: 'minibatch discrimination', kind: 'bool',
        hint: 'D compares the samples within a batch (Salimans et al. 2016)' })}
      ${fieldRow({ pointer: '/remedies/minibatchDiscrimination/kernels', label: 'kernels B', kind: 'int', min: 1, max: 128 })}
      ${fieldRow({ pointer: '/remedies/minibatchDiscrimination/kernelDims', label: 'kernel dims C', kind: 'int', min: 1, max: 32 })}
      ${fieldRow({ pointer: '/remedies/packing', label: 'packing m (PacGAN)', kind: 'select',
        options: ['1', '2', '3', '4'].map((v) => ({ value: v, label: v === '1' ? '1 (off)' : v })) })}
      <div class="form-actions"><button type="submit" class="primary" data-testid="rebuild-remedies">Rebuild networks…</button>
      <button type="button" data-testid="revert-remedies">Revert</button></div></fieldset></form>`);
    const [live, draft] = this.querySelectorAll('form');
    live.addEventListener('change', (e) => this.#liveChanged(e.target));
    live.addEventListener('submit', (e) => e.preventDefault());
    draft.addEventListener('change', () => this.#setDirty(true));
    draft.addEventListener('input', () => this.#setDirty(true));
    draft.addEventListener('submit', (e) => { e.preventDefault(); this.#apply(draft); });
    this.querySelector('[data-testid=revert-remedies]').addEventListener('click', () => this.#revert());
    this.#setDirty(false);
    this.#update();
  }

  set config(config) {
    this.#config = config;
    this.#update();
  }

  set errors(errors) { this.#serverErrors = errors ?? {}; this.#showErrors(); }

  #send(patch, rebuild) {
    this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: rebuild ? { patch, rebuild } : { patch } }));
  }

  #liveChanged(input) {
    if (input.dataset.testid === 'label-smoothing') {
      const cur = getAt(this.#config, '/remedies/realLabel');
      this.#send(patchAt('/remedies/realLabel', input.checked ? (cur < 1 ? cur : SMOOTH_LABEL) : 1));
      return;
    }
    if (!input.name || !input.dataset.kind) return;
    delete this.#localErrors[input.name];
    try {
      this.#send(patchAt(input.name, readInput(input)));
    } catch (err) {
      if (!(err instanceof FieldParseError)) throw err;
      this.#localErrors[input.name] = err.message;
    }
    this.#showErrors();
  }

  async #apply(form) {
    if (!this.#config) return;
    const { patch: raw, errors } = draftPatch(form, this.#config);
    this.#localErrors = errors;
    this.#showErrors();
    if (Object.keys(errors).length) return;
    const patch = raw.remedies?.packing === undefined ? raw
      : { ...raw, remedies: { ...raw.remedies, packing: Number(raw.remedies.packing) } };
    if (patch.remedies?.packing === this.#config.remedies.packing) delete patch.remedies.packing;
    if (!patch.remedies || Object.keys(patch.remedies).length === 0) { this.#setDirty(false); return; }
    const ok = await confirmDialog('Rebuild both networks with the new remedies? Training restarts at step 0 '
      + 'and the charts are cleared.', 'Rebuild');
    if (!ok) return;
    this.#setDirty(false);
    this.#send(patch, true);
  }

  #revert() {
    this.#localErrors = {};
    this.#setDirty(false);
    this.#update();
  }

  #update() {
    if (!this.firstChild || !this.#config) return;
    const [live, draft] = this.querySelectorAll('form');
    for (const input of live.querySelectorAll('[data-kind]')) {
      if (input !== document.activeElement && !this.#localErrors[input.name]) writeInput(input, getAt(this.#config, input.name));
    }
    if (!this.#dirty) for (const input of draft.querySelectorAll('[data-kind]')) writeInput(input, getAt(this.#config, input.name));
    const r = this.#config.remedies;
    this.querySelector('[data-testid=label-smoothing]').checked = r.realLabel < 1;
    this.querySelector('[data-testid=hinge-hint]').hidden = this.#config.train?.loss !== 'hinge';
    for (const f of live.querySelectorAll('.field[data-field^="/remedies/replay/"]')) f.classList.toggle('off', !r.replay.enabled);
    for (const f of draft.querySelectorAll('.field[data-field*="/minibatchDiscrimination/k"]')) f.classList.toggle('off', !r.minibatchDiscrimination.enabled);
    this.#showErrors();
  }

  #setDirty(dirty) {
    this.#dirty = dirty;
    this.classList.toggle('dirty', dirty);
    this.querySelector('[data-testid=revert-remedies]').disabled = !dirty;
  }

  #showErrors() {
    if (this.firstChild) showFieldErrors(this, { ...errorsForFields(this, this.#serverErrors), ...this.#localErrors });
  }
}

export const registerGanRemediesForm = () => customElements.define('gan-remedies-form', GanRemediesForm);
