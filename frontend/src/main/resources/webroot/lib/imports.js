/**
 * Usage: import { uPlot } from '../lib/imports.js';
 *
 * The one place third-party modules are imported; the version is pinned by the import map in index.html
 * (and by uplot.version in the root POM, which must match).
 */
export { default as uPlot } from 'uplot';
