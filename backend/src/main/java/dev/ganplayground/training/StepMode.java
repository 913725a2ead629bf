package dev.ganplayground.training;

/** Which networks one training step updates (GAN Lab's step D / step G / step both). */
public enum StepMode {
    /** dSteps discriminator updates, then one generator update. */
    BOTH,
    /** One discriminator update only. */
    D_ONLY,
    /** One generator update only. */
    G_ONLY
}
