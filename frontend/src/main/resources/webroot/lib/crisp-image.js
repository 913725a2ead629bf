/**
 * Usage:
 *   const pic = new CrispImage(imgElement, { minCss: 280 });
 *   const shown = await pic.show(url);   // true once the picture is on screen, false if a newer show() won or it failed
 *   pic.fit(availableCssWidth);          // whole device pixels per image pixel where that fits (image-grid.js)
 *   pic.fit(availableCssWidth, 400);     // ... unless that is under 400 CSS px: then fill the width
 *
 * A pixel-art picture (CSS image-rendering: pixelated) that is swapped only once the next one is decoded, so a
 * movie or a live stream never flickers to blank, and that keeps its on-screen width a whole multiple of its
 * natural width in device pixels. Only the newest show() may land: an older one that finishes late is dropped.
 */
import { crispWidth } from '../charts/image-grid.js';

export class CrispImage {
  #img; #token = 0; #avail = 0; #minCss;

  constructor(img, { minCss = 0 } = {}) {
    this.#img = img;
    this.#minCss = minCss;
  }

  get element() { return this.#img; }

  /** Natural size of the picture on screen ({0, 0} before the first). */
  get natural() { return { width: this.#img.naturalWidth, height: this.#img.naturalHeight }; }

  async show(src) {
    const token = ++this.#token;
    if (!src) { this.#img.removeAttribute('src'); return false; }
    const next = new Image();
    next.src = src;
    try {
      await next.decode();
    } catch {
      if (token === this.#token) this.#img.dataset.error = 'true';
      return false;
    }
    if (token !== this.#token) return false;
    delete this.#img.dataset.error;
    this.#img.src = src;
    this.#resize(next.naturalWidth);
    return true;
  }

  /** @param {number} avail CSS px available @param {number} [minCss] narrowest whole-pixel width worth keeping */
  fit(avail, minCss = this.#minCss) {
    this.#avail = avail;
    this.#minCss = minCss;
    this.#resize(this.#img.naturalWidth);
  }

  #resize(naturalW) {
    const w = crispWidth(naturalW, this.#avail, window.devicePixelRatio || 1, this.#minCss);
    if (w > 0) this.#img.style.width = `${w}px`;
  }
}

/**
 * Object URLs of the latest few live frames' pictures: make() turns image sections into URLs and revokes the ones
 * older than `keep` frames (a picture still decoding when it is superseded may need its URL a moment longer).
 */
export class RecentObjectUrls {
  #recent = []; #keep;

  constructor(keep = 4) { this.#keep = keep; }

  /** @param {Object<string, Blob|null>} blobs @returns {Object<string, string|null>} */
  make(blobs) {
    const urls = Object.fromEntries(Object.entries(blobs).map(([k, b]) => [k, b ? URL.createObjectURL(b) : null]));
    this.#recent.push(urls);
    for (const old of this.#recent.splice(0, Math.max(0, this.#recent.length - this.#keep))) this.#revoke(old);
    return urls;
  }

  clear() { for (const old of this.#recent.splice(0)) this.#revoke(old); }

  #revoke(urls) { for (const u of Object.values(urls)) if (u) URL.revokeObjectURL(u); }
}
