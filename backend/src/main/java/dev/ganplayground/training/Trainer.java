package dev.ganplayground.training;

import java.util.SplittableRandom;

/**
 * A GAN's {@link Trainable}: training in ticks and live changes, plus sampling G with the caller's latent vectors.
 * {@link GanTrainer} (MLP and DCGAN runs) and {@link ProganTrainer} (growing networks) implement it. Not
 * thread-safe; one run, one thread.
 */
public interface Trainer extends Trainable {
    /** {@code n} fresh samples G(z), one after another, with z drawn from {@code rng}. */
    float[] generate(int n, SplittableRandom rng);

    /** G applied to {@code n} given latent vectors (n x latentDim), samples one after another. */
    float[] generateFrom(float[] zs, int n);

    /** {@code count} floats of latent draws from {@code rng}. */
    float[] drawLatent(SplittableRandom rng, int count);

    /** Shape of the samples G makes now (ProGAN: the current resolution). */
    RealSource.SampleShape sampleShape();
}
