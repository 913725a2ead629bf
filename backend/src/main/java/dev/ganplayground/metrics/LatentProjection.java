package dev.ganplayground.metrics;

import java.util.Arrays;

/**
 * How codes of any size are drawn on a 2D map and how map points go back to codes: point = ((code - origin) . axisX,
 * (code - origin) . axisY) and code = origin + x axisX + y axisY. Codes of size 2 use the identity (origin 0, axes
 * e1 and e2), so the map shows the codes as they are; size 1 maps to (code, 0); larger codes use the top two
 * principal components of the codes themselves (see {@link #principalPlane}), so the map is the 2D view that keeps
 * the most of their spread, centred on their mean. Lifting a map point gives the code on that plane through the
 * mean (the other directions at their mean): for codes of size > 2 that is one slice of the code space, not all
 * of it. Immutable.
 *
 * @param origin the code that maps to (0, 0)
 * @param axisX  unit vector of the map's x axis in code space (codeSize values)
 * @param axisY  unit vector of its y axis, orthogonal to axisX (all zero for codes of size 1)
 */
public record LatentProjection(double[] origin, double[] axisX, double[] axisY) {
    public LatentProjection {
        if (origin.length < 1 || axisX.length != origin.length || axisY.length != origin.length) {
            throw new IllegalArgumentException("origin and axes must have codeSize >= 1 values each");
        }
        origin = origin.clone();
        axisX = axisX.clone();
        axisY = axisY.clone();
    }

    /** The projection for codes of {@code codeSize}: identity for 1 or 2 units, else the codes' principal plane. */
    public static LatentProjection of(float[] codes, int n, int codeSize) {
        if (codeSize <= 2) {
            return identity(codeSize);
        }
        return principalPlane(codes, n, codeSize);
    }

    /** Codes of size 1 or 2 as they are. */
    public static LatentProjection identity(int codeSize) {
        if (codeSize < 1 || codeSize > 2) {
            throw new IllegalArgumentException("the identity map needs codes of size 1 or 2, found " + codeSize);
        }
        double[] x = new double[codeSize];
        double[] y = new double[codeSize];
        x[0] = 1;
        if (codeSize == 2) {
            y[1] = 1;
        }
        return new LatentProjection(new double[codeSize], x, y);
    }

    /**
     * The plane through the codes' mean spanned by their top two principal components (codeSize >= 2). Codes with a
     * non-finite value (a diverged run) are left out of the fit; with none left, the plane of the first two units.
     */
    public static LatentProjection principalPlane(float[] codes, int n, int codeSize) {
        if (codeSize < 2 || n < 0 || (long) n * codeSize > codes.length) {
            throw new IllegalArgumentException("need n codes of codeSize >= 2 in codes (length " + codes.length
                    + "), found n = " + n + ", codeSize = " + codeSize);
        }
        float[] finite = new float[n * codeSize];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (allFinite(codes, i * codeSize, codeSize)) {
                System.arraycopy(codes, i * codeSize, finite, kept * codeSize, codeSize);
                kept++;
            }
        }
        if (kept == 0) {
            double[] x = new double[codeSize];
            double[] y = new double[codeSize];
            x[0] = 1;
            y[1] = 1;
            return new LatentProjection(new double[codeSize], x, y);
        }
        Pca pca = Pca.fit(finite, kept, codeSize, 2);
        return new LatentProjection(pca.mean(), pca.component(0), pca.component(1));
    }

    private static boolean allFinite(float[] x, int from, int count) {
        for (int j = from; j < from + count; j++) {
            if (!Float.isFinite(x[j])) {
                return false;
            }
        }
        return true;
    }

    public int codeSize() {
        return origin.length;
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] axisX() {
        return axisX.clone();
    }

    @Override
    public double[] axisY() {
        return axisY.clone();
    }

    /** The map points of {@code n} codes: x0, y0, x1, y1, ... (2n floats). */
    public float[] project(float[] codes, int n) {
        int c = origin.length;
        if (n < 0 || (long) n * c > codes.length) {
            throw new IllegalArgumentException(n + " codes of " + c + " do not fit in " + codes.length + " floats");
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double x = 0;
            double y = 0;
            for (int j = 0; j < c; j++) {
                double centred = codes[i * c + j] - origin[j];
                x += centred * axisX[j];
                y += centred * axisY[j];
            }
            out[2 * i] = (float) x;
            out[2 * i + 1] = (float) y;
        }
        return out;
    }

    /** The codes of {@code m} map points (x0, y0, x1, y1, ...): origin + x axisX + y axisY, m x codeSize. */
    public float[] lift(float[] points, int m) {
        int c = origin.length;
        if (m < 0 || 2L * m > points.length) {
            throw new IllegalArgumentException(m + " points do not fit in " + points.length + " floats");
        }
        float[] out = new float[m * c];
        for (int i = 0; i < m; i++) {
            double x = points[2 * i];
            double y = points[2 * i + 1];
            for (int j = 0; j < c; j++) {
                out[i * c + j] = (float) (origin[j] + x * axisX[j] + y * axisY[j]);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentProjection p && Arrays.equals(origin, p.origin) && Arrays.equals(axisX, p.axisX)
                && Arrays.equals(axisY, p.axisY);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(axisX) + Arrays.hashCode(origin);
    }

    @Override
    public String toString() {
        return "LatentProjection[codeSize=" + origin.length + "]";
    }
}
