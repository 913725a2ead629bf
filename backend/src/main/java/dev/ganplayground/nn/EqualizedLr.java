package dev.ganplayground.nn;

import java.util.SplittableRandom;

/**
 * Equalised learning rate (Karras et al. 2018, section 4.1): weights are stored as draws from N(0, 1 / lrMultiplier^2)
 * and multiplied at run time by {@code gain / sqrt(fanIn) * lrMultiplier} (the He constant for gain sqrt(2)), so
 * Adam's scale-free updates move every layer's effective weights at the same relative speed. Biases start at 0 and
 * are multiplied by {@code lrMultiplier} at run time (StyleGAN's mapping network uses 0.01; ProGAN uses 1, where
 * the bias is unscaled). {@link Dense} folds the scale into its BLAS calls' alpha; {@link Conv2d} keeps a scaled
 * copy of its parameters that ND4J's kernels are bound to once, refreshed at each forward pass.
 *
 * @param gain         the numerator of the He constant: sqrt(2) before a (leaky) ReLU, 1 for a linear output
 * @param lrMultiplier scales the effective learning rate of the layer's weights and bias, in (0, 1]
 */
public record EqualizedLr(double gain, double lrMultiplier) {
    /** Gain sqrt(2), learning-rate multiplier 1: ProGAN's conv and dense layers before a leaky ReLU. */
    public static final EqualizedLr HE = new EqualizedLr(Math.sqrt(2), 1);
    /** Gain 1, multiplier 1: ProGAN's toRGB (a linear output). */
    public static final EqualizedLr LINEAR = new EqualizedLr(1, 1);

    public EqualizedLr {
        if (!(gain > 0) || !(lrMultiplier > 0) || lrMultiplier > 1) {
            throw new IllegalArgumentException("gain must be > 0 and lrMultiplier in (0, 1], found " + gain + ", "
                    + lrMultiplier);
        }
    }

    /** Gain {@code gain}, multiplier 1. */
    public static EqualizedLr ofGain(double gain) {
        return new EqualizedLr(gain, 1);
    }

    /** The factor applied to the stored weights at run time for a layer whose outputs each see {@code fanIn} inputs. */
    public float weightScale(int fanIn) {
        return (float) (gain / Math.sqrt(fanIn) * lrMultiplier);
    }

    /** The factor applied to the stored bias at run time. */
    public float biasScale() {
        return (float) lrMultiplier;
    }

    /** Stored weights from N(0, 1 / lrMultiplier^2), bias 0. */
    public void fill(FloatVec w, FloatVec b, SplittableRandom rng) {
        double std = 1.0 / lrMultiplier;
        for (int i = 0; i < w.length(); i++) {
            w.set(i, (float) (std * rng.nextGaussian()));
        }
        b.fill(0f);
    }
}
