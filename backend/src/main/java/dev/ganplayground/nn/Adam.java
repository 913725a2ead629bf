package dev.ganplayground.nn;

/**
 * Adam (Kingma and Ba 2015) with bias correction and eps 1e-8, as PyTorch's default Adam. The update runs over heap
 * chunks of the native vectors ({@link HeapScratch}), where C2 vectorises it.
 */
public final class Adam implements Optimizer {
    /** Added to the root of the second moment, PyTorch's default. */
    public static final double EPS = 1e-8;

    private final FloatVec m;
    private final FloatVec v;
    /** Chunks of params, grads, m and v. */
    private final HeapScratch scratch = new HeapScratch(4, 0);
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
        int n = params.length();
        for (int at = 0; at < n; at += HeapScratch.CHUNK) {
            int k = HeapScratch.chunk(at, n);
            float[] p = scratch.load(0, params, at, k);
            float[] g = scratch.load(1, grads, at, k);
            float[] mc = scratch.load(2, m, at, k);
            float[] vc = scratch.load(3, v, at, k);
            update(p, g, mc, vc, k, b1, b2, a1, a2, stepSize, invSqrtC2, eps);
            HeapScratch.store(mc, m, at, k);
            HeapScratch.store(vc, v, at, k);
            HeapScratch.store(p, params, at, k);
        }
    }

    /** The update of chunk arrays, element by element as the plain loop over the native buffers did it. */
    private static void update(float[] p, float[] g, float[] m, float[] v, int n, float b1, float b2, float a1,
                               float a2, float stepSize, float invSqrtC2, float eps) {
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + a1 * gi;
            float vi = b2 * v[i] + a2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] - stepSize * mi / ((float) Math.sqrt(vi) * invSqrtC2 + eps);
        }
    }

    @Override
    public void close() {
        m.close();
        v.close();
    }
}
