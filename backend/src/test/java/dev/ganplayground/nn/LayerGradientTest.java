package dev.ganplayground.nn;

import static dev.ganplayground.nn.GradCheckSupport.EPS;
import static dev.ganplayground.nn.GradCheckSupport.FLOOR;
import static dev.ganplayground.nn.GradCheckSupport.TOLERANCE;
import static dev.ganplayground.nn.GradCheckSupport.fill;
import static dev.ganplayground.nn.GradCheckSupport.probe;
import static dev.ganplayground.nn.GradCheckSupport.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every layer's backward against central differences of the probe loss sum(r * y). */
class LayerGradientTest {
    private static final int ROWS = 4;

    @Test
    @DisplayName("Dense: input, weight and bias gradients match central differences")
    void denseGradients() {
        SplittableRandom rng = new SplittableRandom(1);
        Dense layer = new Dense(3, 5);
        try (FloatVec p = FloatVec.allocate(layer.parameterCount());
             FloatVec gp = FloatVec.allocate(layer.parameterCount());
             FloatVec x = FloatVec.allocate(ROWS * 3);
             FloatVec y = FloatVec.allocate(ROWS * 5);
             FloatVec dy = FloatVec.allocate(ROWS * 5);
             FloatVec dx = FloatVec.allocate(ROWS * 3)) {
            layer.bind(p, gp);
            layer.initialize(rng);
            fill(x, rng, -1, 1);
            float[] r = random(ROWS * 5, rng);
            dy.copyFrom(r, 0, 0, r.length);
            layer.forward(x, y, ROWS);
            layer.backward(x, y, dy, dx, ROWS, true);
            Runnable fwd = () -> layer.forward(x, y, ROWS);
            double inErr = GradCheck.maxRelativeError(x, dx.toArray(), () -> { fwd.run(); return probe(y, r); },
                    EPS, FLOOR);
            double pErr = GradCheck.maxRelativeError(p, gp.toArray(), () -> { fwd.run(); return probe(y, r); },
                    EPS, FLOOR);
            assertThat(inErr).isLessThan(TOLERANCE);
            assertThat(pErr).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("Dense: skipping the input gradient leaves dx untouched; skipping param grads leaves them untouched")
    void denseSkipFlags() {
        SplittableRandom rng = new SplittableRandom(2);
        Dense layer = new Dense(2, 3);
        try (FloatVec p = FloatVec.allocate(layer.parameterCount());
             FloatVec gp = FloatVec.allocate(layer.parameterCount());
             FloatVec x = FloatVec.allocate(6);
             FloatVec y = FloatVec.allocate(9);
             FloatVec dy = FloatVec.allocate(9);
             FloatVec dx = FloatVec.allocate(6)) {
            layer.bind(p, gp);
            layer.initialize(rng);
            fill(x, rng, -1, 1);
            fill(dy, rng, -1, 1);
            gp.fill(7f);
            dx.fill(7f);
            layer.forward(x, y, 3);
            layer.backward(x, y, dy, null, 3, false);
            assertThat(gp.toArray()).containsOnly(7f);
            layer.backward(x, y, dy, dx, 3, false);
            assertThat(gp.toArray()).containsOnly(7f);
            assertThat(dx.toArray()).doesNotContain(7f);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.Kind.class)
    @DisplayName("Activations: input gradients match central differences")
    void activationGradients(Activation.Kind kind) {
        SplittableRandom rng = new SplittableRandom(3);
        int width = 6;
        Activation layer = new Activation(kind, width);
        try (FloatVec x = FloatVec.allocate(ROWS * width);
             FloatVec y = FloatVec.allocate(ROWS * width);
             FloatVec dy = FloatVec.allocate(ROWS * width);
             FloatVec dx = FloatVec.allocate(ROWS * width)) {
            // Keep inputs away from ReLU's kink, where a central difference is meaningless.
            for (int i = 0; i < x.length(); i++) {
                double v = rng.nextDouble(0.1, 2);
                x.set(i, (float) (rng.nextBoolean() ? v : -v));
            }
            float[] r = random(ROWS * width, rng);
            dy.copyFrom(r, 0, 0, r.length);
            layer.forward(x, y, ROWS);
            layer.backward(x, y, dy, dx, ROWS, true);
            double err = GradCheck.maxRelativeError(x, dx.toArray(),
                    () -> { layer.forward(x, y, ROWS); return probe(y, r); }, EPS, FLOOR);
            assertThat(err).isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.Kind.class)
    @DisplayName("Sequential: a small MLP's parameter and input gradients match central differences")
    void sequentialGradients(Activation.Kind kind) {
        SplittableRandom rng = new SplittableRandom(4);
        List<Layer> layers = List.of(new Dense(3, 5), new Activation(kind, 5), new Dense(5, 4),
                new Activation(kind, 4), new Dense(4, 2));
        try (Sequential net = new Sequential(layers, ROWS);
             FloatVec x = FloatVec.allocate(ROWS * 3);
             FloatVec dOut = FloatVec.allocate(ROWS * 2);
             FloatVec dx = FloatVec.allocate(ROWS * 3)) {
            net.initialize(rng);
            fill(x, rng, -1, 1);
            float[] r = random(ROWS * 2, rng);
            dOut.copyFrom(r, 0, 0, r.length);
            net.forward(x, ROWS);
            net.backward(dOut, ROWS, true, dx);
            double pErr = GradCheck.maxRelativeError(net.parameters(), net.gradients().toArray(),
                    () -> probe(net.forward(x, ROWS), r), EPS, FLOOR);
            double inErr = GradCheck.maxRelativeError(x, dx.toArray(),
                    () -> probe(net.forward(x, ROWS), r), EPS, FLOOR);
            assertThat(pErr).isLessThan(TOLERANCE);
            assertThat(inErr).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("the gradient check fails a backward pass with a flipped sign")
    void checkCatchesSignError() {
        SplittableRandom rng = new SplittableRandom(5);
        try (FloatVec x = FloatVec.allocate(8)) {
            fill(x, rng, -1, 1);
            float[] wrong = new float[8];
            for (int i = 0; i < 8; i++) {
                wrong[i] = -2 * x.get(i); // true gradient of sum(x^2) is +2x
            }
            double err = GradCheck.maxRelativeError(x, wrong, () -> x.sumOfSquares(), EPS, FLOOR);
            assertThat(err).isGreaterThan(0.9);
        }
    }
}
