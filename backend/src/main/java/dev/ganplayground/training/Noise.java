package dev.ganplayground.training;

import dev.ganplayground.config.NoiseKind;
import dev.ganplayground.data.Gaussians;
import dev.ganplayground.nn.FloatVec;
import java.util.SplittableRandom;

/** The latent distribution: draws of z, and the quantile grid the manifold view maps through G. */
final class Noise {
    private Noise() {
    }

    /** Fills the first {@code count} floats of {@code z} with independent draws. */
    static void sample(NoiseKind kind, SplittableRandom rng, FloatVec z, int count) {
        if (kind == NoiseKind.GAUSSIAN) {
            for (int i = 0; i < count; i++) {
                z.set(i, (float) Gaussians.next(rng));
            }
        } else {
            for (int i = 0; i < count; i++) {
                z.set(i, (float) (rng.nextDouble() * 2 - 1));
            }
        }
    }

    /** Same draws onto the heap (the fixed visual batch). */
    static float[] sample(NoiseKind kind, SplittableRandom rng, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) (kind == NoiseKind.GAUSSIAN ? Gaussians.next(rng) : rng.nextDouble() * 2 - 1);
        }
        return out;
    }

    /**
     * The i-th of m grid positions: the quantile at (i + 0.5)/m, so each cell holds equal probability mass (for
     * the uniform noise these are simply the cell centres of [-1, 1]).
     */
    static double gridValue(NoiseKind kind, int i, int m) {
        double p = (i + 0.5) / m;
        return kind == NoiseKind.GAUSSIAN ? normalQuantile(p) : 2 * p - 1;
    }

    /**
     * Inverse of the standard normal CDF, by Acklam's rational approximation (relative error below 1.2e-9),
     * ample for placing grid lines.
     */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), found " + p);
        }
        final double pLow = 0.02425;
        if (p < pLow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return tail(q);
        }
        if (p > 1 - pLow) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -tail(q);
        }
        double q = p - 0.5;
        double r = q * q;
        double num = ((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00;
        double den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1;
        return q * num / den;
    }

    private static double tail(double q) {
        double num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00;
        double den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1;
        return num / den;
    }
}
