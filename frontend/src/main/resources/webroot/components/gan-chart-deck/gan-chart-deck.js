/**
 * Usage:
 *   <gan-chart-deck></gan-chart-deck>
 *   deck.data = runData;          // {train: SeriesBuffer, eval: SeriesBuffer} of the panel's run
 *   deck.loss = 'hinge';          // sets the equilibrium band (0 for hinge, else 0.5) and the score scale
 *   deck.family = 'images';       // which family's charts show: 'points' (default, 2D runs) or 'images'
 *   deck.invalidate();            // new metrics rows arrived
 *   deck.specs = pairChartSpecs(a, b);   // before it is connected: other charts (default CHART_SPECS);
 *                                        // the A/B view passes {train, eval} OverlaySources as data
 *
 * The run's charts (loss, D(x)/D(G(z)) with the equilibrium band, grid KL/JS, modes when the dataset has
 * modes, optional gradient norms; image runs: classes covered, KL to uniform, Fréchet classifier distance and
 * confidence instead of grid KL/JS and modes), with a history toggle: everything (growing) or the last N steps (sliding).
 */
import { html, setHtml } from '../../lib/html.js';
import { CHART_SPECS, BAND_HALF_WIDTH, chartForFamily } from '../../charts/uplot-options.js';
import { equilibrium, isLogistic } from '../../protocol/messages.js';

const WINDOWS = [['all', 'all history'], ['500', 'last 500 steps'], ['2000', 'last 2,000 steps'], ['10000', 'last 10,000 steps']];

class GanChartDeck extends HTMLElement {
  #charts = new Map(); #data = null; #lastSteps = Infinity; #showOptional = false; #family = 'points';
  specs = CHART_SPECS;

  connectedCallback() {
    if (this.#charts.size) return;
    setHtml(this, html`<div class="deck-tools">
        <label>History <select data-testid="history-window">${WINDOWS.map(([v, l]) =>
          html`<option value="${v}">${l}</option>`)}</select></label>
        <label><input type="checkbox" data-testid="show-grads"> gradient norms</label></div>
      <div class="deck-charts">${this.specs.map((s) => html`<gan-chart data-key="${s.key}"></gan-chart>`)}</div>`);
    for (const spec of this.specs) {
      const chart = this.querySelector(`gan-chart[data-key="${spec.key}"]`);
      chart.configure(spec, this.#data?.[spec.source] ?? null);
      this.#charts.set(spec.key, { spec, chart });
    }
    this.querySelector('[data-testid=history-window]').addEventListener('change', (e) => {
      this.#lastSteps = e.target.value === 'all' ? Infinity : Number(e.target.value);
      this.invalidate();
    });
    this.querySelector('[data-testid=show-grads]').addEventListener('change', (e) => {
      this.#showOptional = e.target.checked;
      this.invalidate();
    });
    this.invalidate();
  }

  set data(data) {
    if (data === this.#data) return;
    this.#data = data;
    for (const { spec, chart } of this.#charts.values()) chart.buffer = data?.[spec.source] ?? null;
    this.invalidate();
  }

  set family(family) {
    if (family === this.#family) return;
    this.#family = family;
    this.invalidate();
  }

  set loss(loss) {
    for (const { spec, chart } of this.#charts.values()) {
      if (!spec.band) continue;
      chart.band = loss ? { eq: equilibrium(loss), half: BAND_HALF_WIDTH } : null;
      chart.probability = isLogistic(loss);
    }
  }

  invalidate() {
    const last = this.#data?.train.lastX ?? null;
    const minX = last === null || this.#lastSteps === Infinity ? -Infinity : last - this.#lastSteps;
    for (const { spec, chart } of this.#charts.values()) {
      const visible = chartForFamily(spec, this.#family) && (!spec.optional || this.#showOptional)
        && (!spec.onlyWithData || spec.series.some((s) => this.#data?.[spec.source].has(s.name)));
      chart.hidden = !visible;
      chart.windowOpts = { minX };
      if (visible) chart.invalidate();
    }
  }
}

export const registerGanChartDeck = () => customElements.define('gan-chart-deck', GanChartDeck);
