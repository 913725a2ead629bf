package dev.ganplayground.config;

import java.util.List;

/**
 * The two MLPs. Structural: changing any field rebuilds both networks (the client confirms first).
 *
 * @param latentDim   size of z, in [1, {@value #MAX_LATENT}], default 2 (so the manifold view is exact)
 * @param noise       distribution of z, default {@code gaussian}
 * @param gHidden     widths of G's hidden layers, 0 to {@value #MAX_DEPTH} layers of 1 to {@value #MAX_WIDTH};
 *                    default [128, 128, 128]
 * @param dHidden     widths of D's hidden layers, same limits, default [128, 128, 128]
 * @param gActivation G's hidden non-linearity, default {@code relu}
 * @param dActivation D's hidden non-linearity, default {@code relu}
 */
public record ModelConfig(int latentDim, NoiseKind noise, List<Integer> gHidden, List<Integer> dHidden,
                          ActivationKind gActivation, ActivationKind dActivation) {
    public static final int MAX_LATENT = 64;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_WIDTH = 1024;

    public ModelConfig {
        gHidden = gHidden == null ? null : List.copyOf(gHidden);
        dHidden = dHidden == null ? null : List.copyOf(dHidden);
    }

    void validate(Validator v, String at) {
        v.intRange(at + "/latentDim", latentDim, 1, MAX_LATENT);
        v.notNull(noise, at + "/noise");
        v.notNull(gActivation, at + "/gActivation");
        v.notNull(dActivation, at + "/dActivation");
        layers(v, at + "/gHidden", gHidden);
        layers(v, at + "/dHidden", dHidden);
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
