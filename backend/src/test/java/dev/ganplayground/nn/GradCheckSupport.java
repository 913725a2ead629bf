package dev.ganplayground.nn;

import java.util.SplittableRandom;

/** Shared helpers of the gradient-check tests: random fills and a linear probe loss sum(r * y) in double. */
final class GradCheckSupport {
    static final double EPS = 1e-3;
    static final double FLOOR = 1e-2;
    /** float32 central differences stay well below this; a wrong sign or a missing term gives ~1. */
    static final double TOLERANCE = 2e-2;

    private GradCheckSupport() {
    }

    static void fill(FloatVec v, SplittableRandom rng, double lo, double hi) {
        for (int i = 0; i < v.length(); i++) {
            v.set(i, (float) rng.nextDouble(lo, hi));
        }
    }

    static float[] random(int n, SplittableRandom rng) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = (float) rng.nextDouble(-1, 1);
        }
        return r;
    }

    static double probe(FloatVec y, float[] r) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * y.get(i);
        }
        return s;
    }
}
