package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * A VAE's sampling step as a layer: each input row is [mu (k floats) | log sigma^2 (k floats)], each output row the
 * code z = mu + exp(logvar / 2) * eps with eps ~ N(0, 1) (Kingma and Welling 2014, the reparameterisation trick), so
 * the gradient reaches mu and logvar: dz/dmu = 1, dz/dlogvar = exp(logvar / 2) * eps / 2.
 *
 * <p>eps comes from the caller's stream through {@link #drawNoise} before each training pass, so the model's
 * randomness stays on the trainer's seeded streams. With sampling off (evaluation) z = mu. The closed-form KL term
 * that goes with it is {@link #klAndGradient}.
 */
public final class Reparameterisation implements Layer {
    private final int k;
    private FloatVec eps;
    private boolean sampling = true;

    /** A layer for codes of {@code codeSize} units (inputs 2 * codeSize wide). */
    public Reparameterisation(int codeSize) {
        if (codeSize < 1) {
            throw new IllegalArgumentException("codeSize must be positive, found " + codeSize);
        }
        this.k = codeSize;
    }

    @Override
    public int inputWidth() {
        return 2 * k;
    }

    @Override
    public int outputWidth() {
        return k;
    }

    /** Sampling (training) draws z around mu; off, z = mu exactly. */
    public void setSampling(boolean on) {
        sampling = on;
    }

    /** Fills eps for the next {@code rows} rows from {@code rng}. */
    public void drawNoise(SplittableRandom rng, int rows) {
        reserve(rows);
        FloatBuffer e = eps.buffer();
        for (int i = 0, n = rows * k; i < n; i++) {
            e.put(i, (float) rng.nextGaussian());
        }
    }

    /** The noise of the next pass (rows x codeSize), writable, e.g. for a test's hand-computed example. */
    public FloatVec noise() {
        return eps;
    }

    @Override
    public void reserve(int rows) {
        if (eps == null || rows * k > eps.length()) {
            FloatVec grown = FloatVec.allocate(rows * k);
            if (eps != null) {
                grown.copyFrom(eps, 0, eps.length());
                eps.close();
            }
            eps = grown;
        }
    }

    @Override
    public void release() {
        if (eps != null) {
            eps.close();
            eps = null;
        }
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        reserve(rows);
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        FloatBuffer e = eps.buffer();
        for (int r = 0; r < rows; r++) {
            int in = 2 * k * r;
            int o = k * r;
            for (int j = 0; j < k; j++) {
                float mu = xb.get(in + j);
                yb.put(o + j, sampling ? mu + (float) Math.exp(0.5 * xb.get(in + k + j)) * e.get(o + j) : mu);
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null) {
            return;
        }
        FloatBuffer xb = x.buffer();
        FloatBuffer gb = dy.buffer();
        FloatBuffer db = dx.buffer();
        FloatBuffer e = eps.buffer();
        for (int r = 0; r < rows; r++) {
            int in = 2 * k * r;
            int o = k * r;
            for (int j = 0; j < k; j++) {
                float g = gb.get(o + j);
                db.put(in + j, g);
                float dLogvar = sampling ? g * 0.5f * (float) Math.exp(0.5 * xb.get(in + k + j)) * e.get(o + j) : 0f;
                db.put(in + k + j, dLogvar);
            }
        }
    }

    /**
     * The closed-form KL(N(mu, sigma^2) || N(0, I)) = -0.5 * sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j)) per row,
     * averaged over the rows (Kingma and Welling 2014, appendix B). When {@code grad} is not null, adds
     * {@code weight} times the mean's gradient into it: d/dmu = mu / rows, d/dlogvar = (exp(logvar) - 1) / (2 rows).
     *
     * @param muLogvar rows x 2k, each row [mu | logvar]
     * @return the mean KL per row (unweighted)
     */
    public static double klAndGradient(FloatVec muLogvar, int rows, int k, float weight, FloatVec grad) {
        FloatBuffer xb = muLogvar.buffer();
        FloatBuffer gb = grad == null ? null : grad.buffer();
        float scale = weight / rows;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int in = 2 * k * r;
            for (int j = 0; j < k; j++) {
                double mu = xb.get(in + j);
                double lv = xb.get(in + k + j);
                double var = Math.exp(lv);
                total += -0.5 * (1 + lv - mu * mu - var);
                if (gb != null) {
                    gb.put(in + j, gb.get(in + j) + scale * (float) mu);
                    gb.put(in + k + j, gb.get(in + k + j) + scale * (float) (0.5 * (var - 1)));
                }
            }
        }
        return total / rows;
    }
}
