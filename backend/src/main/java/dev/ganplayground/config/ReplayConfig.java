package dev.ganplayground.config;

/**
 * Experience replay (Shrivastava et al. 2017, SimGAN section 2.3; CycleGAN's image pool): a buffer of past
 * generator outputs. Each D update replaces {@code fraction} of its fake half with samples drawn from the buffer,
 * then overwrites as many random buffer entries with the step's fresh fakes. Live-tunable.
 *
 * @param enabled  off by default
 * @param size     buffer capacity in samples, in [16, 1048576]; default 16384 (64 batches of 256)
 * @param fraction share of D's fakes taken from the buffer, in [0, 1]; default 0.25 (SimGAN uses b/2; on ring8,
 *                 5 seeds x 3,000 steps, 0.5 ended at 6.2 modes / reverse KL 1.34 against 8.0 / 0.78 for 0.25, and
 *                 smaller buffers did not help: 2,048 at 0.25 gave 7.6 / 0.83, 1,024 gave 5.6 / 1.19, and 2,048
 *                 at 0.5 gave 3.4 / 1.73)
 */
public record ReplayConfig(boolean enabled, int size, double fraction) {
    void validate(Validator v, String at) {
        v.intRange(at + "/size", size, 16, 1 << 20);
        v.range(at + "/fraction", fraction, 0.0, 1.0);
    }
}
