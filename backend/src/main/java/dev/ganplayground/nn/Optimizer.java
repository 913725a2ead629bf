package dev.ganplayground.nn;

/**
 * An update rule over a network's flat parameter and gradient vectors, with its own state in flat vectors of the
 * same length. Hyperparameters are set on the concrete rule and may change between steps without touching state.
 */
public interface Optimizer extends AutoCloseable {
    /** Applies one update to {@code params} from {@code grads}. */
    void step(FloatVec params, FloatVec grads);

    /**
     * The state vectors, each laid out like the parameters (Adam: first then second moments; SGD: the velocity), so a
     * network whose layout changes (ProGAN's growth) can carry them over, and checkpoints can copy them. Writable
     * views of the live state.
     */
    java.util.List<FloatVec> state();

    /** Updates taken so far (what bias corrections count); 0 for rules without such a count. */
    default long steps() {
        return 0;
    }

    /** Sets the update count, e.g. when carried state continues in a new optimizer or a checkpoint is restored. */
    default void setSteps(long steps) {
    }

    /** Frees the state's native memory. */
    @Override
    void close();
}
