package dev.ganplayground.data;

import dev.ganplayground.config.DataConfig;

/** Builds the distribution a {@link DataConfig} names. */
public final class PointDistributions {
    private PointDistributions() {
    }

    public static PointDistribution create(DataConfig config) {
        return switch (config.kind()) {
            case RING8 -> GaussianMixture.ring8();
            // The data helper fills in grid25, spiral, moons and drawn.
            default -> GaussianMixture.ring8();
        };
    }
}
