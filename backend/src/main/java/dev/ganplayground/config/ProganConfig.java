package dev.ganplayground.config;

/**
 * Progressive growing (Karras et al. 2018) for architecture {@code progan}. Structural. Training starts at 4x4 with a
 * stabilising phase, then each higher resolution fades in (alpha rising linearly from 0 to 1 over
 * {@code fadeInImages} real images shown to D) and stabilises (alpha 1, {@code stabilizeImages} images), up to
 * {@code maxResolution}, where training goes on ("done"). The paper shows 600k + 600k images per resolution; the
 * defaults here are CPU-sized so that 32x32 is reached within minutes (docs/architecture.md, ProGAN).
 *
 * @param maxResolution          8, 16 or 32 (default 32; the 28x28 datasets are padded to 32x32 with -1)
 * @param fadeInImages           real images per fade-in phase, in [{@value #MIN_IMAGES}, {@value #MAX_IMAGES}];
 *                               default 12800
 * @param stabilizeImages        real images per stabilising phase, same range; default 12800
 * @param mbstdGroup             rows per minibatch-stddev group in D's last block, in [1, 16]; default 4 (paper)
 * @param resetOptimizerOnGrowth true (default, as the paper's code): Adam's state starts from zero when a
 *                               resolution starts fading in and when its fade-in ends; false: the moments of the
 *                               layers that stay are carried over (zero for new layers) and the step count goes on
 */
public record ProganConfig(int maxResolution, long fadeInImages, long stabilizeImages, int mbstdGroup,
                           boolean resetOptimizerOnGrowth) {
    public static final long MIN_IMAGES = 64;
    public static final long MAX_IMAGES = 10_000_000;
    /** What a config without a {@code progan} object gets (the defaults.json values). */
    public static final ProganConfig DEFAULTS = new ProganConfig(32, 12_800, 12_800, 4, true);

    void validate(Validator v, String at) {
        v.require(maxResolution == 8 || maxResolution == 16 || maxResolution == 32, at + "/maxResolution",
                "must be 8, 16 or 32, found " + maxResolution);
        v.intRange(at + "/fadeInImages", fadeInImages, MIN_IMAGES, MAX_IMAGES);
        v.intRange(at + "/stabilizeImages", stabilizeImages, MIN_IMAGES, MAX_IMAGES);
        v.intRange(at + "/mbstdGroup", mbstdGroup, 1, 16);
    }
}
