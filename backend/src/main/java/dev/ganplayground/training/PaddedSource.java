package dev.ganplayground.training;

import java.util.SplittableRandom;

/**
 * An image {@link RealSource} padded to a larger square, centred, with the background value -1 (black in [-1, 1]):
 * StyleGAN trains at a power-of-two side (32), the 28x28 datasets get two rows and columns of background on each
 * side. {@link #cropCentre} takes generated images back to the dataset's size (for its classifier).
 *
 * @param inner the dataset's source
 * @param side  the padded side, at least the inner height and width
 */
public record PaddedSource(RealSource inner, int side) implements RealSource {
    /** The background value of the padding. */
    public static final float BACKGROUND = -1f;

    public PaddedSource {
        SampleShape s = inner.shape();
        if (side < s.height() || side < s.width()) {
            throw new IllegalArgumentException("cannot pad " + s.height() + "x" + s.width() + " to " + side);
        }
    }

    @Override
    public SampleShape shape() {
        return new SampleShape(inner.shape().channels(), side, side);
    }

    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        SampleShape s = inner.shape();
        float[] raw = new float[n * s.size()];
        inner.sample(rng, raw, 0, n);
        int top = (side - s.height()) / 2;
        int left = (side - s.width()) / 2;
        int plane = side * side;
        java.util.Arrays.fill(out, offset, offset + n * s.channels() * plane, BACKGROUND);
        for (int i = 0; i < n * s.channels(); i++) {
            for (int y = 0; y < s.height(); y++) {
                System.arraycopy(raw, (i * s.height() + y) * s.width(), out,
                        offset + i * plane + (top + y) * side + left, s.width());
            }
        }
    }

    /** The centred {@code height x width} crop of {@code n} images of {@code channels x side x side}. */
    public static float[] cropCentre(float[] images, int n, int channels, int side, int height, int width) {
        int top = (side - height) / 2;
        int left = (side - width) / 2;
        float[] out = new float[n * channels * height * width];
        for (int i = 0; i < n * channels; i++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(images, i * side * side + (top + y) * side + left, out, (i * height + y) * width,
                        width);
            }
        }
        return out;
    }
}
