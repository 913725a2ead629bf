package dev.ganplayground.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The two networks. Structural: changing any field rebuilds both networks (the client confirms first).
 *
 * @param latentDim   size of z, in [1, {@value #MAX_LATENT}], default 2 (so the manifold view is exact); the
 *                    image presets use 64
 * @param noise       distribution of z, default {@code gaussian}
 * @param gHidden     widths of G's hidden layers, 0 to {@value #MAX_DEPTH} layers of 1 to {@value #MAX_WIDTH};
 *                    default [128, 128, 128]
 * @param dHidden     widths of D's hidden layers, same limits, default [128, 128, 128]
 * @param gActivation G's hidden non-linearity, default {@code relu}
 * @param dActivation D's hidden non-linearity, default {@code relu}
 * @param architecture {@code mlp} (default; the fields above), or {@code dcgan}, {@code progan} or {@code stylegan}
 *                    for image datasets, which ignore gHidden, dHidden and the activations
 * @param baseChannels the image GANs' width b: the DCGAN's D convs have b and 2b channels, G mirrors them; ProGAN
 *                    has min(2b, 32b / r) feature maps at resolution r (2b up to 16x16, b at 32x32); StyleGAN's
 *                    synthesis width at 32x32 is b, doubling per halving up to 4b (G and D); in
 *                    [{@value #MIN_BASE}, {@value #MAX_BASE}], default 64 (the MLP ignores it)
 * @param progan      progressive growing (architecture {@code progan}; see {@link ProganConfig})
 * @param style       StyleGAN's mapping network and regularisation ({@link StyleConfig}); only architecture
 *                    {@code stylegan} reads it
 * @param autoencoder the autoencoder of architecture {@code autoencoder} ({@link AutoencoderConfig}); the GANs
 *                    ignore it
 */
public record ModelConfig(int latentDim, NoiseKind noise, List<Integer> gHidden, List<Integer> dHidden,
                          ActivationKind gActivation, ActivationKind dActivation, ArchitectureKind architecture,
                          int baseChannels, ProganConfig progan, StyleConfig style,
                          AutoencoderConfig autoencoder) {
    public static final int MAX_LATENT = 128;
    public static final int MIN_BASE = 4;
    public static final int MAX_BASE = 128;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_WIDTH = 1024;

    public ModelConfig {
        // Not List.copyOf: it throws on a null element, which validate() reports with its exact pointer instead.
        gHidden = gHidden == null ? null : Collections.unmodifiableList(new ArrayList<>(gHidden));
        dHidden = dHidden == null ? null : Collections.unmodifiableList(new ArrayList<>(dHidden));
    }

    /** The networks with the default {@link ProganConfig}, {@link StyleConfig} and {@link AutoencoderConfig} (tests). */
    public ModelConfig(int latentDim, NoiseKind noise, List<Integer> gHidden, List<Integer> dHidden,
                       ActivationKind gActivation, ActivationKind dActivation, ArchitectureKind architecture,
                       int baseChannels) {
        this(latentDim, noise, gHidden, dHidden, gActivation, dActivation, architecture, baseChannels,
                ProganConfig.DEFAULTS, StyleConfig.DEFAULTS, AutoencoderConfig.DEFAULTS);
    }

    void validate(Validator v, String at) {
        v.intRange(at + "/latentDim", latentDim, 1, MAX_LATENT);
        v.notNull(noise, at + "/noise");
        v.notNull(gActivation, at + "/gActivation");
        v.notNull(dActivation, at + "/dActivation");
        v.notNull(architecture, at + "/architecture");
        v.intRange(at + "/baseChannels", baseChannels, MIN_BASE, MAX_BASE);
        if (style == null) {
            v.fail(at + "/style", "is required");
        } else {
            style.validate(v, at + "/style");
        }
        layers(v, at + "/gHidden", gHidden);
        layers(v, at + "/dHidden", dHidden);
        if (progan == null) {
            v.fail(at + "/progan", "is required");
        } else {
            progan.validate(v, at + "/progan");
        }
        if (autoencoder == null) {
            v.fail(at + "/autoencoder", "is required");
        } else {
            autoencoder.validate(v, at + "/autoencoder");
        }
    }

    /** The same networks with another autoencoder (tests, presets). */
    public ModelConfig withAutoencoder(AutoencoderConfig next) {
        return new ModelConfig(latentDim, noise, gHidden, dHidden, gActivation, dActivation, architecture,
                baseChannels, progan, style, next);
    }

    /** The same networks with another architecture and width (tests, presets). */
    public ModelConfig withArchitecture(ArchitectureKind kind, int base) {
        return new ModelConfig(latentDim, noise, gHidden, dHidden, gActivation, dActivation, kind, base, progan,
                style, autoencoder);
    }

    /** The same networks with other ProGAN settings (tests, presets). */
    public ModelConfig withProgan(ProganConfig next) {
        return new ModelConfig(latentDim, noise, gHidden, dHidden, gActivation, dActivation, architecture,
                baseChannels, next, style, autoencoder);
    }

    private static void layers(Validator v, String at, List<Integer> widths) {
        if (widths == null) {
            v.fail(at, "is required");
            return;
        }
        v.require(widths.size() <= MAX_DEPTH, at, "must have at most " + MAX_DEPTH + " layers, found " + widths.size());
        for (int i = 0; i < widths.size() && i <= MAX_DEPTH; i++) {
            Integer w = widths.get(i);
            if (w == null) {
                v.fail(at + "/" + i, "must be a number");
            } else {
                v.intRange(at + "/" + i, w, 1, MAX_WIDTH);
            }
        }
    }
}
