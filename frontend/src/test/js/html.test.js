import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, escapeHtml, setHtml, SafeHtml } from '../../main/resources/webroot/lib/html.js';

test('interpolated values are escaped; nested html`` and arrays are not double-escaped', () => {
  const evil = '<img src=x onerror="alert(1)">&\'';
  assert.equal(html`<p title="${evil}">${evil}</p>`.value,
    '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</p>');
  assert.equal(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value, '<ul><li>a&lt;</li><li>b</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
  assert.equal(escapeHtml(5), '5');
});

test('setHtml accepts only html`` results', () => {
  const el = { innerHTML: '' };
  setHtml(el, html`<b>${'x'}</b>`);
  assert.equal(el.innerHTML, '<b>x</b>');
  assert.throws(() => setHtml(el, '<b>raw</b>'), TypeError);
  assert.ok(html`` instanceof SafeHtml);
});
