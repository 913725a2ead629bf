package dev.ganplayground.run;

import dev.ganplayground.ae.Autoencoder;
import dev.ganplayground.ae.AutoencoderTrainer;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.data.Gaussians;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.PointCloud3d;
import dev.ganplayground.metrics.LinearProbe;
import dev.ganplayground.metrics.Pca;
import dev.ganplayground.metrics.PcaCache;
import dev.ganplayground.metrics.Reconstruction;
import dev.ganplayground.metrics.SubspaceAngle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An autoencoder run's evaluation: per arm, on the held-out inputs ({@link AeHeldOut}), never disturbing training.
 * Keys (docs/protocol.md, "Autoencoder runs"): {@code ae/<metric>} for a single autoencoder, {@code
 * ae/<arm>/<metric>} for each arm of an experiment, as the trainer names its loss terms:
 * <ul>
 *   <li>{@value #HELDOUT_MSE}: reconstruction MSE per value of the clean held-out inputs;</li>
 *   <li>{@value #PCA_MSE} and {@value #SUBSPACE_ANGLE} (linear autoencoders): the MSE of the best rank-k linear
 *       reconstruction (PCA fitted on the training inputs, {@link PcaCache}; same held-out inputs), and the largest
 *       principal angle in degrees between the decoder's span and PCA's top-k subspace;</li>
 *   <li>{@value #PROBE_ACC} (labelled datasets): a linear probe's accuracy on the held-out codes after training on
 *       the codes of the run's {@code labels} labelled examples: how useful the codes are;</li>
 *   <li>{@value #NOISY_MSE} (capacity experiment): MSE against the clean inputs when reconstructing them with
 *       Gaussian noise (sd {@value #NOISE_SD}) added: does the autoencoder denoise or copy?;</li>
 *   <li>{@value #MEAN_ACTIVATION}: the code units' activation averaged over units and inputs (sparsity);</li>
 *   <li>{@code ae/<classifier>/accuracy}: the trainer's own downstream classifiers (pretraining: "pretrained",
 *       "scratch") on the held-out inputs.</li>
 * </ul>
 * The VAE's KL term is charted from the training means (ae/kl), the encoder's variance is not an evaluation output.
 */
final class AeEvaluation {
    static final String HELDOUT_MSE = "heldout_mse";
    static final String PCA_MSE = "pca_mse";
    static final String SUBSPACE_ANGLE = "subspace_angle";
    static final String PROBE_ACC = "probe_acc";
    static final String NOISY_MSE = "noisy_mse";
    static final String MEAN_ACTIVATION = "mean_activation";
    static final String ACCURACY = "accuracy";
    static final double NOISE_SD = 0.3;

    private final AutoencoderTrainer trainer;
    private final AeHeldOut data;
    private final long seed;

    AeEvaluation(AutoencoderTrainer trainer, AeHeldOut data, long seed) {
        this.trainer = trainer;
        this.data = data;
        this.seed = seed;
    }

    /** The metric key of {@code metric} for arm {@code arm} (its name in experiments, nothing for a lone one). */
    static String key(List<? extends Autoencoder> arms, Autoencoder arm, String metric) {
        return arms.size() == 1 ? "ae/" + metric : "ae/" + arm.name() + "/" + metric;
    }

    Map<String, Double> evaluate() {
        Map<String, Double> row = new LinkedHashMap<>();
        List<? extends Autoencoder> arms = trainer.arms();
        int n = data.mapCount();
        int d = data.width();
        float[] x = data.map();
        boolean linear = trainer.config().model().autoencoder().kind() == AutoencoderKind.LINEAR;
        boolean capacity = trainer.config().model().autoencoder().experiment() == ExperimentKind.CAPACITY;
        float[] noisy = capacity ? noisy(x) : null;
        for (Autoencoder arm : arms) {
            row.put(key(arms, arm, HELDOUT_MSE), Reconstruction.mse(arm.reconstruct(x, n), x, n, d));
            float[] basis = arm.decoderBasis();
            if (linear && basis != null && arm.codeSize() <= d) { // a code wider than the input has no PCA subspace to match
                int k = arm.codeSize();
                Pca pca = pca(k);
                row.put(key(arms, arm, PCA_MSE), pca.reconstructionMse(x, n, k));
                row.put(key(arms, arm, SUBSPACE_ANGLE), SubspaceAngle.largestDegrees(basis, pca.basis(k), d, k));
            }
            if (data.mapLabels() != null && data.probeLabels().length > 0) {
                int k = arm.codeSize();
                float[] train = arm.encode(data.probeInputs(), data.probeLabels().length);
                float[] test = arm.encode(x, n);
                row.put(key(arms, arm, PROBE_ACC), LinearProbe.trainAndTest(train, data.probeLabels(),
                        data.probeLabels().length, test, data.mapLabels(), n, k, data.dataset().classCount()));
            }
            if (noisy != null) {
                row.put(key(arms, arm, NOISY_MSE), Reconstruction.mse(arm.reconstruct(noisy, n), x, n, d));
            }
            float[] act = arm.meanCodeActivations(x, n);
            double mean = 0;
            for (float a : act) {
                mean += a;
            }
            row.put(key(arms, arm, MEAN_ACTIVATION), mean / Math.max(1, act.length));
        }
        if (data.mapLabels() != null) {
            trainer.classifierAccuracy(x, data.mapLabels(), n)
                    .forEach((name, acc) -> row.put("ae/" + name + "/" + ACCURACY, acc));
        }
        return row;
    }

    /**
     * PCA of the training inputs, fitted once per dataset for the whole server ({@link PcaCache}: the first
     * {@value PcaCache#MAX_IMAGES} training images, or {@value PcaCache#CLOUD_POINTS} cloud points).
     */
    private Pca pca(int k) {
        ImageDataset ds = data.dataset();
        return ds != null ? PcaCache.shared().trainImages(ds, k) : PcaCache.shared().cloud(PointCloud3d.standard(), k);
    }

    /** The held-out inputs with fixed Gaussian noise (the same every evaluation, so the curve shows only learning). */
    private float[] noisy(float[] x) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x4015EL);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] + NOISE_SD * Gaussians.next(r));
        }
        return out;
    }
}
