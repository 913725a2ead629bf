package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FrechetDistanceTest {
    @Test
    @DisplayName("GaussianStats: mean and unbiased covariance of a hand-made set")
    void stats() {
        // (1, 2), (3, 2), (2, 5): mean (2, 3); deviations (-1,-1), (1,-1), (0,2): cov [[1, 0], [0, 3]].
        GaussianStats s = GaussianStats.of(new float[] {1, 2, 3, 2, 2, 5}, 3, 2);
        assertThat(s.mean()).containsExactly(2, 3);
        assertThat(s.cov()).containsExactly(1, 0, 0, 3);
    }

    @Test
    @DisplayName("identical Gaussians: distance ~0 (20-D, full covariance)")
    void identical() {
        GaussianStats g = randomStats(20, 400, 1);
        assertThat(FrechetDistance.between(g, g)).isCloseTo(0, within(1e-8));
    }

    @Test
    @DisplayName("1-D: (m1 - m2)^2 + (s1 - s2)^2")
    void oneDimensional() {
        GaussianStats a = new GaussianStats(1, new double[] {1.0}, new double[] {4.0}, 10);
        GaussianStats b = new GaussianStats(1, new double[] {-2.0}, new double[] {9.0}, 10);
        assertThat(FrechetDistance.between(a, b)).isCloseTo(9 + 1, within(1e-10));
    }

    @Test
    @DisplayName("diagonal: sum of (mu difference)^2 + (sqrt a - sqrt b)^2 per axis")
    void diagonal() {
        double[] va = {1, 4, 0.25};
        double[] vb = {9, 4, 1};
        GaussianStats a = new GaussianStats(3, new double[] {0, 1, 2}, diag(va), 10);
        GaussianStats b = new GaussianStats(3, new double[] {1, 1, 0}, diag(vb), 10);
        double expected = (1 + 0 + 4) + (4 + 0 + 0.25);
        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-10));
    }

    @Test
    @DisplayName("2-D, non-commuting covariances: Tr (S1 S2)^{1/2} from the closed-form 2x2 eigenvalues")
    void twoByTwo() {
        double[] s1 = {2, 1, 1, 2};
        double[] s2 = {1, 0, 0, 3};
        // S1 S2 = [[2, 3], [1, 6]]: trace 8, det 9; its eigenvalues are real and positive.
        double t = 8;
        double det = 9;
        double l1 = (t + Math.sqrt(t * t - 4 * det)) / 2;
        double l2 = (t - Math.sqrt(t * t - 4 * det)) / 2;
        double expected = (4 + 4) - 2 * (Math.sqrt(l1) + Math.sqrt(l2));
        GaussianStats a = new GaussianStats(2, new double[] {0, 0}, s1, 10);
        GaussianStats b = new GaussianStats(2, new double[] {0, 0}, s2, 10);
        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-10));
        assertThat(FrechetDistance.between(b, a)).isCloseTo(expected, within(1e-10));
    }

    @Test
    @DisplayName("the PSD square root squares back to the matrix (eigenvector layout check)")
    void squareRoot() {
        GaussianStats g = randomStats(12, 100, 2);
        INDArray s = FrechetDistance.matrix(g.cov(), 12);
        INDArray root = FrechetDistance.sqrtPsd(s);
        double err = root.mmul(root).sub(s).norm2Number().doubleValue();
        assertThat(err).isLessThan(1e-9 * s.norm2Number().doubleValue());
    }

    @Test
    @DisplayName("rank-deficient covariances (fewer samples than dimensions) still give a finite value >= 0")
    void rankDeficient() {
        GaussianStats a = randomStats(30, 10, 3);
        GaussianStats b = randomStats(30, 10, 4);
        double d = FrechetDistance.between(a, b);
        assertThat(d).isFinite().isGreaterThan(0);
    }

    @Test
    @DisplayName("non-finite statistics (a diverged generator) give NaN, not a LAPACK error")
    void nonFinite() {
        GaussianStats good = new GaussianStats(1, new double[] {0}, new double[] {1}, 10);
        GaussianStats bad = new GaussianStats(1, new double[] {Double.NaN}, new double[] {1}, 10);
        assertThat(FrechetDistance.between(good, bad)).isNaN();
    }

    private static double[] diag(double[] v) {
        double[] m = new double[v.length * v.length];
        for (int i = 0; i < v.length; i++) {
            m[i * v.length + i] = v[i];
        }
        return m;
    }

    /** Correlated random vectors: x = z A with a random mixing matrix A. */
    private static GaussianStats randomStats(int dim, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mix = new double[dim * dim];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = rng.nextDouble(-1, 1);
        }
        float[] x = new float[n * dim];
        double[] z = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                z[j] = rng.nextDouble(-1, 1);
            }
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    s += z[k] * mix[k * dim + j];
                }
                x[i * dim + j] = (float) s;
            }
        }
        return GaussianStats.of(x, n, dim);
    }
}
