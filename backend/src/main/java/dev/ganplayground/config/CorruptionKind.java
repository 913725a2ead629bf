package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a denoising autoencoder corrupts its inputs (never its targets); train.autoencoder.corruption, live. */
public enum CorruptionKind {
    /** Clean inputs: a plain autoencoder. */
    @JsonProperty("none") NONE,
    /** Adds N(0, level^2) to every input value. */
    @JsonProperty("gaussian") GAUSSIAN,
    /** Sets each input value to 0 with probability level (no rescaling: the decoder must fill it in). */
    @JsonProperty("dropout") DROPOUT
}
