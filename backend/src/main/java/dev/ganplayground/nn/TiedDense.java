package dev.ganplayground.nn;

/**
 * The decoder half of a tied-weights pair: y = x W^T + b, where W [encoderIn x encoderOut] is the encoder
 * {@link Dense} layer's own weight view (the same native memory, not a copy) and b [encoderIn] is this layer's own
 * bias, its only parameter. A write through the encoder's weights is therefore seen here at once.
 *
 * <p>The weight gradient belongs to the encoder's dW. A {@link Sequential} backward overwrites its layers'
 * gradients and the encoder runs its backward after the decoder's, so {@link #backward} only computes the input
 * and bias gradients and remembers its operands; {@link #addWeightGradient()} then adds dy^T x into the encoder's dW
 * (beta 1) and must be called after the encoder's backward of the same step.
 */
public final class TiedDense implements Layer {
    private final Dense encoder;
    /** Outputs: the encoder's inputs. */
    private final int out;
    /** Inputs: the encoder's outputs. */
    private final int in;
    private FloatVec b;
    private FloatVec db;
    private final OnesColumn ones = new OnesColumn();
    private FloatVec lastX;
    private FloatVec lastDy;
    private int lastRows;

    public TiedDense(Dense encoder) {
        if (encoder.scaled()) {
            throw new IllegalArgumentException("a tied decoder needs an encoder without equalised learning rate");
        }
        this.encoder = encoder;
        this.in = encoder.outputWidth();
        this.out = encoder.inputWidth();
    }

    /** The encoder layer whose weights this layer uses. */
    public Dense encoder() {
        return encoder;
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
        return out;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        b = params;
        db = grads;
    }

    /** The bias starts at 0: the encoder's weights are already initialised, and the decoder adds nothing else. */
    @Override
    public void initialize(java.util.SplittableRandom rng) {
        b.fill(0f);
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
        FloatVec w = encoder.weights();
        Blas.sgemm(false, false, rows, out, 1, 1f, ones.reserve(rows), 1, b, out, 0f, y, out);
        // y += x W^T: x is rows x in, W is out x in (stored [encoderIn x encoderOut] = [out x in]).
        Blas.sgemm(false, true, rows, out, in, 1f, x, in, w, in, 1f, y, out);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx != null) {
            // dx = dy W
            Blas.sgemm(false, false, rows, in, out, 1f, dy, out, encoder.weights(), in, 0f, dx, in);
        }
        if (paramGrads) {
            Blas.sgemv(true, rows, out, 1f, dy, out, ones.reserve(rows), 0f, db);
            lastX = x;
            lastDy = dy;
            lastRows = rows;
        }
    }

    /**
     * Adds this layer's share of the weight gradient, dW += dy^T x from the last backward with parameter gradients,
     * into the encoder's dW. Call once after the encoder's backward; a second call without a new backward does
     * nothing.
     */
    public void addWeightGradient() {
        if (lastDy == null) {
            return;
        }
        Blas.sgemm(true, false, out, in, lastRows, 1f, lastDy, out, lastX, in, 1f, encoder.weightGradients(), in);
        lastDy = null;
        lastX = null;
    }
}
