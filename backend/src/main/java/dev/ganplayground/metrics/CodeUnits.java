package dev.ganplayground.metrics;

import java.util.Arrays;

/**
 * Per-unit statistics of a batch of codes (n x c, row-major): each coding unit's mean, minimum and maximum over the
 * batch. A unit whose value barely changes from input to input carries no information about the input: "dead"
 * (a ReLU or sigmoid stuck near 0) or saturated (a sigmoid stuck near 1); the sparse autoencoder's histogram is the
 * means, and an overcomplete autoencoder's unused capacity shows as its fraction of such inactive units.
 *
 * @param min  each unit's smallest value over the batch
 * @param max  each unit's largest value
 * @param mean each unit's mean value
 */
public record CodeUnits(double[] min, double[] max, double[] mean) {
    /**
     * A unit counts as inactive by default when its range over the batch is below this: about 1/500 of a [0, 1]
     * activation's range, far below what carries any signal after a decoder's weights.
     */
    public static final double DEFAULT_TOLERANCE = 2e-3;

    public CodeUnits {
        if (min.length != max.length || min.length != mean.length) {
            throw new IllegalArgumentException("min, max and mean must have one value per unit");
        }
        min = min.clone();
        max = max.clone();
        mean = mean.clone();
    }

    /** Summarises {@code n >= 1} codes of {@code c} units stored one after another in {@code codes}. */
    public static CodeUnits of(float[] codes, int n, int c) {
        if (n < 1 || c < 1 || (long) n * c > codes.length) {
            throw new IllegalArgumentException("need n >= 1 codes of c >= 1 units in codes (length " + codes.length
                    + "), found n = " + n + ", c = " + c);
        }
        double[] min = new double[c];
        double[] max = new double[c];
        double[] mean = new double[c];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < c; u++) {
                double v = codes[i * c + u];
                min[u] = Math.min(min[u], v);
                max[u] = Math.max(max[u], v);
                mean[u] += v;
            }
        }
        for (int u = 0; u < c; u++) {
            mean[u] /= n;
        }
        return new CodeUnits(min, max, mean);
    }

    /** Number of units. */
    public int units() {
        return mean.length;
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Fraction of units whose range (max - min) over the batch is at most {@code tolerance}, in [0, 1]. */
    public double inactiveFraction(double tolerance) {
        int count = 0;
        for (int u = 0; u < mean.length; u++) {
            if (max[u] - min[u] <= tolerance) {
                count++;
            }
        }
        return (double) count / mean.length;
    }

    /** {@link #inactiveFraction(double)} with {@link #DEFAULT_TOLERANCE}. */
    public double inactiveFraction() {
        return inactiveFraction(DEFAULT_TOLERANCE);
    }

    /**
     * Fraction of units whose mean is at or below {@code low} ("off": dead ReLUs, sparse units never firing) or at
     * or above {@code high} ("always on": saturated sigmoids), in [0, 1].
     */
    public double offOrOnFraction(double low, double high) {
        int count = 0;
        for (double m : mean) {
            if (m <= low || m >= high) {
                count++;
            }
        }
        return (double) count / mean.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeUnits u && Arrays.equals(min, u.min) && Arrays.equals(max, u.max)
                && Arrays.equals(mean, u.mean);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "CodeUnits[units=" + mean.length + ", inactive=" + inactiveFraction() + "]";
    }
}
