package dev.ganplayground.metrics;

import dev.ganplayground.nn.NativeRuntime;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Frechet (2-Wasserstein) distance between two Gaussians, d^2 = ||mu1 - mu2||^2 + Tr(S1 + S2 - 2 (S1 S2)^{1/2})
 * (Dowson and Landau 1982; the formula behind Heusel et al. 2017's FID). The trace of the matrix square root is
 * computed as Tr sqrt(S1^{1/2} S2 S1^{1/2}), which has the same eigenvalues as S1 S2 but is symmetric positive
 * semi-definite, so two symmetric eigen-decompositions in double precision (LAPACK dsyev through ND4J) suffice and
 * no complex square root appears. Eigenvalues that rounding pushes below zero count as zero.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /**
     * The squared Frechet distance between the two Gaussians (>= 0; what FID reports); NaN when either has a
     * non-finite value (images from a diverged generator), rather than handing NaNs to LAPACK.
     */
    public static double between(GaussianStats a, GaussianStats b) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("dimensions differ: " + a.dim() + " vs " + b.dim());
        }
        if (!allFinite(a) || !allFinite(b)) {
            return Double.NaN;
        }
        int d = a.dim();
        double[] ma = a.mean();
        double[] mb = b.mean();
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double diff = ma[j] - mb[j];
            meanTerm += diff * diff;
        }
        double[] ca = a.cov();
        double[] cb = b.cov();
        double traces = 0;
        for (int j = 0; j < d; j++) {
            traces += ca[j * d + j] + cb[j * d + j];
        }
        NativeRuntime.init();
        INDArray s1 = matrix(ca, d);
        INDArray s2 = matrix(cb, d);
        INDArray root = sqrtPsd(s1);
        INDArray m = root.mmul(s2).mmul(root);
        symmetrise(m);
        double[] eig = eigenvalues(m, false).toDoubleVector();
        double traceSqrt = 0;
        for (double v : eig) {
            traceSqrt += Math.sqrt(Math.max(v, 0));
        }
        return Math.max(0, meanTerm + traces - 2 * traceSqrt);
    }

    /** The symmetric PSD square root V diag(sqrt(max(l, 0))) V^T of a symmetric matrix (for tests and callers). */
    static INDArray sqrtPsd(INDArray s) {
        INDArray vectors = s.dup('c');
        double[] values = eigenvalues(vectors, true).toDoubleVector();
        // LAPACK returns the eigenvectors as the columns of the overwritten matrix.
        INDArray scaled = vectors.dup('c');
        for (int j = 0; j < values.length; j++) {
            scaled.getColumn(j).muli(Math.sqrt(Math.max(values[j], 0)));
        }
        return scaled.mmul(vectors.transpose());
    }

    private static boolean allFinite(GaussianStats g) {
        for (double v : g.mean()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (double v : g.cov()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static INDArray matrix(double[] rowMajor, int d) {
        return Nd4j.create(rowMajor, new long[] {d, d}, DataType.DOUBLE);
    }

    /** Eigenvalues of symmetric {@code m}; with {@code vectors}, m is overwritten with the eigenvectors. */
    private static INDArray eigenvalues(INDArray m, boolean vectors) {
        return Eigen.symmetricGeneralizedEigenvalues(vectors ? m : m.dup('c'), vectors);
    }

    /** (M + M^T) / 2 in place: products of symmetric matrices are symmetric only up to rounding. */
    private static void symmetrise(INDArray m) {
        m.addi(m.transpose().dup()).muli(0.5);
    }
}
