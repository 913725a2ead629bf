package dev.ganplayground.nn;

import java.util.SplittableRandom;

/**
 * One differentiable stage of a {@link Sequential} network, working on row-major batches held in buffers that the
 * network preallocates: a layer allocates nothing in {@code forward} or {@code backward}.
 *
 * <p>Parameters and their gradients live in the network's flat vectors; {@link #bind} hands the layer its views.
 */
public interface Layer {
    /** Features per input row. */
    int inputWidth();

    /** Features per output row. */
    int outputWidth();

    /** Number of trainable floats (0 for activations). */
    default int parameterCount() {
        return 0;
    }

    /** Gives the layer its slices of the network's flat parameter and gradient vectors. */
    default void bind(FloatVec params, FloatVec grads) {
    }

    /** Draws initial parameters from {@code rng}. */
    default void initialize(SplittableRandom rng) {
    }

    /**
     * Sets how many consecutive rows form one group in the following passes: a layer that compares rows with each
     * other (minibatch discrimination; later ProGAN's minibatch stddev) mixes rows only within a group, so the
     * caller can keep D's real half and fake half apart in one batch. 0 means all rows of a pass are one group;
     * the last group of a pass may be shorter. Row-wise layers ignore it. Call between passes only.
     */
    default void setGroupRows(int groupRows) {
    }

    /** Grows the layer's own scratch space to {@code rows} rows (never shrinks); called between steps only. */
    default void reserve(int rows) {
    }

    /** Frees the layer's own scratch space (the network's buffers and parameters are not the layer's). */
    default void release() {
    }

    /** Computes {@code y} (rows x outputWidth) from {@code x} (rows x inputWidth). */
    void forward(FloatVec x, FloatVec y, int rows);

    /**
     * Back-propagates {@code dy} (the loss gradient w.r.t. {@code y}). Overwrites (never accumulates) the parameter
     * gradients when {@code paramGrads} is true, and writes the input gradient into {@code dx} unless it is null.
     * {@code x} and {@code y} are the values of the last {@code forward}.
     */
    void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads);
}
