import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classHistogramModel, accuracyText, coveredText } from '../../main/resources/webroot/charts/class-histogram.js';
import { presetGroups, unavailableNotes, datasetNote } from '../../main/resources/webroot/app/presets.js';
import { runUrls, fetchTimeline, RestError } from '../../main/resources/webroot/protocol/rest.js';
import { RunData } from '../../main/resources/webroot/app/run-data.js';
import * as rs from '../../main/resources/webroot/app/run-state.js';
import { isImageConfig } from '../../main/resources/webroot/protocol/messages.js';

const classes = { step: 800, counts: [300, 250, 0, 10, 240, 260, 250, 240, 230, 220], samples: 2000,
  labels: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  classifierAccuracy: 0.9712 };

test('class histogram: labels, covered classes (>= a tenth of the uniform share, the server rule), uniform share and the captions', () => {
  const m = classHistogramModel(classes);
  assert.equal(m.bars[9].label, 'Ankle boot');
  assert.equal(m.covered, 8, 'Pullover has none and Dress 10, below a tenth of the uniform 200');
  assert.equal(classHistogramModel({ counts: [20, 380], samples: 400 }).covered, 2, 'exactly a tenth is covered');
  assert.equal(classHistogramModel({ counts: [19, 381], samples: 400 }).covered, 1);
  assert.equal(m.uniform, 200);
  assert.ok(m.uniformHeight > 0.3 && m.uniformHeight <= 0.5, 'the uniform line sits at about half height or below');
  assert.ok(m.bars.every((b) => b.height >= 0 && b.height <= 1));
  assert.equal(accuracyText(m), 'classifier accuracy 97.1%');
  assert.equal(coveredText(m), 'classes covered 8 / 10');
  assert.equal(classHistogramModel(null), null);
  assert.equal(accuracyText(classHistogramModel({ counts: [1, 2] })), '');
  assert.equal(classHistogramModel({ counts: [1, 2] }).bars[1].label, '1', 'no labels: the index');
});

const cfg = (kind, architecture = kind === 'ring8' ? 'mlp' : 'dcgan') => ({ data: { kind }, model: { architecture } });
const presets = [{ id: 'ring8', name: 'Ring of 8', config: cfg('ring8') },
  { id: 'shapes-dcgan', name: 'Shapes', config: cfg('shapes') },
  { id: 'mnist-dcgan', name: 'MNIST digits', config: cfg('mnist') },
  { id: 'fashion-dcgan', name: 'Fashion-MNIST', config: cfg('fashion') }];
const datasets = [{ id: 'ring8', name: 'Ring', family: 'points', available: true },
  { id: 'shapes', name: 'Shapes', family: 'images', available: true },
  { id: 'mnist', name: 'MNIST', family: 'images', available: true },
  { id: 'fashion', name: 'Fashion-MNIST', family: 'images', available: false, hint: 'apt-get install dataset-fashion-mnist' }];

test('presets: points and images in their groups; an unavailable dataset disables its presets with the hint', () => {
  const groups = presetGroups(presets, datasets);
  assert.deepEqual(groups.map((g) => [g.label, g.presets.map((p) => p.id)]),
    [['Points', ['ring8']], ['Images', ['shapes-dcgan', 'mnist-dcgan', 'fashion-dcgan']]]);
  const fashion = groups[1].presets[2];
  assert.equal(fashion.available, false);
  assert.equal(fashion.note, 'Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist');
  assert.deepEqual(unavailableNotes(groups), [fashion.note]);
  assert.equal(groups[1].presets[1].available, true);
  const noList = presetGroups(presets, undefined);
  assert.ok(noList.flatMap((g) => g.presets).every((p) => p.available), 'an older server: all available');
  assert.deepEqual(noList.map((g) => g.label), ['Points', 'Images'], 'the family comes from the config then');
  assert.equal(datasetNote({ id: 'x', name: 'X', available: false, detail: 'download failed' }), 'X is not available: download failed');
  assert.equal(datasetNote({ id: 'x', available: true }), '');
  assert.equal(isImageConfig(cfg('mnist')), true);
  assert.equal(isImageConfig(cfg('ring8')), false);
});

test('REST addresses of a run\'s images and exports', () => {
  const u = runUrls('r3f9a0c12b4d7');
  assert.equal(u.grid, '/api/runs/r3f9a0c12b4d7/grid.png');
  assert.equal(u.frameGrid(12), '/api/runs/r3f9a0c12b4d7/timeline/12/grid.png');
  assert.equal(u.frameWalk(12), '/api/runs/r3f9a0c12b4d7/timeline/12/walk.png');
  assert.equal(u.timelineGif, '/api/runs/r3f9a0c12b4d7/timeline.gif');
  assert.equal(u.metricsCsv('eval'), '/api/runs/r3f9a0c12b4d7/metrics.csv?group=eval');
  assert.equal(u.metricsCsv('train'), '/api/runs/r3f9a0c12b4d7/metrics.csv?group=train');
});

test('fetchTimeline reads, cleans and sorts the kept frames; errors carry the status and detail', async () => {
  const reply = (status, body) => async (url) => ({ ok: status < 300, status, json: async () => body, url });
  const t = await fetchTimeline('r1', reply(200, { capacity: 300, frames: [{ frame: 3, step: 60 }, { frame: 1, step: 20 }, { frame: 'x' }] }));
  assert.deepEqual(t, { capacity: 300, frames: [{ frame: 1, step: 20 }, { frame: 3, step: 60 }] });
  await assert.rejects(fetchTimeline('r1', reply(404, { detail: 'no run r1' })),
    (e) => e instanceof RestError && e.status === 404 && /no run r1/.test(e.message));
});

const imagesFrame = (frame, step) => ({ header: { type: 'images', frame, step }, sections: {} });

test('run data: images frames feed the timeline; classes keep the newest; a reset drops a stale timeline answer', () => {
  const d = new RunData();
  d.setImages(imagesFrame(1, 20));
  d.setImages(imagesFrame(2, 40));
  assert.equal(d.images.header.frame, 2);
  assert.deepEqual(d.timeline.frames.map((f) => f.frame), [1, 2]);
  assert.equal(d.setClasses(classes), true);
  assert.equal(d.setClasses({ ...classes, step: 10 }), false);
  const gen = d.generation;
  assert.equal(d.mergeTimeline({ capacity: 300, frames: [{ frame: 1, step: 20 }] }, gen), true);
  assert.deepEqual(d.timeline.frames.map((f) => f.frame), [1, 2]);
  d.clear();
  assert.equal(d.classes, null);
  assert.deepEqual(d.timeline.frames, []);
  assert.equal(d.mergeTimeline({ capacity: 300, frames: [{ frame: 1, step: 20 }] }, gen), false, 'fetched before the reset');
  assert.equal(d.images.header.frame, 2, 'the last picture stays until a new one comes');
});

test('run state: datasets from hello, progress per run', () => {
  let s = rs.onHello(rs.initialState(), { presets, datasets });
  assert.equal(s.datasets.length, 4);
  s = rs.attachRun(rs.addPanel(s, 'p1'), 'p1', { runId: 'r1', payload: { preset: 'mnist-dcgan', config: cfg('mnist') } });
  assert.equal(s.runs.r1.progress, null);
  s = rs.onServerMessage(s, { type: 'progress', runId: 'r1', payload: { task: 'classifier', message: 'training', fraction: 1.7, done: false } });
  assert.deepEqual(s.runs.r1.progress, { task: 'classifier', message: 'training', fraction: 1, done: false });
  s = rs.onServerMessage(s, { type: 'progress', runId: 'r1', payload: { task: 'classifier', message: 'ready', fraction: 1, done: true } });
  assert.equal(s.runs.r1.progress.done, true);
  assert.deepEqual(rs.onHello(rs.initialState(), {}).datasets, []);
});

import { CHART_SPECS, chartForFamily, pairChartSpecs } from '../../main/resources/webroot/charts/uplot-options.js';

test('charts: image runs get the image eval charts, 2D runs the grid and modes charts, both the training ones', () => {
  const keys = (family) => CHART_SPECS.filter((s) => chartForFamily(s, family)).map((s) => s.key);
  assert.deepEqual(keys('images'), ['loss', 'score', 'classes', 'klUniform', 'fcd', 'confidence', 'growth', 'grad']);
  assert.ok(CHART_SPECS.find((s) => s.key === 'growth').onlyWithData, 'the alpha chart only on ProGAN runs');
  assert.deepEqual(keys('points'), ['loss', 'score', 'div', 'modes', 'grad']);
  assert.equal(CHART_SPECS.find((s) => s.key === 'fcd').title, 'Fréchet classifier distance (not Inception FID)');
  assert.deepEqual(CHART_SPECS.find((s) => s.key === 'fcd').series.map((s) => s.name), ['images/fcd']);
  assert.ok(pairChartSpecs().every((s) => s.family !== 'images'), 'the A/B view stays 2D');
});
