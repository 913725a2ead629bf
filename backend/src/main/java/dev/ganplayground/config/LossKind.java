package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The GAN objective. D outputs a raw score s; sigma is the logistic function.
 * <ul>
 * <li>{@code minimax}: Goodfellow et al. 2014. D: -log sigma(s_r) - log(1 - sigma(s_f)); G: log(1 - sigma(s_f)).</li>
 * <li>{@code nonsaturating}: same D; G: -log sigma(s_f) (Goodfellow et al. 2014, section 3).</li>
 * <li>{@code least_squares}: LSGAN, Mao et al. 2017 (a=0, b=c=1). D: 0.5(s_r-1)^2 + 0.5 s_f^2; G: 0.5(s_f-1)^2.</li>
 * <li>{@code hinge}: Lim and Ye 2017. D: relu(1-s_r) + relu(1+s_f); G: -s_f.</li>
 * </ul>
 * All are averaged over the batch. WGAN-GP needs a double backward and comes later.
 */
public enum LossKind {
    @JsonProperty("minimax") MINIMAX,
    @JsonProperty("nonsaturating") NON_SATURATING,
    @JsonProperty("least_squares") LEAST_SQUARES,
    @JsonProperty("hinge") HINGE;

    /** True when D's score is a logit and D(x) is reported as sigma(s), a probability with equilibrium 0.5. */
    public boolean logistic() {
        return this == MINIMAX || this == NON_SATURATING;
    }
}
