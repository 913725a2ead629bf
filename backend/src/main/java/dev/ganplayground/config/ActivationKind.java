package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Hidden-layer non-linearity of an MLP. */
public enum ActivationKind {
    @JsonProperty("relu") RELU,
    /** Leaky ReLU with slope 0.2 for negative inputs (the DCGAN value). */
    @JsonProperty("leaky_relu") LEAKY_RELU,
    @JsonProperty("tanh") TANH
}
