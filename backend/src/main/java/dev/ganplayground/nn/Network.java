package dev.ganplayground.nn;

/**
 * A trainable network as the GAN trainer sees it: rows in, rows out, with all parameters in one flat vector and
 * their gradients in another, so an optimizer update or a gradient norm is one pass. {@link Sequential} is the
 * common case; a network whose layers are not one chain (StyleGAN's generator: a mapping net feeding a style to
 * every synthesis layer) implements it directly.
 *
 * <p>Buffers are preallocated for a row capacity and grow only in {@link #ensureCapacity}, between steps. Not
 * thread-safe: one network belongs to one training thread.
 */
public interface Network extends AutoCloseable {
    /** Features per input row. */
    int inputWidth();

    /** Features per output row. */
    int outputWidth();

    /** Runs {@code rows} rows of {@code x} through the network; the result is valid until the next forward. */
    FloatVec forward(FloatVec x, int rows);

    /**
     * Back-propagates {@code dOut} through the last forward pass. Parameter gradients are overwritten when
     * {@code paramGrads}; the input gradient is written to {@code dInput} unless it is null.
     */
    void backward(FloatVec dOut, int rows, boolean paramGrads, FloatVec dInput);

    /** All parameters in one flat vector. */
    FloatVec parameters();

    /** Gradients, laid out like {@link #parameters()}. */
    FloatVec gradients();

    /** Number of trainable floats. */
    default int parameterCount() {
        return parameters().length();
    }

    /** L2 norm of the whole gradient vector. */
    default double gradientNorm() {
        return Math.sqrt(gradients().sumOfSquares());
    }

    /** Grows the buffers to hold {@code rows} rows; never shrinks. Call between steps only. */
    void ensureCapacity(int rows);

    /** Sets the row-group size of every row-mixing layer for the following passes (see {@link Layer#setGroupRows}). */
    void setGroupRows(int groupRows);

    /**
     * Whether the following passes are training passes (the trainer's steps) or sampling passes (frames,
     * evaluation). Networks whose forward differs between the two (StyleGAN: style mixing, the W average's update)
     * follow it; the default ignores it.
     */
    default void setTraining(boolean training) {
    }

    /**
     * State that training changes outside the parameters (StyleGAN's W average), copied, for checkpoints; null when
     * there is none.
     */
    default float[] trainedState() {
        return null;
    }

    /** Puts back what {@link #trainedState} returned (a no-op for networks without such state). */
    default void restoreTrainedState(float[] state) {
    }

    /** Frees every native buffer of this network now. */
    @Override
    void close();
}
