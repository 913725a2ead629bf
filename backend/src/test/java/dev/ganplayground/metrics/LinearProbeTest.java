package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.data.Gaussians;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
    private static final int CLASSES = 4;
    private static final int DIM = 16;

    @Test
    @DisplayName("1-D hand example: classes at -1 and +1 split at 0")
    void oneDimensional() {
        float[] codes = {-1.2f, -1, -0.8f, 0.8f, 1, 1.2f};
        int[] labels = {0, 0, 0, 1, 1, 1};
        LinearProbe probe = LinearProbe.train(codes, labels, 6, 1, 2);
        assertThat(probe.predict(new float[] {-3, -0.3f, 0.3f, 3}, 4)).containsExactly(0, 0, 1, 1);
        assertThat(probe.accuracy(codes, labels, 6)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("separable codes (class clusters): 100 labels reach ~100% test accuracy")
    void separable() {
        Clusters data = new Clusters(11);
        float[] train = data.codes(100, false);
        float[] test = data.codes(2000, false);
        double accuracy = LinearProbe.trainAndTest(train, data.labels(100), 100, test, data.labels(2000), 2000, DIM,
                CLASSES);
        assertThat(accuracy).isGreaterThan(0.98);
    }

    @Test
    @DisplayName("noise codes (labels unrelated to codes): test accuracy ~chance (1/4)")
    void noise() {
        Clusters data = new Clusters(12);
        float[] train = data.codes(100, true);
        float[] test = data.codes(2000, true);
        double accuracy = LinearProbe.trainAndTest(train, data.labels(100), 100, test, data.labels(2000), 2000, DIM,
                CLASSES);
        assertThat(accuracy).isBetween(0.18, 0.32);
    }

    @Test
    @DisplayName("standardised features: scaling and shifting every code changes no prediction; deterministic")
    void scaleInvariantAndDeterministic() {
        Clusters data = new Clusters(13);
        float[] train = data.codes(100, false);
        float[] test = data.codes(500, false);
        int[] labels = data.labels(100);
        float[] scaledTrain = affine(train, 1000, 50);
        float[] scaledTest = affine(test, 1000, 50);
        LinearProbe probe = LinearProbe.train(train, labels, 100, DIM, CLASSES);
        LinearProbe scaled = LinearProbe.train(scaledTrain, labels, 100, DIM, CLASSES);
        assertThat(scaled.predict(scaledTest, 500)).containsExactly(probe.predict(test, 500));
        assertThat(LinearProbe.train(train, labels, 100, DIM, CLASSES).trainingLoss())
                .isEqualTo(probe.trainingLoss());
    }

    @Test
    @DisplayName("constant (dead) units are ignored, not divided by zero")
    void constantUnits() {
        float[] codes = {0, -1, 0, -0.9f, 0, 1, 0, 1.1f}; // unit 0 always 0
        int[] labels = {0, 0, 1, 1};
        LinearProbe probe = LinearProbe.train(codes, labels, 4, 2, 2);
        assertThat(probe.trainingLoss()).isFinite();
        assertThat(probe.accuracy(codes, labels, 4)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("labels outside [0, classes) are refused")
    void refusesBadLabels() {
        assertThatThrownBy(() -> LinearProbe.train(new float[] {0, 1}, new int[] {0, 2}, 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] affine(float[] x, float scale, float shift) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale + shift;
        }
        return out;
    }

    /** Codes drawn around one random centre per class (labels cycle through the classes), or pure noise. */
    private static final class Clusters {
        private final SplittableRandom rng;
        private final double[] centres = new double[CLASSES * DIM];

        Clusters(long seed) {
            rng = new SplittableRandom(seed);
            for (int i = 0; i < centres.length; i++) {
                centres[i] = 2 * Gaussians.next(rng);
            }
        }

        int[] labels(int n) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = i % CLASSES;
            }
            return out;
        }

        float[] codes(int n, boolean noise) {
            float[] out = new float[n * DIM];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < DIM; j++) {
                    double centre = noise ? 0 : centres[(i % CLASSES) * DIM + j];
                    out[i * DIM + j] = (float) (centre + Gaussians.next(rng));
                }
            }
            return out;
        }
    }
}
