package dev.ganplayground.config;

/**
 * StyleGAN's generator settings (architecture {@code stylegan}; structural). Paper values (Karras et al. 2019,
 * NVlabs/stylegan) in brackets; the defaults are CPU-sized so 32x32 samples form within minutes.
 *
 * @param mappingLayers       dense layers of the mapping network z -> w, in [1, 8]; default 4 [8]
 * @param mappingWidth        width of w and of the mapping's layers, in [16, 512]; default 64 [512]
 * @param mappingLrMultiplier learning-rate multiplier of the mapping network, in (0, 1]; default 0.01 [0.01]
 * @param mixingProbability   probability that a training batch uses two z's with a random crossover layer (style
 *                            mixing regularisation), in [0, 1]; default 0.9 [0.9]
 * @param wAvgDecay           decay of the moving average of w that truncation pulls towards, in [0, 1); default
 *                            0.995 [0.995]
 * @param normalization       how a layer applies its style: {@code adain} (StyleGAN), {@code pixelnorm} (pixel
 *                            norm over the channels, then the style's scale and shift; a measured deviation) or
 *                            {@code demodulation} (StyleGAN2's modulated convs with weight demodulation); default
 *                            pixelnorm [adain]
 * @param rgbSkips            StyleGAN2's skip generator: a modulated toRGB after every resolution, the image the sum
 *                            of them upsampled; needs demodulation; default false (one toRGB at the top)
 */
public record StyleConfig(int mappingLayers, int mappingWidth, double mappingLrMultiplier, double mixingProbability,
                          double wAvgDecay, StyleNormalization normalization, boolean rgbSkips) {
    /** The defaults (also in presets/defaults.json). */
    public static final StyleConfig DEFAULTS = new StyleConfig(4, 64, 0.01, 0.9, 0.995, StyleNormalization.PIXELNORM,
            false);

    void validate(Validator v, String at) {
        v.intRange(at + "/mappingLayers", mappingLayers, 1, 8);
        v.intRange(at + "/mappingWidth", mappingWidth, 16, 512);
        v.rangeAbove(at + "/mappingLrMultiplier", mappingLrMultiplier, 0, 1);
        v.range(at + "/mixingProbability", mixingProbability, 0, 1);
        v.rangeBelow(at + "/wAvgDecay", wAvgDecay, 0, 1);
        v.notNull(normalization, at + "/normalization");
        v.require(!rgbSkips || normalization == StyleNormalization.DEMODULATION, at + "/rgbSkips",
                "needs normalization 'demodulation' (the skip toRGBs are modulated convs)");
    }
}
