package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Fully connected layer y = x W + b, with W stored row-major as [in x out] (PyTorch's Linear stores the transpose)
 * followed by b [out]. Initialised like PyTorch's Linear by default (W and b uniform in +-1/sqrt(in)); another
 * {@link WeightInit} can be chosen, e.g. DCGAN's N(0, 0.02).
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final WeightInit init;
    private FloatVec w;
    private FloatVec b;
    private FloatVec dw;
    private FloatVec db;

    /** A layer initialised like PyTorch's Linear ({@link WeightInit#UNIFORM_FAN_IN}). */
    public Dense(int in, int out) {
        this(in, out, WeightInit.UNIFORM_FAN_IN);
    }

    public Dense(int in, int out, WeightInit init) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense needs positive sizes, found " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.init = init;
    }

    @Override
    public int inputWidth() {
        return in;
    }

    @Override
    public int outputWidth() {
        return out;
    }

    @Override
    public int parameterCount() {
        return in * out + out;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        w = params.view(0, in * out);
        b = params.view(in * out, out);
        dw = grads.view(0, in * out);
        db = grads.view(in * out, out);
    }

    @Override
    public void initialize(SplittableRandom rng) {
        init.fill(w, b, in, rng);
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        // Fill y with the bias, then let sgemm add x W on top (beta = 1): one pass instead of two.
        FloatBuffer yb = y.buffer();
        FloatBuffer bb = b.buffer();
        for (int r = 0, o = 0; r < rows; r++, o += out) {
            for (int j = 0; j < out; j++) {
                yb.put(o + j, bb.get(j));
            }
        }
        Blas.sgemm(false, false, rows, out, in, 1f, x, in, w, out, 1f, y, out);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx != null) {
            // dx = dy W^T
            Blas.sgemm(false, true, rows, in, out, 1f, dy, out, w, out, 0f, dx, in);
        }
        if (paramGrads) {
            // dW = x^T dy
            Blas.sgemm(true, false, in, out, rows, 1f, x, in, dy, out, 0f, dw, out);
            FloatBuffer g = dy.buffer();
            FloatBuffer d = db.buffer();
            for (int j = 0; j < out; j++) {
                d.put(j, 0f);
            }
            for (int r = 0, o = 0; r < rows; r++, o += out) {
                for (int j = 0; j < out; j++) {
                    d.put(j, d.get(j) + g.get(o + j));
                }
            }
        }
    }
}
