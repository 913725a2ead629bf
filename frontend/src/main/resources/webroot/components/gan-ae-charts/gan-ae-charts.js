/**
 * Usage:
 *   <gan-ae-charts></gan-ae-charts>              (the run panel shows it instead of gan-chart-deck for autoencoder runs)
 *   charts.data = runData;                       // {train, eval: SeriesBuffer}
 *   charts.invalidate();                         // new metrics rows arrived
 *
 * The charts of an autoencoder run, made from the metric keys that arrive (app/ae-view.js aeChartSpecs): one chart
 * per ae/ metric with one series per arm side by side (an experiment's arms, or the pretraining's "pretrained" and
 * "scratch" classifiers), the held-out error with PCA's optimum dashed. New keys (a rebuild, a later evaluation)
 * re-create the charts. Test hooks: data-testid ae-chart-<metric> on each gan-chart, e.g. ae-chart-heldout_mse.
 */
import { html, setHtml } from '../../lib/html.js';
import { aeChartSpecs } from '../../app/ae-view.js';

class GanAeCharts extends HTMLElement {
  #data = null; #key = ''; #charts = [];

  connectedCallback() {
    if (!this.firstChild) setHtml(this, html`<div class="deck-charts"></div>`);
    this.invalidate();
  }

  set data(data) {
    if (data === this.#data) return;
    this.#data = data;
    this.#key = '';
    this.invalidate();
  }

  invalidate() {
    const box = this.querySelector('.deck-charts');
    if (!box) return;
    const specs = aeChartSpecs(this.#data?.train.names.filter((n) => this.#data.train.has(n)) ?? [],
      this.#data?.eval.names.filter((n) => this.#data.eval.has(n)) ?? []);
    const key = JSON.stringify(specs.map((s) => [s.key, s.series.map((x) => x.name)]));
    if (key !== this.#key) {
      this.#key = key;
      setHtml(box, html`${specs.map((s) => html`<gan-chart data-key="${s.key}"></gan-chart>`)}`);
      this.#charts = specs.map((spec) => {
        const chart = box.querySelector(`gan-chart[data-key="${spec.key}"]`);
        chart.configure(spec, this.#data?.[spec.source] ?? null);
        return chart;
      });
    }
    for (const chart of this.#charts) chart.invalidate();
  }
}

export const registerGanAeCharts = () => customElements.define('gan-ae-charts', GanAeCharts);
