package dev.ganplayground.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.nn.AvgPool2x;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.Upsample2x;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ProGAN's growing G and D: fade-in ends, carried parameters, shapes and whole-network gradient checks. */
class ProganTest {
    private static final int LATENT = 3;
    private static final int ROWS = 4;
    private static final double EPS = 1e-3;
    private static final double FLOOR = 5e-2;
    /** Twice the layers' own 2e-2: the noise above; a missing term or a wrong sign gives ~1. */
    private static final double TOLERANCE = 5e-2;
    /** One-sided differences further apart than this (relative) mark a kink inside the step. */
    private static final double KINK = 5e-2;

    private static GrowingNetwork tinyG(long seed) {
        return Progan.generator(LATENT, 2, 1, 8, ROWS, new SplittableRandom(seed));
    }

    private static GrowingNetwork tinyD(long seed) {
        return Progan.discriminator(2, 1, 8, 2, 2 * ROWS, new SplittableRandom(seed));
    }

    private static FloatVec random(int n, SplittableRandom rng) {
        FloatVec v = FloatVec.allocate(n);
        for (int i = 0; i < n; i++) {
            v.set(i, (float) rng.nextDouble(-1, 1));
        }
        return v;
    }

    @Test
    @DisplayName("channel rule: min(2b, 32b / r); levels and resolutions")
    void channelRule() {
        assertThat(Progan.channels(4, 16)).isEqualTo(32);
        assertThat(Progan.channels(16, 16)).isEqualTo(32);
        assertThat(Progan.channels(32, 16)).isEqualTo(16);
        assertThat(Progan.level(32)).isEqualTo(3);
        assertThat(Progan.resolution(2)).isEqualTo(16);
    }

    @Test
    @DisplayName("G's fade-in: alpha 0 is the upsampled old output, alpha 1 the new block's")
    void generatorFadeInEnds() {
        try (GrowingNetwork g = tinyG(1); FloatVec z = random(ROWS * LATENT, new SplittableRandom(2));
             FloatVec up = FloatVec.allocate(ROWS * 64)) {
            assertThat(g.net().outputWidth()).isEqualTo(16);
            FloatVec old = g.net().forward(z, ROWS);
            new Upsample2x(1, 4, 4).forward(old, up, ROWS);
            float[] upsampled = up.toArray();
            g.moveTo(1, true);
            assertThat(g.net().outputWidth()).isEqualTo(64);
            g.setAlpha(0f);
            assertClose(g.net().forward(z, ROWS).toArray(), upsampled);
            g.setAlpha(1f);
            float[] faded = g.net().forward(z, ROWS).toArray();
            g.moveTo(1, false);
            assertClose(g.net().forward(z, ROWS).toArray(), faded);
            g.moveTo(1, true);
            g.setAlpha(0.25f);
            float[] quarter = g.net().forward(z, ROWS).toArray();
            for (int i = 0; i < quarter.length; i++) {
                assertThat(quarter[i]).isCloseTo(0.75f * upsampled[i] + 0.25f * faded[i], within(1e-4f));
            }
        }
    }

    @Test
    @DisplayName("D's fade-in: alpha 0 scores the downsampled image with the old D, alpha 1 is the new D")
    void discriminatorFadeInEnds() {
        try (GrowingNetwork d = tinyD(3); FloatVec x = random(ROWS * 64, new SplittableRandom(4));
             FloatVec down = FloatVec.allocate(ROWS * 16)) {
            new AvgPool2x(1, 8, 8).forward(x, down, ROWS);
            float[] old = d.net().forward(down, ROWS).toArray();
            d.moveTo(1, true);
            assertThat(d.net().inputWidth()).isEqualTo(64);
            d.setAlpha(0f);
            assertClose(d.net().forward(x, ROWS).toArray(), old);
            d.setAlpha(1f);
            float[] faded = d.net().forward(x, ROWS).toArray();
            d.moveTo(1, false);
            assertClose(d.net().forward(x, ROWS).toArray(), faded);
        }
    }

    @Test
    @DisplayName("the same seed gives the same weights whichever stages were visited")
    void seededWeights() {
        try (GrowingNetwork a = tinyG(5); GrowingNetwork b = tinyG(5)) {
            a.moveTo(1, true);
            a.moveTo(1, false);
            b.moveTo(1, false);
            assertThat(a.net().parameters().toArray()).containsExactly(b.net().parameters().toArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"generator, 6", "discriminator, 7", "generator, 16", "discriminator, 17"})
    @DisplayName("whole tiny ProGAN G and D at alpha 0.37: parameter and input gradients match central differences")
    void wholeNetworkGradients(String which, long seed) {
        boolean gen = which.equals("generator");
        try (GrowingNetwork net = gen ? tinyG(seed) : tinyD(seed)) {
            net.moveTo(1, true);
            net.setAlpha(0.37f);
            Sequential s = net.net();
            s.setGroupRows(gen ? 0 : ROWS / 2);
            assertGradients(s, new SplittableRandom(seed + 1));
        }
    }

    /**
     * Probe loss sum(r * y) in double, central differences over every parameter and input, where the loss is smooth
     * within a step. Two things make a plain coordinate-wise check fail on a whole network in float32 though every
     * layer passes its own: a bias moves all pixels of its channel, so some pre-activation crosses a leaky-ReLU kink
     * (there the two one-sided differences disagree; such values are skipped, and their share bounded), and the
     * outputs carry ~1e-6 of rounding noise from the convolutions, ~1e-3 in a difference quotient: hence the
     * larger floor under the relative error. A wrong backward pass shows on the smooth values far above both.
     */
    private static void assertGradients(Sequential net, SplittableRandom rng) {
        try (FloatVec x = random(ROWS * net.inputWidth(), rng);
             FloatVec dOut = random(ROWS * net.outputWidth(), rng);
             FloatVec dx = FloatVec.allocate(ROWS * net.inputWidth())) {
            float[] r = dOut.toArray();
            net.forward(x, ROWS);
            net.backward(dOut, ROWS, true, dx);
            java.util.function.DoubleSupplier loss = () -> {
                FloatVec y = net.forward(x, ROWS);
                double s = 0;
                for (int i = 0; i < r.length; i++) {
                    s += (double) r[i] * y.get(i);
                }
                return s;
            };
            GradCheck.SmoothCheck pErr = GradCheck.maxRelativeErrorWhereSmooth(net.parameters(),
                    net.gradients().toArray(), loss, EPS, FLOOR, KINK);
            GradCheck.SmoothCheck inErr = GradCheck.maxRelativeErrorWhereSmooth(x, dx.toArray(), loss, EPS, FLOOR, KINK);
            assertThat(pErr.maxRelativeError()).as("parameter gradients").isLessThan(TOLERANCE);
            assertThat(inErr.maxRelativeError()).as("input gradient").isLessThan(TOLERANCE);
            assertThat(pErr.skippedShare()).as("share of parameters skipped at a kink").isLessThan(0.2);
            assertThat(inErr.skippedShare()).as("share of inputs skipped at a kink (G: 12 z values, each moving every pixel)")
                    .isLessThan(0.5);
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("element " + i).isCloseTo(expected[i], within(1e-4f));
        }
    }
}
