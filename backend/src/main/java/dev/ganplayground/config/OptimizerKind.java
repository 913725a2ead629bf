package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Update rule of one network. */
public enum OptimizerKind {
    /** Kingma and Ba 2015, with bias correction. Uses lr, beta1, beta2. */
    @JsonProperty("adam") ADAM,
    /** Plain SGD, with heavy-ball momentum when momentum &gt; 0. Uses lr, momentum. */
    @JsonProperty("sgd") SGD
}
