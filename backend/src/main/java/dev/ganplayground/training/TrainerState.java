package dev.ganplayground.training;

import java.util.SplittableRandom;

/**
 * Everything of a {@link Trainer} that training changes, copied to the heap so it can be written to disk on another
 * thread while training goes on (see {@link Trainer#captureState} and {@link Trainer#restoreState}).
 *
 * @param step      steps completed
 * @param generator G's flat parameters
 * @param discriminator D's flat parameters
 * @param optimizerG G's optimizer state
 * @param optimizerD D's optimizer state
 * @param images     real images shown so far, where that places the networks (ProGAN's growth); 0 otherwise
 * @param generatorExtra G's state outside its parameters ({@code Network#trainedState}: StyleGAN's W average), or
 *                   null
 */
public record TrainerState(long step, float[] generator, float[] discriminator, OptimizerState optimizerG,
                           OptimizerState optimizerD, long images, float[] generatorExtra) {
    /**
     * The root of a resumed run's training streams (data, noise): they cannot be read back from a
     * {@link SplittableRandom}, so they are derived again from the seed and the step, which makes a run resumed from
     * a checkpoint a deterministic function of that checkpoint. A golden-ratio multiple keeps nearby steps far apart
     * in seed space (SplittableRandom's own gamma idea).
     */
    public static SplittableRandom resumedStreams(long seed, long step) {
        return new SplittableRandom(seed ^ (step * 0x9E3779B97F4A7C15L));
    }
}
