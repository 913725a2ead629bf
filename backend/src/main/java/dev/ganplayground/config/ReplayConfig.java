package dev.ganplayground.config;

/**
 * Experience replay (Shrivastava et al. 2017, SimGAN section 2.3; CycleGAN's image pool): a buffer of past
 * generator outputs. Each D update replaces {@code fraction} of its fake half with samples drawn from the buffer,
 * then overwrites as many random buffer entries with the step's fresh fakes. Live-tunable.
 *
 * @param enabled  off by default
 * @param size     buffer capacity in samples, in [16, 1048576]; default 16384 (64 batches of 256)
 * @param fraction share of D's fakes taken from the buffer, in [0, 1]; default 0.5 (SimGAN's b/2)
 */
public record ReplayConfig(boolean enabled, int size, double fraction) {
    void validate(Validator v, String at) {
        v.intRange(at + "/size", size, 16, 1 << 20);
        v.range(at + "/fraction", fraction, 0.0, 1.0);
    }
}
