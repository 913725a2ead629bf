package dev.ganplayground.ae;

import dev.ganplayground.training.RealSource;
import dev.ganplayground.training.Trainable;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What an autoencoder run drives: one autoencoder, or an experiment's arms trained side by side (one step trains
 * every arm on the same batch). Its {@link dev.ganplayground.training.TickReport} means hold the loss terms
 * (ae/recon, ae/kl, ae/sparsity, ..., per arm where there are several). Checkpoints: {@code TrainerState.generator}
 * holds every arm's parameters one after another and {@code optimizerG} their optimizer state; downstream
 * classifiers (pretraining) are the {@code discriminator} and {@code optimizerD}. Not thread-safe.
 */
public interface AutoencoderTrainer extends Trainable {
    /** Shape of one input (images C x H x W; the 3D cloud 3 x 1 x 1). */
    RealSource.SampleShape inputShape();

    /** The autoencoders being trained, in a fixed order (one, unless the run is an experiment). */
    List<? extends Autoencoder> arms();

    /** Greedy layer-wise training's current phase, or null when the run has no phases. */
    Phase phase();

    /**
     * Test accuracy of the trainer's own downstream classifiers, keyed by name (the pretraining experiment:
     * "pretrained" and "scratch"); an empty map when it has none. An evaluation pass: training is not disturbed.
     *
     * @param inputs n test inputs, row-major
     * @param labels their classes
     */
    Map<String, Double> classifierAccuracy(float[] inputs, int[] labels, int n);

    /** A corrupted copy of {@code n} inputs with the live corruption settings (the inputs are untouched). */
    float[] corrupt(float[] x, int n, SplittableRandom rng);

    /**
     * Where greedy layer-wise training is.
     *
     * @param index    0-based phase number
     * @param count    number of phases (one per hidden layer, then fine-tuning the stack)
     * @param name     for people, e.g. "autoencoder 2 of 3 (on layer 1's codes)" or "fine-tuning the stack"
     * @param progress fraction of this phase done, in [0, 1] (fine-tuning: 0, it has no end)
     */
    record Phase(int index, int count, String name, double progress) {
    }
}
