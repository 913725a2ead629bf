package dev.ganplayground.data;

import java.util.SplittableRandom;

/** Test helpers: draw seeded samples and summarise them. */
final class Samples {
    static final int N = 10_000;
    static final long SEED = 7;

    private Samples() {
    }

    static float[] draw(PointDistribution d, long seed, int n) {
        float[] xy = new float[2 * n];
        d.sample(new SplittableRandom(seed), xy, 0, n);
        return xy;
    }

    /** Index of the nearest centre for every sample, counted per mode (no 3-sigma cut). */
    static int[] nearestCounts(float[] centres, float[] xy) {
        int[] counts = new int[centres.length / 2];
        for (int i = 0; i < xy.length / 2; i++) {
            counts[nearest(centres, xy[2 * i], xy[2 * i + 1])]++;
        }
        return counts;
    }

    /** Root mean square per-coordinate offset from the nearest centre: the sample sigma. */
    static double residualStd(float[] centres, float[] xy) {
        double ss = 0;
        for (int i = 0; i < xy.length / 2; i++) {
            int m = nearest(centres, xy[2 * i], xy[2 * i + 1]);
            double dx = xy[2 * i] - centres[2 * m];
            double dy = xy[2 * i + 1] - centres[2 * m + 1];
            ss += dx * dx + dy * dy;
        }
        return Math.sqrt(ss / xy.length);
    }

    static int nearest(float[] centres, double x, double y) {
        int best = 0;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int m = 0; m < centres.length / 2; m++) {
            double dx = x - centres[2 * m];
            double dy = y - centres[2 * m + 1];
            double d2 = dx * dx + dy * dy;
            if (d2 < bestD2) {
                bestD2 = d2;
                best = m;
            }
        }
        return best;
    }

    /** mean x, mean y, mean radius. */
    static double[] means(float[] xy) {
        double mx = 0;
        double my = 0;
        double mr = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            mx += xy[2 * i];
            my += xy[2 * i + 1];
            mr += Math.hypot(xy[2 * i], xy[2 * i + 1]);
        }
        return new double[] {mx / n, my / n, mr / n};
    }

    static boolean allInside(float[] xy, Bounds b) {
        for (int i = 0; i < xy.length / 2; i++) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            if (!(x > b.xMin() && x < b.xMax() && y > b.yMin() && y < b.yMax())) {
                return false;
            }
        }
        return true;
    }
}
