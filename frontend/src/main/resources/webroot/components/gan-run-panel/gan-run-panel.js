/**
 * Usage:
 *   <gan-run-panel></gan-run-panel>
 *   panel.model = { panel, run, presets, datasets, closable, presenter };   // from the store (run-state.js shapes)
 *   panel.data = runData;                               // the run's SeriesBuffers, latest frame and step
 *   panel.metricsArrived(); panel.frameArrived(); panel.modesArrived();   // new rows / frame / histogram in panel.data
 *   panel.imagesArrived(); panel.classesArrived();      // image runs: a new images frame / class histogram
 *   panel.aeArrived();                                  // autoencoder runs: a new autoencoder frame
 *   panel.addEventListener('gan-command', (e) => e.detail);   // {panelKey, runId, type, ...}
 *
 * One run: header (dataset, state, step, steps/s), the collapse alarm banner, transport controls, the plane and
 * its per-mode histogram with the dataset's explanation and the config forms (training, remedies, model) beside
 * it, and the charts. An image run (a DCGAN) shows gan-image-view and its view settings instead of the plane and
 * the per-mode histogram; an autoencoder run gan-ae-view and gan-ae-charts instead of the plane, the GAN charts and
 * the remedies. Children's events become one 'gan-command' (type start | pause | reset | step |
 * update_config | preset | close | dismiss_alarm) for the app; nothing here sends. Someone else's run (role
 * 'viewer') is shown read-only: a badge, and the controls and forms inert. The header carries the share links (watch,
 * same settings, presenter; share-links.js); a click copies the link.
 */
import { html, setHtml } from '../../lib/html.js';
import { confirmDialog } from '../../lib/confirm.js';
import { MODE_KINDS, isImageConfig, isAutoencoderConfig, canControl } from '../../protocol/messages.js';
import { runLink, configLink, presentLink } from '../../app/share-links.js';

const REASON_PREFIX = { failed: 'Failed', stopped: 'Stopped', queued: 'Queued' };

class GanRunPanel extends HTMLElement {
  #model = null; #data = null; #els = null; #config = null;

  connectedCallback() {
    if (this.#els) return;
    setHtml(this, html`<section class="run-panel"><header class="run-header">
        <gan-preset-picker></gan-preset-picker>
        <span class="state-badge" data-testid="state"></span>
        <span class="stat">step <b data-testid="step">0</b></span>
        <span class="stat"><b data-testid="steps-per-s">–</b> steps/s</span>
        <code class="run-id" title="run id"></code>
        <span class="read-only-badge" data-testid="read-only" title="someone else's run: you can watch it, only its owner controls it" hidden>read-only</span>
        <span class="share-links"><a data-testid="share-run" title="copy a link to watch this run (read-only for others)">share</a>
          <a data-testid="share-config" title="copy a link that opens a new run with these settings">share settings</a>
          <a data-testid="present-run" target="_blank" rel="noopener" title="open the big-screen presenter view in a new tab">present</a></span>
        <button type="button" class="close" data-testid="close-run" title="stop this run and close the panel">×</button>
      </header>
      <p class="reason" data-testid="reason" hidden></p>
      <p class="notice" data-testid="notice" role="alert" hidden></p>
      <gan-alarm-banner></gan-alarm-banner>
      <gan-control-panel></gan-control-panel>
      <div class="run-body"><div class="view-col"><gan-plane></gan-plane><gan-mode-histogram></gan-mode-histogram>
        <gan-image-view hidden></gan-image-view><gan-ae-view hidden></gan-ae-view></div>
        <aside class="side-col"><p class="explanation" data-testid="explanation"></p><gan-image-settings hidden></gan-image-settings>
          <gan-train-form></gan-train-form><gan-remedies-form></gan-remedies-form><gan-model-form></gan-model-form></aside></div>
      <gan-chart-deck></gan-chart-deck><gan-ae-charts hidden></gan-ae-charts></section>`);
    const q = (sel) => this.querySelector(sel);
    this.#els = { picker: q('gan-preset-picker'), state: q('[data-testid=state]'), step: q('[data-testid=step]'),
      speed: q('[data-testid=steps-per-s]'), runId: q('.run-id'), close: q('[data-testid=close-run]'),
      reason: q('[data-testid=reason]'), notice: q('[data-testid=notice]'), controls: q('gan-control-panel'),
      plane: q('gan-plane'), explanation: q('[data-testid=explanation]'), train: q('gan-train-form'),
      model: q('gan-model-form'), deck: q('gan-chart-deck'), alarm: q('gan-alarm-banner'),
      hist: q('gan-mode-histogram'), remedies: q('gan-remedies-form'), image: q('gan-image-view'),
      imageSettings: q('gan-image-settings'), ae: q('gan-ae-view'), aeCharts: q('gan-ae-charts'), readOnly: q('[data-testid=read-only]'), shareRun: q('[data-testid=share-run]'),
      shareConfig: q('[data-testid=share-config]'), present: q('[data-testid=present-run]'), shareLinks: q('.share-links') };
    this.#listen();
    this.#update();
  }

  set model(model) { this.#model = model; this.#update(); }

  set data(data) {
    if (data === this.#data) return;
    this.#data = data;
    if (!this.#els) return;
    this.#els.deck.data = data;
    this.#els.plane.frame = data?.frame ?? null;
    this.#els.image.data = data;
    this.#els.ae.data = data;
    this.#els.aeCharts.data = data;
    this.metricsArrived();
    this.modesArrived();
    this.classesArrived();
  }

  metricsArrived() {
    if (!this.#els) return;
    this.#els.deck.invalidate();
    this.#els.aeCharts.invalidate();
    this.#showStep();
    const sps = this.#data?.train.latest('speed/steps_per_s');
    this.#els.speed.textContent = sps == null ? '–' : sps >= 100 ? sps.toFixed(0) : sps.toFixed(1);
  }

  modesArrived() {
    if (this.#els) this.#els.hist.modes = this.#data?.modes ?? null;
  }

  frameArrived() {
    if (this.#els && this.#data) this.#els.plane.frame = this.#data.frame;
  }

  imagesArrived() { this.#els?.image.imagesArrived(); }

  aeArrived() { this.#els?.ae.aeArrived(); }

  classesArrived() { this.#els?.image.classesArrived(); }

  #showStep() {
    this.#els.step.textContent = String(this.#data?.step ?? this.#model?.run?.step ?? 0);
  }

  #listen() {
    const on = (type, fn) => this.addEventListener(type, (e) => { e.stopPropagation(); fn(e.detail); });
    on('gan-control', ({ action, phase, patch }) => (action === 'config'
      ? this.#command({ type: 'update_config', patch }) : this.#command({ type: action, phase })));
    on('gan-config', ({ patch, rebuild }) => this.#command({ type: 'update_config', patch, rebuild }));
    on('gan-draw', ({ points }) => this.#command({ type: 'update_config', patch: { data: { kind: 'drawn', points } } }));
    on('gan-preset', ({ preset }) => this.#pickPreset(preset));
    on('gan-alarm-dismiss', () => this.#command({ type: 'dismiss_alarm' }));
    this.#els.close.addEventListener('click', () => this.#command({ type: 'close' }));
    for (const a of [this.#els.shareRun, this.#els.shareConfig]) a.addEventListener('click', (e) => this.#copy(e, a));
  }

  /** Copies a share link instead of following it; where the clipboard is unavailable the link opens as usual. */
  #copy(event, anchor) {
    if (!navigator.clipboard?.writeText || !anchor.href) return;
    event.preventDefault();
    navigator.clipboard.writeText(anchor.href).then(() => {
      anchor.dataset.copied = 'true';
      setTimeout(() => { delete anchor.dataset.copied; }, 1500);
    }, () => { location.href = anchor.href; });
  }

  async #pickPreset(preset) {
    const run = this.#model?.run;
    if (run && run.step > 0 && run.state !== 'stopped' && run.state !== 'failed') {
      const name = this.#els.picker.nameFor(preset);
      if (!(await confirmDialog(`Start a new run on "${name}"? This run (step ${run.step}) is stopped.`, 'New run'))) return;
    }
    this.#command({ type: 'preset', preset });
  }

  #command(detail) {
    const { panel, run } = this.#model ?? {};
    const clean = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined));
    this.dispatchEvent(new CustomEvent('gan-command', { bubbles: true,
      detail: { panelKey: panel?.key, runId: run?.runId ?? null, ...clean } }));
  }

  #update() {
    if (!this.#els || !this.#model) return;
    const { panel, run, presets, datasets, closable, presenter } = this.#model;
    const e = this.#els;
    const config = run?.config ?? null;
    const readOnly = Boolean(run) && !canControl(run.role);
    Object.assign(e.picker, { presets, datasets, selected: run?.preset ?? null, error: panel.fieldErrors['/data/kind'] ?? null });
    e.explanation.textContent = e.picker.explanationFor(run?.preset);
    e.explanation.hidden = !e.explanation.textContent;
    const forms = [e.train, e.model, e.remedies, e.imageSettings];
    for (const form of forms) {
      form.toggleAttribute('inert', !config || readOnly);
      form.errors = panel.fieldErrors;
    }
    e.alarm.alarm = run?.alarm ?? null;
    e.state.textContent = run?.state ?? (panel.creating ? 'creating…' : '–');
    e.state.dataset.state = run?.state ?? 'none';
    e.runId.textContent = run?.runId ?? '';
    e.close.hidden = !closable;
    this.#showStep();
    e.reason.hidden = !run?.reason;
    e.reason.textContent = run?.reason ? `${REASON_PREFIX[run.state] ?? 'Note'}: ${run.reason}` : '';
    e.readOnly.hidden = !readOnly;
    e.controls.toggleAttribute('inert', readOnly);
    e.picker.toggleAttribute('inert', Boolean(presenter));
    e.shareLinks.hidden = !run || presenter;
    if (run) {
      e.shareRun.href = runLink(location.origin, run.runId);
      e.present.href = presentLink(location.origin, [run.runId]);
      e.shareConfig.hidden = !config;
      if (config) e.shareConfig.href = configLink(location.origin, run.preset, config);
    }
    e.notice.hidden = !panel.notice;
    e.notice.textContent = panel.notice?.text ?? '';
    e.notice.dataset.level = panel.notice?.level ?? '';
    e.controls.state = { state: run?.state ?? null, itersPerTick: config?.view.itersPerTick ?? 10,
      slowMode: config?.view.slowMode ?? false };
    e.image.run = run && { runId: run.runId, config, progress: run.progress ?? null };
    e.ae.run = e.image.run;
    if (config !== this.#config) {
      this.#config = config;
      for (const form of forms) form.config = config;
      const images = isImageConfig(config);
      const ae = isAutoencoderConfig(config);
      for (const el of [e.image, e.imageSettings]) el.hidden = !images;
      for (const el of [e.ae, e.aeCharts]) el.hidden = !ae;
      e.deck.hidden = ae;
      e.remedies.hidden = ae; // GAN remedies: an autoencoder has no D
      for (const b of e.controls.querySelectorAll('[data-phase=d], [data-phase=g]')) b.hidden = ae;
      e.plane.hidden = images || ae;
      e.deck.family = images ? 'images' : 'points';
      e.hist.active = !ae && MODE_KINDS.includes(config?.data.kind);
      e.plane.loss = config?.train.loss;
      e.plane.drawing = { enabled: config?.data.kind === 'drawn', points: config?.data.points ?? [] };
      e.deck.loss = config?.train.loss;
    }
  }
}

export const registerGanRunPanel = () => customElements.define('gan-run-panel', GanRunPanel);
