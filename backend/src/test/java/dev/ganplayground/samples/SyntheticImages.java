package dev.ganplayground.samples;

import java.util.SplittableRandom;

/** Test images: digit-like rings on a -1 background, or a trained-nothing generator's uniform noise. */
final class SyntheticImages {
    private SyntheticImages() {
    }

    /** n grey 28x28-style images of side {@code size}: a ring with random centre and radius, a little noise. */
    static float[] rings(int n, int channels, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n * channels * size * size];
        for (int i = 0; i < n; i++) {
            double cx = size * (0.35 + 0.3 * r.nextDouble());
            double cy = size * (0.35 + 0.3 * r.nextDouble());
            double radius = size * (0.15 + 0.15 * r.nextDouble());
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double d = Math.abs(Math.hypot(x - cx, y - cy) - radius);
                        double v = d < 1.5 ? 1 - d : -1;
                        out[((i * channels + c) * size + y) * size + x] =
                                (float) Math.max(-1, Math.min(1, v + 0.05 * r.nextGaussian()));
                    }
                }
            }
        }
        return out;
    }

    /** n images of uniform noise in [-1, 1] (an untrained generator; PNG's worst case). */
    static float[] noise(int n, int channels, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n * channels * size * size];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (2 * r.nextDouble() - 1);
        }
        return out;
    }
}
