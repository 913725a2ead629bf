package dev.ganplayground.training;

import dev.ganplayground.data.ImageDataset;
import java.util.SplittableRandom;

/** An image dataset as a trainer's {@link RealSource} (immutable, shareable between runs). */
public record ImageSource(ImageDataset dataset) implements RealSource {
    @Override
    public SampleShape shape() {
        return new SampleShape(dataset.channels(), dataset.height(), dataset.width());
    }

    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        dataset.sample(rng, out, offset, n);
    }
}
