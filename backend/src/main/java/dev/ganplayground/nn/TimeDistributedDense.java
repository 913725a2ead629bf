package dev.ganplayground.nn;

import java.util.SplittableRandom;

/**
 * The same {@link Dense} layer applied at every time step (Keras' TimeDistributed(Dense)): rows x (steps x in) in,
 * rows x (steps x out) out, time-major. Time-major rows of steps x in floats are exactly a (rows x steps) x in matrix,
 * so this is one Dense pass over steps times as many rows: one sgemm for all steps, and weight gradients summed over
 * the steps by the same product.
 */
public final class TimeDistributedDense implements Layer {
    private final int steps;
    private final Dense dense;

    /** Dense(in, out) at each of {@code steps} steps, initialised like PyTorch's Linear. */
    public TimeDistributedDense(int steps, int in, int out) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be positive, found " + steps);
        }
        this.steps = steps;
        this.dense = new Dense(in, out);
    }

    @Override
    public int inputWidth() {
        return steps * dense.inputWidth();
    }

    @Override
    public int outputWidth() {
        return steps * dense.outputWidth();
    }

    @Override
    public int parameterCount() {
        return dense.parameterCount();
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        dense.bind(params, grads);
    }

    @Override
    public void initialize(SplittableRandom rng) {
        dense.initialize(rng);
    }

    @Override
    public void reserve(int rows) {
        dense.reserve(rows * steps);
    }

    @Override
    public void release() {
        dense.release();
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        dense.forward(x, y, rows * steps);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        dense.backward(x, y, dy, dx, rows * steps, paramGrads);
    }
}
