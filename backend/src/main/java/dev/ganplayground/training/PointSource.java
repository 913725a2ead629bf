package dev.ganplayground.training;

import dev.ganplayground.data.PointDistribution;
import java.util.SplittableRandom;

/** A 2D distribution as a trainer's {@link RealSource}. */
record PointSource(PointDistribution distribution) implements RealSource {
    @Override
    public SampleShape shape() {
        return SampleShape.POINT;
    }

    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        distribution.sample(rng, out, offset, n);
    }
}
