package dev.ganplayground.data;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} (which, unlike java.util.Random, has no nextGaussian). */
public final class Gaussians {
    private Gaussians() {
    }

    /** One N(0, 1) draw by the Box-Muller transform; uses two uniforms per call for simplicity and determinism. */
    public static double next(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log stays finite
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
