package dev.ganplayground.training;

import dev.ganplayground.data.ImageOps;
import java.util.SplittableRandom;

/**
 * Another image source's samples padded to {@code size x size}, centred, with {@code fill} around them: ProGAN
 * trains at power-of-two resolutions, so the 28x28 datasets become 32x32 with the background value -1 (black, as
 * the digits' own background). Immutable and shareable like the source it wraps.
 *
 * @param inner an image source no larger than size x size
 * @param size  the padded side
 * @param fill  the padding's value
 */
public record PaddedSource(RealSource inner, int size, float fill) implements RealSource {
    public PaddedSource {
        SampleShape s = inner.shape();
        if (s.height() > size || s.width() > size) {
            throw new IllegalArgumentException(s.height() + "x" + s.width() + " images do not fit in " + size + "x"
                    + size);
        }
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
}
