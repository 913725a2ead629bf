import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tl from '../../main/resources/webroot/app/timeline.js';

const list = (...frames) => ({ capacity: null, frames: frames.map((frame) => ({ frame, step: frame * 20 })) });
const numbers = (l) => l.frames.map((f) => f.frame);

test('live frames append in order; the same frame again replaces its step; a lower number starts over (reset)', () => {
  let l = tl.emptyTimeline();
  l = tl.appendFrame(l, { frame: 1, step: 20 });
  l = tl.appendFrame(l, { frame: 2, step: 40 });
  assert.deepEqual(numbers(l), [1, 2]);
  assert.equal(tl.appendFrame(l, { frame: 2, step: 40 }), l, 'a repeat changes nothing');
  assert.equal(tl.appendFrame(l, { frame: 2, step: 41 }).frames[1].step, 41);
  assert.deepEqual(tl.appendFrame(l, { frame: 1, step: 0 }).frames, [{ frame: 1, step: 0 }]);
});

test('merging keeps the server\'s kept frames and the live frames newer than its newest', () => {
  const local = list(1, 2, 3, 9, 10, 11);           // 4..8 were never seen here (joined late)
  const server = { capacity: 300, frames: list(1, 3, 5, 7, 9, 10).frames };   // thinned: 2 is gone
  const merged = tl.mergeTimeline(local, server);
  assert.deepEqual(numbers(merged), [1, 3, 5, 7, 9, 10, 11]);
  assert.equal(merged.capacity, 300);
  assert.deepEqual(numbers(tl.mergeTimeline(tl.emptyTimeline(), { capacity: 16, frames: [] })), []);
});

test('past the capacity the older frames are thinned evenly and the newest is always kept', () => {
  const frames = list(...Array.from({ length: 20 }, (_, i) => i + 1)).frames;
  const thinned = tl.thin(frames, 16);
  assert.ok(thinned.length <= 16);
  assert.equal(thinned.at(-1).frame, 20);
  assert.equal(thinned[0].frame, 1);
  let l = { capacity: 4, frames: list(1, 2, 3, 4).frames };
  l = tl.appendFrame(l, { frame: 5, step: 100 });
  assert.ok(l.frames.length <= 4);
  assert.equal(l.frames.at(-1).frame, 5);
});

test('scrubbing stays on its frame while live frames arrive; the newest position still shows that frame', () => {
  let l = list(1, 2, 3, 4);
  let cursor = tl.scrubTo(l, 1);
  assert.deepEqual(cursor, { mode: 'scrub', frame: 2 });
  l = tl.appendFrame(l, { frame: 5, step: 100 });
  assert.deepEqual(tl.shownEntry(cursor, l), { frame: 2, step: 40 });
  assert.equal(tl.scrubberIndex(cursor, l), 1);
  assert.equal(tl.scrubberIndex(tl.LIVE, l), 4);
  assert.equal(tl.shownEntry(tl.LIVE, l), null, 'live: the view shows the live frame');
  assert.deepEqual(tl.scrubTo(l, 99), { mode: 'scrub', frame: 5 });
  assert.equal(tl.scrubTo(tl.emptyTimeline(), 0), tl.LIVE);
  cursor = { mode: 'scrub', frame: 4 };
  assert.deepEqual(tl.shownEntry(cursor, { capacity: 4, frames: list(1, 3, 5).frames }), { frame: 3, step: 60 },
    'a frame thinned away shows its nearest older kept frame');
});

test('play runs from the cursor (or from the start when live) and ends live after the newest', () => {
  const l = list(1, 2, 3);
  let c = tl.play(tl.LIVE, l);
  assert.deepEqual(c, { mode: 'play', frame: 1 });
  c = tl.tick(c, l);
  assert.deepEqual(c, { mode: 'play', frame: 2 });
  assert.deepEqual(tl.pause(c), { mode: 'scrub', frame: 2 });
  assert.deepEqual(tl.play(tl.pause(c), l), { mode: 'play', frame: 2 }, 'resumes where it paused');
  c = tl.tick(tl.tick(c, l), l);
  assert.equal(c, tl.LIVE);
  assert.deepEqual(tl.play({ mode: 'scrub', frame: 3 }, l), { mode: 'play', frame: 1 }, 'at the newest: from the start');
  assert.equal(tl.play(tl.LIVE, list(1)), tl.LIVE, 'nothing to play');
  assert.equal(tl.tick({ mode: 'scrub', frame: 1 }, l).mode, 'scrub', 'tick only moves a playing cursor');
});

import { TimelineSync } from '../../main/resources/webroot/app/timeline-sync.js';
import { RunData } from '../../main/resources/webroot/app/run-data.js';

test('timeline sync: one request per run at a time, merged into the run data; an answer after a reset is dropped', async () => {
  let calls = 0;
  let release;
  const sync = new TimelineSync(() => { calls++; return new Promise((r) => { release = r; }); });
  const d = new RunData();
  d.setImages({ header: { frame: 9, step: 180 } });
  const first = sync.refresh(d, 'r1');
  const second = sync.refresh(d, 'r1');
  assert.equal(first, second, 'the second call shares the request under way');
  await new Promise((r) => setImmediate(r));
  release({ capacity: 300, frames: list(1, 5, 8).frames });
  assert.equal(await first, true);
  assert.equal(calls, 1);
  assert.deepEqual(numbers(d.timeline), [1, 5, 8, 9]);
  const stale = sync.refresh(d, 'r1');
  await new Promise((r) => setImmediate(r));
  d.clear();                                        // reset while the request was out
  release({ capacity: 300, frames: list(1, 5, 8, 9).frames });
  assert.equal(await stale, false);
  assert.deepEqual(d.timeline.frames, []);
  const failing = new TimelineSync(() => Promise.reject(new Error('HTTP 500')));
  const warn = console.warn;
  console.warn = () => {};
  try { assert.equal(await failing.refresh(d, 'r1'), false); } finally { console.warn = warn; }
  assert.equal(await sync.refresh(null, 'r1'), false);
});
