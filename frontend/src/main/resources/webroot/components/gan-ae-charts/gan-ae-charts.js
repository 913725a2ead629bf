/**
 * Usage:
 *   <gan-ae-charts></gan-ae-charts>              (the run panel shows it instead of gan-chart-deck for autoencoder runs)
 *   charts.data = runData;                       // {train, eval: SeriesBuffer}
 *   charts.invalidate();                         // new metrics rows arrived
 *
 * The charts of an autoencoder run, made from the metric keys that arrive (app/ae-view.js aeChartSpecs): one chart
 * per ae/ metric with one series per arm side by side (an experiment's arms, or the pretraining's "pretrained" and
 * "scratch" classifiers), the held-out error with PCA's optimum dashed. New keys (a rebuild, a later evaluation)
 * re-create the charts. Experiments whose arms differ in sparsity (the rho sweep) also get the trade-off curve: each
 * arm's latest held-out error against its mean code activation. Test hooks: data-testid ae-chart-<metric> on each
 * gan-chart, e.g. ae-chart-heldout_mse; ae-trade-off (data-points) on the curve's canvas.
 */
import { html, setHtml } from '../../lib/html.js';
import { aeChartSpecs, tradeOff } from '../../app/ae-view.js';

const TRADE_W = 420;
const TRADE_H = 200;

class GanAeCharts extends HTMLElement {
  #data = null; #key = ''; #charts = [];

  connectedCallback() {
    if (!this.firstChild) {
      setHtml(this, html`<figure class="ae-trade-off" hidden><figcaption>trade-off at the latest evaluation: held-out
        reconstruction error (up) against mean code activation (right), one point per arm</figcaption>
        <canvas data-testid="ae-trade-off" width="${TRADE_W}" height="${TRADE_H}"></canvas></figure>
        <div class="deck-charts"></div>`);
    }
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
    this.#drawTradeOff(tradeOff(this.#data?.eval));
  }

  #drawTradeOff(points) {
    const fig = this.querySelector('.ae-trade-off');
    fig.hidden = points.length === 0;
    if (!points.length) return;
    const canvas = fig.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    const pad = 28;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const at = (p) => [pad + ((p.x - x0) / (x1 - x0 || 1)) * (width - 3 * pad), // room on the right for a label
      height - pad - ((p.y - y0) / (y1 - y0 || 1)) * (height - 2 * pad)];
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = '#2166ac';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    points.forEach((p, i) => { const [x, y] = at(p); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
    ctx.stroke();
    ctx.fillStyle = '#222';
    ctx.font = '11px sans-serif';
    for (const p of points) {
      const [x, y] = at(p);
      ctx.fillRect(x - 3, y - 3, 6, 6);
      ctx.fillText(p.arm, x + 5, y - 5);
    }
    ctx.fillStyle = '#555';
    ctx.fillText(`activation ${x0.toFixed(3)} … ${x1.toFixed(3)}`, pad, height - 6);
    ctx.fillText(`MSE ${y0.toFixed(4)} … ${y1.toFixed(4)}`, 4, 12);
    canvas.dataset.points = String(points.length);
  }
}

export const registerGanAeCharts = () => customElements.define('gan-ae-charts', GanAeCharts);
