package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which autoencoder an {@code autoencoder} run trains (model.autoencoder.kind; structural). */
public enum AutoencoderKind {
    /** One linear encoder layer and one linear decoder layer, MSE: learns PCA's principal subspace. */
    @JsonProperty("linear") LINEAR,
    /** Stacked (deep) dense autoencoder: hidden widths, then the code, mirrored by the decoder. */
    @JsonProperty("dense") DENSE,
    /** Strided convs down to the code, transposed convs back (image datasets only). */
    @JsonProperty("conv") CONV,
    /** Sequence-to-vector recurrent encoder and vector-to-sequence decoder over image rows (image datasets only). */
    @JsonProperty("recurrent") RECURRENT,
    /** Variational: the encoder gives a mean and a log-variance, the code is sampled, the loss adds the KL term. */
    @JsonProperty("vae") VAE;

    /** The name on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
