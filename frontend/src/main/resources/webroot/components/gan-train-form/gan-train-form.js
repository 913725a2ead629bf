/**
 * Usage:
 *   <gan-train-form></gan-train-form>
 *   form.config = runConfig; form.errors = { '/train/batchSize': 'must be in [1, 4096], found 0' };
 *   form.addEventListener('gan-config', (e) => e.detail.patch);   // e.g. {train: {optimizerD: {lr: 1e-4}}}
 *
 * The live hyperparameters (train.*, data.spread, view.*, the collapse alarm's thresholds alarm.*): each committed change sends a one-field patch at
 * once, with no reset. Inputs are named by JSON pointer, so server validation errors (by pointer, nested ones
 * such as /train/optimizerD/lr included) show beside their field. For image runs the 2D-only fields (spread, points,
 * heatmap, manifold) and the collapse alarm (it watches the modes of 2D sets) are hidden.
 */
import { html, setHtml } from '../../lib/html.js';
import { fieldRow, showFieldErrors, errorsForFields, liveFieldPatch, writeLiveFields } from '../../lib/form-fields.js';
import { isImageConfig } from '../../protocol/messages.js';

const LOSSES = [{ value: 'minimax', label: 'minimax' }, { value: 'nonsaturating', label: 'non-saturating' },
  { value: 'least_squares', label: 'least squares' }, { value: 'hinge', label: 'hinge' }];

/** 2D-only fields, and evalEvery, which image runs set in their own view form (gan-image-settings). */
const HIDDEN_FOR_IMAGES = ['/data/spread', '/view/frameSamples', '/view/heatmapSize', '/view/manifoldSize', '/view/evalEvery'];

const optimizer = (net, name) => html`<fieldset class="optimizer" data-net="${net}"><legend>${name} optimizer</legend>
  ${fieldRow({ pointer: `/train/optimizer${net}/kind`, label: 'kind', kind: 'select', options: ['adam', 'sgd'] })}
  ${fieldRow({ pointer: `/train/optimizer${net}/lr`, label: 'learning rate', kind: 'float', min: 0, max: 10, step: 0.0001 })}
  ${fieldRow({ pointer: `/train/optimizer${net}/beta1`, label: 'β1', kind: 'float', min: 0, max: 0.9999, step: 0.01 })}
  ${fieldRow({ pointer: `/train/optimizer${net}/beta2`, label: 'β2', kind: 'float', min: 0, max: 0.9999, step: 0.001 })}
  ${fieldRow({ pointer: `/train/optimizer${net}/momentum`, label: 'momentum', kind: 'float', min: 0, max: 0.9999, step: 0.01 })}
  </fieldset>`;

class GanTrainForm extends HTMLElement {
  #config = null; #serverErrors = {}; #localErrors = {};

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<form class="config-form" novalidate><fieldset><legend>Training (changes apply live)</legend>
      ${fieldRow({ pointer: '/train/loss', label: 'loss', kind: 'select', options: LOSSES })}
      ${fieldRow({ pointer: '/train/batchSize', label: 'batch size', kind: 'int', min: 1, max: 4096 })}
      ${fieldRow({ pointer: '/train/dSteps', label: 'D steps per G step', kind: 'int', min: 1, max: 20 })}
      </fieldset>${optimizer('D', 'D')}${optimizer('G', 'G')}
      <details><summary>Data and view</summary><fieldset>
      ${fieldRow({ pointer: '/data/spread', label: 'spread (noise σ)', kind: 'float', min: 0, max: 1, step: 0.01,
        hint: 'spiral, moons and drawn: Gaussian noise around the shape' })}
      ${fieldRow({ pointer: '/view/slowDelayMs', label: 'slow-mode pause (ms)', kind: 'int', min: 0, max: 10000 })}
      ${fieldRow({ pointer: '/view/evalEvery', label: 'evaluate every (steps)', kind: 'int', min: 10, max: 100000 })}
      ${fieldRow({ pointer: '/view/frameSamples', label: 'points per frame', kind: 'int', min: 16, max: 4096 })}
      ${fieldRow({ pointer: '/view/heatmapSize', label: 'heatmap cells', kind: 'int', min: 8, max: 128 })}
      ${fieldRow({ pointer: '/view/manifoldSize', label: 'manifold grid', kind: 'int', min: 4, max: 64 })}
      ${fieldRow({ pointer: '/view/maxFramesPerSecond', label: 'max frames/s', kind: 'int', min: 1, max: 60 })}
      </fieldset><fieldset class="alarm-fields"><legend>Collapse alarm</legend>
      ${fieldRow({ pointer: '/alarm/collapseFraction', label: 'collapse at ≤ share of modes', kind: 'float', min: 0, max: 1, step: 0.05,
        hint: 'raised when modes captured <= this x modes while the HQ fraction stays >= min HQ' })}
      ${fieldRow({ pointer: '/alarm/minHq', label: 'min HQ fraction', kind: 'float', min: 0, max: 1, step: 0.05 })}
      ${fieldRow({ pointer: '/alarm/recoverFraction', label: 'recovered at ≥ share of modes', kind: 'float', min: 0, max: 1, step: 0.05,
        hint: 'must be greater than the collapse share' })}
      ${fieldRow({ pointer: '/alarm/checks', label: 'consecutive evaluations', kind: 'int', min: 1, max: 100 })}
      </fieldset></details></form>`);
    this.querySelector('form').addEventListener('change', (e) => this.#changed(e.target));
    this.querySelector('form').addEventListener('submit', (e) => e.preventDefault());
    this.#update();
  }

  set config(config) { this.#config = config; this.#update(); }
  set errors(errors) { this.#serverErrors = errors ?? {}; this.#showErrors(); }

  #changed(input) {
    const patch = liveFieldPatch(input, this.#localErrors);
    if (patch) this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: { patch } }));
    this.#showErrors();
    this.#toggleOptimizerFields();
  }

  #update() {
    if (!this.firstChild || !this.#config) return;
    writeLiveFields(this, this.#config, this.#localErrors);
    const images = isImageConfig(this.#config);
    for (const p of HIDDEN_FOR_IMAGES) this.querySelector(`.field[data-field="${p}"]`).hidden = images;
    this.querySelector('.alarm-fields').hidden = images;
    this.#toggleOptimizerFields();
  }

  /** Adam uses the betas, SGD the momentum: hide the fields the chosen rule ignores. */
  #toggleOptimizerFields() {
    for (const set of this.querySelectorAll('fieldset.optimizer')) {
      const kind = set.querySelector('select').value;
      for (const f of set.querySelectorAll('.field')) {
        const name = f.dataset.field;
        f.hidden = (kind === 'sgd' && /beta\d$/.test(name)) || (kind === 'adam' && name.endsWith('/momentum'));
      }
    }
  }

  #showErrors() {
    if (this.firstChild) showFieldErrors(this, { ...errorsForFields(this, this.#serverErrors), ...this.#localErrors });
  }
}

export const registerGanTrainForm = () => customElements.define('gan-train-form', GanTrainForm);
