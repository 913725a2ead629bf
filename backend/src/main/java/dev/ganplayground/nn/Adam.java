package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/** Adam (Kingma and Ba 2015) with bias correction and eps 1e-8, as PyTorch's default Adam. */
public final class Adam implements Optimizer {
    /** Added to the root of the second moment, PyTorch's default. */
    public static final double EPS = 1e-8;

    private final FloatVec m;
    private final FloatVec v;
    private long t;
    private double lr = 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.999;

    public Adam(int size) {
        m = FloatVec.allocate(size);
        v = FloatVec.allocate(size);
    }

    /** Sets the hyperparameters for the following steps; the moments are kept. */
    public Adam set(double lr, double beta1, double beta2) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /** Updates taken so far. */
    @Override
    public long steps() {
        return t;
    }

    @Override
    public void setSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        t = steps;
    }

    @Override
    public java.util.List<FloatVec> state() {
        return java.util.List.of(m, v);
    }

    @Override
    public void step(FloatVec params, FloatVec grads) {
        t++;
        // Bias corrections folded into one step size and one eps, computed once in double.
        double c1 = 1 - Math.pow(beta1, t);
        double sqrtC2 = Math.sqrt(1 - Math.pow(beta2, t));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = 1f - b1;
        float a2 = 1f - b2;
        float stepSize = (float) (lr / c1);
        float invSqrtC2 = (float) (1.0 / sqrtC2);
        float eps = (float) EPS;
        FloatBuffer p = params.buffer();
        FloatBuffer g = grads.buffer();
        FloatBuffer mb = m.buffer();
        FloatBuffer vb = v.buffer();
        int n = params.length();
        for (int i = 0; i < n; i++) {
            float gi = g.get(i);
            float mi = b1 * mb.get(i) + a1 * gi;
            float vi = b2 * vb.get(i) + a2 * gi * gi;
            mb.put(i, mi);
            vb.put(i, vi);
            p.put(i, p.get(i) - stepSize * mi / ((float) Math.sqrt(vi) * invSqrtC2 + eps));
        }
    }

    @Override
    public void close() {
        m.close();
        v.close();
    }
}
