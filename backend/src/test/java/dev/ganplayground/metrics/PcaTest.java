package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.data.Gaussians;
import dev.ganplayground.data.ImageDataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    @DisplayName("hand example: eigenvalues, component, optimal MSE = discarded eigenvalues / d")
    void handExample() {
        // Mean (2, 1); deviations (+-1, 0) and (0, +-0.5): population covariance diag(0.5, 0.125).
        float[] x = {3, 1, 1, 1, 2, 1.5f, 2, 0.5f};
        Pca pca = Pca.fit(x, 4, 2, 1);
        assertThat(pca.mean()).containsExactly(2, 1);
        assertThat(pca.eigenvalues()[0]).isCloseTo(0.5, within(1e-7));
        assertThat(pca.eigenvalues()[1]).isCloseTo(0.125, within(1e-7));
        assertThat(pca.component(0)[0]).isCloseTo(1, within(1e-7));
        assertThat(pca.component(0)[1]).isCloseTo(0, within(1e-7));
        assertThat(pca.optimalMse(0)).isCloseTo(0.3125, within(1e-7));
        assertThat(pca.optimalMse(1)).isCloseTo(0.0625, within(1e-7));
        assertThat(pca.optimalMse(2)).isZero();
        // Residuals (0, +-0.5) on two of the four points: 2 * 0.25 / 8 values.
        assertThat(pca.reconstructionMse(x, 4, 1)).isCloseTo(0.0625, within(1e-7));
        assertThat(pca.project(x, 4, 1)).containsExactly(1, -1, 0, 0);
        assertThat(pca.basis(1)).containsExactly(1, 0);
    }

    @Test
    @DisplayName("random correlated data: components orthonormal eigenvectors of the covariance, MSE identity holds")
    void eigenDecomposition() {
        int n = 400;
        int d = 12;
        float[] x = correlated(n, d, 7);
        Pca pca = Pca.fit(x, n, d, 5);
        GaussianStats stats = GaussianStats.of(x, n, d);
        double[] cov = stats.cov();
        double scale = (n - 1.0) / n; // GaussianStats is unbiased, Pca the population covariance
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += cov[j * d + j] * scale;
        }
        double[] values = pca.eigenvalues();
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += values[i];
            if (i > 0) {
                assertThat(values[i]).isLessThanOrEqualTo(values[i - 1]);
            }
        }
        assertThat(sum).isCloseTo(trace, within(1e-5 * trace));
        for (int c = 0; c < 5; c++) {
            double[] v = pca.component(c);
            for (int e = 0; e < 5; e++) {
                assertThat(dot(v, pca.component(e))).isCloseTo(c == e ? 1 : 0, within(1e-9));
            }
            for (int a = 0; a < d; a++) {
                double av = 0;
                for (int b = 0; b < d; b++) {
                    av += cov[a * d + b] * scale * v[b];
                }
                assertThat(av).isCloseTo(values[c] * v[a], within(1e-5 * values[0]));
            }
        }
        for (int k = 1; k <= 5; k++) {
            assertThat(pca.reconstructionMse(x, n, k)).isCloseTo(pca.optimalMse(k), within(1e-5 * pca.optimalMse(0)));
        }
        assertThat(pca.explainedVariance(5)).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("points on a 3-D subspace of R^10: top-3 basis spans it, MSE past k = 3 is ~0")
    void recoversSubspace() {
        int n = 300;
        int d = 10;
        SplittableRandom rng = new SplittableRandom(3);
        float[] axes = new float[d * 3];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = (float) Gaussians.next(rng);
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double[] z = {3 * Gaussians.next(rng), 2 * Gaussians.next(rng), Gaussians.next(rng)};
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (5 + z[0] * axes[j * 3] + z[1] * axes[j * 3 + 1] + z[2] * axes[j * 3 + 2]);
            }
        }
        Pca pca = Pca.fit(x, n, d, 3);
        assertThat(SubspaceAngle.largestDegrees(pca.basis(), axes, d, 3)).isLessThan(0.01);
        // What is left past k = 3 is float rounding of the data and of the sgemm (~1e-7 of the variance).
        assertThat(pca.optimalMse(3)).isLessThan(1e-6 * pca.optimalMse(0));
        assertThat(pca.explainedVariance(3)).isCloseTo(1, within(1e-6));
    }

    @Test
    @DisplayName("bad arguments are refused")
    void refusesBadArguments() {
        assertThatThrownBy(() -> Pca.fit(new float[4], 2, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pca.fit(new float[4], 3, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        Pca pca = Pca.fit(new float[] {0, 1, 1, 0, 2, 2}, 3, 2, 1);
        assertThatThrownBy(() -> pca.basis(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("MNIST 2,000 x 784 (GAN_MNIST_DIR): k = 50 keeps most variance, MSE identity holds")
    void mnist() {
        ImageDataset ds = TrainedClassifiers.mnistData();
        int n = 2000;
        float[] x = TrainedClassifiers.images(ds, 0, n);
        Pca pca = Pca.fit(x, n, 784, 50);
        assertThat(pca.explainedVariance(50)).isBetween(0.7, 0.95);
        assertThat(pca.reconstructionMse(x, n, 50)).isCloseTo(pca.optimalMse(50), within(1e-4 * pca.optimalMse(0)));
    }

    /** n points with a random full-rank covariance: Gaussian z times a random mixing matrix, plus an offset. */
    static float[] correlated(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mix = new double[d * d];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = Gaussians.next(rng);
        }
        float[] x = new float[n * d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = Gaussians.next(rng);
            }
            for (int a = 0; a < d; a++) {
                double v = 1.5 - a * 0.1;
                for (int b = 0; b < d; b++) {
                    v += mix[a * d + b] * z[b];
                }
                x[i * d + a] = (float) v;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
