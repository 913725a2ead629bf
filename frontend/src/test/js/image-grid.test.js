import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as g from '../../main/resources/webroot/charts/image-grid.js';

const grid = { cols: 8, rows: 8, tile: [1, 28, 28], gap: 2 };

test('the grid layout follows the header; a picture of another size derives its tile counts', () => {
  const l = g.gridLayout(grid);
  assert.deepEqual([l.cols, l.rows, l.width, l.height], [8, 8, 238, 238]);
  const older = g.gridLayout(grid, 4 * 30 - 2, 4 * 30 - 2);   // a timeline frame from when gridSize was 4
  assert.deepEqual([older.cols, older.rows], [4, 4]);
  assert.deepEqual([g.gridLayout(grid, 239, 238).cols], [8], 'a size that fits no count keeps the header');
});

test('tiles: boxes in percent, points to indices (row-major), gaps count for the tile before', () => {
  const l = g.gridLayout(grid);
  const r = g.tileRect(l, 9);                        // row 1, column 1: x = y = 30
  assert.ok(Math.abs(r.left - (100 * 30) / 238) < 1e-9 && Math.abs(r.top - (100 * 30) / 238) < 1e-9);
  assert.ok(Math.abs(r.width - (100 * 28) / 238) < 1e-9);
  assert.equal(g.tileAt(l, 0, 0), 0);
  assert.equal(g.tileAt(l, 29, 0), 0, 'the gap after tile 0');
  assert.equal(g.tileAt(l, 30, 30), 9);
  assert.equal(g.tileAt(l, 237, 237), 63);
  assert.equal(g.tileAt(l, 238, 0), null);
});

test('crisp scaling uses whole device pixels per image pixel, unless that makes the picture too small', () => {
  assert.equal(g.crispWidth(238, 560, 1), 476);
  assert.equal(g.crispWidth(238, 560, 2), 476, 'dpr 2: 4 device px per pixel = 476 CSS px');
  assert.equal(g.crispWidth(238, 400, 1.5), 476 / 1.5, 'dpr 1.5: 2 device px per pixel, not 1.5 of them');
  assert.equal(g.crispWidth(238, 300, 1, 280), 300, '1x would be under 280 px: fill the space');
  assert.equal(g.crispWidth(238, 200, 1, 280), 200, 'narrower than the minimum: fill what there is');
  assert.equal(g.crispWidth(0, 300), 0);
});

test('walk endpoints alternate from, to, from; highlights come from the config, else the frame', () => {
  let walk = g.walkPicker();
  let patch;
  ({ walk, patch } = g.pickWalkEndpoint(walk, 5));
  assert.deepEqual(patch, { view: { walkFrom: 5 } });
  ({ walk, patch } = g.pickWalkEndpoint(walk, 40));
  assert.deepEqual(patch, { view: { walkTo: 40 } });
  ({ walk, patch } = g.pickWalkEndpoint(walk, 7));
  assert.deepEqual(patch, { view: { walkFrom: 7 } });
  assert.deepEqual(g.walkEndpoints({ view: { walkFrom: 3, walkTo: 60 } }, { walk: { from: 0, to: 63 } }), { from: 3, to: 60 });
  assert.deepEqual(g.walkEndpoints(null, { walk: { from: 0, to: 63 } }), { from: 0, to: 63 });
  assert.deepEqual(g.walkEndpoints(null, null), { from: null, to: null });
});

test('a ProGAN timeline frame of an earlier resolution keeps the tile counts with its smaller tiles', () => {
  const live = { cols: 8, rows: 8, tile: [1, 32, 32], gap: 2 };
  const at4 = g.gridLayout(live, 8 * 6 - 2, 8 * 6 - 2);   // 8 x 8 tiles of 4 px
  assert.deepEqual([at4.cols, at4.rows, at4.tileW, at4.tileH, at4.width], [8, 8, 4, 4, 46]);
  const at16 = g.gridLayout(live, 8 * 18 - 2, 8 * 18 - 2);
  assert.deepEqual([at16.cols, at16.tileW], [8, 16]);
  assert.deepEqual([g.gridLayout(live).tileW], [32]);
});
