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
 * @param r1Gamma    weight gamma of the R1 penalty gamma/2 * E_real ||grad_x D(x)||^2 on D (Mescheder et al. 2018;
 *                   StyleGAN: 10 at 1024x1024), in [0, {@value #MAX_R1_GAMMA}]; default 0 (off). Every GAN
 *                   architecture but ProGAN (whose growing D does not implement it)
 * @param r1Every    lazy regularisation interval k (StyleGAN2): the penalty is computed every k-th D update with
 *                   gamma scaled by k, in [1, {@value #MAX_R1_EVERY}]; default 16 (StyleGAN2's)
 */
public record TrainConfig(int batchSize, LossKind loss, int dSteps, OptimizerConfig optimizerD,
                          OptimizerConfig optimizerG, AeLossConfig autoencoder, double r1Gamma, int r1Every) {
    public static final int MAX_BATCH = 4096;
    public static final int MAX_D_STEPS = 20;
    public static final double MAX_R1_GAMMA = 1000;
    public static final int MAX_R1_EVERY = 64;
    /** Default lazy-regularisation interval (StyleGAN2's). */
    public static final int DEFAULT_R1_EVERY = 16;

    /** The GAN settings with the default {@link AeLossConfig} and no R1 penalty (tests). */
    public TrainConfig(int batchSize, LossKind loss, int dSteps, OptimizerConfig optimizerD,
                       OptimizerConfig optimizerG) {
        this(batchSize, loss, dSteps, optimizerD, optimizerG, AeLossConfig.DEFAULTS, 0, DEFAULT_R1_EVERY);
    }

    /** An autoencoder run's settings: the GAN fields plus its loss terms, no R1 penalty (tests). */
    public TrainConfig(int batchSize, LossKind loss, int dSteps, OptimizerConfig optimizerD,
                       OptimizerConfig optimizerG, AeLossConfig autoencoder) {
        this(batchSize, loss, dSteps, optimizerD, optimizerG, autoencoder, 0, DEFAULT_R1_EVERY);
    }

    /** This config with the R1 penalty set to {@code gamma} every {@code every} D updates. */
    public TrainConfig withR1(double gamma, int every) {
        return new TrainConfig(batchSize, loss, dSteps, optimizerD, optimizerG, autoencoder, gamma, every);
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
        v.range(at + "/r1Gamma", r1Gamma, 0, MAX_R1_GAMMA);
        v.intRange(at + "/r1Every", r1Every, 1, MAX_R1_EVERY);
        if (autoencoder == null) {
            v.fail(at + "/autoencoder", "is required");
        } else {
            autoencoder.validate(v, at + "/autoencoder");
        }
    }
}
