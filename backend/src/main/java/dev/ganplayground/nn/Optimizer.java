package dev.ganplayground.nn;

/**
 * An update rule over a network's flat parameter and gradient vectors, with its own state in flat vectors of the
 * same length. Hyperparameters are set on the concrete rule and may change between steps without touching state.
 */
public interface Optimizer extends AutoCloseable {
    /** Applies one update to {@code params} from {@code grads}. */
    void step(FloatVec params, FloatVec grads);

    /**
     * The rule's state vectors, live (Adam: first and second moments; SGD: the velocity), for checkpoints: copy
     * them before the next step.
     */
    FloatVec[] state();

    /** Updates taken so far where the rule counts them (Adam's bias correction); 0 otherwise. */
    default long updates() {
        return 0;
    }

    /** Sets the update counter, when restoring a checkpoint (a no-op for rules without one). */
    default void restoreUpdates(long updates) {
    }

    /** Frees the state's native memory. */
    @Override
    void close();
}
