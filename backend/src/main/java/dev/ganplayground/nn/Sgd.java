package dev.ganplayground.nn;

/** SGD, with heavy-ball momentum when momentum &gt; 0 (PyTorch's form: v = mu v + g; p -= lr v). */
public final class Sgd implements Optimizer {
    private final FloatVec velocity;
    /** Chunks of params, grads and the velocity (see {@link HeapScratch}). */
    private final HeapScratch scratch = new HeapScratch(3, 0);
    private double lr = 1e-3;
    private double momentum;

    public Sgd(int size) {
        velocity = FloatVec.allocate(size);
    }

    /** Sets the hyperparameters for the following steps; the velocity is kept. */
    public Sgd set(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
        return this;
    }

    @Override
    public void step(FloatVec params, FloatVec grads) {
        float rate = (float) lr;
        float mu = (float) momentum;
        boolean plain = momentum == 0;
        int n = params.length();
        for (int at = 0; at < n; at += HeapScratch.CHUNK) {
            int k = HeapScratch.chunk(at, n);
            float[] p = scratch.load(0, params, at, k);
            float[] g = scratch.load(1, grads, at, k);
            if (plain) {
                for (int i = 0; i < k; i++) {
                    p[i] = p[i] - rate * g[i];
                }
            } else {
                float[] v = scratch.load(2, velocity, at, k);
                for (int i = 0; i < k; i++) {
                    float vi = mu * v[i] + g[i];
                    v[i] = vi;
                    p[i] = p[i] - rate * vi;
                }
                HeapScratch.store(v, velocity, at, k);
            }
            HeapScratch.store(p, params, at, k);
        }
    }

    @Override
    public java.util.List<FloatVec> state() {
        return java.util.List.of(velocity);
    }

    @Override
    public void close() {
        velocity.close();
    }
}
