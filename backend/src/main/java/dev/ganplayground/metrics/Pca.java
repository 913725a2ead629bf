package dev.ganplayground.metrics;

import dev.ganplayground.nn.Blas;
import dev.ganplayground.nn.FloatVec;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact principal component analysis of n points in d dimensions: the yardstick a linear autoencoder is measured
 * against. The covariance is formed by one sgemm over the centred data (X^T X / n) and decomposed by LAPACK's
 * symmetric eigensolver (dsyev through ND4J) in double precision; on MNIST (10,000 x 784) this takes about a second
 * on one core, so callers compute it once per dataset (see {@link PcaCache}).
 *
 * <p>Covariance here is the <em>population</em> one (divided by n, not n - 1), so that the optimal rank-k
 * reconstruction error of the fitted points is exactly {@code sum of the discarded eigenvalues / d}: the mean
 * squared error over all n * d values, the convention the autoencoder trainers report (Eckart-Young-Mirsky; e.g.
 * Hastie, Tibshirani and Friedman, "Elements of Statistical Learning", section 14.5.1). Immutable.
 */
public final class Pca {
    private final int dim;
    private final int samples;
    private final double[] mean;
    private final double[] eigenvalues;
    private final double[][] components;

    private Pca(int dim, int samples, double[] mean, double[] eigenvalues, double[][] components) {
        this.dim = dim;
        this.samples = samples;
        this.mean = mean;
        this.eigenvalues = eigenvalues;
        this.components = components;
    }

    /**
     * Fits the PCA of {@code n} points of {@code d} floats stored one after another in {@code x}, keeping the top
     * {@code k} components (all d eigenvalues are kept either way).
     */
    public static Pca fit(float[] x, int n, int d, int k) {
        if (n < 1 || d < 1 || (long) n * d > x.length) {
            throw new IllegalArgumentException("need n >= 1 points of d >= 1 floats in x (length " + x.length
                    + "), found n = " + n + ", d = " + d);
        }
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("k must be in [1, " + d + "], found " + k);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[row + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] cov = covariance(x, n, d, mean);
        INDArray m = Nd4j.create(cov, new long[] {d, d}, DataType.DOUBLE);
        // dsyev: eigenvalues ascending, m overwritten with the eigenvectors as its columns.
        double[] ascending = Eigen.symmetricGeneralizedEigenvalues(m, true).toDoubleVector();
        double[] values = new double[d];
        double[][] components = new double[k][];
        for (int i = 0; i < d; i++) {
            // Rounding can push the eigenvalues of a singular covariance slightly below zero.
            values[i] = Math.max(0, ascending[d - 1 - i]);
        }
        for (int c = 0; c < k; c++) {
            double[] v = m.getColumn(d - 1 - c).toDoubleVector();
            orient(v);
            components[c] = v;
        }
        return new Pca(d, n, mean, values, components);
    }

    /** (X - mean)^T (X - mean) / n by one sgemm over a centred float copy, returned symmetric in double. */
    private static double[] covariance(float[] x, int n, int d, double[] mean) {
        Blas.ensureLoaded();
        try (FloatVec centred = FloatVec.allocate(n * d); FloatVec cov = FloatVec.allocate(d * d)) {
            FloatBuffer buf = centred.buffer();
            float[] row = new float[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    row[j] = (float) (x[i * d + j] - mean[j]);
                }
                buf.put(i * d, row);
            }
            Blas.sgemm(true, false, d, d, n, 1f / n, centred, d, centred, d, 0f, cov, d);
            FloatBuffer c = cov.buffer();
            double[] out = new double[d * d];
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double v = 0.5 * ((double) c.get(a * d + b) + c.get(b * d + a));
                    out[a * d + b] = v;
                    out[b * d + a] = v;
                }
            }
            return out;
        }
    }

    /** Eigenvectors have no sign of their own: make the largest-magnitude entry positive so results are stable. */
    private static void orient(double[] v) {
        int arg = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[arg])) {
                arg = j;
            }
        }
        if (v[arg] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    /** Floats per point. */
    public int dim() {
        return dim;
    }

    /** Number of components kept. */
    public int k() {
        return components.length;
    }

    /** Number of points fitted. */
    public int samples() {
        return samples;
    }

    /** The points' mean (d values). */
    public double[] mean() {
        return mean.clone();
    }

    /** All d eigenvalues of the (population) covariance, largest first, each >= 0: the variance along each axis. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Component {@code c} (0 = largest variance): a unit vector of d values, its largest entry positive. */
    public double[] component(int c) {
        return components[c].clone();
    }

    /**
     * The top-{@code k} components as the columns of a d x k row-major matrix: the same layout as
     * {@code Autoencoder.decoderBasis()}, so the two go straight into {@link SubspaceAngle#largestDegrees}.
     */
    public float[] basis(int k) {
        checkK(k);
        float[] out = new float[dim * k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                out[j * k + c] = (float) components[c][j];
            }
        }
        return out;
    }

    /** {@link #basis(int)} with every kept component. */
    public float[] basis() {
        return basis(k());
    }

    /**
     * The best mean squared error (over all values) that any rank-{@code k} affine reconstruction reaches on the
     * fitted points: sum of the eigenvalues past the first k, divided by d. Any k in [0, d] (0: the total
     * variance per value; d: 0).
     */
    public double optimalMse(int k) {
        if (k < 0 || k > dim) {
            throw new IllegalArgumentException("k must be in [0, " + dim + "], found " + k);
        }
        double sum = 0;
        for (int i = dim - 1; i >= k; i--) {
            sum += eigenvalues[i]; // smallest first: less rounding
        }
        return sum / dim;
    }

    /** Fraction of the total variance captured by the top {@code k} components, in [0, 1]. */
    public double explainedVariance(int k) {
        double total = optimalMse(0);
        return total == 0 ? 1 : 1 - optimalMse(k) / total;
    }

    /** The codes (x - mean) . component_c of {@code n} points on the top {@code k} components, n x k row-major. */
    public float[] project(float[] x, int n, int k) {
        checkK(k);
        float[] out = new float[n * k];
        double[] centred = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                centred[j] = x[i * dim + j] - mean[j];
            }
            for (int c = 0; c < k; c++) {
                double[] v = components[c];
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += centred[j] * v[j];
                }
                out[i * k + c] = (float) dot;
            }
        }
        return out;
    }

    /** The points for {@code n} codes of size {@code k}: mean + sum of code_c * component_c, n x d row-major. */
    public float[] lift(float[] codes, int n, int k) {
        checkK(k);
        float[] out = new float[n * dim];
        double[] point = new double[dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mean, 0, point, 0, dim);
            for (int c = 0; c < k; c++) {
                double code = codes[i * k + c];
                double[] v = components[c];
                for (int j = 0; j < dim; j++) {
                    point[j] += code * v[j];
                }
            }
            for (int j = 0; j < dim; j++) {
                out[i * dim + j] = (float) point[j];
            }
        }
        return out;
    }

    /**
     * PCA's rank-{@code k} reconstruction error (mean over all values) on any {@code n} points, e.g. a held-out
     * batch that an autoencoder's held-out error is compared with; on the fitted points it equals
     * {@link #optimalMse(int)} up to float rounding.
     */
    public double reconstructionMse(float[] x, int n, int k) {
        float[] back = lift(project(x, n, k), n, k);
        return Reconstruction.mse(x, back, n, dim);
    }

    private void checkK(int k) {
        if (k < 1 || k > components.length) {
            throw new IllegalArgumentException("k must be in [1, " + components.length + "] (components kept), found "
                    + k);
        }
    }

    @Override
    public String toString() {
        return "Pca[d=" + dim + ", n=" + samples + ", k=" + components.length + "]";
    }
}
