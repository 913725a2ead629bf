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

    /** Computes {@code y} (rows x outputWidth) from {@code x} (rows x inputWidth). */
    void forward(FloatVec x, FloatVec y, int rows);

    /**
     * Back-propagates {@code dy} (the loss gradient w.r.t. {@code y}). Overwrites (never accumulates) the parameter
     * gradients when {@code paramGrads} is true, and writes the input gradient into {@code dx} unless it is null.
     * {@code x} and {@code y} are the values of the last {@code forward}.
     */
    void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads);
}
