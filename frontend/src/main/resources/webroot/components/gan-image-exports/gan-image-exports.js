/**
 * Usage:
 *   <gan-image-exports></gan-image-exports>
 *   exports.target = { runId: 'r3f9a0c12b4d7', frame: 12, step: 240 };   // frame: a timeline frame on screen, or null (live)
 *
 * Download links of an image run: the grid on screen as PNG (the current one, or the scrubbed-to timeline
 * frame), the whole timeline as an animated GIF and the metrics as CSV (train and eval). Plain links with a
 * download name; the server answers with attachments. Test hooks: data-testid export-grid, export-gif,
 * export-csv-train, export-csv-eval.
 */
import { html, setHtml } from '../../lib/html.js';
import { runUrls } from '../../protocol/rest.js';

class GanImageExports extends HTMLElement {
  #target = null;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<nav class="exports" aria-label="exports"><span class="exports-title">Export</span>
      <a data-testid="export-grid" download>grid PNG</a><a data-testid="export-gif" download>timeline GIF</a>
      <a data-testid="export-csv-train" download>train metrics CSV</a><a data-testid="export-csv-eval" download>eval metrics CSV</a></nav>`);
    this.#update();
  }

  set target(target) { this.#target = target; this.#update(); }

  #update() {
    if (!this.firstChild) return;
    const { runId, frame, step } = this.#target ?? {};
    this.hidden = !runId;
    if (!runId) return;
    const urls = runUrls(runId);
    const link = (testid, href, name) => Object.assign(this.querySelector(`[data-testid=${testid}]`), { href, download: name });
    link('export-grid', frame == null ? urls.grid : urls.frameGrid(frame), `${runId}-step-${step ?? 0}.png`);
    link('export-gif', urls.timelineGif, `${runId}-timeline.gif`);
    link('export-csv-train', urls.metricsCsv('train'), `${runId}-train.csv`);
    link('export-csv-eval', urls.metricsCsv('eval'), `${runId}-eval.csv`);
  }
}

export const registerGanImageExports = () => customElements.define('gan-image-exports', GanImageExports);
