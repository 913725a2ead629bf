/**
 * Usage:
 *   <gan-alarm-banner></gan-alarm-banner>
 *   banner.alarm = run.alarm;      // alarm-state.js state (null: nothing to show)
 *   banner.addEventListener('gan-alarm-dismiss', ...);   // the viewer closed the green "recovered" banner
 *
 * The mode-collapse alarm of one run, as the server raised or cleared it (every viewer sees the same): a red
 * banner "Mode collapse at step 4,200: 2 of 8 modes captured (HQ 97%)", then a green, dismissable "All modes
 * recovered at step N". The element itself is the test hook: data-testid="alarm", data-kind="collapse"|"recovered"
 * (kept while hidden after a dismiss), data-step of the event shown.
 */
import { html, setHtml } from '../../lib/html.js';
import { alarmText, alarmVisible } from '../../app/alarm-state.js';

class GanAlarmBanner extends HTMLElement {
  #alarm = null;

  connectedCallback() {
    if (this.firstChild) return;
    this.dataset.testid = 'alarm';
    this.setAttribute('role', 'alert');
    setHtml(this, html`<span class="alarm-icon" aria-hidden="true"></span><span class="alarm-text"></span>
      <button type="button" class="alarm-dismiss" data-testid="alarm-dismiss" title="hide this message">×</button>`);
    this.querySelector('button').addEventListener('click', () =>
      this.dispatchEvent(new CustomEvent('gan-alarm-dismiss', { bubbles: true })));
    this.#update();
  }

  set alarm(alarm) {
    if (alarm === this.#alarm) return;
    this.#alarm = alarm;
    this.#update();
  }

  #update() {
    if (!this.firstChild) return;
    const a = this.#alarm;
    this.hidden = !alarmVisible(a);
    if (a) {
      this.dataset.kind = a.kind;
      this.dataset.step = String(a.step);
    } else {
      delete this.dataset.kind;
      delete this.dataset.step;
    }
    this.querySelector('.alarm-icon').textContent = a?.kind === 'recovered' ? '✓' : '⚠';
    this.querySelector('.alarm-text').textContent = alarmText(a);
    this.querySelector('button').hidden = a?.kind !== 'recovered';
  }
}

export const registerGanAlarmBanner = () => customElements.define('gan-alarm-banner', GanAlarmBanner);
