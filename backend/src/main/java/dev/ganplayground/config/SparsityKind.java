package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The sparsity penalty on the coding layer's activations; train.autoencoder.sparsity, live. */
public enum SparsityKind {
    /** No penalty. */
    @JsonProperty("none") NONE,
    /** weight * sum_j KL(rho || mean activation of unit j) over the batch (the codes use a sigmoid). */
    @JsonProperty("kl") KL,
    /** weight * mean |activation| (L1 on the codes). */
    @JsonProperty("l1") L1
}
