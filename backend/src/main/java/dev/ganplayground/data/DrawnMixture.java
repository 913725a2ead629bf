package dev.ganplayground.data;

import java.util.List;

/** The user's drawing as a {@link GaussianMixture}: one equal-weight blob per drawn point. */
public final class DrawnMixture {
    /** Smallest blob sigma: a spread of 0 would make every mode a point and the 3-sigma test meaningless. */
    public static final double MIN_SIGMA = 1e-3;
    /** Half-width of the default drawing canvas, [-1.5, 1.5]^2; the bounds never get smaller. */
    public static final double CANVAS_HALF = 1.5;

    private DrawnMixture() {
    }

    /**
     * @param points the drawn points as [x, y] pairs (1 or more, finite); each becomes a mode, duplicates included
     * @param spread blob standard deviation, finite and {@code >= 0}; raised to {@link #MIN_SIGMA} if smaller
     * @return a mixture whose bounds are the square centred on the origin that holds the canvas and every point
     *         with a margin of 3 sigma + 0.1
     */
    public static GaussianMixture of(List<List<Double>> points, double spread) {
        Sampling.checkSpread(spread);
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("points must hold at least 1 [x, y] pair");
        }
        double sigma = Math.max(spread, MIN_SIGMA);
        float[] centres = new float[2 * points.size()];
        double maxAbs = 0;
        for (int i = 0; i < points.size(); i++) {
            List<Double> p = points.get(i);
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null
                    || !Double.isFinite(p.get(0)) || !Double.isFinite(p.get(1))) {
                throw new IllegalArgumentException("points[" + i + "] must be an [x, y] pair of finite numbers, found "
                        + p);
            }
            centres[2 * i] = (float) (double) p.get(0);
            centres[2 * i + 1] = (float) (double) p.get(1);
            maxAbs = Math.max(maxAbs, Math.max(Math.abs(p.get(0)), Math.abs(p.get(1))));
        }
        double half = Math.max(CANVAS_HALF, maxAbs + 3 * sigma + 0.1);
        return new GaussianMixture(centres, sigma, Sampling.square(half));
    }
}
