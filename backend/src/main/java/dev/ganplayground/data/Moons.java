package dev.ganplayground.data;

import java.util.SplittableRandom;

/**
 * Two interleaved half circles of radius 1 plus isotropic Gaussian noise (the usual "two moons" construction),
 * shifted so the clean set is centred on the origin: the upper moon is (cos pi t, sin pi t) - (0.5, 0.25), the
 * lower one (1 - cos pi t, 0.5 - sin pi t) - (0.5, 0.25), t uniform in [0, 1]. Clean extent x in [-1.5, 1.5],
 * y in [-0.75, 0.75]. No discrete modes.
 */
public final class Moons implements PointDistribution {
    private final double spread;
    private final Bounds bounds;

    /** @param spread standard deviation of the Gaussian noise on each coordinate, finite and {@code >= 0} */
    public Moons(double spread) {
        this.spread = Sampling.checkSpread(spread);
        // |x| reaches 1.5; 3 sigma of noise plus a 0.25 margin.
        this.bounds = Sampling.square(1.75 + 3 * spread);
    }

    /** Per sample: moon (nextInt(2)), t (nextDouble), then x and y noise. */
    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        Sampling.checkArgs(rng, out, offset, n);
        for (int i = 0; i < n; i++) {
            int moon = rng.nextInt(2);
            double a = Math.PI * rng.nextDouble();
            double x = moon == 0 ? Math.cos(a) : 1 - Math.cos(a);
            double y = moon == 0 ? Math.sin(a) : 0.5 - Math.sin(a);
            out[offset + 2 * i] = (float) (x - 0.5 + spread * Gaussians.next(rng));
            out[offset + 2 * i + 1] = (float) (y - 0.25 + spread * Gaussians.next(rng));
        }
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }

    public double spread() {
        return spread;
    }
}
