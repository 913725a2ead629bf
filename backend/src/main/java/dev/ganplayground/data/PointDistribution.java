package dev.ganplayground.data;

import java.util.SplittableRandom;

/**
 * A real 2D distribution: something to sample from, its modes (for coverage metrics) and the part of the plane
 * worth showing. Implementations are immutable and safe to share; randomness comes only from the caller's rng,
 * so the same seed gives the same samples.
 */
public interface PointDistribution {
    /** Writes {@code n} points into {@code out[offset .. offset + 2n)} as x, y pairs. */
    void sample(SplittableRandom rng, float[] out, int offset, int n);

    /** Mode centres as x0, y0, x1, y1, ...; empty (the default) when the distribution has no discrete modes. */
    default float[] modeCentres() {
        return new float[0];
    }

    /** Standard deviation of every mode (the 3-sigma high-quality test); NaN (the default) when there are none. */
    default double modeSigma() {
        return Double.NaN;
    }

    /** The rectangle the plane views show. */
    Bounds bounds();

    default int modeCount() {
        return modeCentres().length / 2;
    }
}
