/**
 * Usage:
 *   <gan-connection-status></gan-connection-status>
 *   status.connection = { status: 'closed', attempt: 2, retryInMs: 2000 };
 *   status.addEventListener('gan-reconnect', ...);   // the user asked to retry now
 *
 * The socket's state for the user: connected, connecting, or disconnected with the next retry's countdown.
 */
import { html, setHtml } from '../../lib/html.js';

const TEXT = { open: 'connected', connecting: 'connecting…', closed: 'disconnected' };

class GanConnectionStatus extends HTMLElement {
  #connection = { status: 'connecting' }; #retryAt = 0; #timer = 0;

  connectedCallback() {
    if (this.firstChild) return;
    setHtml(this, html`<span class="dot" aria-hidden="true"></span><span class="text" data-testid="connection" role="status"></span>
      <button type="button" class="link" hidden>retry now</button>`);
    this.querySelector('button').addEventListener('click', () =>
      this.dispatchEvent(new CustomEvent('gan-reconnect', { bubbles: true })));
    this.#update();
  }

  disconnectedCallback() { clearInterval(this.#timer); }

  set connection(c) {
    if (c === this.#connection) return;
    this.#connection = c;
    this.#retryAt = c.retryInMs ? Date.now() + c.retryInMs : 0;
    clearInterval(this.#timer);
    if (this.#retryAt) this.#timer = setInterval(() => this.#update(), 250);
    this.#update();
  }

  #update() {
    if (!this.firstChild) return;
    const { status } = this.#connection;
    this.dataset.status = status;
    let text = TEXT[status] ?? status;
    if (status === 'closed' && this.#retryAt) {
      text += `, retrying in ${Math.max(0, Math.ceil((this.#retryAt - Date.now()) / 1000))} s`;
    }
    this.querySelector('.text').textContent = text;
    this.querySelector('button').hidden = status !== 'closed';
  }
}

export const registerGanConnectionStatus = () => customElements.define('gan-connection-status', GanConnectionStatus);
