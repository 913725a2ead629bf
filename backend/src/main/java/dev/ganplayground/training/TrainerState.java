package dev.ganplayground.training;

/**
 * Everything of a {@link GanTrainer} that training changes, copied to the heap so it can be written to disk on
 * another thread while training goes on (see {@link GanTrainer#captureState} and {@link GanTrainer#restoreState}).
 *
 * @param step      steps completed
 * @param generator G's flat parameters
 * @param discriminator D's flat parameters
 * @param optimizerG G's optimizer state
 * @param optimizerD D's optimizer state
 */
public record TrainerState(long step, float[] generator, float[] discriminator, OptimizerState optimizerG,
                           OptimizerState optimizerD) {
}
