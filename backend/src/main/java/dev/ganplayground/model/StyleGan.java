package dev.ganplayground.model;

import dev.ganplayground.nn.Activation;
import dev.ganplayground.config.StyleNormalization;
import dev.ganplayground.nn.AdaIn;
import dev.ganplayground.nn.AvgPool2x;
import dev.ganplayground.nn.Conv2d;
import dev.ganplayground.nn.ConstantGain;
import dev.ganplayground.nn.ConvGeometry;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.EqualizedLr;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.MinibatchStddev;
import dev.ganplayground.nn.ModulatedConv;
import dev.ganplayground.nn.NoiseInjection;
import dev.ganplayground.nn.PixelNorm;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.StyleNorm;
import dev.ganplayground.nn.StyledPixelNorm;
import dev.ganplayground.nn.Upsample2x;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds StyleGAN's generator (Karras et al. 2019; {@link StyleGenerator}) and the fixed-resolution ProGAN-style
 * discriminator it trains against, at a fixed square resolution (32 for the playground: no progressive growing, as
 * StyleGAN2 also dropped it).
 *
 * <p>Generator: mapping = pixel norm of z, then {@code mappingLayers} x (dense to mappingWidth with equalised
 * learning rate and multiplier {@code mappingLrMultiplier}, leaky ReLU 0.2). Synthesis from a learned 4x4 constant,
 * two style layers per resolution: [upsample 2x nearest, conv 3x3 | the constant], noise, leaky ReLU, AdaIN; then a
 * 1x1 toRGB, linear. Each AdaIN's style is an affine (dense, gain 1) map of that layer's w. With
 * {@link Spec#demodulation} (StyleGAN2, Karras et al. 2020) every layer is [upsample 2x], a 3x3 {@link ModulatedConv}
 * (the 4x4 constant is convolved too), noise, leaky ReLU with StyleGAN2's gain sqrt(2), its style the conv's
 * input-channel scales. Deviations
 * from the paper: no blur after upsampling, the constant starts as N(0, 1) draws (the paper's code: ones, which AdaIN's
 * instance norm maps to 0/0 until noise moves it), and much smaller widths (see {@link #channels}).
 *
 * <p>Style-layer groups for mixing: coarse = the 4x4 and 8x8 layers, middle = 16x16, fine = 32x32 (the paper's
 * coarse/middle/fine split, 4-8 / 16-32 / 64-1024, scaled to a 32x32 top).
 */
public final class StyleGan {
    /** The one training resolution. */
    public static final int RESOLUTION = 32;

    private StyleGan() {
    }

    /**
     * What a style generator is made of.
     *
     * @param latentDim           size of z
     * @param mappingLayers       dense layers of the mapping network, at least 1
     * @param mappingWidth        width of w and of the mapping's layers
     * @param mappingLrMultiplier the mapping's learning-rate multiplier (paper: 0.01)
     * @param baseChannels        synthesis width at the top resolution (see {@link #channels})
     * @param imageChannels       channels of an image
     * @param mixingProbability   probability of style mixing per training batch (paper: 0.9)
     * @param wAvgDecay           decay of the W average's moving average (paper: 0.995)
     * @param demodulation        StyleGAN2's modulated convs with weight demodulation instead of AdaIN
     * @param rgbSkips            StyleGAN2's skip generator: a modulated 1x1 toRGB after every resolution, the image
     *                            the sum of each one upsampled (needs demodulation); else one toRGB at the end
     */
    public record Spec(int latentDim, int mappingLayers, int mappingWidth, double mappingLrMultiplier,
                       int baseChannels, int imageChannels, double mixingProbability, double wAvgDecay,
                       StyleNormalization normalization, boolean rgbSkips) {
        public Spec {
            // The accessor is not usable yet in a compact constructor (fields are assigned after it).
            if (rgbSkips && normalization != StyleNormalization.DEMODULATION) {
                throw new IllegalArgumentException("toRGB skips need demodulation (their toRGBs are modulated)");
            }
        }

        /** StyleGAN2's modulated convs instead of a normalisation layer after each conv. */
        public boolean demodulation() {
            return normalization == StyleNormalization.DEMODULATION;
        }
    }

    /**
     * The layers of a generator before wiring (one list per chain, one noise per style layer, and per style layer
     * one style norm or one modulated conv: the other list is empty). toRGB: one plain chain at the top, or with
     * skips one modulated chain per resolution ({@code rgbModulated}) with its own style affine ({@code rgbAffine}).
     */
    record Parts(int constWidth, List<Layer> mapping, List<List<Layer>> affine, List<List<Layer>> blocks,
                 List<NoiseInjection> noises, List<StyleNorm> norms, List<ModulatedConv> modulated,
                 List<List<Layer>> toRgb, List<List<Layer>> rgbAffine, List<ModulatedConv> rgbModulated) {
    }

    /**
     * Channels at side {@code res}: base at 32x32, doubling at each halving, at most 4 x base (ProGAN's rule of
     * halving the width as resolution doubles, capped; NVlabs/stylegan's nf() with small numbers).
     */
    public static int channels(int baseChannels, int res) {
        return Math.min(4 * baseChannels, baseChannels * RESOLUTION / res);
    }

    /** Side of style layer {@code i}: 4, 4, 8, 8, 16, 16, 32, 32. */
    public static int layerSide(int i) {
        return 4 << (i / 2);
    }

    /** Style layers of a generator (two per resolution from 4x4 to {@link #RESOLUTION}). */
    public static int styleLayers() {
        return 2 * (Integer.numberOfTrailingZeros(RESOLUTION) - 1);
    }

    /** The layer range [from, to) of a mixing group ("coarse", "middle" or "fine"). */
    public static int[] layerRange(String group) {
        int from = 0;
        int to = styleLayers();
        switch (group) {
            case "coarse" -> to = firstLayerOfSide(16);
            case "middle" -> {
                from = firstLayerOfSide(16);
                to = firstLayerOfSide(32);
            }
            case "fine" -> from = firstLayerOfSide(32);
            default -> throw new IllegalArgumentException("unknown layer group '" + group + "'");
        }
        return new int[]{from, to};
    }

    private static int firstLayerOfSide(int side) {
        return 2 * (Integer.numberOfTrailingZeros(side) - 2);
    }

    /** The generator for {@code spec}, initialised from {@code rng}. */
    public static StyleGenerator generator(Spec spec, int rowCapacity, SplittableRandom rng) {
        if (spec.mappingLayers() < 1 || spec.mappingWidth() < 1 || spec.latentDim() < 1) {
            throw new IllegalArgumentException("mapping needs at least one layer and positive widths, found " + spec);
        }
        List<Layer> mapping = mappingLayers(spec);
        int layers = styleLayers();
        List<List<Layer>> affine = new ArrayList<>();
        List<List<Layer>> blocks = new ArrayList<>();
        List<NoiseInjection> noises = new ArrayList<>();
        List<StyleNorm> norms = new ArrayList<>();
        List<ModulatedConv> modulated = new ArrayList<>();
        ConvGeometry k3 = new ConvGeometry(3, 1, 1);
        int prevC = channels(spec.baseChannels(), 4);
        int prevSide = 4;
        for (int i = 0; i < layers; i++) {
            int side = layerSide(i);
            int c = channels(spec.baseChannels(), side);
            List<Layer> block = new ArrayList<>();
            if (side != prevSide) {
                block.add(new Upsample2x(prevC, prevSide, prevSide));
            }
            int styleWidth;
            if (spec.demodulation()) {
                // StyleGAN2 convolves the constant too, so every style layer has a (modulated) conv.
                ModulatedConv conv = new ModulatedConv(prevC, c, side, side, k3, EqualizedLr.HE, true);
                block.add(conv);
                modulated.add(conv);
                styleWidth = prevC;
            } else {
                if (i > 0) {
                    block.add(new Conv2d(prevC, c, side, side, k3, EqualizedLr.HE));
                }
                norms.add(spec.normalization() == StyleNormalization.PIXELNORM ? new StyledPixelNorm(c, side * side)
                        : new AdaIn(c, side * side));
                styleWidth = 2 * c;
            }
            NoiseInjection noise = new NoiseInjection(c, side * side);
            block.add(noise);
            block.add(new Activation(Activation.Kind.LEAKY_RELU, c * side * side));
            if (spec.demodulation()) {
                // StyleGAN2's activation gain: demodulation normalises by the weights only, so without it the
                // signal shrinks at every leaky ReLU while the noise does not (see ConstantGain).
                block.add(new ConstantGain(c * side * side, Math.sqrt(2)));
            }
            blocks.add(block);
            noises.add(noise);
            affine.add(List.of(new Dense(spec.mappingWidth(), styleWidth, EqualizedLr.LINEAR)));
            prevC = c;
            prevSide = side;
        }
        ConvGeometry k1 = new ConvGeometry(1, 1, 0);
        List<List<Layer>> toRgb = new ArrayList<>();
        List<List<Layer>> rgbAffine = new ArrayList<>();
        List<ModulatedConv> rgbModulated = new ArrayList<>();
        if (spec.rgbSkips()) {
            // StyleGAN2's toRGB: modulated, not demodulated (its output is the image, not a feature map to keep at
            // unit variance), linear.
            for (int side = 4; side <= RESOLUTION; side *= 2) {
                int c = channels(spec.baseChannels(), side);
                ModulatedConv rgb = new ModulatedConv(c, spec.imageChannels(), side, side, k1, EqualizedLr.LINEAR,
                        false);
                toRgb.add(List.of(rgb));
                rgbModulated.add(rgb);
                rgbAffine.add(List.of(new Dense(spec.mappingWidth(), c, EqualizedLr.LINEAR)));
            }
        } else {
            toRgb.add(List.of(new Conv2d(prevC, spec.imageChannels(), prevSide, prevSide, k1, EqualizedLr.LINEAR)));
        }
        int constWidth = channels(spec.baseChannels(), 4) * 16;
        return new StyleGenerator(spec, new Parts(constWidth, mapping, affine, blocks, noises, norms, modulated, toRgb,
                rgbAffine, rgbModulated), rowCapacity, rng);
    }

    /** The mapping network alone, as its own chain (tests). */
    public static Sequential mapping(Spec spec, int rowCapacity, SplittableRandom rng) {
        Sequential m = new Sequential(mappingLayers(spec), rowCapacity);
        m.initialize(rng);
        return m;
    }

    /** Pixel norm of z, then mappingLayers x (equalised dense with the lr multiplier, leaky ReLU 0.2). */
    private static List<Layer> mappingLayers(Spec spec) {
        EqualizedLr mappingLr = new EqualizedLr(Math.sqrt(2), spec.mappingLrMultiplier());
        List<Layer> mapping = new ArrayList<>();
        mapping.add(new PixelNorm(spec.latentDim(), 1));
        int in = spec.latentDim();
        for (int i = 0; i < spec.mappingLayers(); i++) {
            mapping.add(new Dense(in, spec.mappingWidth(), mappingLr));
            mapping.add(new Activation(Activation.Kind.LEAKY_RELU, spec.mappingWidth()));
            in = spec.mappingWidth();
        }
        return mapping;
    }

    /**
     * ProGAN's discriminator at a fixed 32x32 (Karras et al. 2018, Table 2, without growing): fromRGB (1x1 conv),
     * then per resolution 32, 16, 8 two 3x3 convs and a 2x average pool, then at 4x4 minibatch stddev (group
     * {@code mbstdGroup}), a 3x3 conv, a dense layer and a linear dense score; leaky ReLU 0.2 throughout, every
     * weight with an equalised learning rate. Channels follow {@link #channels}.
     */
    public static Sequential discriminator(int baseChannels, int imageChannels, int mbstdGroup, int rowCapacity,
                                           SplittableRandom rng) {
        ConvGeometry k3 = new ConvGeometry(3, 1, 1);
        List<Layer> layers = new ArrayList<>();
        int side = RESOLUTION;
        int c = channels(baseChannels, side);
        layers.add(new Conv2d(imageChannels, c, side, side, new ConvGeometry(1, 1, 0), EqualizedLr.HE));
        layers.add(new Activation(Activation.Kind.LEAKY_RELU, c * side * side));
        while (side > 4) {
            int next = channels(baseChannels, side / 2);
            layers.add(new Conv2d(c, c, side, side, k3, EqualizedLr.HE));
            layers.add(new Activation(Activation.Kind.LEAKY_RELU, c * side * side));
            layers.add(new Conv2d(c, next, side, side, k3, EqualizedLr.HE));
            layers.add(new Activation(Activation.Kind.LEAKY_RELU, next * side * side));
            layers.add(new AvgPool2x(next, side, side));
            side /= 2;
            c = next;
        }
        layers.add(new MinibatchStddev(c, side, side, mbstdGroup));
        layers.add(new Conv2d(c + 1, c, side, side, k3, EqualizedLr.HE));
        layers.add(new Activation(Activation.Kind.LEAKY_RELU, c * side * side));
        layers.add(new Dense(c * side * side, c, EqualizedLr.HE));
        layers.add(new Activation(Activation.Kind.LEAKY_RELU, c));
        layers.add(new Dense(c, 1, EqualizedLr.LINEAR));
        Sequential d = new Sequential(layers, rowCapacity);
        d.initialize(rng);
        return d;
    }
}
