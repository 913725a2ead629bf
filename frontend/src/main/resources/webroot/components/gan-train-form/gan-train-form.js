/**
 * Usage:
 *   <gan-train-form></gan-train-form>
 *   form.config = runConfig; form.errors = { '/train/batchSize': 'must be in [1, 4096], found 0' };
 *   form.addEventListener('gan-config', (e) => e.detail.patch);   // e.g. {train: {optimizerD: {lr: 1e-4}}}
 *
 * The live hyperparameters (train.*, data.spread, view.*, the collapse alarm's thresholds alarm.*): each committed change sends a one-field patch at
 * once, with no reset. Inputs are named by JSON pointer, so server validation errors (by pointer, nested ones
 * such as /train/optimizerD/lr included) show beside their field. For image runs the 2D-only fields (spread, points,
 * heatmap, manifold) and the collapse alarm (it watches the modes of 2D sets) are hidden. Autoencoder runs show their
 * loss terms (train.autoencoder: corruption with a level slider, sparsity, rho, beta, KL weight) instead of the GAN
 * loss and D steps, and their own evalEvery (they have no image settings form).
 */
import { html, setHtml } from '../../lib/html.js';
import { fieldRow, showFieldErrors, errorsForFields, liveFieldPatch, writeLiveFields } from '../../lib/form-fields.js';
import { isAutoencoderConfig, isImageConfig } from '../../protocol/messages.js';

const LOSSES = [{ value: 'minimax', label: 'minimax' }, { value: 'nonsaturating', label: 'non-saturating' },
  { value: 'least_squares', label: 'least squares' }, { value: 'hinge', label: 'hinge' }];

/** The GAN's own fields, hidden for autoencoder runs. */
const GAN_ONLY = ['/train/loss', '/train/dSteps'];
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
      </fieldset><fieldset class="ae-loss" hidden><legend>Autoencoder loss (changes apply live)</legend>
      ${fieldRow({ pointer: '/train/autoencoder/corruption', label: 'input corruption', kind: 'select', options: ['none', 'gaussian', 'dropout'],
        hint: 'denoising: corrupt the inputs (never the targets) with Gaussian noise or dropout' })}
      ${fieldRow({ pointer: '/train/autoencoder/corruptionLevel', label: 'corruption level', kind: 'float', min: 0, max: 1, step: 0.05,
        slider: true, hint: "Gaussian: the noise's standard deviation; dropout: the probability a pixel is zeroed" })}
      ${fieldRow({ pointer: '/train/autoencoder/sparsity', label: 'sparsity penalty', kind: 'select', options: ['none', 'kl', 'l1'],
        hint: 'KL(rho || mean activation) per code unit, or the L1 norm of the codes' })}
      ${fieldRow({ pointer: '/train/autoencoder/sparsityTarget', label: 'target activation ρ', kind: 'float', min: 0.001, max: 0.99, step: 0.01 })}
      ${fieldRow({ pointer: '/train/autoencoder/sparsityWeight', label: 'sparsity weight β', kind: 'float', min: 0, max: 100, step: 0.1 })}
      ${fieldRow({ pointer: '/train/autoencoder/klWeight', label: 'KL weight (VAE)', kind: 'float', min: 0, max: 100, step: 0.1,
        hint: '1 = the evidence lower bound; 0 = a plain autoencoder with noisy codes' })}
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
    this.querySelector('form').addEventListener('input', (e) => { // a slider shows its value while dragged
      if (e.target.type === 'range' && e.target.nextElementSibling) e.target.nextElementSibling.value = e.target.value;
    });
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
    const ae = isAutoencoderConfig(this.#config);
    const images = isImageConfig(this.#config) || ae;
    for (const p of HIDDEN_FOR_IMAGES) { // autoencoder runs have no image settings form: they keep evalEvery here
      this.querySelector(`.field[data-field="${p}"]`).hidden = images && !(ae && p === '/view/evalEvery');
    }
    for (const p of GAN_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = ae;
    this.querySelector('.alarm-fields').hidden = images;
    this.querySelector('.ae-loss').hidden = !ae;
    // An autoencoder run's optimizerG trains the autoencoder, optimizerD only the pretraining experiment's classifiers.
    this.querySelector('fieldset.optimizer[data-net=D]').hidden = ae && this.#config.model.autoencoder?.experiment !== 'pretraining';
    this.querySelector('fieldset.optimizer[data-net=D] legend').textContent = ae ? 'classifier optimizer' : 'D optimizer';
    this.querySelector('fieldset.optimizer[data-net=G] legend').textContent = ae ? 'autoencoder optimizer' : 'G optimizer';
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
