package dev.ganplayground.config;

/**
 * How the two networks are trained. Every field is live-tunable (applied between ticks, no reset).
 *
 * @param batchSize  real samples (and as many fakes) per step, in [1, {@value #MAX_BATCH}]; default 256
 * @param loss       the objective, default {@code nonsaturating}
 * @param dSteps     discriminator updates per generator update, in [1, {@value #MAX_D_STEPS}]; default 2 (with 1 the
 *                   shipped ring8 preset covered 6 of 8 modes within 5,000 steps for none of three seeds)
 * @param optimizerD D's optimizer
 * @param optimizerG G's optimizer; an autoencoder run's optimizer (its downstream classifiers use optimizerD)
 * @param autoencoder an autoencoder run's loss terms ({@link AeLossConfig}); the GANs ignore it
 */
public record TrainConfig(int batchSize, LossKind loss, int dSteps, OptimizerConfig optimizerD,
                          OptimizerConfig optimizerG, AeLossConfig autoencoder) {
    public static final int MAX_BATCH = 4096;
    public static final int MAX_D_STEPS = 20;

    /** The GAN settings with the default {@link AeLossConfig} (tests). */
    public TrainConfig(int batchSize, LossKind loss, int dSteps, OptimizerConfig optimizerD,
                       OptimizerConfig optimizerG) {
        this(batchSize, loss, dSteps, optimizerD, optimizerG, AeLossConfig.DEFAULTS);
    }

    void validate(Validator v, String at) {
        v.intRange(at + "/batchSize", batchSize, 1, MAX_BATCH);
        v.notNull(loss, at + "/loss");
        v.intRange(at + "/dSteps", dSteps, 1, MAX_D_STEPS);
        if (optimizerD == null) {
            v.fail(at + "/optimizerD", "is required");
        } else {
            optimizerD.validate(v, at + "/optimizerD");
        }
        if (optimizerG == null) {
            v.fail(at + "/optimizerG", "is required");
        } else {
            optimizerG.validate(v, at + "/optimizerG");
        }
        if (autoencoder == null) {
            v.fail(at + "/autoencoder", "is required");
        } else {
            autoencoder.validate(v, at + "/autoencoder");
        }
    }
}
