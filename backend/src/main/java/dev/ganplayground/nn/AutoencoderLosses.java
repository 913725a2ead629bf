package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * An autoencoder's loss terms over row-major batches, each returning its value (accumulated in double) and writing
 * or adding its gradient: the reconstruction error and the sparsity penalties on the coding layer. The VAE's KL term
 * is {@link Reparameterisation#klAndGradient}.
 */
public final class AutoencoderLosses {
    /** Mean activations are clamped this far inside (0, 1), so KL sparsity stays finite on any code. */
    static final double CLAMP = 1e-6;

    private AutoencoderLosses() {
    }

    /**
     * Mean squared error per value over {@code n} values of {@code y} against {@code target}; writes
     * {@code scale} times its gradient, scale * 2 (y - t) / n, into {@code grad} unless it is null.
     */
    public static double mse(FloatVec y, FloatVec target, int n, float scale, FloatVec grad) {
        FloatBuffer yb = y.buffer();
        FloatBuffer tb = target.buffer();
        FloatBuffer gb = grad == null ? null : grad.buffer();
        float c = 2f * scale / n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            float d = yb.get(i) - tb.get(i);
            s += (double) d * d;
            if (gb != null) {
                gb.put(i, c * d);
            }
        }
        return s / n;
    }

    /**
     * KL sparsity (Ng's sparse autoencoder notes): beta * sum_j KL(rho || rhoHat_j) where rhoHat_j is unit j's mean
     * activation over the rows and KL(p || q) = p log(p / q) + (1 - p) log((1 - p) / (1 - q)). Meant for sigmoid codes;
     * rhoHat is clamped into [1e-6, 1 - 1e-6] (gradient 0 where clamped). Adds the gradient,
     * beta * (-rho / rhoHat + (1 - rho) / (1 - rhoHat)) / rows per activation, into {@code grad} unless null.
     *
     * @param codes rows x k activations
     * @param mean  k floats of scratch space, left holding the (unclamped) mean activations
     * @return the weighted penalty
     */
    public static double klSparsity(FloatVec codes, int rows, int k, double rho, double beta, double[] mean,
                                    FloatVec grad) {
        meanColumns(codes, rows, k, mean);
        FloatBuffer gb = grad == null ? null : grad.buffer();
        double total = 0;
        for (int j = 0; j < k; j++) {
            double q = Math.min(Math.max(mean[j], CLAMP), 1 - CLAMP);
            total += rho * Math.log(rho / q) + (1 - rho) * Math.log((1 - rho) / (1 - q));
            if (gb != null) {
                boolean clamped = mean[j] < CLAMP || mean[j] > 1 - CLAMP;
                float g = clamped ? 0f : (float) (beta * (-rho / q + (1 - rho) / (1 - q)) / rows);
                for (int r = 0; r < rows; r++) {
                    gb.put(r * k + j, gb.get(r * k + j) + g);
                }
            }
        }
        return beta * total;
    }

    /**
     * L1 sparsity: beta * mean |a| over all rows x k activations; adds beta * sign(a) / (rows k) into {@code grad}
     * unless it is null.
     */
    public static double l1Sparsity(FloatVec codes, int rows, int k, double beta, FloatVec grad) {
        FloatBuffer cb = codes.buffer();
        FloatBuffer gb = grad == null ? null : grad.buffer();
        int n = rows * k;
        float g = (float) (beta / n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            float a = cb.get(i);
            s += Math.abs(a);
            if (gb != null) {
                gb.put(i, gb.get(i) + g * Math.signum(a));
            }
        }
        return beta * s / n;
    }

    /** Writes each column's mean over the rows into {@code mean} (k floats). */
    public static void meanColumns(FloatVec codes, int rows, int k, double[] mean) {
        FloatBuffer cb = codes.buffer();
        java.util.Arrays.fill(mean, 0, k, 0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                mean[j] += cb.get(r * k + j);
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= rows;
        }
    }
}
