package dev.ganplayground.metrics;

import java.util.Arrays;

/**
 * Mean and covariance of a set of feature vectors, in double precision: the Gaussian that a Frechet distance
 * compares.
 *
 * @param dim  features per vector
 * @param mean {@code dim} values
 * @param cov  {@code dim * dim} values, row-major, symmetric; the unbiased (n - 1) estimate
 * @param n    how many vectors were summarised
 */
public record GaussianStats(int dim, double[] mean, double[] cov, int n) {
    public GaussianStats {
        if (dim < 1 || mean.length != dim || cov.length != dim * dim) {
            throw new IllegalArgumentException("need dim >= 1, mean of dim values and cov of dim^2 values; found dim "
                    + dim + ", " + mean.length + " and " + cov.length);
        }
        mean = mean.clone();
        cov = cov.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] cov() {
        return cov.clone();
    }

    /** Summarises {@code n >= 2} vectors stored one after another in {@code x[0 .. n * dim)}. */
    public static GaussianStats of(float[] x, int n, int dim) {
        if (n < 2 || (long) n * dim > x.length) {
            throw new IllegalArgumentException("need n >= 2 vectors of " + dim + " in x (length " + x.length
                    + "), found n = " + n);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += x[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        // Centre first (two passes), then accumulate the upper triangle: no cancellation from E[xx] - E[x]^2.
        double[] centred = new double[dim];
        double[] cov = new double[dim * dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                centred[j] = x[i * dim + j] - mean[j];
            }
            for (int a = 0; a < dim; a++) {
                double ca = centred[a];
                if (ca == 0) {
                    continue; // ReLU features are often exactly zero
                }
                int row = a * dim;
                for (int b = a; b < dim; b++) {
                    cov[row + b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                double v = cov[a * dim + b] / (n - 1);
                cov[a * dim + b] = v;
                cov[b * dim + a] = v;
            }
        }
        return new GaussianStats(dim, mean, cov, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianStats g && dim == g.dim && n == g.n && Arrays.equals(mean, g.mean)
                && Arrays.equals(cov, g.cov);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dim + n) + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "GaussianStats[dim=" + dim + ", n=" + n + "]";
    }
}
