package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The branch-free activation loops give what the plain definitions give. */
class ActivationTest {
    @Test
    @DisplayName("tanh through exp is within one float ulp of Math.tanh from 1e-8 to saturation")
    void tanhAccuracy() {
        for (double m = 1e-8; m < 20; m *= 1.01) {
            for (float x : new float[]{(float) m, (float) -m}) {
                float want = (float) Math.tanh(x);
                assertThat(Math.abs(Activation.tanh(x) - want)).as("x = %s", x).isLessThanOrEqualTo(Math.ulp(want));
            }
        }
        assertThat(Activation.tanh(100f)).isEqualTo(1f);
        assertThat(Activation.tanh(-100f)).isEqualTo(-1f);
        assertThat(Activation.tanh(0f)).isZero();
    }

    @Test
    @DisplayName("ReLU and leaky ReLU, forward and backward, equal the branching definitions exactly")
    void reluExact() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 1000;
        for (Activation.Kind kind : new Activation.Kind[]{Activation.Kind.RELU, Activation.Kind.LEAKY_RELU}) {
            Activation a = new Activation(kind, n);
            try (FloatVec x = FloatVec.allocate(n); FloatVec y = FloatVec.allocate(n); FloatVec g = FloatVec.allocate(n);
                 FloatVec dx = FloatVec.allocate(n)) {
                for (int i = 0; i < n; i++) {
                    x.set(i, i % 10 == 0 ? 0f : (float) rng.nextGaussian());
                    g.set(i, (float) rng.nextGaussian());
                }
                a.forward(x, y, 1);
                a.backward(x, y, g, dx, 1, false);
                float slope = kind == Activation.Kind.RELU ? 0f : Activation.LEAK;
                for (int i = 0; i < n; i++) {
                    float v = x.get(i);
                    assertThat(y.get(i)).isEqualTo(v > 0f ? v : slope * v);
                    assertThat(dx.get(i)).isEqualTo(y.get(i) > 0f ? g.get(i) : slope * g.get(i));
                }
            }
        }
    }
}
