package dev.ganplayground.ae;

import static dev.ganplayground.ae.AeTestSupport.draw;
import static dev.ganplayground.ae.AeTestSupport.loss;
import static dev.ganplayground.ae.AeTestSupport.model;
import static dev.ganplayground.ae.AeTestSupport.mse;
import static dev.ganplayground.ae.AeTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Autoencoders learn what the material says they learn (fixed seeds, margins). */
class AutoencoderLearningTest {
    private static final AeLossConfig CLEAN = loss(CorruptionKind.NONE, 0, SparsityKind.NONE, 0.05, 1, 1);

    @Test
    @DisplayName("linear AE on a noisy plane in 3D reconstructs within 15% of PCA's optimum")
    void linearMatchesPca() {
        AeTestSupport.PlaneSource plane = new AeTestSupport.PlaneSource(3, 0.1);
        float[] test = draw(plane, 5, 4000);
        double optimum = AeTestSupport.pcaOptimum(test, 3, 2);
        assertThat(optimum).as("the eigen solve itself").isBetween(0.9 * 0.01 / 3, 1.1 * 0.01 / 3);
        RunConfig c = run(DatasetKind.PLANE3D, model(AutoencoderKind.LINEAR, 2, List.of()), CLEAN, 64, 0.01, 3);
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, plane, null)) {
            double before = mse(t.arms().get(0).reconstruct(test, 4000), test);
            t.train(1500, StepMode.BOTH);
            double after = mse(t.arms().get(0).reconstruct(test, 4000), test);
            assertThat(before).isGreaterThan(10 * optimum);
            assertThat(after).isLessThan(1.15 * optimum);
            assertThat(t.arms().get(0).decoderBasis()).hasSize(3 * 2);
        }
    }

    @Test
    @DisplayName("denoising AE: reconstructions of noisy inputs are closer to the clean ones than the inputs")
    void denoisingBeatsIdentity() {
        AeTestSupport.PlaneSource plane = new AeTestSupport.PlaneSource(8, 0.02);
        AeLossConfig noisy = loss(CorruptionKind.GAUSSIAN, 0.3, SparsityKind.NONE, 0.05, 1, 1);
        RunConfig c = run(DatasetKind.PLANE3D, model(AutoencoderKind.DENSE, 2, List.of(16)), noisy, 64, 0.005, 4);
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, plane, null)) {
            t.train(1500, StepMode.BOTH);
            float[] clean = draw(plane, 6, 2000);
            float[] corrupted = t.corrupt(clean, 2000, new SplittableRandom(8));
            double identity = mse(corrupted, clean);
            double denoised = mse(t.arms().get(0).reconstruct(corrupted, 2000), clean);
            assertThat(identity).isBetween(0.08, 0.1);
            assertThat(denoised).isLessThan(0.5 * identity);
        }
    }

    @Test
    @DisplayName("sparse AE: the code units' mean activations approach the target rho")
    void sparseApproachesRho() {
        ImageSource images = new ImageSource(AeTestSupport.shapes());
        AeLossConfig sparse = loss(CorruptionKind.NONE, 0, SparsityKind.KL, 0.1, 1, 1);
        RunConfig c = run(DatasetKind.SHAPES, model(AutoencoderKind.DENSE, 24, List.of()), sparse, 32, 0.003, 5);
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, images, null)) {
            float[] x = draw(images, 9, 256);
            double start = average(t.arms().get(0).meanCodeActivations(x, 256));
            t.train(400, StepMode.BOTH);
            double end = average(t.arms().get(0).meanCodeActivations(x, 256));
            assertThat(start).isBetween(0.3, 0.7); // sigmoid codes start near 0.5
            assertThat(end).isBetween(0.06, 0.16);
        }
    }

    @Test
    @DisplayName("VAE: recon improves, and the KL term stays far below the same VAE's without it")
    void vaeKlTerm() {
        ImageSource images = new ImageSource(AeTestSupport.shapes());
        RunConfig c = run(DatasetKind.SHAPES, AeTestSupport.with(model(AutoencoderKind.VAE, 4, List.of(64)), false,
                false, 1000, ExperimentKind.VAE_KL, 100), CLEAN, 32, 0.002, 6);
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, images, null)) {
            TickReport first = t.train(20, StepMode.BOTH);
            t.train(300, StepMode.BOTH);
            TickReport last = t.train(50, StepMode.BOTH);
            String on = MetricNames.arm("kl-on", MetricNames.AE_KL);
            String off = MetricNames.arm("kl-off", MetricNames.AE_KL);
            String recon = MetricNames.arm("kl-on", MetricNames.AE_RECON);
            assertThat(last.means().get(recon)).isLessThan(0.8 * first.means().get(recon));
            assertThat(last.means().get(on)).isLessThan(0.5 * last.means().get(off));
        }
    }

    private static double average(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }
}
