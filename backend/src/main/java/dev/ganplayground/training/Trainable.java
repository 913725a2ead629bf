package dev.ganplayground.training;

import dev.ganplayground.config.RunConfig;

/**
 * What a run drives, whatever it learns: training in ticks, live changes, and a state to checkpoint. The GANs'
 * {@link Trainer} adds sampling the generator; an autoencoder run's trainer implements this directly. Not
 * thread-safe; one run, one thread.
 */
public interface Trainable extends AutoCloseable {
    RunConfig config();

    /** Steps completed so far. */
    long step();

    /** Runs {@code steps} steps; a {@link NonFiniteException} stops before the offending update. */
    TickReport train(int steps, StepMode mode);

    /** Applies a live (non-structural) change from the next step on. */
    void reconfigure(RunConfig next);

    /** A heap copy of the networks, optimizers and progress (for a checkpoint written on another thread). */
    TrainerState captureState();

    /**
     * Continues from a captured state of a trainer of the same config: parameters, optimizer moments and counters,
     * step (and growth); the training streams are derived again from seed and step
     * ({@link TrainerState#resumedStreams}).
     *
     * @throws IllegalArgumentException if the state's sizes or optimizer kinds do not fit this trainer's config
     */
    void restoreState(TrainerState s);

    /** Frees all native memory now. */
    @Override
    void close();
}
