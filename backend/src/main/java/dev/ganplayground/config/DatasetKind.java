package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a run learns: a 2D distribution (the MLP GANs) or an image dataset (the DCGAN). Wire names are the
 * lower-case words in {@link JsonProperty}.
 */
public enum DatasetKind {
    /** 8 Gaussians on the unit circle, sigma 0.01 (PacGAN's 2D-ring). */
    @JsonProperty("ring8") RING8,
    /** 25 Gaussians on {-4,-2,0,2,4}^2, sigma 0.05 (PacGAN's 2D-grid). */
    @JsonProperty("grid25") GRID25,
    /** Two-armed spiral with Gaussian noise. */
    @JsonProperty("spiral") SPIRAL,
    /** Two interleaved half circles with Gaussian noise. */
    @JsonProperty("moons") MOONS,
    /** Points the user drew on the canvas, each a small Gaussian blob. */
    @JsonProperty("drawn") DRAWN,
    /** MNIST handwritten digits, 28x28 grey, from an IDX folder the server is pointed at. */
    @JsonProperty("mnist") MNIST,
    /** Fashion-MNIST, 28x28 grey, from the Debian package dataset-fashion-mnist or a configured folder. */
    @JsonProperty("fashion") FASHION,
    /** The built-in procedural shapes (8 classes, 28x28 grey): no download, exact class coverage. */
    @JsonProperty("shapes") SHAPES,
    /** 3D points near a tilted plane (autoencoder runs only): a linear autoencoder finds the plane as PCA does. */
    @JsonProperty("plane3d") PLANE3D;

    /** True for the image datasets (trained by the DCGAN), false for the 2D distributions and the 3D cloud. */
    public boolean isImage() {
        return this == MNIST || this == FASHION || this == SHAPES;
    }

    /** True for the 2D distributions the MLP GAN learns. */
    public boolean isPlane() {
        return !isImage() && this != PLANE3D;
    }

    /** The wire name, e.g. "mnist" (also the image dataset registry's id). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
