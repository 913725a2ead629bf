package dev.ganplayground.run;

/**
 * The per-mode histogram of one evaluation, as the {@code modes} message carries it.
 *
 * @param step    the step evaluated
 * @param counts  high-quality samples per mode
 * @param samples samples evaluated (2,500)
 * @param centres the modes' centres, x, y pairs in the order of counts
 */
public record ModesSnapshot(long step, int[] counts, int samples, float[] centres) {
}
