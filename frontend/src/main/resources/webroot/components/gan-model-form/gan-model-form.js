/**
 * Usage:
 *   <gan-model-form></gan-model-form>
 *   form.config = runConfig; form.errors = { '/model/gHidden/0': 'must be in [1, 1024], found 0' };
 *   form.addEventListener('gan-config', (e) => e.detail);   // {patch: {model: {...}, seed?}, rebuild: true}
 *
 * The structural settings (model.*, seed). Edits are a draft until "Rebuild networks" is confirmed in a
 * dialog, because applying them builds new networks (step 0, history cleared). "Revert" restores the run's.
 * An image run (model.architecture "dcgan", "progan" or "stylegan") shows its width (baseChannels) instead of the
 * MLP's layers and activations, which it ignores; a ProGAN run also its growth settings (model.progan.*), a StyleGAN
 * run its mapping network and regularisation (model.style.*). An autoencoder run (architecture "autoencoder") shows
 * model.autoencoder.* (kind, code size, hidden layers, tied, greedy, experiment, labels) and none of the GAN's fields.
 * Hidden fields are never part of the patch.
 */
import { html, setHtml } from '../../lib/html.js';
import { confirmDialog } from '../../lib/confirm.js';
import { fieldRow, readInput, writeInput, showFieldErrors, errorsForFields, FieldParseError } from '../../lib/form-fields.js';
import { getAt, mergePatch, patchAt } from '../../lib/json-pointer.js';
import { isAutoencoderConfig, isImageConfig, isStyleConfig } from '../../protocol/messages.js';

const ACTIVATIONS = [{ value: 'relu', label: 'ReLU' }, { value: 'leaky_relu', label: 'leaky ReLU' }, { value: 'tanh', label: 'tanh' }];
const LAYERS_HINT = 'widths of the hidden layers, comma separated (0 to 8 layers of 1 to 1024)';
const MLP_ONLY = ['/model/gHidden', '/model/dHidden', '/model/gActivation', '/model/dActivation'];
const DCGAN_ONLY = ['/model/baseChannels'];
const PROGAN_ONLY = ['/model/progan/maxResolution', '/model/progan/fadeInImages', '/model/progan/stabilizeImages',
  '/model/progan/mbstdGroup', '/model/progan/resetOptimizerOnGrowth'];
const AE_ONLY = ['/model/autoencoder/kind', '/model/autoencoder/codeSize', '/model/autoencoder/hidden',
  '/model/autoencoder/activation', '/model/autoencoder/tied', '/model/autoencoder/greedy', '/model/autoencoder/phaseSteps',
  '/model/autoencoder/experiment', '/model/autoencoder/labels'];
const GAN_ONLY = ['/model/latentDim', '/model/noise'];
const AE_KINDS = [{ value: 'linear', label: 'linear (= PCA)' }, { value: 'dense', label: 'dense (stacked)' },
  { value: 'conv', label: 'convolutional' }, { value: 'recurrent', label: 'recurrent (rows as a sequence)' },
  { value: 'vae', label: 'variational' }];
const EXPERIMENTS = [{ value: 'none', label: 'none (one autoencoder)' }, { value: 'capacity', label: 'capacity: over- vs undercomplete vs sparse' },
  { value: 'vae-kl', label: 'VAE with KL on vs off' }, { value: 'sparsity-sweep', label: 'sparsity sweep over rho' },
  { value: 'pretraining', label: 'unsupervised pretraining vs scratch' }];
const STYLE_ONLY = ['/model/style/mappingLayers', '/model/style/mappingWidth', '/model/style/mappingLrMultiplier',
  '/model/style/mixingProbability', '/model/style/wAvgDecay', '/model/style/normalization', '/model/style/rgbSkips'];
const STYLE_NORMALIZATIONS = [{ value: 'adain', label: 'AdaIN (StyleGAN)' },
  { value: 'pixelnorm', label: 'pixel norm + style (ProGAN norm, styled)' },
  { value: 'demodulation', label: 'weight demodulation (StyleGAN2)' }];

class GanModelForm extends HTMLElement {
  #config = null; #serverErrors = {}; #localErrors = {}; #dirty = false;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<form class="config-form" novalidate><fieldset><legend>Model (rebuilds the networks)</legend>
      ${fieldRow({ pointer: '/model/gHidden', label: 'G hidden layers', kind: 'intlist', hint: LAYERS_HINT })}
      ${fieldRow({ pointer: '/model/dHidden', label: 'D hidden layers', kind: 'intlist', hint: LAYERS_HINT })}
      ${fieldRow({ pointer: '/model/gActivation', label: 'G activation', kind: 'select', options: ACTIVATIONS })}
      ${fieldRow({ pointer: '/model/dActivation', label: 'D activation', kind: 'select', options: ACTIVATIONS })}
      ${fieldRow({ pointer: '/model/baseChannels', label: 'base channels', kind: 'int', min: 8, max: 128,
        hint: "DCGAN: D has base and 2 x base channels, G mirrors it; ProGAN: min(2 x base, 32 x base / resolution); StyleGAN: channels at 32x32, doubling per halving up to 4 x base" })}
      ${fieldRow({ pointer: '/model/progan/maxResolution', label: 'max resolution', kind: 'int', min: 8, max: 32,
        hint: 'the side the networks grow to: 8, 16 or 32' })}
      ${fieldRow({ pointer: '/model/progan/fadeInImages', label: 'fade-in images', kind: 'int', min: 64, max: 10000000,
        hint: 'real images per fade-in phase (alpha rises linearly from 0 to 1)' })}
      ${fieldRow({ pointer: '/model/progan/stabilizeImages', label: 'stabilise images', kind: 'int', min: 64,
        max: 10000000, hint: 'real images per stabilising phase' })}
      ${fieldRow({ pointer: '/model/progan/mbstdGroup', label: 'mbstd group', kind: 'int', min: 1, max: 16,
        hint: "minibatch standard deviation group size in D's last block" })}
      ${fieldRow({ pointer: '/model/progan/resetOptimizerOnGrowth', label: 'reset Adam on growth', kind: 'bool',
        hint: "start the optimizers' state from zero at each growth step (the paper's code)" })}
      ${fieldRow({ pointer: '/model/style/mappingLayers', label: 'mapping layers', kind: 'int', min: 1, max: 8,
        hint: 'dense layers of the mapping network z -> w (paper: 8)' })}
      ${fieldRow({ pointer: '/model/style/mappingWidth', label: 'mapping width (w size)', kind: 'int', min: 16, max: 512,
        hint: 'paper: 512' })}
      ${fieldRow({ pointer: '/model/style/mappingLrMultiplier', label: 'mapping lr multiplier', kind: 'float', min: 0, max: 1,
        hint: "the mapping network learns this much slower (paper: 0.01)" })}
      ${fieldRow({ pointer: '/model/style/mixingProbability', label: 'style-mixing probability', kind: 'float', min: 0, max: 1,
        hint: 'share of training batches that mix two z at a random layer (paper: 0.9)' })}
      ${fieldRow({ pointer: '/model/style/wAvgDecay', label: 'W-average decay', kind: 'float', min: 0, max: 0.9999,
        hint: 'moving average of w that truncation pulls towards (paper: 0.995)' })}
      ${fieldRow({ pointer: '/model/style/normalization', label: 'style normalisation', kind: 'select',
        options: STYLE_NORMALIZATIONS, hint: "AdaIN normalises each channel over the image; pixel norm each pixel over the channels; demodulation scales the conv weights instead" })}
      ${fieldRow({ pointer: '/model/style/rgbSkips', label: 'toRGB skips', kind: 'bool',
        hint: 'a toRGB after every resolution, the image their upsampled sum (StyleGAN2; needs demodulation)' })}
      ${fieldRow({ pointer: '/model/autoencoder/kind', label: 'autoencoder', kind: 'select', options: AE_KINDS })}
      ${fieldRow({ pointer: '/model/autoencoder/codeSize', label: 'code size', kind: 'int', min: 1, max: 1024,
        hint: 'units of the coding layer; 2 makes the latent map the code space itself' })}
      ${fieldRow({ pointer: '/model/autoencoder/hidden', label: 'hidden layers', kind: 'intlist',
        hint: "the encoder's hidden widths (the decoder mirrors them); recurrent: the first is the state size" })}
      ${fieldRow({ pointer: '/model/autoencoder/activation', label: 'activation', kind: 'select', options: ACTIVATIONS })}
      ${fieldRow({ pointer: '/model/autoencoder/tied', label: 'tied weights', kind: 'bool',
        hint: "dense: each decoder layer uses its encoder layer's weights transposed (the same memory)" })}
      ${fieldRow({ pointer: '/model/autoencoder/greedy', label: 'greedy layer-wise', kind: 'bool',
        hint: 'dense: train one shallow autoencoder per hidden layer, each on the codes below, then fine-tune the stack' })}
      ${fieldRow({ pointer: '/model/autoencoder/phaseSteps', label: 'steps per phase', kind: 'int', min: 1, max: 1000000,
        hint: 'greedy phases, and the unsupervised phase of the pretraining experiment' })}
      ${fieldRow({ pointer: '/model/autoencoder/experiment', label: 'experiment', kind: 'select', options: EXPERIMENTS })}
      ${fieldRow({ pointer: '/model/autoencoder/labels', label: 'labelled examples', kind: 'int', min: 10, max: 10000,
        hint: 'labels the linear probe and the pretraining classifiers may use' })}
      ${fieldRow({ pointer: '/model/latentDim', label: 'latent dimension', kind: 'int', min: 1, max: 64,
        hint: 'size of z; with 2 the manifold view is exact' })}
      ${fieldRow({ pointer: '/model/noise', label: 'noise', kind: 'select', options: ['gaussian', 'uniform'] })}
      ${fieldRow({ pointer: '/seed', label: 'seed', kind: 'int', min: 0, max: 2 ** 53 })}
      <div class="form-actions"><button type="submit" class="primary" data-testid="rebuild">Rebuild networks…</button>
      <button type="button" data-testid="revert">Revert</button></div></fieldset></form>`);
    const form = this.querySelector('form');
    form.addEventListener('input', () => this.#setDirty(true));
    form.addEventListener('change', () => this.#setDirty(true));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.#apply(); });
    this.querySelector('[data-testid=revert]').addEventListener('click', () => this.#revert());
    this.#revert();
  }

  set config(config) {
    const changed = config !== this.#config;
    this.#config = config;
    if (changed && !this.#dirty) this.#revert();
    else if (changed && this.firstChild) this.#showArchitecture();
  }

  set errors(errors) { this.#serverErrors = errors ?? {}; this.#showErrors(); }

  async #apply() {
    if (!this.#config) return;
    this.#localErrors = {};
    let patch = {};
    for (const input of this.querySelectorAll('[data-kind]')) {
      if (input.closest('.field').hidden) continue;
      try {
        const value = readInput(input);
        if (JSON.stringify(value) !== JSON.stringify(getAt(this.#config, input.name))) {
          patch = mergePatch(patch, patchAt(input.name, value));
        }
      } catch (err) {
        if (!(err instanceof FieldParseError)) throw err;
        this.#localErrors[input.name] = err.message;
      }
    }
    this.#showErrors();
    if (Object.keys(this.#localErrors).length) return;
    if (Object.keys(patch).length === 0) { this.#setDirty(false); return; }
    const ok = await confirmDialog('Rebuild both networks with the new model settings? Training restarts at step 0 '
      + 'and the charts are cleared.', 'Rebuild');
    if (!ok) return;
    this.#setDirty(false);
    this.dispatchEvent(new CustomEvent('gan-config', { bubbles: true, detail: { patch, rebuild: true } }));
  }

  #revert() {
    this.#localErrors = {};
    if (this.firstChild) this.#showArchitecture();
    if (this.firstChild && this.#config) {
      for (const input of this.querySelectorAll('[data-kind]')) writeInput(input, getAt(this.#config, input.name));
    }
    this.#setDirty(false);
    this.#showErrors();
  }

  /** The fields the run's architecture uses; latentDim goes up to 128 for a DCGAN, 64 for the MLP. */
  #showArchitecture() {
    const ae = isAutoencoderConfig(this.#config);
    const dcgan = isImageConfig(this.#config);
    for (const p of MLP_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = dcgan || ae;
    for (const p of AE_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = !ae;
    for (const p of GAN_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = ae;
    for (const p of DCGAN_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = !dcgan;
    const progan = this.#config?.model?.architecture === 'progan';
    for (const p of PROGAN_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = !progan;
    for (const p of STYLE_ONLY) this.querySelector(`.field[data-field="${p}"]`).hidden = !isStyleConfig(this.#config);
    const latent = this.querySelector('[name="/model/latentDim"]');
    latent.max = dcgan ? '128' : '64';
    latent.closest('.field').title = dcgan ? 'size of z (1 to 128)' : 'size of z; with 2 the manifold view is exact';
  }

  #setDirty(dirty) {
    this.#dirty = dirty;
    this.classList.toggle('dirty', dirty);
    const revert = this.querySelector('[data-testid=revert]');
    if (revert) revert.disabled = !dirty;
  }

  #showErrors() {
    if (this.firstChild) showFieldErrors(this, { ...errorsForFields(this, this.#serverErrors), ...this.#localErrors });
  }
}

export const registerGanModelForm = () => customElements.define('gan-model-form', GanModelForm);
