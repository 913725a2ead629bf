package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 2D distributions a run can learn. Wire names are the lower-case words in {@link JsonProperty}. */
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
    @JsonProperty("drawn") DRAWN
}
