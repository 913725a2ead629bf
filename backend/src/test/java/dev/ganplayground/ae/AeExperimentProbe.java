package dev.ganplayground.ae;

import static dev.ganplayground.ae.AeTestSupport.loss;
import static dev.ganplayground.ae.AeTestSupport.model;
import static dev.ganplayground.ae.AeTestSupport.mse;
import static dev.ganplayground.ae.AeTestSupport.with;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measurements, not assertions: {@code -Dtest=AeExperimentProbe -Dprobe=true -Dexperiment=capacity} (or vae-kl,
 * sparsity-sweep, pretraining; -Dsteps=N) with GAN_MNIST_DIR set. Prints steps/s and each experiment's point over
 * training: per-arm reconstruction on clean and noisy test images, KL, mean code activation, classifier accuracy.
 */
@EnabledIfSystemProperty(named = "probe", matches = "true")
class AeExperimentProbe {
    @Test
    void experiment() {
        String dir = System.getenv(ImageDatasets.MNIST_ENV);
        assumeTrue(dir != null && !dir.isBlank(), "GAN_MNIST_DIR is not set");
        ImageDataset mnist = ImageDatasets.fromEnvironment().load(ImageDatasets.MNIST, null);
        String which = System.getProperty("experiment", "capacity");
        int steps = Integer.getInteger("steps", 2000);
        ExperimentKind kind = switch (which) {
            case "vae-kl" -> ExperimentKind.VAE_KL;
            case "sparsity-sweep" -> ExperimentKind.SPARSITY_SWEEP;
            case "pretraining" -> ExperimentKind.PRETRAINING;
            default -> ExperimentKind.CAPACITY;
        };
        AutoencoderKind ae = kind == ExperimentKind.VAE_KL ? AutoencoderKind.VAE : AutoencoderKind.DENSE;
        int code = kind == ExperimentKind.VAE_KL ? 2 : 32;
        AutoencoderConfig m = with(model(ae, code, List.of(256)), false, false, Integer.getInteger("phase", 1000),
                kind, 100);
        AeLossConfig l = loss(CorruptionKind.NONE, 0.3, SparsityKind.NONE, 0.05,
                Double.parseDouble(System.getProperty("beta", "1")), 1);
        RunConfig c = AeTestSupport.run(DatasetKind.MNIST, m, l, 64, 1e-3, 42);
        int n = 1000;
        float[] test = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            mnist.copyImage(mnist.trainCount() + i, test, i * 784);
            labels[i] = mnist.label(mnist.trainCount() + i);
        }
        AeLossConfig noise = loss(CorruptionKind.GAUSSIAN, 0.5, SparsityKind.NONE, 0.05, 1, 1);
        float[] noisy = Corruption.apply(noise, test, test.length, new SplittableRandom(1));
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, new ImageSource(mnist), mnist)) {
            long t0 = System.nanoTime();
            for (int done = 0; done < steps; done += 250) {
                TickReport r = t.train(250, StepMode.BOTH);
                StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "step %5d  %5.1f s  %6.1f steps/s",
                        r.step(), (System.nanoTime() - t0) / 1e9, r.means().get("speed/steps_per_s")));
                for (Autoencoder a : t.arms()) {
                    double act = 0;
                    for (float v : a.meanCodeActivations(test, n)) {
                        act += v / a.codeSize();
                    }
                    s.append(String.format(Locale.ROOT, "%n   %-9s recon %.4f  noisy->clean %.4f  mean code %.3f",
                            a.name(), mse(a.reconstruct(test, n), test), mse(a.reconstruct(noisy, n), test), act));
                }
                s.append("\n   ").append(new TreeMap<>(r.means())).append("\n   ")
                        .append(t.classifierAccuracy(test, labels, n));
                System.out.println(s);
            }
        }
    }
}
