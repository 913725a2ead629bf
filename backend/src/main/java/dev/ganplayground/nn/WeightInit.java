package dev.ganplayground.nn;

import java.util.SplittableRandom;

/** How a layer with weights and a bias ({@link Dense}, {@link Conv2d}, {@link ConvTranspose2d}) draws them. */
public enum WeightInit {
    /**
     * PyTorch's default for Linear and Conv layers: weights and bias uniform in +-1/sqrt(fanIn). Weights are drawn
     * first, then the bias, from the same stream.
     */
    UNIFORM_FAN_IN,
    /** DCGAN (Radford et al. 2016, section 4): weights from N(0, 0.02), bias 0. */
    DCGAN_NORMAL;

    /** Standard deviation of {@link #DCGAN_NORMAL}'s weights. */
    public static final double DCGAN_STD = 0.02;

    /** Fills {@code w} and {@code b} for a layer whose outputs each see {@code fanIn} inputs. */
    public void fill(FloatVec w, FloatVec b, int fanIn, SplittableRandom rng) {
        switch (this) {
            case UNIFORM_FAN_IN -> {
                double bound = 1.0 / Math.sqrt(fanIn);
                for (int i = 0; i < w.length(); i++) {
                    w.set(i, (float) ((rng.nextDouble() * 2 - 1) * bound));
                }
                for (int i = 0; i < b.length(); i++) {
                    b.set(i, (float) ((rng.nextDouble() * 2 - 1) * bound));
                }
            }
            case DCGAN_NORMAL -> {
                for (int i = 0; i < w.length(); i++) {
                    w.set(i, (float) (DCGAN_STD * rng.nextGaussian()));
                }
                b.fill(0f);
            }
        }
    }
}
