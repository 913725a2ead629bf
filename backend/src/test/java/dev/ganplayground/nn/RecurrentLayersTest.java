package dev.ganplayground.nn;

import static dev.ganplayground.nn.LayerRig.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gru, RepeatSteps and TimeDistributedDense: gradient checks, a reference forward pass, and the initialisation. */
class RecurrentLayersTest {

    @ParameterizedTest(name = "{0} steps of {1}, hidden {2}, {3} rows, {4}")
    @CsvSource({
            "1, 2, 3, 2, LAST_STATE",
            "4, 3, 5, 3, LAST_STATE",
            "4, 3, 5, 3, ALL_STATES",
            "6, 1, 2, 1, ALL_STATES",
            "3, 4, 4, 5, ALL_STATES"})
    @DisplayName("Gru: input, weight and bias gradients through time match central differences")
    void gruGradients(int steps, int features, int hidden, int rows, Gru.Output output) {
        assertGradients(() -> new Gru(steps, features, hidden, output), rows, 31);
    }

    @Test
    @DisplayName("Gru: gradients also match with random biases and weights, in buffers larger than the pass")
    void gruGradientsWithBiases() {
        try (LayerRig rig = new LayerRig(new Gru(3, 2, 4, Gru.Output.ALL_STATES), 3, new SplittableRandom(32))) {
            // Random everything (Orthogonal blocks and zero biases could hide a swapped bias or block).
            GradCheckSupport.fill(rig.p, new SplittableRandom(33), -0.8, 0.8);
            // Buffers for more rows than the checked passes use, and a pass of another row count in between.
            rig.layer.reserve(7);
            rig.layer.forward(rig.x, rig.y, 1);
            double[] err = rig.check();
            for (double e : err) {
                assertThat(e).isLessThan(GradCheckSupport.TOLERANCE);
            }
        }
    }

    @ParameterizedTest(name = "{0} steps, width {1}, {2} rows")
    @CsvSource({"1, 3, 2", "4, 2, 3", "28, 1, 2"})
    @DisplayName("RepeatSteps: the input gradient (sum over steps) matches central differences")
    void repeatGradients(int steps, int width, int rows) {
        assertGradients(() -> new RepeatSteps(width, steps), rows, 34);
    }

    @ParameterizedTest(name = "{0} steps, {1} -> {2}, {3} rows")
    @CsvSource({"1, 3, 2, 2", "4, 3, 5, 3", "5, 2, 1, 1"})
    @DisplayName("TimeDistributedDense: input, weight and bias gradients match central differences")
    void timeDistributedGradients(int steps, int in, int out, int rows) {
        assertGradients(() -> new TimeDistributedDense(steps, in, out), rows, 35);
    }

    @Test
    @DisplayName("Gru: forward equals a double-precision reference of the equations, also after a smaller pass")
    void gruForwardMatchesReference() {
        int steps = 5;
        int features = 3;
        int hidden = 4;
        int rows = 3;
        Gru gru = new Gru(steps, features, hidden, Gru.Output.ALL_STATES);
        try (LayerRig rig = new LayerRig(gru, rows, new SplittableRandom(36))) {
            GradCheckSupport.fill(rig.p, new SplittableRandom(37), -0.8, 0.8);
            float[] p = rig.p.toArray();
            float[] x = rig.x.toArray();
            double[] expected = ReferenceGru.run(p, x, rows, steps, features, hidden);
            // A pass over one row first: the layer's time-major views must follow the row count.
            gru.forward(rig.x, rig.y, 1);
            gru.forward(rig.x, rig.y, rows);
            float[] y = rig.y.toArray();
            for (int i = 0; i < y.length; i++) {
                assertThat((double) y[i]).as("output " + i).isCloseTo(expected[i], within(1e-5));
            }
            Gru last = new Gru(steps, features, hidden, Gru.Output.LAST_STATE);
            try (FloatVec out = FloatVec.allocate(rows * hidden)) {
                last.bind(rig.p, rig.gp);
                last.forward(rig.x, out, rows);
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < hidden; j++) {
                        assertThat(out.get(r * hidden + j)).isEqualTo(y[(r * steps + steps - 1) * hidden + j]);
                    }
                }
                last.release();
            }
        }
    }

    @Test
    @DisplayName("Orthogonal: Q Q^T is the identity")
    void orthogonal() {
        int n = 20;
        double[] q = Orthogonal.draw(n, new SplittableRandom(38));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += q[i * n + k] * q[j * n + k];
                }
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    @DisplayName("Gru: over 28 steps at init, the first row still reaches the last state and nothing explodes")
    void gruOver28StepsAtInit() {
        int steps = 28;
        int rows = 8;
        try (LayerRig rig = new LayerRig(new Gru(steps, 28, 64, Gru.Output.LAST_STATE), rows,
                new SplittableRandom(39))) {
            rig.layer.forward(rig.x, rig.y, rows);
            rig.layer.backward(rig.x, rig.y, rig.dy, rig.dx, rows, true);
            double first = 0;
            double last = 0;
            for (int r = 0; r < rows; r++) {
                for (int f = 0; f < 28; f++) {
                    first += Math.pow(rig.dx.get((r * steps) * 28 + f), 2);
                    last += Math.pow(rig.dx.get((r * steps + steps - 1) * 28 + f), 2);
                }
            }
            double ratio = Math.sqrt(first / last);
            // A gated recurrent state forgets geometrically; at this init the first step keeps a small but live share.
            assertThat(ratio).isBetween(1e-6, 1.0);
            for (float g : rig.gp.toArray()) {
                assertThat(Float.isFinite(g)).isTrue();
            }
            for (float v : rig.y.toArray()) {
                assertThat(Math.abs(v)).isLessThan(1f);
            }
            System.out.println("dx first/last step norm ratio " + ratio);
        }
    }
}
