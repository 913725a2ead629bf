package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/** SGD, with heavy-ball momentum when momentum &gt; 0 (PyTorch's form: v = mu v + g; p -= lr v). */
public final class Sgd implements Optimizer {
    private final FloatVec velocity;
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
        FloatBuffer p = params.buffer();
        FloatBuffer g = grads.buffer();
        float rate = (float) lr;
        int n = params.length();
        if (momentum == 0) {
            for (int i = 0; i < n; i++) {
                p.put(i, p.get(i) - rate * g.get(i));
            }
            return;
        }
        float mu = (float) momentum;
        FloatBuffer v = velocity.buffer();
        for (int i = 0; i < n; i++) {
            float vi = mu * v.get(i) + g.get(i);
            v.put(i, vi);
            p.put(i, p.get(i) - rate * vi);
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
