package dev.ganplayground.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.config.MinibatchDiscriminationConfig;
import dev.ganplayground.nn.BatchNorm;
import dev.ganplayground.nn.Conv2d;
import dev.ganplayground.nn.ConvTranspose2d;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import dev.ganplayground.nn.Sequential;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DcganTest {
    private static final MinibatchDiscriminationConfig NO_MBD = new MinibatchDiscriminationConfig(false, 16, 5);
    private static final MinibatchDiscriminationConfig MBD = new MinibatchDiscriminationConfig(true, 3, 2);

    @Test
    @DisplayName("28x28 DCGAN with base 64: widths and parameter counts match a hand computation")
    void parameterCounts() {
        try (Sequential g = Dcgan.generator(64, 64, 1, 28, 28, 4, new SplittableRandom(1));
             Sequential d = Dcgan.discriminator(64, 1, 28, 28, NO_MBD, 4, new SplittableRandom(2));
             Sequential dm = Dcgan.discriminator(64, 1, 28, 28, new MinibatchDiscriminationConfig(true, 16, 5), 4,
                     new SplittableRandom(3))) {
            assertThat(g.inputWidth()).isEqualTo(64);
            assertThat(g.outputWidth()).isEqualTo(784);
            int gDense = 64 * 6272 + 6272;          // 64 -> 128 x 7 x 7
            int gBn1 = 2 * 128;
            int gUp1 = 4 * 4 * 128 * 64 + 64;       // 128 -> 64, 7 -> 14
            int gBn2 = 2 * 64;
            int gUp2 = 4 * 4 * 64 * 1 + 1;          // 64 -> 1, 14 -> 28
            assertThat(g.parameterCount()).isEqualTo(gDense + gBn1 + gUp1 + gBn2 + gUp2);
            assertThat(d.inputWidth()).isEqualTo(784);
            assertThat(d.outputWidth()).isEqualTo(1);
            int dDown1 = 4 * 4 * 1 * 64 + 64;       // 1 -> 64, 28 -> 14
            int dDown2 = 4 * 4 * 64 * 128 + 128;    // 64 -> 128, 14 -> 7
            int dBn = 2 * 128;
            int dOut = 6272 + 1;
            assertThat(d.parameterCount()).isEqualTo(dDown1 + dDown2 + dBn + dOut);
            int mbd = 6272 * 16 * 5 + 16;
            assertThat(dm.parameterCount()).isEqualTo(dDown1 + dDown2 + dBn + mbd + (6272 + 16) + 1);
            assertThat(g.layers().get(3)).isInstanceOf(ConvTranspose2d.class);
            assertThat(d.layers().get(0)).isInstanceOf(Conv2d.class);
            assertThat(d.layers().get(3)).isInstanceOf(BatchNorm.class);
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 5})
    @DisplayName("G makes rows of 1x28x28 in [-1, 1] and D scores them, for several batch sizes")
    void shapes(int rows) {
        SplittableRandom rng = new SplittableRandom(4);
        try (Sequential g = Dcgan.generator(16, 4, 1, 28, 28, 5, rng);
             Sequential d = Dcgan.discriminator(4, 1, 28, 28, NO_MBD, 5, rng);
             FloatVec z = FloatVec.allocate(5 * 16)) {
            for (int i = 0; i < z.length(); i++) {
                z.set(i, (float) rng.nextGaussian());
            }
            FloatVec img = g.forward(z, rows);
            assertThat(img.length()).isGreaterThanOrEqualTo(rows * 784);
            for (int i = 0; i < rows * 784; i++) {
                assertThat(Math.abs(img.get(i))).isLessThanOrEqualTo(1f);
            }
            FloatVec s = d.forward(img, rows);
            for (int i = 0; i < rows; i++) {
                assertThat(Float.isFinite(s.get(i))).isTrue();
            }
        }
    }

    @Test
    @DisplayName("weights start from N(0, 0.02) with zero biases; BN gamma near 1")
    void initialisation() {
        try (Sequential d = Dcgan.discriminator(64, 1, 28, 28, NO_MBD, 2, new SplittableRandom(5))) {
            float[] p = d.parameters().toArray();
            int n = 4 * 4 * 64 * 128;
            int at = 4 * 4 * 64 + 64; // second conv's weights
            double ss = 0;
            for (int i = at; i < at + n; i++) {
                ss += (double) p[i] * p[i];
            }
            assertThat(Math.sqrt(ss / n)).isBetween(0.019, 0.021);
            for (int i = at + n; i < at + n + 128; i++) {
                assertThat(p[i]).isZero();
            }
            for (int i = at + n + 128; i < at + n + 256; i++) {
                assertThat(p[i]).isBetween(0.9f, 1.1f);
            }
        }
    }

    @Test
    @DisplayName("sizes that are not multiples of 4 are refused")
    void refusesOddSizes() {
        assertThatThrownBy(() -> Dcgan.generator(8, 2, 1, 30, 28, 2, new SplittableRandom(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 4");
    }

    @Test
    @DisplayName("tiny G (latent 3, base 2, 8x8): parameter and input gradients match central differences")
    void generatorGradients() {
        int rows = 4;
        try (Sequential g = Dcgan.generator(3, 2, 1, 8, 8, rows, new SplittableRandom(7))) {
            assertNetworkGradients(g, rows, 0, new SplittableRandom(2));
        }
    }

    @ParameterizedTest(name = "minibatch discrimination {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("tiny D (base 2, 2-channel 8x8, two row groups): parameter and input gradients match")
    void discriminatorGradients(boolean mbd) {
        int rows = 6;
        try (Sequential d = Dcgan.discriminator(2, 2, 8, 8, mbd ? MBD : NO_MBD, rows, new SplittableRandom(9))) {
            assertNetworkGradients(d, rows, 3, new SplittableRandom(10));
        }
    }

    /**
     * Probe loss sum(r * out) in double; central differences over every parameter and input. The conv and Dense
     * layers that feed a BatchNorm or a (leaky) ReLU are first scaled up 50x: at DCGAN's N(0, 0.02) a float32 step
     * of 1e-3 is 5% of a weight and, normalised by the tiny spread of the layer's output, moves pre-activations
     * across ReLU kinks, which no central difference survives. (BN's own gamma stays: scaled, it would saturate
     * G's tanh.) The inputs' seeds were checked to leave no pre-activation within a step of a kink (with seed 8, one
     * z of G's did: the one-sided differences of that z disagreed by 10%, the others by < 0.5%).
     */
    private static void assertNetworkGradients(Sequential net, int rows, int groupRows, SplittableRandom rng) {
        net.setGroupRows(groupRows);
        FloatVec params = net.parameters();
        for (int l = 0, off = 0; l < net.layers().size(); off += net.layers().get(l).parameterCount(), l++) {
            if (!(net.layers().get(l) instanceof BatchNorm) && l + 1 < net.layers().size()
                    && feedsKink(net.layers().get(l + 1))) {
                for (int i = off; i < off + net.layers().get(l).parameterCount(); i++) {
                    params.set(i, 50 * params.get(i));
                }
            }
        }
        try (FloatVec x = FloatVec.allocate(rows * net.inputWidth());
             FloatVec dOut = FloatVec.allocate(rows * net.outputWidth());
             FloatVec dx = FloatVec.allocate(rows * net.inputWidth())) {
            for (int i = 0; i < x.length(); i++) {
                x.set(i, (float) rng.nextDouble(-1, 1));
            }
            float[] r = new float[rows * net.outputWidth()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) rng.nextDouble(-1, 1);
            }
            dOut.copyFrom(r, 0, 0, r.length);
            net.forward(x, rows); // finishes any data-dependent init before the gradients are taken
            net.forward(x, rows);
            net.backward(dOut, rows, true, dx);
            java.util.function.DoubleSupplier loss = () -> {
                FloatVec y = net.forward(x, rows);
                double s = 0;
                for (int i = 0; i < r.length; i++) {
                    s += (double) r[i] * y.get(i);
                }
                return s;
            };
            double pErr = GradCheck.maxRelativeError(net.parameters(), net.gradients().toArray(), loss, 1e-3, 1e-2);
            double inErr = GradCheck.maxRelativeError(x, dx.toArray(), loss, 1e-3, 1e-2);
            assertThat(pErr).as("parameter gradients").isLessThan(2e-2);
            assertThat(inErr).as("input gradient").isLessThan(2e-2);
        }
    }

    /** BatchNorm (scale-invariant input) or a ReLU-type activation (kink at 0). */
    private static boolean feedsKink(dev.ganplayground.nn.Layer next) {
        return next instanceof BatchNorm || (next instanceof dev.ganplayground.nn.Activation a
                && a.kind() != dev.ganplayground.nn.Activation.Kind.TANH);
    }
}
