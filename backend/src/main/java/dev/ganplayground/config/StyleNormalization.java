package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a StyleGAN layer applies its style (model.style.normalization; structural). */
public enum StyleNormalization {
    /** StyleGAN (Karras et al. 2019): instance-normalise each channel of each image, then the style's scale, shift. */
    @JsonProperty("adain") ADAIN,
    /**
     * The default, a deviation measured on this project's small generators: pixel norm over each pixel's channels (ProGAN), then the
     * style's per-channel scale and shift. AdaIN and demodulation collapsed on MNIST where this learns (see
     * nn.StyledPixelNorm and docs/architecture.md).
     */
    @JsonProperty("pixelnorm") PIXELNORM,
    /**
     * StyleGAN2 (Karras et al. 2020): the style scales the conv's input channels and each output channel is divided
     * by its expected standard deviation from the weights and the style, not from the image.
     */
    @JsonProperty("demodulation") DEMODULATION;

    /** The name on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
