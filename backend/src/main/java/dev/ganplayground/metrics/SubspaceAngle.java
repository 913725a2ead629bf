package dev.ganplayground.metrics;

import dev.ganplayground.nn.NativeRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal angles between two subspaces of R^d, each given as the span of the columns of a d x k row-major matrix
 * (not necessarily orthonormal: a linear autoencoder's decoder weights, PCA's top-k basis). The columns are
 * orthonormalised by modified Gram-Schmidt (twice, for float input that is nearly dependent), dropping columns that
 * add no new direction; the angles' cosines are then the singular values of Qa^T Qb and their sines those of
 * (I - Qa Qa^T) Qb (Bjorck and Golub 1973). Both come from small symmetric eigenproblems (LAPACK through ND4J), and
 * each angle is atan2(sine, cosine): accurate for small angles (where acos of a cosine near 1 is not) and large ones.
 */
public final class SubspaceAngle {
    /** A column whose part orthogonal to the earlier ones is below this fraction of the largest column is dropped. */
    static final double RANK_TOLERANCE = 1e-6;

    private SubspaceAngle() {
    }

    /**
     * The largest principal angle in degrees between span(a) and span(b), in [0, 90]: 0 when the spans are equal,
     * 90 when some direction of one is orthogonal to the other. When the spans have different dimensions (after
     * dropping dependent columns, e.g. a decoder that collapsed two code units into one direction) the answer is
     * 90: the larger span has a direction the smaller one lacks entirely; that is the point of the measure, which
     * asks whether a decoder spans PCA's subspace, so a lower-rank decoder is never reported as a match.
     *
     * @param a  d x ka row-major
     * @param b  d x kb row-major
     */
    public static double largestDegrees(float[] a, float[] b, int d, int ka, int kb) {
        List<double[]> qa = orthonormalColumns(a, d, ka);
        List<double[]> qb = orthonormalColumns(b, d, kb);
        if (qa.size() != qb.size()) {
            return 90;
        }
        double[] angles = anglesDegrees(qa, qb);
        return angles.length == 0 ? 0 : angles[angles.length - 1];
    }

    /** {@link #largestDegrees(float[], float[], int, int, int)} for two matrices with the same number of columns. */
    public static double largestDegrees(float[] a, float[] b, int d, int k) {
        return largestDegrees(a, b, d, k, k);
    }

    /**
     * All min(rank a, rank b) principal angles in degrees, smallest first (the usual definition for spans of
     * different dimensions).
     */
    public static double[] principalAnglesDegrees(float[] a, float[] b, int d, int ka, int kb) {
        return anglesDegrees(orthonormalColumns(a, d, ka), orthonormalColumns(b, d, kb));
    }

    /** The rank of the d x k row-major matrix {@code a} as this class judges it (see {@link #RANK_TOLERANCE}). */
    public static int rank(float[] a, int d, int k) {
        return orthonormalColumns(a, d, k).size();
    }

    private static double[] anglesDegrees(List<double[]> qa, List<double[]> qb) {
        // Measure the smaller span against the larger: each of its directions has one angle.
        List<double[]> big = qa.size() >= qb.size() ? qa : qb;
        List<double[]> small = qa.size() >= qb.size() ? qb : qa;
        int r = small.size();
        if (r == 0) {
            return new double[0];
        }
        double[][] residual = new double[r][];
        double[][] cosines = new double[big.size()][r]; // M = Qbig^T Qsmall
        for (int j = 0; j < r; j++) {
            double[] res = small.get(j).clone();
            for (int i = 0; i < big.size(); i++) {
                double dot = dot(big.get(i), small.get(j));
                cosines[i][j] = dot;
                axpy(-dot, big.get(i), res);
            }
            residual[j] = res;
        }
        double[] cos2 = new double[r * r]; // M^T M: squared cosines as eigenvalues
        double[] sin2 = new double[r * r]; // R^T R: squared sines
        for (int p = 0; p < r; p++) {
            for (int q = p; q < r; q++) {
                double c = 0;
                for (double[] row : cosines) {
                    c += row[p] * row[q];
                }
                double s = dot(residual[p], residual[q]);
                cos2[p * r + q] = cos2[q * r + p] = c;
                sin2[p * r + q] = sin2[q * r + p] = s;
            }
        }
        double[] c2 = symmetricEigenvalues(cos2, r); // ascending: largest angle first
        double[] s2 = symmetricEigenvalues(sin2, r); // ascending: smallest angle first
        double[] angles = new double[r];
        for (int i = 0; i < r; i++) {
            double cos = Math.sqrt(Math.max(0, c2[r - 1 - i]));
            double sin = Math.sqrt(Math.max(0, s2[i]));
            angles[i] = Math.toDegrees(Math.atan2(sin, cos));
        }
        Arrays.sort(angles);
        return angles;
    }

    /** Orthonormal columns spanning those of the d x k row-major {@code m}, dependent ones dropped. */
    static List<double[]> orthonormalColumns(float[] m, int d, int k) {
        if (d < 1 || k < 0 || (long) d * k > m.length) {
            throw new IllegalArgumentException("need a d x k matrix with d >= 1, found d = " + d + ", k = " + k
                    + " for " + m.length + " values");
        }
        double largest = 0;
        double[][] columns = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                columns[c][j] = m[j * k + c];
            }
            largest = Math.max(largest, Math.sqrt(dot(columns[c], columns[c])));
        }
        List<double[]> q = new ArrayList<>();
        if (!(largest > 0) || !Double.isFinite(largest)) {
            return q; // all zero (or not finite): spans nothing we can measure
        }
        for (double[] v : columns) {
            for (int pass = 0; pass < 2; pass++) {
                for (double[] u : q) {
                    axpy(-dot(u, v), u, v);
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm > RANK_TOLERANCE * largest) {
                for (int j = 0; j < d; j++) {
                    v[j] /= norm;
                }
                q.add(v);
            }
        }
        return q;
    }

    private static double[] symmetricEigenvalues(double[] rowMajor, int r) {
        if (r == 1) {
            return new double[] {rowMajor[0]};
        }
        NativeRuntime.init();
        return Eigen.symmetricGeneralizedEigenvalues(Nd4j.create(rowMajor, new long[] {r, r}, DataType.DOUBLE), false)
                .toDoubleVector();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
