package dev.ganplayground.metrics;

import dev.ganplayground.data.PointDistribution;
import java.util.Arrays;

/**
 * Mode coverage of generated 2D points against a mixture's modes, with PacGAN's definitions
 * (shared/REFERENCES.md 3.1): each sample goes to its nearest mode by Euclidean distance divided by the mode sigma
 * (the diagonal Mahalanobis distance of isotropic modes; ties go to the lower mode index) and is high quality (HQ)
 * if that distance is strictly below 3.
 *
 * @param captured   modes with at least one HQ sample (PacGAN "modes captured")
 * @param covered    modes whose HQ samples are at least 1% of ALL samples (and at least one): {@code 100 * count >= n}
 * @param hqFraction HQ samples / all samples; 0 when there are no samples
 * @param reverseKl  KL(p || uniform over the K modes), natural log, where p is the histogram of HQ samples per mode
 *                   normalised over the HQ samples only (non-HQ samples are ignored, as in PacGAN's mode
 *                   histogram); when there is no HQ sample it is log K, the value of total collapse onto one mode
 * @param counts     HQ samples per mode, in {@link PointDistribution#modeCentres()} order
 */
public record ModeCoverage(int captured, int covered, double hqFraction, double reverseKl, int[] counts) {
    /** PacGAN's {@code dis_thre}: HQ means within 3 sigma of the nearest mode. */
    public static final double HQ_SIGMAS = 3.0;

    public ModeCoverage {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int modeCount() {
        return counts.length;
    }

    /** Evaluates {@code n} points stored as x, y pairs in {@code xy[0 .. 2n)} against {@code dist}'s modes. */
    public static ModeCoverage evaluate(PointDistribution dist, float[] xy, int n) {
        if (dist == null) {
            throw new IllegalArgumentException("dist must not be null");
        }
        return evaluate(dist.modeCentres(), dist.modeSigma(), xy, n);
    }

    /**
     * @param centres mode centres as x0, y0, x1, y1, ...; non-empty, even length
     * @param sigma   the modes' standard deviation, finite and {@code > 0}
     * @param xy      samples as x, y pairs; non-finite samples are never HQ
     * @param n       number of samples read from {@code xy[0 .. 2n)}, {@code >= 0}
     */
    public static ModeCoverage evaluate(float[] centres, double sigma, float[] xy, int n) {
        if (centres == null || centres.length == 0 || centres.length % 2 != 0) {
            throw new IllegalArgumentException("centres must be non-empty x,y pairs, found "
                    + (centres == null ? "null" : centres.length + " values"));
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, found " + sigma);
        }
        if (xy == null) {
            throw new IllegalArgumentException("xy must not be null");
        }
        if (n < 0 || 2L * n > xy.length) {
            throw new IllegalArgumentException("n must be in [0, xy.length / 2 = " + xy.length / 2 + "], found " + n);
        }
        int k = centres.length / 2;
        int[] counts = new int[k];
        // Compare squared distances to (3 sigma)^2: no square roots per mode.
        double limit = HQ_SIGMAS * sigma * HQ_SIGMAS * sigma;
        int hq = 0;
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            int best = -1;
            double bestD2 = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                double dx = x - centres[2 * m];
                double dy = y - centres[2 * m + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 < bestD2) {
                    bestD2 = d2;
                    best = m;
                }
            }
            if (best >= 0 && bestD2 < limit) {
                counts[best]++;
                hq++;
            }
        }
        int captured = 0;
        int covered = 0;
        for (int c : counts) {
            if (c > 0) {
                captured++;
                if (100L * c >= n) {
                    covered++;
                }
            }
        }
        return new ModeCoverage(captured, covered, n == 0 ? 0.0 : (double) hq / n, reverseKl(counts, hq), counts);
    }

    /** KL(counts / hq || uniform), natural log, 0 log 0 = 0; log K when hq is 0. */
    static double reverseKl(int[] counts, int hq) {
        int k = counts.length;
        if (hq == 0) {
            return Math.log(k);
        }
        double kl = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / hq;
                kl += p * Math.log(p * k);
            }
        }
        return Math.max(0.0, kl); // rounding can leave -1e-16 for a perfectly uniform histogram
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeCoverage r && captured == r.captured && covered == r.covered
                && Double.compare(hqFraction, r.hqFraction) == 0 && Double.compare(reverseKl, r.reverseKl) == 0
                && Arrays.equals(counts, r.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(reverseKl) + captured;
    }

    @Override
    public String toString() {
        return "ModeCoverage[captured=" + captured + ", covered=" + covered + ", hqFraction=" + hqFraction
                + ", reverseKl=" + reverseKl + ", counts=" + Arrays.toString(counts) + "]";
    }
}
