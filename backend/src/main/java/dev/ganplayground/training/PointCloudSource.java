package dev.ganplayground.training;

import dev.ganplayground.data.PointCloud3d;
import java.util.SplittableRandom;

/** The 3D point cloud ({@code plane3d}) as an autoencoder's {@link RealSource}: 3 x 1 x 1 floats per sample. */
public record PointCloudSource(PointCloud3d cloud) implements RealSource {
    /** One 3D point: three channels of 1 x 1. */
    public static final SampleShape SHAPE = new SampleShape(3, 1, 1);

    /** The source of the dataset {@code plane3d}. */
    public static PointCloudSource standard() {
        return new PointCloudSource(PointCloud3d.standard());
    }

    @Override
    public SampleShape shape() {
        return SHAPE;
    }

    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        cloud.sample(rng, out, offset, n);
    }
}
