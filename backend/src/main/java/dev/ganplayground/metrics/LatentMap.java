package dev.ganplayground.metrics;

import dev.ganplayground.data.Bounds;
import java.util.Arrays;

/**
 * A 2D map of codes for the latent views (the VAE's test set coloured by class): each code's point, the rectangle
 * that holds them all (with a margin), the caller's labels, and the {@link LatentProjection} that made the points
 * (codes of size 2 as they are, larger ones on their own top-2 principal plane), which
 * {@link LatentLattice#codes} uses to turn map points back into codes. Immutable.
 *
 * @param points     x0, y0, x1, y1, ... (2n floats)
 * @param bounds     a rectangle holding every point, {@link #MARGIN} of its size added on each side
 * @param labels     the given labels, one per point (an empty array when none were given)
 * @param projection codes to points and back
 */
public record LatentMap(float[] points, Bounds bounds, int[] labels, LatentProjection projection) {
    /** Extra room on each side of the points, as a fraction of their extent: no point sits on the frame. */
    public static final double MARGIN = 0.05;

    public LatentMap {
        if (points.length % 2 != 0 || (labels.length != 0 && labels.length != points.length / 2)) {
            throw new IllegalArgumentException("need x, y pairs and one label per point (or none)");
        }
        points = points.clone();
        labels = labels.clone();
    }

    /**
     * The map of {@code n} codes of {@code codeSize} units (row-major); {@code labels} may be null (no classes).
     */
    public static LatentMap of(float[] codes, int n, int codeSize, int[] labels) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one code, found n = " + n);
        }
        if (labels != null && labels.length < n) {
            throw new IllegalArgumentException("need " + n + " labels, found " + labels.length);
        }
        LatentProjection projection = LatentProjection.of(codes, n, codeSize);
        float[] points = projection.project(codes, n);
        int[] kept = labels == null ? new int[0] : Arrays.copyOf(labels, n);
        return new LatentMap(points, boundsOf(points, n), kept, projection);
    }

    /**
     * The map of {@code n} codes through an earlier map's {@code projection} (the axes stay put between refits, so
     * the points move only as the codes do); {@code labels} may be null.
     */
    public static LatentMap of(float[] codes, int n, int[] labels, LatentProjection projection) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one code, found n = " + n);
        }
        float[] points = projection.project(codes, n);
        int[] kept = labels == null ? new int[0] : Arrays.copyOf(labels, n);
        return new LatentMap(points, boundsOf(points, n), kept, projection);
    }

    /** The smallest rectangle around the points, widened by {@link #MARGIN}; a zero extent becomes +-1 around it. */
    static Bounds boundsOf(float[] points, int n) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = points[2 * i];
            double y = points[2 * i + 1];
            if (Double.isFinite(x) && Double.isFinite(y)) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (xMin > xMax) {
            return new Bounds(-1, 1, -1, 1); // no finite point (a diverged run): any frame will do
        }
        double dx = xMax - xMin > 0 ? (xMax - xMin) * MARGIN : 1;
        double dy = yMax - yMin > 0 ? (yMax - yMin) * MARGIN : 1;
        return new Bounds(xMin - dx, xMax + dx, yMin - dy, yMax + dy);
    }

    /** Number of points. */
    public int size() {
        return points.length / 2;
    }

    @Override
    public float[] points() {
        return points.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentMap m && Arrays.equals(points, m.points) && bounds.equals(m.bounds)
                && Arrays.equals(labels, m.labels) && projection.equals(m.projection);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(points) + bounds.hashCode();
    }

    @Override
    public String toString() {
        return "LatentMap[points=" + size() + ", bounds=" + bounds + ", codeSize=" + projection.codeSize() + "]";
    }
}
