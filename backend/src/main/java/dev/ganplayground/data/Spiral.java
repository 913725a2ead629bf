package dev.ganplayground.data;

import java.util.SplittableRandom;

/**
 * Two interleaved spiral arms through the origin, point-symmetric to each other, plus isotropic Gaussian noise.
 * Arm 0 at parameter t in [0, 1] sits at radius t and angle 3 pi t (one and a half turns, ending at radius 1);
 * arm 1 is arm 0 rotated by pi. t = sqrt(u) for uniform u, so the outer (longer) part of an arm gets more
 * points. No discrete modes.
 */
public final class Spiral implements PointDistribution {
    /** Turns of each arm, in units of 2 pi. */
    static final double TURNS = 1.5;

    private final double spread;
    private final Bounds bounds;

    /** @param spread standard deviation of the Gaussian noise on each coordinate, finite and {@code >= 0} */
    public Spiral(double spread) {
        this.spread = Sampling.checkSpread(spread);
        // Arms reach radius 1; 3 sigma of noise plus a 0.25 margin, never smaller than the drawing canvas.
        this.bounds = Sampling.square(Math.max(1.5, 1.25 + 3 * spread));
    }

    /** Per sample: arm (nextInt(2)), u (nextDouble), then x and y noise. */
    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        Sampling.checkArgs(rng, out, offset, n);
        for (int i = 0; i < n; i++) {
            int arm = rng.nextInt(2);
            double t = Math.sqrt(rng.nextDouble());
            double angle = 2 * Math.PI * TURNS * t + Math.PI * arm;
            out[offset + 2 * i] = (float) (t * Math.cos(angle) + spread * Gaussians.next(rng));
            out[offset + 2 * i + 1] = (float) (t * Math.sin(angle) + spread * Gaussians.next(rng));
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
