package dev.ganplayground.ae;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.nn.FloatVec;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * A denoising autoencoder's input corruption (Vincent et al. 2008): additive Gaussian noise or dropout of input
 * values. It writes a corrupted copy and never touches its source, which stays the clean target.
 */
final class Corruption {
    private Corruption() {
    }

    /** Writes {@code n} values of {@code src}, corrupted as {@code loss} says, into {@code dst}. */
    static void apply(AeLossConfig loss, FloatVec src, FloatVec dst, int n, SplittableRandom rng) {
        FloatBuffer s = src.buffer();
        FloatBuffer d = dst.buffer();
        float level = (float) loss.corruptionLevel();
        switch (loss.corruption()) {
            case NONE -> dst.copyFrom(src, 0, n);
            case GAUSSIAN -> {
                for (int i = 0; i < n; i++) {
                    d.put(i, s.get(i) + level * (float) rng.nextGaussian());
                }
            }
            case DROPOUT -> {
                for (int i = 0; i < n; i++) {
                    d.put(i, rng.nextDouble() < level ? 0f : s.get(i));
                }
            }
        }
    }

    /** The heap version: a corrupted copy of {@code x[0, n)}. */
    static float[] apply(AeLossConfig loss, float[] x, int n, SplittableRandom rng) {
        float[] out = new float[n];
        float level = (float) loss.corruptionLevel();
        for (int i = 0; i < n; i++) {
            out[i] = switch (loss.corruption()) {
                case NONE -> x[i];
                case GAUSSIAN -> x[i] + level * (float) rng.nextGaussian();
                case DROPOUT -> rng.nextDouble() < level ? 0f : x[i];
            };
        }
        return out;
    }
}
