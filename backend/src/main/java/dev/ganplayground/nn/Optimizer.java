package dev.ganplayground.nn;

/**
 * An update rule over a network's flat parameter and gradient vectors, with its own state in flat vectors of the
 * same length. Hyperparameters are set on the concrete rule and may change between steps without touching state.
 */
public interface Optimizer extends AutoCloseable {
    /** Applies one update to {@code params} from {@code grads}. */
    void step(FloatVec params, FloatVec grads);

    /** Frees the state's native memory. */
    @Override
    void close();
}
