package dev.ganplayground.metrics;

import java.util.Arrays;

/**
 * Counts of values in equal bins over [lo, hi]: e.g. the sparse autoencoder's mean unit activations against the
 * target rho, or per-input reconstruction errors. Values outside the range count in the first or last bin (so
 * every finite value is counted); NaN and infinite values are skipped and counted apart. Immutable.
 *
 * @param lo      left edge of the first bin
 * @param hi      right edge of the last bin
 * @param counts  values per bin
 * @param skipped non-finite values left out
 */
public record Histogram(double lo, double hi, int[] counts, int skipped) {
    public Histogram {
        if (!(lo < hi) || counts.length < 1) {
            throw new IllegalArgumentException("need lo < hi and at least one bin, found [" + lo + ", " + hi + "] and "
                    + counts.length + " bins");
        }
        counts = counts.clone();
    }

    /** The histogram of {@code values} in {@code bins} equal bins over [lo, hi]. */
    public static Histogram of(double[] values, int bins, double lo, double hi) {
        if (bins < 1 || !(lo < hi)) {
            throw new IllegalArgumentException("need bins >= 1 and lo < hi, found " + bins + ", [" + lo + ", " + hi
                    + "]");
        }
        int[] counts = new int[bins];
        int skipped = 0;
        double width = (hi - lo) / bins;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                skipped++;
                continue;
            }
            int bin = (int) Math.floor((v - lo) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(lo, hi, counts, skipped);
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Centre of bin {@code i}. */
    public double centre(int i) {
        return lo + (i + 0.5) * (hi - lo) / counts.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && lo == h.lo && hi == h.hi && skipped == h.skipped
                && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(lo) + 7 * Double.hashCode(hi);
    }

    @Override
    public String toString() {
        return "Histogram[" + lo + ", " + hi + "; " + Arrays.toString(counts) + ", skipped=" + skipped + "]";
    }
}
