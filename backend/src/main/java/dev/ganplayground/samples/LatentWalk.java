package dev.ganplayground.samples;

/**
 * Points on a path between two latent vectors, for the latent-walk strip.
 *
 * <p>Spherical interpolation (slerp, Shoemake 1985, "Animating rotation with quaternion curves"):
 * {@code slerp(a, b, t) = sin((1-t) w) / sin w * a + sin(t w) / sin w * b}, w the angle between a and b. White
 * (2016, "Sampling Generative Networks", arXiv:1609.04468) recommends it over linear interpolation for Gaussian
 * latents: in high dimension almost all of a Gaussian's mass lies near the sphere of radius sqrt(dim), and the
 * straight line between two samples cuts through the low-norm interior the generator never saw in training
 * (the midpoint of two orthogonal vectors of norm r has norm r / sqrt 2), while slerp stays at their norm.
 *
 * <p>When the vectors are nearly parallel or anti-parallel (sin w tiny) the formula divides by almost zero, and for
 * a zero vector the angle is undefined: then it falls back to linear interpolation, which is what slerp tends to
 * for parallel vectors anyway. Arithmetic is in double; the two endpoints are copied exactly.
 */
public final class LatentWalk {
    /** Below this sin(angle) the vectors count as (anti-)parallel: about 0.06 degrees. */
    static final double PARALLEL_SIN = 1e-3;

    private LatentWalk() {
    }

    /**
     * {@code k} points from {@code from} to {@code to}, both included, evenly spaced in t = i / (k - 1).
     *
     * @return k x dim floats, point after point
     */
    public static float[] walk(float[] from, float[] to, int k) {
        if (from.length != to.length || from.length == 0) {
            throw new IllegalArgumentException("latent vectors of lengths " + from.length + " and " + to.length);
        }
        if (k < 2) {
            throw new IllegalArgumentException("a walk needs k >= 2 points, found " + k);
        }
        int dim = from.length;
        float[] out = new float[k * dim];
        System.arraycopy(from, 0, out, 0, dim);
        for (int i = 1; i < k - 1; i++) {
            interpolate(from, to, (double) i / (k - 1), out, i * dim);
        }
        System.arraycopy(to, 0, out, (k - 1) * dim, dim);
        return out;
    }

    /**
     * Like {@link #walk(float[], float[], int)} between rows {@code i} and {@code j} of {@code zs}, a row-major
     * n x dim latent batch (e.g. the fixed z of the sample grid).
     */
    public static float[] walk(float[] zs, int dim, int i, int j, int k) {
        if (dim < 1 || zs.length % dim != 0 || i < 0 || j < 0 || i >= zs.length / dim || j >= zs.length / dim) {
            throw new IllegalArgumentException("rows " + i + ", " + j + " of " + zs.length + " floats of dim " + dim);
        }
        return walk(row(zs, dim, i), row(zs, dim, j), k);
    }

    /** One point, slerp(a, b, t) for t in [0, 1]. */
    public static float[] slerp(float[] a, float[] b, double t) {
        float[] out = new float[a.length];
        interpolate(a, b, t, out, 0);
        return out;
    }

    private static void interpolate(float[] a, float[] b, double t, float[] out, int offset) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
            na += (double) a[d] * a[d];
            nb += (double) b[d] * b[d];
        }
        double cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
        double omega = Math.acos(cos);
        double sin = Math.sin(omega);
        double wa;
        double wb;
        if (sin < PARALLEL_SIN) {
            wa = 1 - t;
            wb = t;
        } else {
            wa = Math.sin((1 - t) * omega) / sin;
            wb = Math.sin(t * omega) / sin;
        }
        for (int d = 0; d < a.length; d++) {
            out[offset + d] = (float) (wa * a[d] + wb * b[d]);
        }
    }

    private static float[] row(float[] zs, int dim, int r) {
        float[] out = new float[dim];
        System.arraycopy(zs, r * dim, out, 0, dim);
        return out;
    }
}
