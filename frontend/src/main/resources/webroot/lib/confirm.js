/**
 * Usage: if (await confirmDialog('Rebuild both networks?', 'Rebuild')) { ... }
 *
 * A modal <dialog> that resolves true (confirm) or false (cancel, Escape). Unlike window.confirm it does not
 * block the page, so the socket keeps streaming while the question is open.
 */
import { html, setHtml } from './html.js';

export function confirmDialog(message, confirmLabel = 'OK') {
  const dialog = document.createElement('dialog');
  dialog.className = 'confirm-dialog';
  setHtml(dialog, html`<form method="dialog"><p>${message}</p><menu>
    <button value="cancel" data-testid="confirm-cancel">Cancel</button>
    <button value="ok" class="primary" data-testid="confirm-ok">${confirmLabel}</button></menu></form>`);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    }, { once: true });
    dialog.showModal();
  });
}
