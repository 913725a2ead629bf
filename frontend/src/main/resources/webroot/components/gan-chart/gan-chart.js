/**
 * Usage:
 *   <gan-chart></gan-chart>
 *   chart.configure(spec, buffer);            // spec from CHART_SPECS, buffer a SeriesBuffer; creates the uPlot once
 *   chart.windowOpts = { lastSteps: 2000 };   // or {} for the whole (growing) history
 *   chart.band = { eq: 0.5, half: 0.05 }; chart.probability = true;
 *   chart.invalidate();                       // new rows: setData on the next animation frame, at most once
 *
 * One uPlot instance for one chart, created once and resized with its container. After each setData the
 * element's data-points attribute holds the number of rows in its buffer.
 */
import { uPlot } from '../../lib/imports.js';
import { chartOptions, emptyData } from '../../charts/uplot-options.js';
import { html, setHtml } from '../../lib/html.js';

class GanChart extends HTMLElement {
  #plot = null; #spec = null; #buffer = null; #raf = 0; #resize; #band = null; #probability = false;
  windowOpts = {};

  configure(spec, buffer) {
    this.#spec = spec;
    this.#buffer = buffer;
    if (spec.testid) this.dataset.testid = spec.testid;
    this.#create();
  }

  /** Points the chart at another buffer (a new run in the panel) and redraws. */
  set buffer(buffer) { this.#buffer = buffer; this.invalidate(); }

  set band(band) {
    if (band?.eq === this.#band?.eq && band?.half === this.#band?.half) return;
    this.#band = band;
    this.#plot?.redraw(true, true);
  }

  set probability(p) {
    if (p === this.#probability) return;
    this.#probability = p;
    this.invalidate();
  }

  connectedCallback() { this.#create(); }

  disconnectedCallback() {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.#plot?.destroy();
    this.#plot = null;
  }

  invalidate() {
    if (!this.#raf && this.#plot) this.#raf = requestAnimationFrame(() => { this.#raf = 0; this.#setData(); });
  }

  #create() {
    if (this.#plot || !this.#spec || !this.isConnected) return;
    setHtml(this, html`<h3 class="chart-title">${this.#spec.title}</h3><div class="chart-body"></div>`);
    const body = this.querySelector('.chart-body');
    const opts = chartOptions(this.#spec, { width: Math.max(200, body.clientWidth),
      height: this.closest('.presenter') ? 300 : undefined, // the big-screen page: charts readable from the back
      band: () => this.#band, probability: () => this.#probability });
    this.#plot = new uPlot(opts, emptyData(this.#spec), body);
    this.#resize = new ResizeObserver(() => requestAnimationFrame(() => { // resizing inside the callback loops
      const w = Math.floor(body.clientWidth);
      if (w > 0 && this.#plot && w !== this.#plot.width) this.#plot.setSize({ width: w, height: this.#plot.height });
    }));
    this.#resize.observe(body);
    this.invalidate();
  }

  #setData() {
    if (!this.#plot || !this.#buffer) return;
    const names = this.#spec.series.map((s) => s.name);
    this.#plot.setData(this.#buffer.window(names, this.windowOpts));
    this.dataset.points = String(this.#buffer.length);
  }
}

export const registerGanChart = () => customElements.define('gan-chart', GanChart);
