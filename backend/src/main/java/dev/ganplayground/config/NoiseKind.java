package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Distribution of the generator's latent input z. */
public enum NoiseKind {
    /** Standard normal N(0, I). */
    @JsonProperty("gaussian") GAUSSIAN,
    /** Uniform on [-1, 1]^d. */
    @JsonProperty("uniform") UNIFORM
}
