package dev.ganplayground.nn;

import static dev.ganplayground.nn.LayerRig.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ProGAN's building blocks: gradient checks and the properties the paper defines them by. */
class ProganLayersTest {

    @ParameterizedTest(name = "{0} channels x {1} pixels, {2} rows")
    @CsvSource({"3, 4, 3", "5, 1, 2", "1, 3, 2"})
    @DisplayName("PixelNorm: input gradients match central differences")
    void pixelNormGradients(int channels, int spatial, int rows) {
        assertGradients(() -> new PixelNorm(channels, spatial), rows, 21);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}, group {3}, {4} rows in blocks of {5}")
    @CsvSource({
            "2, 2, 2, 2, 4, 0",
            "1, 3, 2, 4, 4, 0",
            "2, 2, 2, 4, 6, 3",   // two blocks (real and fake halves) of 3: groups of 3
            "3, 1, 2, 2, 5, 0",   // a last group of one row
            "2, 2, 1, 3, 8, 4"})  // blocks of 4 in groups of 3 and 1
    @DisplayName("MinibatchStddev: input gradients match central differences")
    void minibatchStddevGradients(int channels, int height, int width, int group, int rows, int blockRows) {
        assertGradients(() -> {
            MinibatchStddev layer = new MinibatchStddev(channels, height, width, group);
            layer.setGroupRows(blockRows);
            return layer;
        }, rows, 22);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}, {3} rows")
    @CsvSource({"1, 2, 2, 1", "2, 2, 3, 3"})
    @DisplayName("Upsample2x and AvgPool2x: input gradients match central differences")
    void resamplingGradients(int channels, int height, int width, int rows) {
        assertGradients(() -> new Upsample2x(channels, height, width), rows, 23);
        assertGradients(() -> new AvgPool2x(channels, 2 * height, 2 * width), rows, 24);
    }

    @ParameterizedTest(name = "gain {0}, lr multiplier {1}")
    @CsvSource({"1.4142135, 1", "1, 1", "1.4142135, 0.01"})
    @DisplayName("Dense with an equalised learning rate: input, weight and bias gradients match central differences")
    void equalizedDenseGradients(double gain, double lrMul) {
        assertGradients(() -> new Dense(5, 3, new EqualizedLr(gain, lrMul)), 3, 25);
    }

    @ParameterizedTest(name = "{0}->{1} channels, {2}x{2}, k{3} p{4}")
    @CsvSource({"2, 3, 4, 3, 1", "3, 1, 4, 1, 0", "2, 2, 4, 4, 0"})
    @DisplayName("Conv2d with an equalised learning rate: input, weight and bias gradients match central differences")
    void equalizedConvGradients(int inC, int outC, int size, int k, int pad) {
        assertGradients(() -> new Conv2d(inC, outC, size, size, new ConvGeometry(k, 1, pad), EqualizedLr.HE), 3,
                26);
    }

    @Test
    @DisplayName("PixelNorm gives every pixel's feature vector a mean square of 1 over the channels")
    void pixelNormUnitMeanSquare() {
        try (LayerRig rig = new LayerRig(new PixelNorm(4, 6), 3, new SplittableRandom(27))) {
            for (int i = 0; i < rig.x.length(); i++) {
                rig.x.set(i, rig.x.get(i) * 7 + 0.5f); // not already normalised
            }
            rig.layer.forward(rig.x, rig.y, 3);
            for (int r = 0; r < 3; r++) {
                for (int p = 0; p < 6; p++) {
                    double ms = 0;
                    for (int c = 0; c < 4; c++) {
                        float v = rig.y.get(r * 24 + c * 6 + p);
                        ms += v * v;
                    }
                    assertThat(ms / 4).isCloseTo(1.0, within(1e-5));
                }
            }
        }
    }

    @Test
    @DisplayName("MinibatchStddev adds exactly one channel: each group's mean std, the input passed through")
    void minibatchStddevChannel() {
        // 6 rows of 2 channels x 1 x 2 pixels, blocks of 3 (real, fake) in groups of 2: groups {0,1} {2} {3,4} {5}.
        MinibatchStddev layer = new MinibatchStddev(2, 1, 2, 2);
        layer.setGroupRows(3);
        assertThat(layer.outputWidth()).isEqualTo(3 * 2);
        try (LayerRig rig = new LayerRig(layer, 6, new SplittableRandom(28))) {
            layer.forward(rig.x, rig.y, 6);
            int[][] groups = {{0, 1}, {2}, {3, 4}, {5}};
            for (int[] g : groups) {
                double expected = 0;
                for (int q = 0; q < 4; q++) {
                    double m = 0;
                    for (int r : g) {
                        m += rig.x.get(r * 4 + q);
                    }
                    m /= g.length;
                    double v = 0;
                    for (int r : g) {
                        double d = rig.x.get(r * 4 + q) - m;
                        v += d * d;
                    }
                    expected += Math.sqrt(v / g.length + 1e-8) / 4;
                }
                for (int r : g) {
                    for (int q = 0; q < 4; q++) {
                        assertThat(rig.y.get(r * 6 + q)).isEqualTo(rig.x.get(r * 4 + q));
                    }
                    assertThat((double) rig.y.get(r * 6 + 4)).isCloseTo(expected, within(1e-6));
                    assertThat((double) rig.y.get(r * 6 + 5)).isCloseTo(expected, within(1e-6));
                }
            }
        }
    }

    @Test
    @DisplayName("equalised learning rate: weights stored ~N(0,1), applied times gain/sqrt(fanIn) (times lrMul)")
    void equalizedScaling() {
        EqualizedLr eq = new EqualizedLr(Math.sqrt(2), 0.5);
        assertThat((double) eq.weightScale(18)).isCloseTo(Math.sqrt(2) / Math.sqrt(18) * 0.5, within(1e-7));
        assertThat(eq.biasScale()).isEqualTo(0.5f);
        // Conv: an equalised 2->3 3x3 conv equals a plain conv holding c_w W and c_b b.
        Conv2d scaled = new Conv2d(2, 3, 4, 4, new ConvGeometry(3, 1, 1), eq);
        Conv2d plain = new Conv2d(2, 3, 4, 4, new ConvGeometry(3, 1, 1));
        try (LayerRig a = new LayerRig(scaled, 2, new SplittableRandom(29));
             LayerRig b = new LayerRig(plain, 2, new SplittableRandom(30))) {
            assertStandardNormal(a.p.toArray(), 54);
            for (int i = 0; i < a.p.length(); i++) {
                a.p.set(i, a.p.get(i) + (i >= 54 ? 0.3f : 0f)); // a non-zero bias
                b.p.set(i, a.p.get(i) * (i < 54 ? eq.weightScale(2 * 9) : eq.biasScale()));
            }
            b.x.copyFrom(a.x, 0, a.x.length());
            scaled.forward(a.x, a.y, 2);
            plain.forward(b.x, b.y, 2);
            for (int i = 0; i < a.y.length(); i++) {
                assertThat(a.y.get(i)).isCloseTo(b.y.get(i), within(1e-5f));
            }
        }
        // Dense: y = c_w x W + c_b b.
        Dense dense = new Dense(4, 2, eq);
        try (LayerRig d = new LayerRig(dense, 1, new SplittableRandom(31))) {
            d.p.set(8, 1f);
            dense.forward(d.x, d.y, 1);
            for (int o = 0; o < 2; o++) {
                double s = (o == 0 ? 1.0 : 0.0) * 0.5;
                for (int i = 0; i < 4; i++) {
                    s += d.x.get(i) * d.p.get(i * 2 + o) * eq.weightScale(4);
                }
                assertThat((double) d.y.get(o)).isCloseTo(s, within(1e-5));
            }
        }
    }

    /** The stored weights' sample mean and variance are those of N(0, 1/lrMul^2) = N(0, 4) here. */
    private static void assertStandardNormal(float[] p, int weights) {
        double m = 0;
        double v = 0;
        for (int i = 0; i < weights; i++) {
            m += p[i];
            v += p[i] * p[i];
        }
        assertThat(m / weights).isCloseTo(0, within(0.6));
        assertThat(v / weights).isBetween(2.0, 6.5);
        for (int i = weights; i < p.length; i++) {
            assertThat(p[i]).isZero();
        }
    }

    @Test
    @DisplayName("a conv layer bound again to new vectors (a growing network) computes from the new parameters")
    void rebinding() {
        Conv2d layer = new Conv2d(1, 2, 4, 4, new ConvGeometry(3, 1, 1), EqualizedLr.HE);
        try (LayerRig rig = new LayerRig(layer, 2, new SplittableRandom(32));
             FloatVec p2 = FloatVec.allocate(layer.parameterCount());
             FloatVec g2 = FloatVec.allocate(layer.parameterCount())) {
            layer.forward(rig.x, rig.y, 2);
            float[] before = rig.y.toArray();
            for (int i = 0; i < p2.length(); i++) {
                p2.set(i, 2 * rig.p.get(i));
            }
            layer.bind(p2, g2);
            layer.forward(rig.x, rig.y, 2);
            for (int i = 0; i < before.length; i++) {
                assertThat(rig.y.get(i)).isCloseTo(2 * before[i], within(1e-5f));
            }
        }
    }
}
