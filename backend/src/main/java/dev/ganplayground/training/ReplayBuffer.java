package dev.ganplayground.training;

import dev.ganplayground.config.ReplayConfig;
import dev.ganplayground.nn.FloatVec;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Experience replay of generator outputs (Shrivastava et al. 2017, SimGAN section 2.3; CycleGAN's image pool): D
 * is also shown fakes from G's past, so G cannot escape by hopping to a mode D has just forgotten about.
 *
 * <p>Per D update with {@code n} fake samples: {@link #replayCount} says how many k = round(fraction * n) of them
 * come from the buffer (0 until the buffer holds min(k, capacity) samples; fresh fakes until then), {@link #draw}
 * copies k samples drawn uniformly with replacement, and {@link #store} writes min(k, capacity) of the step's fresh
 * fakes: appended while the buffer fills, afterwards over distinct random entries (SimGAN replaces b/2 random
 * entries per step). Distinct entries come from a partial Fisher-Yates shuffle of a persistent permutation, so a
 * store changes exactly that many entries and allocates nothing.
 *
 * <p>Live: a size change keeps the first min(filled, size) samples; disabling empties the buffer (re-enabling
 * starts from fresh fakes rather than from stale ones); the fraction applies from the next step. Random choices
 * come from the buffer's own stream, split off the run seed, so the data and noise streams are not shifted.
 */
final class ReplayBuffer {
    private final SplittableRandom rng;
    /** Floats per sample (2 for points, C * H * W for images). */
    private final int width;
    private boolean enabled;
    private double fraction;
    private int capacity;
    private int filled;
    private float[] xy = new float[0];
    private int[] perm = new int[0];

    ReplayBuffer(SplittableRandom rng, ReplayConfig config, int width) {
        this.rng = rng;
        this.width = width;
        configure(config);
    }

    /** Applies a live change (between ticks only: it may allocate). */
    void configure(ReplayConfig c) {
        fraction = c.fraction();
        if (!c.enabled()) {
            enabled = false;
            filled = 0;
            capacity = 0;
            xy = new float[0];
            perm = new int[0];
            return;
        }
        if (!enabled || c.size() != capacity) {
            int keep = Math.min(filled, c.size());
            float[] next = new float[width * c.size()];
            System.arraycopy(xy, 0, next, 0, width * keep);
            xy = next;
            perm = new int[c.size()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            capacity = c.size();
            filled = keep;
        }
        enabled = true;
    }

    boolean enabled() {
        return enabled;
    }

    int capacity() {
        return capacity;
    }

    int filled() {
        return filled;
    }

    /** Samples written per update: round(fraction * fakes), at most the capacity; 0 when off. */
    int storeCount(int fakes) {
        return enabled ? Math.min((int) Math.round(fraction * fakes), capacity) : 0;
    }

    /** How many of {@code fakes} samples this update takes from the buffer (0 while it holds too few). */
    int replayCount(int fakes) {
        if (!enabled) {
            return 0;
        }
        int k = (int) Math.round(fraction * fakes);
        return k > 0 && filled >= Math.min(k, capacity) ? k : 0;
    }

    /** Writes {@code count} samples drawn uniformly (with replacement) into {@code dst} from sample {@code at} on. */
    void draw(FloatVec dst, int at, int count) {
        FloatBuffer d = dst.buffer();
        for (int i = 0; i < count; i++) {
            int e = rng.nextInt(filled);
            d.put(width * (at + i), xy, width * e, width);
        }
    }

    /** Stores samples [from, from + count) of {@code src}; count at most the capacity. */
    void store(FloatVec src, int from, int count) {
        FloatBuffer s = src.buffer();
        int replaced = 0;
        for (int i = 0; i < count; i++) {
            int e;
            if (filled < capacity) {
                e = filled++;
            } else {
                // perm[0..replaced) are this call's entries already; pick the next among the rest (Fisher-Yates).
                int r = replaced + rng.nextInt(capacity - replaced);
                int tmp = perm[replaced];
                perm[replaced] = perm[r];
                perm[r] = tmp;
                e = perm[replaced++];
            }
            s.get(width * (from + i), xy, width * e, width);
        }
    }

    /** A copy of the stored samples, one after another (tests). */
    float[] contents() {
        return java.util.Arrays.copyOf(xy, width * filled);
    }
}
