package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.config.ReplayConfig;
import dev.ganplayground.nn.FloatVec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    /** n samples (x = base + i, y = -x) in a native vector. */
    private static FloatVec samples(int n, float base) {
        FloatVec v = FloatVec.allocate(2 * n);
        for (int i = 0; i < n; i++) {
            v.set(2 * i, base + i);
            v.set(2 * i + 1, -(base + i));
        }
        return v;
    }

    private static int differing(float[] a, float[] b) {
        int d = 0;
        for (int i = 0; i < a.length / 2; i++) {
            if (a[2 * i] != b[2 * i] || a[2 * i + 1] != b[2 * i + 1]) {
                d++;
            }
        }
        return d;
    }

    @Test
    @DisplayName("the buffer never holds more than its size; it appends while filling")
    void sizeBound() {
        ReplayBuffer r = new ReplayBuffer(new SplittableRandom(1), new ReplayConfig(true, 16, 0.5), 2);
        try (FloatVec v = samples(10, 0f)) {
            r.store(v, 0, 10);
            assertThat(r.filled()).isEqualTo(10);
            assertThat(r.contents()).startsWith(0f, -0f, 1f, -1f);
            for (int i = 0; i < 5; i++) {
                r.store(v, 0, 10);
            }
            assertThat(r.filled()).isEqualTo(16);
            assertThat(r.contents()).hasSize(32);
        }
    }

    @Test
    @DisplayName("round(fraction * fakes) samples are replayed, and only once the buffer holds that many")
    void mixRatio() {
        ReplayBuffer r = new ReplayBuffer(new SplittableRandom(2), new ReplayConfig(true, 100, 0.25), 2);
        assertThat(r.replayCount(40)).isZero();
        assertThat(r.storeCount(40)).isEqualTo(10);
        try (FloatVec v = samples(10, 0f); FloatVec dst = FloatVec.allocate(80)) {
            r.store(v, 0, 9);
            assertThat(r.replayCount(40)).isZero();
            r.store(v, 9, 1);
            assertThat(r.replayCount(40)).isEqualTo(10);
            assertThat(r.replayCount(42)).isZero(); // round(10.5) = 11 wanted, only 10 stored
            dst.fill(99f);
            r.draw(dst, 5, 10);
            float[] out = dst.toArray();
            for (int i = 0; i < 40; i++) {
                boolean replayed = i >= 5 && i < 15;
                assertThat(out[2 * i] != 99f).as("sample %d replayed", i).isEqualTo(replayed);
                if (replayed) {
                    assertThat(out[2 * i]).isBetween(0f, 9f);
                    assertThat(out[2 * i + 1]).isEqualTo(-out[2 * i]);
                }
            }
        }
        r.configure(new ReplayConfig(true, 100, 0.0));
        assertThat(r.replayCount(40)).isZero();
        assertThat(r.storeCount(40)).isZero();
    }

    @Test
    @DisplayName("once full, each store replaces exactly k distinct random entries")
    void replacement() {
        ReplayBuffer r = new ReplayBuffer(new SplittableRandom(3), new ReplayConfig(true, 20, 0.5), 2);
        try (FloatVec init = samples(20, 0f)) {
            r.store(init, 0, 20);
            float[] before = r.contents();
            for (int step = 1; step <= 3; step++) {
                try (FloatVec fresh = samples(5, 100f * step)) {
                    float[] prev = r.contents();
                    r.store(fresh, 0, 5);
                    assertThat(differing(prev, r.contents())).isEqualTo(5);
                }
            }
            int changed = differing(before, r.contents());
            // 15 writes over 20 entries; later writes may hit entries written earlier.
            assertThat(changed).isBetween(5, 15);
            assertThat(r.filled()).isEqualTo(20);
        }
    }

    @Test
    @DisplayName("the same seed gives the same contents and draws; another seed does not")
    void determinism() {
        float[][] a = run(7);
        float[][] b = run(7);
        float[][] c = run(8);
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(a[1]).isEqualTo(b[1]);
        assertThat(a[0]).isNotEqualTo(c[0]);
    }

    private static float[][] run(long seed) {
        ReplayBuffer r = new ReplayBuffer(new SplittableRandom(seed), new ReplayConfig(true, 32, 0.5), 2);
        try (FloatVec dst = FloatVec.allocate(64)) {
            for (int step = 0; step < 10; step++) {
                try (FloatVec fresh = samples(16, 16f * step)) {
                    if (r.replayCount(32) > 0) {
                        r.draw(dst, 0, r.replayCount(32));
                    }
                    r.store(fresh, 0, r.storeCount(32));
                }
            }
            return new float[][]{r.contents(), dst.toArray()};
        }
    }

    @Test
    @DisplayName("resizing keeps what fits, disabling empties, re-enabling starts empty")
    void liveChanges() {
        ReplayBuffer r = new ReplayBuffer(new SplittableRandom(4), new ReplayConfig(true, 16, 0.5), 2);
        try (FloatVec v = samples(12, 0f)) {
            r.store(v, 0, 12);
            float[] all = r.contents();
            r.configure(new ReplayConfig(true, 8, 0.5));
            assertThat(r.capacity()).isEqualTo(8);
            assertThat(r.contents()).containsExactly(java.util.Arrays.copyOf(all, 16));
            r.configure(new ReplayConfig(true, 64, 0.5));
            assertThat(r.filled()).isEqualTo(8);
            assertThat(r.contents()).containsExactly(java.util.Arrays.copyOf(all, 16));
            r.configure(new ReplayConfig(true, 64, 1.0)); // fraction only: contents kept
            assertThat(r.filled()).isEqualTo(8);
            r.configure(new ReplayConfig(false, 64, 1.0));
            assertThat(r.enabled()).isFalse();
            assertThat(r.replayCount(10)).isZero();
            assertThat(r.storeCount(10)).isZero();
            r.configure(new ReplayConfig(true, 64, 1.0));
            assertThat(r.filled()).isZero();
        }
    }
}
