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

    /**
     * @param centres mode centres as x0, y0, x1, y1, ...; non-empty, even length, finite values
     * @param sigma   standard deviation of every mode, finite and {@code >= 0}
     * @param bounds  the rectangle the views show, not null
     */
    public GaussianMixture(float[] centres, double sigma, Bounds bounds) {
        if (centres == null) {
            throw new IllegalArgumentException("centres must not be null");
        }
        if (centres.length == 0 || centres.length % 2 != 0) {
            throw new IllegalArgumentException("centres must be non-empty x,y pairs, found " + centres.length + " values");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, found " + sigma);
        }
        for (int i = 0; i < centres.length; i++) {
            if (!Float.isFinite(centres[i])) {
                throw new IllegalArgumentException("centres[" + i + "] must be finite, found " + centres[i]);
            }
        }
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null");
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

    /** 25 modes on {-4, -2, 0, 2, 4}^2 (row by row, x fastest), sigma 0.05 (PacGAN config); bounds [-6, 6]^2. */
    public static GaussianMixture grid25() {
        float[] c = new float[50];
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 5; col++) {
                int m = 5 * row + col;
                c[2 * m] = -4 + 2 * col;
                c[2 * m + 1] = -4 + 2 * row;
            }
        }
        return new GaussianMixture(c, 0.05, new Bounds(-6, 6, -6, 6));
    }

    /** Per sample: one uniform mode index, then x and y noise (two Box-Muller draws). */
    @Override
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        Sampling.checkArgs(rng, out, offset, n);
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
