package dev.ganplayground.training;

import dev.ganplayground.config.RunConfig;
import java.util.SplittableRandom;

/**
 * What a run engine drives: training in ticks, live changes, and sampling G with the caller's latent vectors.
 * {@link GanTrainer} (MLP and DCGAN runs) and {@link ProganTrainer} (growing networks) implement it. Not
 * thread-safe; one run, one thread.
 */
public interface Trainer extends AutoCloseable {
    RunConfig config();

    /** Steps completed so far. */
    long step();

    /** Runs {@code steps} steps; a {@link NonFiniteException} stops before the offending update. */
    TickReport train(int steps, StepMode mode);

    /** Applies a live (non-structural) change from the next step on. */
    void reconfigure(RunConfig next);

    /** {@code n} fresh samples G(z), one after another, with z drawn from {@code rng}. */
    float[] generate(int n, SplittableRandom rng);

    /** G applied to {@code n} given latent vectors (n x latentDim), samples one after another. */
    float[] generateFrom(float[] zs, int n);

    /** {@code count} floats of latent draws from {@code rng}. */
    float[] drawLatent(SplittableRandom rng, int count);

    /** Shape of the samples G makes now (ProGAN: the current resolution). */
    RealSource.SampleShape sampleShape();

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
