package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which pair of networks a run trains; it must match the data (points or images). */
public enum ArchitectureKind {
    /** Multilayer perceptrons for the 2D distributions (the hidden widths and activations of ModelConfig). */
    @JsonProperty("mlp") MLP,
    /** Radford et al.'s DCGAN for 28x28 images: strided convs in D, transposed convs in G, batch norm. */
    @JsonProperty("dcgan") DCGAN,
    /** Karras et al.'s progressive growing: 4x4 up to model.progan.maxResolution, fade-ins, pixel norm, mbstd. */
    @JsonProperty("progan") PROGAN,
    /**
     * Karras et al.'s style-based generator (mapping network, AdaIN, noise inputs, style mixing) against a
     * ProGAN-style discriminator, at a fixed 32x32 (28x28 datasets padded).
     */
    @JsonProperty("stylegan") STYLEGAN,
    /**
     * Not a GAN: the autoencoder of model.autoencoder (linear = PCA, stacked, conv, recurrent, denoising, sparse,
     * variational), on an image dataset or the 3D point cloud.
     */
    @JsonProperty("autoencoder") AUTOENCODER;

    /** True for the image GANs (dcgan, progan, stylegan), which need an image dataset. */
    public boolean isImage() {
        return this == DCGAN || this == PROGAN || this == STYLEGAN;
    }
}
