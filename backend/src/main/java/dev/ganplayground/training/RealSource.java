package dev.ganplayground.training;

import java.util.SplittableRandom;

/**
 * Where a trainer's real samples come from: a 2D distribution (2 floats per sample) or an image dataset (C x H x W
 * floats in [-1, 1] per sample, NCHW). Implementations are immutable and shareable between runs; all randomness
 * comes from the caller's stream, so a seed reproduces a run.
 */
public interface RealSource {
    /** Floats per sample: 2 for points, C * H * W for images. */
    default int width() {
        return shape().size();
    }

    /** Shape of one sample; points are {@link SampleShape#POINT}. */
    SampleShape shape();

    /** Writes {@code n} random samples into {@code out[offset .. offset + n * width())}, one after another. */
    void sample(SplittableRandom rng, float[] out, int offset, int n);

    /**
     * Shape of one sample.
     *
     * @param channels C (a 2D point is 2 channels of 1 x 1)
     * @param height   H
     * @param width    W
     */
    record SampleShape(int channels, int height, int width) {
        public static final SampleShape POINT = new SampleShape(2, 1, 1);

        public SampleShape {
            if (channels < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("sample shape must be positive, found " + channels + "x" + height
                        + "x" + width);
            }
        }

        public int size() {
            return channels * height * width;
        }
    }
}
