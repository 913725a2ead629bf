package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    @DisplayName("Adam's first two bias-corrected steps match the formula computed by hand in double")
    void adamMatchesFormula() {
        try (FloatVec p = FloatVec.allocate(2); FloatVec g = FloatVec.allocate(2); Adam adam = new Adam(2)) {
            p.set(0, 1f);
            p.set(1, -2f);
            adam.set(0.1, 0.5, 0.999);
            double[] pd = {1, -2};
            double[] m = new double[2];
            double[] v = new double[2];
            double[][] grads = {{0.3, -4}, {-0.1, 2}};
            for (int t = 1; t <= 2; t++) {
                for (int i = 0; i < 2; i++) {
                    g.set(i, (float) grads[t - 1][i]);
                    m[i] = 0.5 * m[i] + 0.5 * grads[t - 1][i];
                    v[i] = 0.999 * v[i] + 0.001 * grads[t - 1][i] * grads[t - 1][i];
                    double mh = m[i] / (1 - Math.pow(0.5, t));
                    double vh = v[i] / (1 - Math.pow(0.999, t));
                    pd[i] -= 0.1 * mh / (Math.sqrt(vh) + 1e-8);
                }
                adam.step(p, g);
            }
            assertThat((double) p.get(0)).isCloseTo(pd[0], within(1e-5));
            assertThat((double) p.get(1)).isCloseTo(pd[1], within(1e-5));
        }
    }

    @Test
    @DisplayName("SGD with momentum follows v = mu v + g, p -= lr v, and a changed lr applies without a reset")
    void sgdMomentum() {
        try (FloatVec p = FloatVec.allocate(1); FloatVec g = FloatVec.allocate(1); Sgd sgd = new Sgd(1)) {
            p.set(0, 1f);
            g.set(0, 2f);
            sgd.set(0.1, 0.9).step(p, g); // v = 2, p = 0.8
            sgd.set(0.01, 0.9).step(p, g); // v = 3.8, p = 0.762
            assertThat((double) p.get(0)).isCloseTo(0.762, within(1e-6));
        }
    }
}
