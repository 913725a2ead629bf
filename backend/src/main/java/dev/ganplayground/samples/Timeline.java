package dev.ganplayground.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample frames of one run, bounded and evenly thinned, for scrubbing back through training and for the
 * timeline movie. Written by the training thread, read by the event loop: methods are synchronized.
 *
 * <p>Every offered frame is kept until {@code capacity} is reached. Then every second kept frame is dropped and
 * from then on only every 2nd offered frame is kept (later every 4th, 8th, ...), so the kept frames stay evenly
 * spaced over the whole run, from the very first frame on; the gap doubles each time the list fills. The newest
 * frame is always kept too, as the last entry, even when the stride would skip it (a "latest" slot, replaced by
 * each offer that the stride skips). So the size never exceeds {@code capacity} and memory is bounded by capacity
 * times the largest frame ({@link #totalBytes()} shows it): a frame of an 8x8 grid of 28 px digits plus a
 * 10-image walk is about 17 KB of PNG (up to about 70 KB for pure noise), so 300 frames hold 5 to 21 MB.
 */
public final class Timeline {
    /**
     * One frame: the grid and walk PNGs, which must not be modified after offering (they are shared, not copied).
     *
     * @param frameNumber the run's frame counter
     * @param step        the training step it shows
     */
    public record Frame(long frameNumber, long step, byte[] gridPng, byte[] walkPng) {
        public int bytes() {
            return gridPng.length + walkPng.length;
        }

        public Entry entry() {
            return new Entry(frameNumber, step, gridPng.length, walkPng.length);
        }
    }

    /** What a client needs to list the timeline: no image bytes. */
    public record Entry(long frameNumber, long step, int gridBytes, int walkBytes) {
    }

    private final int capacity;
    /** Offers 0, stride, 2 stride, ... (counted from the last clear), oldest first. */
    private final List<Frame> strided = new ArrayList<>();
    private Frame latest;
    private long offers;
    private long stride = 1;
    private long totalBytes;

    /** @param capacity the most frames held, at least 3 (two strided ones and the latest) */
    public Timeline(int capacity) {
        if (capacity < 3) {
            throw new IllegalArgumentException("capacity must be >= 3, found " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void offer(Frame frame) {
        if (latest != null && !isLastStrided(latest)) {
            totalBytes -= latest.bytes(); // the old latest, skipped by the stride, is superseded
        }
        latest = frame;
        totalBytes += frame.bytes();
        if (offers++ % stride == 0) {
            strided.add(frame);
        }
        if (size() > capacity) {
            thin(); // halves the strided frames: capacity / 2 rounded up, plus the latest, fits again
        }
    }

    /** Index metadata of the held frames, oldest first, the newest last; an immutable copy. */
    public synchronized List<Entry> list() {
        List<Entry> out = new ArrayList<>(strided.size() + 1);
        for (Frame f : strided) {
            out.add(f.entry());
        }
        if (latest != null && !isLastStrided(latest)) {
            out.add(latest.entry());
        }
        return List.copyOf(out);
    }

    /** The held frame with this frame number, if any. */
    public synchronized Optional<Frame> get(long frameNumber) {
        if (latest != null && latest.frameNumber() == frameNumber) {
            return Optional.of(latest);
        }
        for (Frame f : strided) {
            if (f.frameNumber() == frameNumber) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The held frames themselves, oldest first, the newest last (for the movie). */
    public synchronized List<Frame> frames() {
        List<Frame> out = new ArrayList<>(strided);
        if (latest != null && !isLastStrided(latest)) {
            out.add(latest);
        }
        return List.copyOf(out);
    }

    public synchronized Optional<Frame> latest() {
        return Optional.ofNullable(latest);
    }

    public synchronized int size() {
        return strided.size() + (latest != null && !isLastStrided(latest) ? 1 : 0);
    }

    /** Bytes of PNG held, over all frames. */
    public synchronized long totalBytes() {
        return totalBytes;
    }

    public int capacity() {
        return capacity;
    }

    /** Forgets everything and starts over with stride 1 (on reset). */
    public synchronized void clear() {
        strided.clear();
        latest = null;
        offers = 0;
        stride = 1;
        totalBytes = 0;
    }

    private boolean isLastStrided(Frame f) {
        return !strided.isEmpty() && strided.get(strided.size() - 1) == f;
    }

    /** Keeps strided positions 0, 2, 4, ...: offers 0, 2 stride, 4 stride, ... so the new stride is 2 stride. */
    private void thin() {
        List<Frame> kept = new ArrayList<>(capacity);
        for (int i = 0; i < strided.size(); i++) {
            Frame f = strided.get(i);
            if (i % 2 == 0) {
                kept.add(f);
            } else if (f != latest) {
                totalBytes -= f.bytes(); // the latest, if dropped here, stays held in its slot
            }
        }
        strided.clear();
        strided.addAll(kept);
        stride *= 2;
    }
}
