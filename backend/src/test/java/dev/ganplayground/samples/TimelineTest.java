package dev.ganplayground.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineTest {
    /** Frame n at step 10 n with n-dependent byte sizes. */
    static Timeline.Frame frame(long n) {
        return new Timeline.Frame(n, 10 * n, new byte[100 + (int) (n % 7)], new byte[20]);
    }

    private static long expectedBytes(Timeline t) {
        long sum = 0;
        for (Timeline.Entry e : t.list()) {
            sum += e.gridBytes() + e.walkBytes();
        }
        return sum;
    }

    @Test
    @DisplayName("below capacity every frame is kept, in order, with its metadata")
    void belowCapacity() {
        Timeline t = new Timeline(10);
        for (int n = 1; n <= 10; n++) {
            t.offer(frame(n));
        }
        assertThat(t.size()).isEqualTo(10);
        assertThat(t.list()).extracting(Timeline.Entry::frameNumber).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                8L, 9L, 10L);
        assertThat(t.list().get(2)).isEqualTo(new Timeline.Entry(3, 30, 103, 20));
        assertThat(t.get(4)).hasValueSatisfying(f -> assertThat(f.step()).isEqualTo(40));
        assertThat(t.get(11)).isEmpty();
        assertThat(t.latest()).hasValueSatisfying(f -> assertThat(f.frameNumber()).isEqualTo(10));
        assertThat(t.totalBytes()).isEqualTo(expectedBytes(t));
    }

    @Test
    @DisplayName("10,000 offers into 100: size bounded, first kept, evenly spaced, newest last, bytes exact")
    void farBeyondCapacity() {
        Timeline t = new Timeline(100);
        for (int n = 1; n <= 10_000; n++) {
            t.offer(frame(n));
            if (n % 997 == 0 || n > 9_990) {
                checkInvariants(t, n);
            }
        }
        assertThat(t.size()).isGreaterThanOrEqualTo(50); // thinning halves, never more
    }

    private static void checkInvariants(Timeline t, long newest) {
        List<Timeline.Entry> l = t.list();
        assertThat(l.size()).isLessThanOrEqualTo(100);
        assertThat(l.get(0).frameNumber()).isEqualTo(1);
        assertThat(l.get(l.size() - 1).frameNumber()).isEqualTo(newest);
        assertThat(t.get(newest)).isPresent();
        assertThat(t.latest()).hasValueSatisfying(f -> assertThat(f.frameNumber()).isEqualTo(newest));
        long minGap = Long.MAX_VALUE;
        long maxGap = 0;
        for (int i = 1; i < l.size() - 1; i++) { // all gaps but the tail's
            long gap = l.get(i).frameNumber() - l.get(i - 1).frameNumber();
            minGap = Math.min(minGap, gap);
            maxGap = Math.max(maxGap, gap);
        }
        assertThat(maxGap).isLessThanOrEqualTo(2 * minGap);
        long tail = newest - l.get(l.size() - 2).frameNumber();
        assertThat(tail).isBetween(1L, maxGap);
        assertThat(t.totalBytes()).isEqualTo(expectedBytes(t));
        assertThat(t.frames()).extracting(Timeline.Frame::frameNumber)
                .containsExactlyElementsOf(l.stream().map(Timeline.Entry::frameNumber).toList());
    }

    @Test
    @DisplayName("every capacity from 3 to 12 keeps the invariants over 500 offers")
    void smallCapacities() {
        for (int cap = 3; cap <= 12; cap++) {
            Timeline t = new Timeline(cap);
            for (int n = 1; n <= 500; n++) {
                t.offer(frame(n));
                List<Timeline.Entry> l = t.list();
                assertThat(l.size()).isLessThanOrEqualTo(cap);
                assertThat(l.get(0).frameNumber()).isEqualTo(1);
                assertThat(l.get(l.size() - 1).frameNumber()).isEqualTo(n);
                assertThat(t.totalBytes()).isEqualTo(expectedBytes(t));
            }
        }
    }

    @Test
    @DisplayName("clear forgets everything and restarts dense")
    void clear() {
        Timeline t = new Timeline(5);
        for (int n = 1; n <= 50; n++) {
            t.offer(frame(n));
        }
        t.clear();
        assertThat(t.list()).isEmpty();
        assertThat(t.latest()).isEmpty();
        assertThat(t.totalBytes()).isZero();
        for (int n = 1; n <= 3; n++) {
            t.offer(frame(n));
        }
        assertThat(t.list()).extracting(Timeline.Entry::frameNumber).containsExactly(1L, 2L, 3L);
        assertThat(t.capacity()).isEqualTo(5);
    }

    @Test
    @DisplayName("a writer thread and reader threads together: no exception, the invariants hold")
    void concurrent() throws InterruptedException {
        Timeline t = new Timeline(20);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    List<Timeline.Entry> l = t.list();
                    if (l.size() > 20 || (!l.isEmpty() && l.get(0).frameNumber() != 1)) {
                        failures.incrementAndGet();
                    }
                    t.latest().ifPresent(f -> t.get(f.frameNumber()));
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int n = 1; n <= 5_000; n++) {
            t.offer(frame(n));
        }
        for (Thread r : readers) {
            r.join();
        }
        assertThat(failures).hasValue(0);
        assertThat(t.totalBytes()).isEqualTo(expectedBytes(t));
    }
}
