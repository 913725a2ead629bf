package dev.ganplayground.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The autoencoder of an {@code autoencoder} run (model.autoencoder; structural: a change rebuilds it). The loss
 * settings that may change while training live in {@link AeLossConfig} (train.autoencoder).
 *
 * @param kind       linear, dense, conv, recurrent or vae; default dense
 * @param codeSize   units of the coding layer, in [1, {@value #MAX_CODE}]; default 32
 * @param hidden     widths of the encoder's hidden layers before the code (dense and vae; the decoder mirrors them;
 *                   recurrent: the first entry is the recurrent state size), 0 to {@value ModelConfig#MAX_DEPTH} of
 *                   1 to {@value ModelConfig#MAX_WIDTH}; default [256]
 * @param activation the hidden layers' non-linearity (linear ignores it); default relu
 * @param tied       dense only: each decoder layer uses its encoder layer's weights transposed (shared memory, not a
 *                   copy), with its own bias; default false
 * @param greedy     dense only: greedy layer-wise training, one shallow autoencoder per hidden layer (each on the
 *                   previous one's codes) for {@code phaseSteps} steps each, then the stacked network fine-tuned;
 *                   default false
 * @param phaseSteps steps of each greedy phase, in [1, 1,000,000]; default 1,000
 * @param experiment several autoencoders side by side to answer one question; default none
 * @param labels     labelled training examples the downstream classifiers see (probe accuracy, pretraining), in
 *                   [10, 10,000]; default 100
 */
public record AutoencoderConfig(AutoencoderKind kind, int codeSize, List<Integer> hidden, ActivationKind activation,
                                boolean tied, boolean greedy, int phaseSteps, ExperimentKind experiment,
                                int labels) {
    public static final int MAX_CODE = 1024;
    /** The defaults (also in presets/defaults.json). */
    public static final AutoencoderConfig DEFAULTS = new AutoencoderConfig(AutoencoderKind.DENSE, 32, List.of(256),
            ActivationKind.RELU, false, false, 1_000, ExperimentKind.NONE, 100);

    public AutoencoderConfig {
        hidden = hidden == null ? null : Collections.unmodifiableList(new ArrayList<>(hidden));
    }

    void validate(Validator v, String at) {
        v.notNull(kind, at + "/kind");
        v.intRange(at + "/codeSize", codeSize, 1, MAX_CODE);
        v.notNull(activation, at + "/activation");
        v.intRange(at + "/phaseSteps", phaseSteps, 1, 1_000_000);
        v.notNull(experiment, at + "/experiment");
        v.intRange(at + "/labels", labels, 10, 10_000);
        if (hidden == null) {
            v.fail(at + "/hidden", "is required");
        } else {
            v.require(hidden.size() <= ModelConfig.MAX_DEPTH, at + "/hidden",
                    "must have at most " + ModelConfig.MAX_DEPTH + " layers, found " + hidden.size());
            for (int i = 0; i < hidden.size() && i <= ModelConfig.MAX_DEPTH; i++) {
                Integer w = hidden.get(i);
                if (w == null) {
                    v.fail(at + "/hidden/" + i, "must be a number");
                } else {
                    v.intRange(at + "/hidden/" + i, w, 1, ModelConfig.MAX_WIDTH);
                }
            }
        }
        if (kind != null) {
            v.require(!tied || kind == AutoencoderKind.DENSE, at + "/tied", "applies to kind 'dense' only");
            v.require(!greedy || kind == AutoencoderKind.DENSE, at + "/greedy", "applies to kind 'dense' only");
            v.require(kind != AutoencoderKind.RECURRENT || (hidden != null && !hidden.isEmpty()), at + "/hidden",
                    "must give the recurrent state size as its first entry for kind 'recurrent'");
        }
    }
}
