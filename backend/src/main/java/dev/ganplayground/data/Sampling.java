package dev.ganplayground.data;

import java.util.SplittableRandom;

/** Argument checks shared by the {@link PointDistribution#sample} implementations. */
final class Sampling {
    private Sampling() {
    }

    static void checkArgs(SplittableRandom rng, float[] out, int offset, int n) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        if (offset < 0 || (long) offset + 2L * n > out.length) {
            throw new IllegalArgumentException("offset " + offset + " + 2 * n (" + n + ") must fit in out (length "
                    + out.length + ")");
        }
    }

    static double checkSpread(double spread) {
        if (!(spread >= 0) || !Double.isFinite(spread)) {
            throw new IllegalArgumentException("spread must be finite and >= 0, found " + spread);
        }
        return spread;
    }

    /** A square centred on the origin with half-width {@code half}. */
    static Bounds square(double half) {
        return new Bounds(-half, half, -half, half);
    }
}
