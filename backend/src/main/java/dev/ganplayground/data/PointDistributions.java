package dev.ganplayground.data;

import dev.ganplayground.config.DataConfig;

/** Builds the distribution a {@link DataConfig} names. */
public final class PointDistributions {
    private PointDistributions() {
    }

    /**
     * Ring and grid keep PacGAN's sigmas and ignore {@code spread}; spiral and moons use it as noise; drawn uses it
     * as blob sigma (floored at {@link DrawnMixture#MIN_SIGMA}) around {@code points}.
     */
    public static PointDistribution create(DataConfig config) {
        if (config == null || config.kind() == null) {
            throw new IllegalArgumentException("config and config.kind must not be null");
        }
        return switch (config.kind()) {
            case RING8 -> GaussianMixture.ring8();
            case GRID25 -> GaussianMixture.grid25();
            case SPIRAL -> new Spiral(config.spread());
            case MOONS -> new Moons(config.spread());
            case DRAWN -> DrawnMixture.of(config.points(), config.spread());
            case MNIST, FASHION, SHAPES -> throw new IllegalArgumentException(
                    "'" + config.kind().wireName() + "' is an image dataset, not a 2D distribution");
            case PLANE3D -> throw new IllegalArgumentException("'plane3d' is a 3D point cloud, not a 2D distribution");
        };
    }
}
