package dev.ganplayground.metrics;

/**
 * Every metric key the server streams, in one place. Names are hierarchical ({@code group/name}) and stable: the
 * browser derives chart series and colours from the prefix.
 */
public final class MetricNames {
    /** Mean discriminator loss over the tick's D updates. */
    public static final String LOSS_D = "loss/d";
    /** Mean generator loss over the tick's G updates. */
    public static final String LOSS_G = "loss/g";
    /** Mean D(x) on real samples: a probability for logistic losses, the raw score otherwise. */
    public static final String SCORE_REAL = "score/real";
    /** Mean D(G(z)) on generated samples, same scale as {@link #SCORE_REAL}. */
    public static final String SCORE_FAKE = "score/fake";
    /** L2 norm of D's parameter gradient, mean over the tick. */
    public static final String GRAD_D_NORM = "grad/d_norm";
    /** L2 norm of G's parameter gradient, mean over the tick. */
    public static final String GRAD_G_NORM = "grad/g_norm";
    /**
     * (1/2) mean ||grad_x D(x)||^2 over real samples, without gamma: the R1 penalty's size (train.r1Gamma > 0 only;
     * mean over the tick's penalised D updates, absent from ticks without one).
     */
    public static final String LOSS_R1 = "loss/r1";
    /** Training steps per second of wall time during the tick. */
    public static final String SPEED = "speed/steps_per_s";

    /** Modes with at least one high-quality sample (PacGAN's definition, 2,500 samples). */
    public static final String MODES_CAPTURED = "modes/captured";
    /** Modes holding at least 1% of the samples within 3 sigma (the coverage test of issue 2). */
    public static final String MODES_COVERED = "modes/covered";
    /** Fraction of samples within 3 sigma of their nearest mode. */
    public static final String MODES_HQ = "modes/hq_fraction";
    /** KL(generated mode histogram || uniform), natural log. */
    public static final String MODES_REVERSE_KL = "modes/reverse_kl";
    /** KL(real || generated) over a 30 x 30 grid density (GAN Lab's evaluator), log base 2. */
    public static final String DIV_KL_GRID = "div/kl_grid";
    /** Jensen-Shannon divergence over the same grid, log base 2 (in [0, 1]). */
    public static final String DIV_JS_GRID = "div/js_grid";

    /** Image runs: classes holding a fair share of the generated samples, by the dataset's small classifier. */
    public static final String IMAGES_CLASSES_COVERED = "images/classes_covered";
    /** Image runs: KL(generated class histogram || uniform), natural log; 0 when every class is equally drawn. */
    public static final String IMAGES_KL_UNIFORM = "images/kl_uniform";
    /**
     * Image runs: Frechet distance between Gaussians fitted to the small classifier's features of generated and of
     * real images. Same formula as FID (Heusel et al. 2017) on other features, so not comparable to Inception FIDs.
     */
    public static final String IMAGES_FCD = "images/fcd";
    /** Image runs: mean top-class probability the classifier gives generated samples (how recognisable). */
    public static final String IMAGES_CONFIDENCE = "images/confidence";

    /** ProGAN runs: the weight of the resolution fading in (1 while stabilising), at the tick's end. */
    public static final String PROGAN_ALPHA = "progan/alpha";
    /** ProGAN runs: the side of the images G makes and D sees, at the tick's end (4, 8, 16, 32). */
    public static final String PROGAN_RESOLUTION = "progan/resolution";

    /** Autoencoder runs: reconstruction error, MSE per input value (per arm: {@code ae/<arm>/recon}). */
    public static final String AE_RECON = "ae/recon";
    /** VAE arms: the KL term KL(q(z|x) || N(0, I)) per input, before its weight. */
    public static final String AE_KL = "ae/kl";
    /** Autoencoder runs: the weighted sparsity penalty on the code (0 when off). */
    public static final String AE_SPARSITY = "ae/sparsity";
    /** Autoencoder runs: the objective trained on (see ae.AeArm for its terms). */
    public static final String AE_LOSS = "ae/loss";
    /** Autoencoder runs: L2 norm of all arms' parameter gradient together, mean over the tick. */
    public static final String GRAD_AE_NORM = "grad/ae_norm";
    /** Greedy layer-wise training (and pretraining): the phase index at the tick's end. */
    public static final String AE_PHASE = "ae/phase";
    /** Pretraining: mean cross-entropy of the classifier on the encoder pretrained by the autoencoder. */
    public static final String CLF_PRETRAINED_LOSS = "clf/pretrained/loss";
    /** Pretraining: mean cross-entropy of the same classifier trained from scratch. */
    public static final String CLF_SCRATCH_LOSS = "clf/scratch/loss";
    /** Pretraining: L2 norm of both classifiers' parameter gradient together. */
    public static final String GRAD_CLF_NORM = "grad/clf_norm";

    /**
     * An experiment arm's own key for an autoencoder term: {@code ae/<arm>/<term>} from {@code ae/<term>}, e.g.
     * {@code arm("over", AE_RECON)} is {@code ae/over/recon}.
     */
    public static String arm(String arm, String aeKey) {
        if (!aeKey.startsWith("ae/")) {
            throw new IllegalArgumentException("not an autoencoder term: " + aeKey);
        }
        return "ae/" + arm + "/" + aeKey.substring(3);
    }

    private MetricNames() {
    }
}
