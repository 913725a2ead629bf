package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An autoencoder run that trains several autoencoders side by side to answer one of the material's questions
 * (model.autoencoder.experiment; structural). Each arm is derived from the run's own settings.
 */
public enum ExperimentKind {
    /** A single autoencoder (the default). */
    @JsonProperty("none") NONE,
    /**
     * Why a too-powerful autoencoder learns nothing useful: an unconstrained overcomplete dense AE against an
     * undercomplete one and a sparse overcomplete one; reconstruction, downstream probe accuracy, noisy inputs.
     */
    @JsonProperty("capacity") CAPACITY,
    /** What sampling the codings buys: the same VAE with its KL term on and off. */
    @JsonProperty("vae-kl") VAE_KL,
    /** Whether the sparsity target is empirical: sparse AEs over a sweep of targets rho; the trade-off curve. */
    @JsonProperty("sparsity-sweep") SPARSITY_SWEEP,
    /** Unsupervised pretraining: a classifier on few labels on top of the pretrained encoder vs from scratch. */
    @JsonProperty("pretraining") PRETRAINING
}
