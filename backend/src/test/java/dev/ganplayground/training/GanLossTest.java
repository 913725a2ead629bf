package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GanLossTest {
    // Real scores [0, 2], fake scores [-1, 1].
    private static final float[] D_SCORES = {0f, 2f, -1f, 1f};
    private static final float[] G_SCORES = {-1f, 1f};

    @ParameterizedTest(name = "{0}: D loss {1}, G loss {2}")
    @CsvSource({
        // D: (ln2 + ln(1+e^-2))/2 + (ln(1+e^-1) + ln(1+e))/2; NS G: (ln(1+e) + ln(1+e^-1))/2
        "NON_SATURATING, 1.2232998, 0.8132617",
        // minimax G: mean log(1 - sigma(s)) = -(ln(1+e^-1) + ln(1+e))/2
        "MINIMAX, 1.2232998, -0.8132617",
        // D: 0.5 * mean((s_r - 1)^2) + 0.5 * mean(s_f^2) = 0.5 + 0.5; G: 0.5 * mean((s_f - 1)^2) = (4 + 0)/4
        "LEAST_SQUARES, 1.0, 1.0",
        // D: mean(relu(1 - s_r)) + mean(relu(1 + s_f)) = 0.5 + 1; G: -mean(s_f) = 0
        "HINGE, 1.5, 0.0"
    })
    @DisplayName("losses match hand-computed values")
    void handComputed(LossKind kind, double dLoss, double gLoss) {
        try (FloatVec s = FloatVec.allocate(4); FloatVec ds = FloatVec.allocate(4)) {
            s.copyFrom(D_SCORES, 0, 0, 4);
            assertThat(GanLoss.discriminator(kind, s, 2, ds, 0.5f)).isCloseTo(dLoss, within(1e-6));
            s.copyFrom(G_SCORES, 0, 0, 2);
            assertThat(GanLoss.generator(kind, s, 2, ds, 0.5f)).isCloseTo(gLoss, within(1e-6));
        }
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    @DisplayName("D and G loss gradients match central differences")
    void gradients(LossKind kind) {
        int n = 5;
        try (FloatVec s = FloatVec.allocate(2 * n); FloatVec ds = FloatVec.allocate(2 * n);
             FloatVec scratch = FloatVec.allocate(2 * n)) {
            fillKinkFreeScores(s, 11);
            GanLoss.discriminator(kind, s, n, ds, 1f / n);
            double dErr = GradCheck.maxRelativeError(s, ds.toArray(),
                    () -> GanLoss.discriminator(kind, s, n, scratch, 1f / n), 1e-3, 1e-2);
            assertThat(dErr).isLessThan(2e-2);
            FloatVec fake = s.view(0, n);
            GanLoss.generator(kind, fake, n, ds, 1f / n);
            double gErr = GradCheck.maxRelativeError(fake, ds.view(0, n).toArray(),
                    () -> GanLoss.generator(kind, fake, n, scratch, 1f / n), 1e-3, 1e-2);
            assertThat(gErr).isLessThan(2e-2);
        }
    }

    @ParameterizedTest(name = "{0}: D loss with real label 0.9 = {1}")
    @CsvSource({
        // real: mean(0.9 softplus(-r) + 0.1 softplus(r)) over r in {0, 2}; fake as before (0.8132617)
        "NON_SATURATING, 1.3232993",
        "MINIMAX, 1.3232993",
        // real: 0.5 * mean((0 - 0.9)^2, (2 - 0.9)^2) = 0.5 * (0.81 + 1.21) / 2 = 0.505; fake 0.5
        "LEAST_SQUARES, 1.005",
        // hinge has no target: unchanged
        "HINGE, 1.5"
    })
    @DisplayName("one-sided label smoothing matches hand-computed values; t = 1 is the plain loss")
    void labelSmoothingValues(LossKind kind, double dLoss) {
        try (FloatVec s = FloatVec.allocate(4); FloatVec ds = FloatVec.allocate(4);
             FloatVec plain = FloatVec.allocate(4)) {
            s.copyFrom(D_SCORES, 0, 0, 4);
            assertThat(GanLoss.discriminator(kind, s, 2, ds, 0.5f, 0.9f)).isCloseTo(dLoss, within(1e-6));
            // The fake half's gradient does not depend on t.
            GanLoss.discriminator(kind, s, 2, plain, 0.5f);
            assertThat(ds.get(2)).isEqualTo(plain.get(2));
            assertThat(ds.get(3)).isEqualTo(plain.get(3));
            if (kind.logistic()) {
                // d/dr = (sigma(r) - t) / n at r = 0: (0.5 - 0.9) * 0.5
                assertThat((double) ds.get(0)).isCloseTo(-0.2, within(1e-6));
            } else if (kind == LossKind.LEAST_SQUARES) {
                assertThat((double) ds.get(0)).isCloseTo(-0.45, within(1e-6));
            }
            assertThat(GanLoss.discriminator(kind, s, 2, ds, 0.5f, 1f))
                    .isEqualTo(GanLoss.discriminator(kind, s, 2, plain, 0.5f));
        }
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    @DisplayName("D loss gradients with real label 0.8 match central differences")
    void labelSmoothingGradients(LossKind kind) {
        int n = 5;
        try (FloatVec s = FloatVec.allocate(2 * n); FloatVec ds = FloatVec.allocate(2 * n);
             FloatVec scratch = FloatVec.allocate(2 * n)) {
            fillKinkFreeScores(s, 12);
            GanLoss.discriminator(kind, s, n, ds, 1f / n, 0.8f);
            double err = GradCheck.maxRelativeError(s, ds.toArray(),
                    () -> GanLoss.discriminator(kind, s, n, scratch, 1f / n, 0.8f), 1e-3, 1e-2);
            assertThat(err).isLessThan(2e-2);
        }
    }

    /** Seeded scores in (-3, 3), kept off hinge's kinks at -1 and 1 where finite differences mislead. */
    private static void fillKinkFreeScores(FloatVec s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < s.length(); i++) {
            double v = rng.nextDouble(-3, 3);
            s.set(i, (float) (Math.abs(Math.abs(v) - 1) < 0.1 ? v + 0.3 : v));
        }
    }

    @Test
    @DisplayName("logistic losses stay finite for extreme scores")
    void stableForExtremeScores() {
        try (FloatVec s = FloatVec.allocate(4); FloatVec ds = FloatVec.allocate(4)) {
            s.copyFrom(new float[]{-200f, 200f, 200f, -200f}, 0, 0, 4);
            double l = GanLoss.discriminator(LossKind.NON_SATURATING, s, 2, ds, 0.5f);
            assertThat(l).isFinite().isCloseTo(200.0, within(1e-6));
            assertThat(ds.toArray()).doesNotContain(Float.NaN);
        }
    }

    @Test
    @DisplayName("the normal quantile used by the manifold grid matches known values")
    void normalQuantile() {
        assertThat(Noise.normalQuantile(0.5)).isCloseTo(0.0, within(1e-9));
        assertThat(Noise.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Noise.normalQuantile(0.01)).isCloseTo(-2.326348, within(1e-6));
        assertThat(Noise.normalQuantile(0.8413447)).isCloseTo(1.0, within(1e-6));
    }
}
