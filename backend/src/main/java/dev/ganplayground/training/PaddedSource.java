package dev.ganplayground.training;

import dev.ganplayground.data.ImageOps;
import java.util.SplittableRandom;

/**
 * Another image source's samples padded to {@code size x size}, centred, with {@code fill} around them: ProGAN and
 * StyleGAN train at power-of-two resolutions, so the 28x28 datasets become 32x32 with the background value -1
 * (black, as the digits' own background). {@link #cropCentre} takes generated images back to the dataset's size
 * (for its classifier). Immutable and shareable like the source it wraps.
 *
 * @param inner an image source no larger than size x size
 * @param size  the padded side
 * @param fill  the padding's value
 */
public record PaddedSource(RealSource inner, int size, float fill) implements RealSource {
    /** The background value of the padding: black in [-1, 1]. */
    public static final float BACKGROUND = -1f;

    public PaddedSource {
        SampleShape s = inner.shape();
        if (s.height() > size || s.width() > size) {
            throw new IllegalArgumentException(s.height() + "x" + s.width() + " images do not fit in " + size + "x"
                    + size);
        }
    }

    /** Padded with {@link #BACKGROUND}. */
    public PaddedSource(RealSource inner, int size) {
        this(inner, size, BACKGROUND);
    }

    @Override
    public SampleShape shape() {
        return new SampleShape(inner.shape().channels(), size, size);
    }

    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        SampleShape s = inner.shape();
        inner.sample(rng, out, offset, n);
        ImageOps.padInPlace(out, offset, n, s.channels(), s.height(), s.width(), size, fill);
    }

    /** The centred {@code height x width} crop of {@code n} images of {@code channels x side x side}. */
    public static float[] cropCentre(float[] images, int n, int channels, int side, int height, int width) {
        float[] out = new float[n * channels * height * width];
        ImageOps.cropCenter(images, 0, out, 0, n, channels, side, side, height, width);
        return out;
    }
}
