package dev.ganplayground.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The autoencoder lab's 3D point cloud (dataset {@code plane3d}): points near a tilted plane that does not pass
 * through the origin. A point is origin + a u + b v + e normal with a ~ N(0, sigmaU^2), b ~ N(0, sigmaV^2) and
 * e ~ N(0, noise^2), so the covariance's eigenvectors are exactly u, v and the normal with eigenvalues sigmaU^2 >
 * sigmaV^2 > noise^2: PCA's top-2 subspace is the plane, and a linear autoencoder with 2 codes should find it (the
 * book's first autoencoder, chapter 17 of Hands-On ML). Immutable; all randomness comes from the caller's rng,
 * except the fixed held-out set that the views draw.
 */
public final class PointCloud3d {
    /** Points in the held-out set. */
    public static final int HELD_OUT_SIZE = 500;
    /** Seed of the held-out set: the same points in every run. */
    public static final long HELD_OUT_SEED = 0x3D_C10D;

    private static final PointCloud3d STANDARD = new PointCloud3d(new double[] {1.0, 0.5, -0.5},
            new double[] {2, 1, 0}, new double[] {-2, 4, 5}, 1.0, 0.5, 0.05);

    private final Plane plane;
    private final double sigmaU;
    private final double sigmaV;
    private final double noise;
    private final float[] heldOut;

    /**
     * A cloud around the plane through {@code origin} spanned by {@code u} and {@code v} (any two independent
     * directions: they are orthonormalised, u first).
     *
     * @param sigmaU standard deviation along u (the larger spread)
     * @param sigmaV standard deviation along v
     * @param noise  standard deviation off the plane, along its normal
     */
    public PointCloud3d(double[] origin, double[] u, double[] v, double sigmaU, double sigmaV, double noise) {
        if (origin.length != 3 || u.length != 3 || v.length != 3) {
            throw new IllegalArgumentException("origin, u and v must have 3 coordinates each");
        }
        if (!(sigmaU >= sigmaV && sigmaV > noise && noise >= 0) || !Double.isFinite(sigmaU)) {
            throw new IllegalArgumentException("need finite sigmaU >= sigmaV > noise >= 0, found " + sigmaU + ", "
                    + sigmaV + ", " + noise);
        }
        double[] e1 = unit(u);
        double[] e2 = v.clone();
        double along = dot(e1, e2);
        for (int j = 0; j < 3; j++) {
            e2[j] -= along * e1[j];
        }
        e2 = unit(e2);
        double[] normal = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
        this.plane = new Plane(origin, e1, e2, normal);
        this.sigmaU = sigmaU;
        this.sigmaV = sigmaV;
        this.noise = noise;
        this.heldOut = new float[3 * HELD_OUT_SIZE];
        sample(new SplittableRandom(HELD_OUT_SEED), heldOut, 0, HELD_OUT_SIZE);
    }

    /**
     * The cloud of {@code plane3d}: origin (1, 0.5, -0.5), normal (1, -2, 2) / 3 (tilted against every axis),
     * u = (2, 1, 0) / sqrt 5, spreads 1 along u, 0.5 along v and 0.05 off the plane (eigenvalues 1, 0.25, 0.0025).
     */
    public static PointCloud3d standard() {
        return STANDARD;
    }

    /** Writes {@code n} points into {@code out[offset .. offset + 3n)} as x, y, z triples. */
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        if (rng == null || out == null || n < 0 || offset < 0 || (long) offset + 3L * n > out.length) {
            throw new IllegalArgumentException("need an rng and room for " + n + " points at " + offset + " in out");
        }
        double[] o = plane.origin;
        double[] u = plane.u;
        double[] v = plane.v;
        double[] w = plane.normal;
        for (int i = 0; i < n; i++) {
            double a = sigmaU * Gaussians.next(rng);
            double b = sigmaV * Gaussians.next(rng);
            double e = noise * Gaussians.next(rng);
            for (int j = 0; j < 3; j++) {
                out[offset + 3 * i + j] = (float) (o[j] + a * u[j] + b * v[j] + e * w[j]);
            }
        }
    }

    /** The fixed held-out points the views show ({@link #HELD_OUT_SIZE} x, y, z triples; a copy). */
    public float[] heldOut() {
        return heldOut.clone();
    }

    /** The true plane: what PCA and a linear autoencoder should find. */
    public Plane plane() {
        return plane;
    }

    /** The covariance's eigenvalues, largest first: sigmaU^2, sigmaV^2, noise^2. */
    public double[] variances() {
        return new double[] {sigmaU * sigmaU, sigmaV * sigmaV, noise * noise};
    }

    /**
     * Half the side of a cube around the plane's origin that holds practically every point (3 standard deviations
     * along each axis added up): what a 3D view frames.
     */
    public double extent() {
        return 3 * (sigmaU + sigmaV + noise);
    }

    /** All of the cloud's settings: equal strings mean clouds that draw the same points (a cache key). */
    @Override
    public String toString() {
        return "PointCloud3d[origin=" + Arrays.toString(plane.origin) + ", u=" + Arrays.toString(plane.u) + ", v="
                + Arrays.toString(plane.v) + ", sigmaU=" + sigmaU + ", sigmaV=" + sigmaV + ", noise=" + noise + "]";
    }

    private static double[] unit(double[] x) {
        double norm = Math.sqrt(dot(x, x));
        if (!(norm > 1e-12)) {
            throw new IllegalArgumentException("plane directions must be independent and non-zero");
        }
        return new double[] {x[0] / norm, x[1] / norm, x[2] / norm};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /**
     * A plane in 3D.
     *
     * @param origin a point of the plane (the cloud's mean)
     * @param u      unit in-plane direction of the larger spread
     * @param v      unit in-plane direction orthogonal to u
     * @param normal u x v
     */
    public record Plane(double[] origin, double[] u, double[] v, double[] normal) {
        public Plane {
            origin = origin.clone();
            u = u.clone();
            v = v.clone();
            normal = normal.clone();
        }

        @Override
        public double[] origin() {
            return origin.clone();
        }

        @Override
        public double[] u() {
            return u.clone();
        }

        @Override
        public double[] v() {
            return v.clone();
        }

        @Override
        public double[] normal() {
            return normal.clone();
        }

        /** u and v as the columns of a 3 x 2 row-major matrix: the layout the subspace angle takes. */
        public float[] basis() {
            return new float[] {(float) u[0], (float) v[0], (float) u[1], (float) v[1], (float) u[2], (float) v[2]};
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Plane p && Arrays.equals(origin, p.origin) && Arrays.equals(u, p.u)
                    && Arrays.equals(v, p.v) && Arrays.equals(normal, p.normal);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(origin) + Arrays.hashCode(normal);
        }

        @Override
        public String toString() {
            return "Plane[origin=" + Arrays.toString(origin) + ", normal=" + Arrays.toString(normal) + "]";
        }
    }
}
