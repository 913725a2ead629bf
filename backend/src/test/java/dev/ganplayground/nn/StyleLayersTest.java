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

/** StyleGAN's AdaIN and noise input: the statistics AdaIN sets, and gradient checks of both. */
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
        SplittableRandom rng = new SplittableRandom(3);
        int rows = 3;
        int c = 2;
        int spatial = 9;
        try (AdaIn a = new AdaIn(c, spatial); FloatVec x = FloatVec.allocate(rows * c * spatial);
             FloatVec s = FloatVec.allocate(rows * 2 * c); FloatVec y = FloatVec.allocate(rows * c * spatial);
             FloatVec dy = FloatVec.allocate(rows * c * spatial); FloatVec dx = FloatVec.allocate(rows * c * spatial);
             FloatVec ds = FloatVec.allocate(rows * 2 * c)) {
            fill(x, rng, -1, 1);
            fill(s, rng, 0.5, 1.5);
            float[] r = random(rows * c * spatial, rng);
            dy.copyFrom(r, 0, 0, r.length);
            a.forward(x, s, y, rows);
            a.backward(x, s, dy, dx, ds, rows);
            java.util.function.DoubleSupplier loss = () -> {
                a.forward(x, s, y, rows);
                return probe(y, r);
            };
            assertThat(GradCheck.maxRelativeError(x, dx.toArray(), loss, EPS, FLOOR)).isLessThan(TOLERANCE);
            assertThat(GradCheck.maxRelativeError(s, ds.toArray(), loss, EPS, FLOOR)).isLessThan(TOLERANCE);
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
}
