package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * A conv layer's parameters as its kernels see them under an {@link EqualizedLr}: a scaled copy (c_w W, c_b b) in
 * memory the kernels are bound to once, refreshed from the stored parameters before each forward pass, and the
 * chain rule's way back (the kernels' gradients w.r.t. the copy, multiplied by the same factors).
 */
final class ScaledParameters implements AutoCloseable {
    private final float wScale;
    private final float bScale;
    private FloatVec copy;
    private FloatVec weights;
    private FloatVec bias;

    ScaledParameters(EqualizedLr eq, int fanIn) {
        wScale = eq.weightScale(fanIn);
        bScale = eq.biasScale();
    }

    /** (Re)allocates the copy for {@code nw} weights and {@code nb} biases. */
    void allocate(int nw, int nb) {
        close();
        copy = FloatVec.allocate(nw + nb);
        weights = copy.view(0, nw);
        bias = copy.view(nw, nb);
    }

    FloatVec weights() {
        return weights;
    }

    FloatVec bias() {
        return bias;
    }

    /** Copies c_w w and c_b b into the kernels' parameters. */
    void refresh(FloatVec w, FloatVec b) {
        scaleInto(w, weights, wScale);
        scaleInto(b, bias, bScale);
    }

    /** d/dW = c_w d/d(c_w W), likewise for b, in place. */
    void scaleGradients(FloatVec dw, FloatVec db) {
        scaleInto(dw, dw, wScale);
        scaleInto(db, db, bScale);
    }

    private static void scaleInto(FloatVec src, FloatVec dst, float k) {
        FloatBuffer s = src.buffer();
        FloatBuffer d = dst.buffer();
        for (int i = 0, n = src.length(); i < n; i++) {
            d.put(i, s.get(i) * k);
        }
    }

    @Override
    public void close() {
        if (copy != null) {
            copy.close();
            copy = null;
        }
    }
}
