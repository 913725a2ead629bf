package dev.ganplayground.config;

/**
 * An autoencoder's loss terms (train.autoencoder; live: applied from the next step on).
 *
 * @param corruption      denoising: how inputs are corrupted (targets never are); default none
 * @param corruptionLevel gaussian: the noise's standard deviation (pixels span [-1, 1]); dropout: the probability a
 *                        value is zeroed; in [0, 1]; default 0.3
 * @param sparsity        the penalty on the coding layer's activations; default none
 * @param sparsityTarget  KL: the target mean activation rho, in (0, 0.99]; default 0.05
 * @param sparsityWeight  the penalty's weight beta, in [0, 100]; default 1
 * @param klWeight        vae: the KL term's weight (1 = the ELBO, 0 = a plain autoencoder with noisy codes), in
 *                        [0, 100]; default 1
 */
public record AeLossConfig(CorruptionKind corruption, double corruptionLevel, SparsityKind sparsity,
                           double sparsityTarget, double sparsityWeight, double klWeight) {
    /** The defaults (also in presets/defaults.json). */
    public static final AeLossConfig DEFAULTS = new AeLossConfig(CorruptionKind.NONE, 0.3, SparsityKind.NONE, 0.05,
            1.0, 1.0);

    void validate(Validator v, String at) {
        v.notNull(corruption, at + "/corruption");
        v.range(at + "/corruptionLevel", corruptionLevel, 0, 1);
        v.notNull(sparsity, at + "/sparsity");
        v.rangeAbove(at + "/sparsityTarget", sparsityTarget, 0, 0.99);
        v.range(at + "/sparsityWeight", sparsityWeight, 0, 100);
        v.range(at + "/klWeight", klWeight, 0, 100);
    }
}
