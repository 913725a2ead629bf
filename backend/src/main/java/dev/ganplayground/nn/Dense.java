package dev.ganplayground.nn;

import java.util.SplittableRandom;

/**
 * Fully connected layer y = x W + b, with W stored row-major as [in x out] (PyTorch's Linear stores the transpose)
 * followed by b [out]. Initialised like PyTorch's Linear by default (W and b uniform in +-1/sqrt(in)); another
 * {@link WeightInit} can be chosen, e.g. DCGAN's N(0, 0.02), or an {@link EqualizedLr}: then W is stored as N(0, 1)
 * draws and the run-time scale rides on the BLAS calls' alpha (y = c_w x W + c_b b), costing nothing.
 *
 * <p>The bias work goes through BLAS too, against a column of ones: broadcasting b over the rows is a rank-1
 * product and b's gradient a matrix-vector product. Java loops over the native buffers do not vectorise (~0.7 ns per
 * float, ~45 us for a 512 x 128 batch) where these calls take ~5 us; on the 2D MLP GAN they were a sixth of a step.
 */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final WeightInit init;
    /** Null unless the layer uses an equalised learning rate. */
    private final EqualizedLr equalized;
    /** Run-time factors on W and b (1 without an equalised learning rate). */
    private final float wScale;
    private final float bScale;
    private FloatVec w;
    private FloatVec b;
    private FloatVec dw;
    private FloatVec db;
    /** rows x 1 of ones (see the class comment), grown by {@link #reserve}. */
    private final OnesColumn ones = new OnesColumn();

    /** A layer initialised like PyTorch's Linear ({@link WeightInit#UNIFORM_FAN_IN}). */
    public Dense(int in, int out) {
        this(in, out, WeightInit.UNIFORM_FAN_IN);
    }

    public Dense(int in, int out, WeightInit init) {
        this(in, out, init, null);
    }

    /** A layer with an equalised learning rate: W ~ N(0, 1) scaled at run time by {@code eq}'s constant for fan-in in. */
    public Dense(int in, int out, EqualizedLr eq) {
        this(in, out, WeightInit.UNIFORM_FAN_IN, java.util.Objects.requireNonNull(eq));
    }

    private Dense(int in, int out, WeightInit init, EqualizedLr eq) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense needs positive sizes, found " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.init = init;
        this.equalized = eq;
        this.wScale = eq == null ? 1f : eq.weightScale(in);
        this.bScale = eq == null ? 1f : eq.biasScale();
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

    /** The bound weight view W [in x out] (a {@link TiedDense} decoder reads it; null before {@link #bind}). */
    FloatVec weights() {
        return w;
    }

    /** The bound weight-gradient view dW [in x out] (a {@link TiedDense} decoder adds into it). */
    FloatVec weightGradients() {
        return dw;
    }

    /** True when the layer scales W at run time (equalised learning rate), which a tied decoder does not support. */
    boolean scaled() {
        return equalized != null;
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
        if (equalized != null) {
            equalized.fill(w, b, rng);
        } else {
            init.fill(w, b, in, rng);
        }
    }

    @Override
    public void reserve(int rows) {
        ones.reserve(rows);
    }

    @Override
    public void release() {
        ones.release();
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatVec column = ones.reserve(rows); // a no-op when the network reserved the rows, as Sequential does
        // y = ones b (every row b, exactly), then sgemm adds x W on top (beta = 1).
        Blas.sgemm(false, false, rows, out, 1, bScale, column, 1, b, out, 0f, y, out);
        Blas.sgemm(false, false, rows, out, in, wScale, x, in, w, out, 1f, y, out);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx != null) {
            // dx = dy W^T
            Blas.sgemm(false, true, rows, in, out, wScale, dy, out, w, out, 0f, dx, in);
        }
        if (paramGrads) {
            // dW = x^T dy
            Blas.sgemm(true, false, in, out, rows, wScale, x, in, dy, out, 0f, dw, out);
            // db = dy^T ones (column sums of dy)
            Blas.sgemv(true, rows, out, bScale, dy, out, ones.reserve(rows), 0f, db);
        }
    }
}
