package dev.ganplayground.metrics;

import dev.ganplayground.data.Bounds;

/**
 * GAN Lab's grid evaluator (shared/REFERENCES.md 1.2; {@code ganlab_evaluators.ts}): real and generated points are
 * binned on a {@value #CELLS} x {@value #CELLS} grid over the distribution's {@link Bounds}; each cell's density is
 * its share of the points; every density gets {@value #EPS} added (no renormalisation, as GAN Lab does), and
 * <pre>
 *   KL = sum_j (p_j + eps) log2((p_j + eps) / (q_j + eps))                       p real, q generated
 *   JS = 1/2 sum_j [(p_j + eps) log2((p_j + eps) / (m_j + eps)) + (q_j + eps) log2((q_j + eps) / (m_j + eps))],
 *        m = (p + q) / 2
 * </pre>
 * Log base 2, so JS is about in [0, 1] (the epsilon moves the ends by around 1e-2 at most).
 * <p>
 * Points outside the bounds are <b>clamped</b> into the nearest edge cell, not dropped: a generator that wanders
 * off the plane then still scores as disjoint from the real data (JS near 1) instead of vanishing from the
 * histogram. Infinite coordinates clamp the same way; a NaN coordinate counts in the first cell of its axis
 * (the lower edge), so a diverged generator also reads as far from the data.
 *
 * @param kl KL(real || generated), bits
 * @param js Jensen-Shannon divergence, bits
 */
public record GridDivergence(double kl, double js) {
    /** GAN Lab's {@code NUM_GRID_CELLS}. */
    public static final int CELLS = 30;
    /** GAN Lab's {@code smoothingEps}. */
    public static final double EPS = 1e-4;

    private static final double LN2 = Math.log(2);

    /**
     * @param bounds the grid's rectangle, not null
     * @param real   real points as x, y pairs; {@code nReal >= 1} of them read from the start
     * @param gen    generated points as x, y pairs; {@code nGen >= 1} of them read from the start
     */
    public static GridDivergence evaluate(Bounds bounds, float[] real, int nReal, float[] gen, int nGen) {
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null");
        }
        double[] p = densities(bounds, real, nReal, "real", "nReal");
        double[] q = densities(bounds, gen, nGen, "gen", "nGen");
        double kl = 0;
        double left = 0;
        double right = 0;
        for (int j = 0; j < p.length; j++) {
            double pe = p[j] + EPS;
            double qe = q[j] + EPS;
            double me = 0.5 * (p[j] + q[j]) + EPS;
            kl += pe * Math.log(pe / qe);
            left += pe * Math.log(pe / me);
            right += qe * Math.log(qe / me);
        }
        return new GridDivergence(kl / LN2, 0.5 * (left + right) / LN2);
    }

    /** Share of the points in each cell, row-major (index = column + CELLS * row). */
    static double[] densities(Bounds b, float[] xy, int n, String arrayName, String countName) {
        if (xy == null) {
            throw new IllegalArgumentException(arrayName + " must not be null");
        }
        if (n < 1 || 2L * n > xy.length) {
            throw new IllegalArgumentException(countName + " must be in [1, " + arrayName + ".length / 2 = "
                    + xy.length / 2 + "], found " + n);
        }
        double[] d = new double[CELLS * CELLS];
        double w = 1.0 / n;
        for (int i = 0; i < n; i++) {
            int col = cell(xy[2 * i], b.xMin(), b.xMax());
            int row = cell(xy[2 * i + 1], b.yMin(), b.yMax());
            d[col + CELLS * row] += w;
        }
        return d;
    }

    /** The cell of {@code v} along one axis, clamped to [0, CELLS - 1]; NaN maps to 0. */
    static int cell(double v, double lo, double hi) {
        double f = Math.floor((v - lo) / (hi - lo) * CELLS);
        if (!(f >= 0)) {
            return 0; // below the range, -infinity or NaN
        }
        return f >= CELLS ? CELLS - 1 : (int) f;
    }
}
