package dev.ganplayground.nn;

import static dev.ganplayground.nn.GradCheckSupport.EPS;
import static dev.ganplayground.nn.GradCheckSupport.FLOOR;
import static dev.ganplayground.nn.GradCheckSupport.TOLERANCE;
import static dev.ganplayground.nn.GradCheckSupport.fill;
import static dev.ganplayground.nn.GradCheckSupport.probe;
import static dev.ganplayground.nn.GradCheckSupport.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The autoencoder's layers and losses: tied decoder, reparameterisation, KL terms, sparsity, MSE. */
class AutoencoderLayersTest {
    private static final int ROWS = 4;

    @Test
    @DisplayName("TiedDense: a write through the encoder's weights is seen by the decoder (shared memory)")
    void tiedDecoderSharesEncoderWeights() {
        Dense enc = new Dense(2, 1);
        TiedDense dec = new TiedDense(enc);
        try (FloatVec ep = FloatVec.allocate(enc.parameterCount());
             FloatVec eg = FloatVec.allocate(enc.parameterCount());
             FloatVec dp = FloatVec.allocate(dec.parameterCount());
             FloatVec dg = FloatVec.allocate(dec.parameterCount());
             FloatVec x = FloatVec.allocate(1);
             FloatVec y = FloatVec.allocate(2)) {
            enc.bind(ep, eg);
            dec.bind(dp, dg);
            ep.copyFrom(new float[]{0.5f, -2f, 9f}, 0, 0, 3); // W = [0.5, -2]^T, encoder bias 9 (unused here)
            dp.copyFrom(new float[]{1f, 3f}, 0, 0, 2);
            x.set(0, 2f);
            dec.forward(x, y, 1);
            assertThat(y.toArray()).containsExactly(2f, -1f); // 2 * W^T + b
            ep.set(1, 4f); // through the encoder's own parameter vector
            dec.forward(x, y, 1);
            assertThat(y.toArray()).containsExactly(2f, 11f);
            assertThat(dec.parameterCount()).isEqualTo(2); // its own bias only
        }
    }

    @Test
    @DisplayName("TiedDense: encoder + tied decoder chain, the shared weight's gradient sums both uses")
    void tiedChainGradients() {
        SplittableRandom rng = new SplittableRandom(11);
        Dense enc = new Dense(5, 3);
        TiedDense dec = new TiedDense(enc);
        List<Layer> layers = List.of(enc, new Activation(Activation.Kind.TANH, 3), dec,
                new Activation(Activation.Kind.TANH, 5));
        try (Sequential net = new Sequential(layers, ROWS);
             FloatVec x = FloatVec.allocate(ROWS * 5);
             FloatVec dOut = FloatVec.allocate(ROWS * 5);
             FloatVec dx = FloatVec.allocate(ROWS * 5)) {
            net.initialize(rng);
            GradCheckSupport.fill(net.parameters().view(enc.parameterCount(), 5), rng, -0.5, 0.5);
            fill(x, rng, -1, 1);
            float[] r = random(ROWS * 5, rng);
            dOut.copyFrom(r, 0, 0, r.length);
            net.forward(x, ROWS);
            net.backward(dOut, ROWS, true, dx);
            dec.addWeightGradient();
            double pErr = GradCheck.maxRelativeError(net.parameters(), net.gradients().toArray(),
                    () -> probe(net.forward(x, ROWS), r), EPS, FLOOR);
            double inErr = GradCheck.maxRelativeError(x, dx.toArray(), () -> probe(net.forward(x, ROWS), r), EPS,
                    FLOOR);
            assertThat(pErr).isLessThan(TOLERANCE);
            assertThat(inErr).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("Reparameterisation: z = mu + exp(logvar / 2) eps by hand; mu exactly with sampling off")
    void reparameterisationByHand() {
        Reparameterisation layer = new Reparameterisation(1);
        try (FloatVec x = FloatVec.allocate(2); FloatVec y = FloatVec.allocate(1)) {
            layer.reserve(1);
            x.copyFrom(new float[]{1f, (float) Math.log(4)}, 0, 0, 2);
            layer.noise().set(0, 0.5f);
            layer.forward(x, y, 1);
            assertThat(y.get(0)).isCloseTo(2f, within(1e-6f)); // 1 + 2 * 0.5
            layer.setSampling(false);
            layer.forward(x, y, 1);
            assertThat(y.get(0)).isEqualTo(1f);
            layer.release();
        }
    }

    @Test
    @DisplayName("Reparameterisation: gradients w.r.t. mu and logvar match central differences")
    void reparameterisationGradients() {
        SplittableRandom rng = new SplittableRandom(12);
        Reparameterisation layer = new Reparameterisation(3);
        try (FloatVec x = FloatVec.allocate(ROWS * 6);
             FloatVec y = FloatVec.allocate(ROWS * 3);
             FloatVec dy = FloatVec.allocate(ROWS * 3);
             FloatVec dx = FloatVec.allocate(ROWS * 6)) {
            layer.drawNoise(rng, ROWS);
            fill(x, rng, -1, 1);
            float[] r = random(ROWS * 3, rng);
            dy.copyFrom(r, 0, 0, r.length);
            layer.forward(x, y, ROWS);
            layer.backward(x, y, dy, dx, ROWS, true);
            double err = GradCheck.maxRelativeError(x, dx.toArray(), () -> {
                layer.forward(x, y, ROWS);
                return probe(y, r);
            }, EPS, FLOOR);
            assertThat(err).isLessThan(TOLERANCE);
            layer.release();
        }
    }

    @Test
    @DisplayName("VAE KL: the closed form on a hand-computed example, and its gradient")
    void gaussianKl() {
        try (FloatVec x = FloatVec.allocate(4); FloatVec g = FloatVec.allocate(4)) {
            // mu = (1, 0), logvar = (0, ln 2): -0.5 * ((1 + 0 - 1 - 1) + (1 + ln 2 - 0 - 2)) = 1 - ln(2) / 2
            x.copyFrom(new float[]{1f, 0f, 0f, (float) Math.log(2)}, 0, 0, 4);
            double kl = Reparameterisation.klAndGradient(x, 1, 2, 1f, null);
            assertThat(kl).isCloseTo(1 - Math.log(2) / 2, within(1e-6));
            SplittableRandom rng = new SplittableRandom(13);
            fill(x, rng, -1, 1);
            g.fill(0.25f); // the gradient is added: start from something
            Reparameterisation.klAndGradient(x, 2, 1, 3f, g);
            float[] analytic = g.toArray();
            for (int i = 0; i < 4; i++) {
                analytic[i] -= 0.25f;
            }
            double err = GradCheck.maxRelativeError(x, analytic,
                    () -> 3 * Reparameterisation.klAndGradient(x, 2, 1, 3f, null), EPS, FLOOR);
            assertThat(err).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("KL sparsity: hand-computed penalty and a gradient check; L1 likewise")
    void sparsityPenalties() {
        double[] mean = new double[3];
        try (FloatVec a = FloatVec.allocate(2); FloatVec g = FloatVec.allocate(6); FloatVec c = FloatVec.allocate(6)) {
            a.copyFrom(new float[]{0.2f, 0.4f}, 0, 0, 2); // one unit, mean 0.3, rho 0.1, beta 2
            double expected = 2 * (0.1 * Math.log(0.1 / 0.3) + 0.9 * Math.log(0.9 / 0.7));
            assertThat(AutoencoderLosses.klSparsity(a, 2, 1, 0.1, 2, mean, null)).isCloseTo(expected, within(1e-6));
            assertThat(AutoencoderLosses.l1Sparsity(a, 2, 1, 2, null)).isCloseTo(2 * 0.3, within(1e-6));

            SplittableRandom rng = new SplittableRandom(14);
            fill(c, rng, 0.05, 0.95);
            AutoencoderLosses.klSparsity(c, 2, 3, 0.2, 1.5, mean, g);
            double klErr = GradCheck.maxRelativeError(c, g.toArray(),
                    () -> AutoencoderLosses.klSparsity(c, 2, 3, 0.2, 1.5, mean, null), EPS, FLOOR);
            assertThat(klErr).isLessThan(TOLERANCE);

            fill(c, rng, 0.1, 1);
            c.set(2, -0.4f);
            g.fill(0f);
            AutoencoderLosses.l1Sparsity(c, 2, 3, 0.7, g);
            double l1Err = GradCheck.maxRelativeError(c, g.toArray(),
                    () -> AutoencoderLosses.l1Sparsity(c, 2, 3, 0.7, null), EPS, FLOOR);
            assertThat(l1Err).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("MSE: per value by hand, and its scaled gradient")
    void meanSquaredError() {
        try (FloatVec y = FloatVec.allocate(4); FloatVec t = FloatVec.allocate(4); FloatVec g = FloatVec.allocate(4)) {
            y.copyFrom(new float[]{1f, 2f, 0f, -1f}, 0, 0, 4);
            t.copyFrom(new float[]{0f, 2f, 1f, 1f}, 0, 0, 4);
            assertThat(AutoencoderLosses.mse(y, t, 4, 1f, null)).isCloseTo((1 + 0 + 1 + 4) / 4.0, within(1e-9));
            AutoencoderLosses.mse(y, t, 4, 3f, g);
            double err = GradCheck.maxRelativeError(y, g.toArray(), () -> 3 * AutoencoderLosses.mse(y, t, 4, 1f, null),
                    EPS, FLOOR);
            assertThat(err).isLessThan(TOLERANCE);
        }
    }
}
