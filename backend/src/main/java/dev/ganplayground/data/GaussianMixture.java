package dev.ganplayground.data;

import java.util.SplittableRandom;

/**
 * Equal-weight isotropic Gaussians around fixed centres: PacGAN's 2D-ring and 2D-grid benchmarks
 * (shared/REFERENCES.md 3.1), and the user's drawing.
 */
public final class GaussianMixture implements PointDistribution {
    private final float[] centres;
    private final double sigma;
    private final Bounds bounds;

    public GaussianMixture(float[] centres, double sigma, Bounds bounds) {
        if (centres.length == 0 || centres.length % 2 != 0) {
            throw new IllegalArgumentException("centres must be non-empty x,y pairs, found " + centres.length + " values");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, found " + sigma);
        }
        this.centres = centres.clone();
        this.sigma = sigma;
        this.bounds = bounds;
    }

    /** 8 modes at (cos 2 pi i/8, sin 2 pi i/8), sigma 0.01 (PacGAN config). */
    public static GaussianMixture ring8() {
        float[] c = new float[16];
        for (int i = 0; i < 8; i++) {
            c[2 * i] = (float) Math.cos(2 * Math.PI * i / 8);
            c[2 * i + 1] = (float) Math.sin(2 * Math.PI * i / 8);
        }
        return new GaussianMixture(c, 0.01, new Bounds(-1.5, 1.5, -1.5, 1.5));
    }

    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        int modes = centres.length / 2;
        for (int i = 0; i < n; i++) {
            int m = rng.nextInt(modes);
            out[offset + 2 * i] = (float) (centres[2 * m] + sigma * Gaussians.next(rng));
            out[offset + 2 * i + 1] = (float) (centres[2 * m + 1] + sigma * Gaussians.next(rng));
        }
    }

    @Override
    public float[] modeCentres() {
        return centres.clone();
    }

    @Override
    public double modeSigma() {
        return sigma;
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }
}
