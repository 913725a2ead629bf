package dev.ganplayground.nn;

import static dev.ganplayground.nn.GradCheckSupport.EPS;
import static dev.ganplayground.nn.GradCheckSupport.FLOOR;
import static dev.ganplayground.nn.GradCheckSupport.TOLERANCE;
import static dev.ganplayground.nn.GradCheckSupport.fill;
import static dev.ganplayground.nn.GradCheckSupport.probe;
import static dev.ganplayground.nn.GradCheckSupport.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** StyleGAN's AdaIN, styled pixel norm and noise input: the statistics the norms set, and gradient checks. */
class StyleLayersTest {
    @Test
    @DisplayName("AdaIN: each channel gets the mean and std its style dictates (hand-checked 2 x 4 tensor)")
    void adainSetsStatistics() {
        try (AdaIn a = new AdaIn(2, 4); FloatVec x = FloatVec.allocate(8); FloatVec s = FloatVec.allocate(4);
             FloatVec y = FloatVec.allocate(8)) {
            x.copyFrom(new float[]{1, 2, 3, 4, 10, 10, 20, 20}, 0, 0, 8);
            // channel 0: scale 2, shift 0.5; channel 1: scale -1, shift 3
            s.copyFrom(new float[]{2, -1, 0.5f, 3}, 0, 0, 4);
            a.forward(x, s, y, 1);
            // channel 0: mean 2.5, population std sqrt(1.25); (x - 2.5) / 1.118034 * 2 + 0.5
            assertThat(y.get(0)).isCloseTo(-2.183281f, within(1e-5f));
            assertThat(y.get(1)).isCloseTo(-0.394427f, within(1e-5f));
            assertThat(y.get(2)).isCloseTo(1.394427f, within(1e-5f));
            assertThat(y.get(3)).isCloseTo(3.183281f, within(1e-5f));
            // channel 1: mean 15, std 5; -(x - 15) / 5 + 3 = 4, 4, 2, 2
            assertThat(y.toArray()).containsExactly(new float[]{y.get(0), y.get(1), y.get(2), y.get(3), 4, 4, 2, 2},
                    within(1e-5f));
            double m0 = (y.get(0) + y.get(1) + y.get(2) + y.get(3)) / 4;
            double v0 = 0;
            for (int i = 0; i < 4; i++) {
                v0 += (y.get(i) - m0) * (y.get(i) - m0) / 4;
            }
            assertThat(m0).isCloseTo(0.5, within(1e-5));
            assertThat(Math.sqrt(v0)).isCloseTo(2.0, within(1e-4));
        }
    }

    @Test
    @DisplayName("AdaIN: input and style gradients match central differences")
    void adainGradients() {
        try (AdaIn a = new AdaIn(2, 9)) {
            checkStyleNormGradients(a, new SplittableRandom(3), 0.5);
        }
    }

    /**
     * Input and style gradients of {@code norm} over 3 rows against central differences of a random projection of
     * its output; style scales drawn from [minScale, 1.5] (negative ones too when minScale < 0).
     */
    private static void checkStyleNormGradients(StyleNorm norm, SplittableRandom rng, double minScale) {
        int rows = 3;
        int width = norm.width();
        int styleWidth = norm.styleWidth();
        try (FloatVec x = FloatVec.allocate(rows * width); FloatVec s = FloatVec.allocate(rows * styleWidth);
             FloatVec y = FloatVec.allocate(rows * width); FloatVec dy = FloatVec.allocate(rows * width);
             FloatVec dx = FloatVec.allocate(rows * width); FloatVec ds = FloatVec.allocate(rows * styleWidth)) {
            fill(x, rng, -1, 1);
            fill(s, rng, minScale, 1.5);
            float[] r = random(rows * width, rng);
            dy.copyFrom(r, 0, 0, r.length);
            norm.forward(x, s, y, rows);
            norm.backward(x, s, dy, dx, ds, rows);
            java.util.function.DoubleSupplier loss = () -> {
                norm.forward(x, s, y, rows);
                return probe(y, r);
            };
            assertThat(GradCheck.maxRelativeError(x, dx.toArray(), loss, EPS, FLOOR)).isLessThan(TOLERANCE);
            assertThat(GradCheck.maxRelativeError(s, ds.toArray(), loss, EPS, FLOOR)).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("StyledPixelNorm: with scale 1 and shift 0 every pixel has unit mean square over the channels; the"
            + " style then scales and shifts each channel (hand-checked 2 x 2 tensor)")
    void styledPixelNormStatistics() {
        try (StyledPixelNorm n = new StyledPixelNorm(2, 2); FloatVec x = FloatVec.allocate(8);
             FloatVec s = FloatVec.allocate(8); FloatVec y = FloatVec.allocate(8)) {
            // row 0: pixel 0 = (3, 4), pixel 1 = (1, -1); row 1: pixel 0 = (0, 2), pixel 1 = (-6, 8)
            x.copyFrom(new float[]{3, 1, 4, -1, 0, -6, 2, 8}, 0, 0, 8);
            // row 0: plain (scale 1, shift 0); row 1: channel 0 scale 2 shift 0.5, channel 1 scale -1 shift 3
            s.copyFrom(new float[]{1, 1, 0, 0, 2, -1, 0.5f, 3}, 0, 0, 8);
            n.forward(x, s, y, 2);
            // rms of (3, 4) is sqrt(12.5); of (1, -1) is 1; of (0, 2) is sqrt(2); of (-6, 8) is sqrt(50)
            double r0 = Math.sqrt(12.5);
            double r2 = Math.sqrt(2);
            double r3 = Math.sqrt(50);
            assertThat(y.toArray()).containsExactly(new float[]{(float) (3 / r0), 1, (float) (4 / r0), -1,
                (float) (2 * 0 / r2 + 0.5), (float) (2 * -6 / r3 + 0.5), (float) (-2 / r2 + 3), (float) (-8 / r3 + 3)},
                    within(1e-5f));
            for (int p = 0; p < 2; p++) {
                double meanSquare = (y.get(p) * y.get(p) + y.get(2 + p) * y.get(2 + p)) / 2;
                assertThat(meanSquare).as("pixel %d", p).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    @DisplayName("StyledPixelNorm: input and style gradients match central differences")
    void styledPixelNormGradients() {
        try (StyledPixelNorm n = new StyledPixelNorm(3, 4)) {
            checkStyleNormGradients(n, new SplittableRandom(5), -1.5);
        }
    }

    @Test
    @DisplayName("NoiseInjection: input and per-channel scale gradients match central differences")
    void noiseGradients() {
        NoiseInjection n = new NoiseInjection(3, 4);
        try (LayerRig rig = new LayerRig(n, 2, new SplittableRandom(5))) {
            n.drawNoise(new SplittableRandom(6), 2);
            fill(rig.p, new SplittableRandom(7), -1, 1); // scales start at 0; check away from there too
            double[] errors = rig.check();
            assertThat(errors[0]).isLessThan(TOLERANCE);
            assertThat(errors[1]).isLessThan(TOLERANCE);
            assertThat(errors[2]).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("NoiseInjection: adds scale_c times the row's one noise image to every channel")
    void noiseIsPerRowAndScaledPerChannel() {
        NoiseInjection n = new NoiseInjection(2, 2);
        try (LayerRig rig = new LayerRig(n, 1, new SplittableRandom(1))) {
            n.noise().copyFrom(new float[]{1, -2}, 0, 0, 2);
            rig.p.copyFrom(new float[]{0.5f, 3}, 0, 0, 2);
            rig.x.fill(1f);
            n.forward(rig.x, rig.y, 1);
            assertThat(rig.y.toArray()).containsExactly(1.5f, 0f, 4f, -5f);
        }
    }

    @Test
    @DisplayName("ModulatedConv with demodulation: input, style and parameter gradients match central differences")
    void modulatedConvGradients() {
        checkModulatedConv(true);
    }

    @Test
    @DisplayName("ModulatedConv without demodulation (modulation only): gradients match central differences")
    void modulatedOnlyGradients() {
        checkModulatedConv(false);
    }

    private static void checkModulatedConv(boolean demodulate) {
        int rows = 2;
        ModulatedConv m = new ModulatedConv(3, 4, 5, 5, new ConvGeometry(3, 1, 1), EqualizedLr.HE, demodulate);
        try (LayerRig rig = new LayerRig(m, rows, new SplittableRandom(8)); FloatVec s = FloatVec.allocate(rows * 3)) {
            fill(s, new SplittableRandom(9), 0.5, 1.5);
            fill(rig.p, new SplittableRandom(10), -1, 1); // a non-zero bias too
            m.setStyle(s);
            // eps 1e-2: the loss sums ~100 float32 outputs, so at 1e-3 rounding alone reaches ~2e-2 on the smallest
            // weight gradients (measured: 0.021 at 1e-3, 0.0018 at 1e-2, 0.0007 at 3e-2: falling with eps, so noise,
            // not a wrong term, which gives ~1).
            double eps = 1e-2;
            m.forward(rig.x, rig.y, rows);
            m.backward(rig.x, rig.y, rig.dy, rig.dx, rows, true);
            float[] dStyle = m.styleGradient().toArray();
            assertThat(GradCheck.maxRelativeError(rig.x, rig.dx.toArray(), rig::loss, eps, FLOOR)).as("input")
                    .isLessThan(TOLERANCE);
            assertThat(GradCheck.maxRelativeError(rig.p, rig.gp.toArray(), rig::loss, eps, FLOOR)).as("parameters")
                    .isLessThan(TOLERANCE);
            assertThat(GradCheck.maxRelativeError(s, dStyle, rig::loss, eps, FLOOR)).as("style")
                    .isLessThan(TOLERANCE);
            // Without an input gradient (the layer first in a chain), and without parameter gradients.
            m.forward(rig.x, rig.y, rows);
            rig.gp.fill(7f);
            m.backward(rig.x, rig.y, rig.dy, null, rows, true);
            assertThat(GradCheck.maxRelativeError(rig.p, rig.gp.toArray(), rig::loss, eps, FLOOR))
                    .as("parameters without dx").isLessThan(TOLERANCE);
            assertThat(m.styleGradient().toArray()).containsExactly(dStyle);
            m.forward(rig.x, rig.y, rows);
            m.backward(rig.x, rig.y, rig.dy, rig.dx, rows, false);
            assertThat(m.styleGradient().toArray()).containsExactly(dStyle, within(1e-5f));
        }
    }

    @Test
    @DisplayName("ModulatedConv: demodulation gives each output channel unit expected variance: with unit-variance"
            + " i.i.d. input and zero bias, the output's variance over many positions is near 1 whatever the style")
    void demodulationNormalisesScale() {
        int rows = 1;
        int side = 32;
        ModulatedConv m = new ModulatedConv(8, 4, side, side, new ConvGeometry(3, 1, 1), EqualizedLr.HE, true);
        try (LayerRig rig = new LayerRig(m, rows, new SplittableRandom(12)); FloatVec s = FloatVec.allocate(8)) {
            SplittableRandom rng = new SplittableRandom(13);
            for (int i = 0; i < rig.x.length(); i++) {
                rig.x.set(i, (float) rng.nextGaussian());
            }
            fill(s, rng, 0.1, 5); // wildly different scales per input channel
            m.setStyle(s);
            m.forward(rig.x, rig.y, rows);
            int spatial = side * side;
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                double sq = 0;
                for (int p = 0; p < spatial; p++) {
                    double v = rig.y.get(j * spatial + p);
                    sum += v;
                    sq += v * v;
                }
                double var = sq / spatial - (sum / spatial) * (sum / spatial);
                // Border positions see zero padding (less variance); 0.6-1.4 still separates it from the raw conv.
                assertThat(var).as("channel %d", j).isBetween(0.6, 1.4);
            }
        }
    }

    @Test
    @DisplayName("ConstantGain: y = gain x; its input gradient matches central differences")
    void constantGain() {
        LayerRig.assertGradients(() -> new ConstantGain(6, Math.sqrt(2)), 2, 14);
        try (LayerRig rig = new LayerRig(new ConstantGain(2, 3), 1, new SplittableRandom(1))) {
            rig.x.copyFrom(new float[]{1, -2}, 0, 0, 2);
            rig.layer.forward(rig.x, rig.y, 1);
            assertThat(rig.y.toArray()).containsExactly(3f, -6f);
        }
    }
}
