package dev.ganplayground.ae;

import static dev.ganplayground.ae.AeTestSupport.draw;
import static dev.ganplayground.ae.AeTestSupport.loss;
import static dev.ganplayground.ae.AeTestSupport.model;
import static dev.ganplayground.ae.AeTestSupport.run;
import static dev.ganplayground.ae.AeTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.config.TrainConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.NonFiniteException;
import dev.ganplayground.training.RealSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import dev.ganplayground.training.TrainerState;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The trainer's mechanics: corruption, phases, tied weights, experiments' arms and keys, checkpoints, failures. */
class AutoencoderTrainerTest {
    private static final AeLossConfig CLEAN = loss(CorruptionKind.NONE, 0, SparsityKind.NONE, 0.05, 1, 1);
    private static final AeTestSupport.PlaneSource PLANE = new AeTestSupport.PlaneSource(8, 0.05);

    private static AeTrainer trainer(RunConfig c, RealSource s, ImageDataset d) {
        return (AeTrainer) AutoencoderTrainers.create(c, s, d);
    }

    @Test
    @DisplayName("denoising: the inputs are corrupted, the targets are the clean batch exactly")
    void corruptionOnInputsOnly() {
        AeLossConfig dropout = loss(CorruptionKind.DROPOUT, 0.5, SparsityKind.NONE, 0.05, 1, 1);
        RunConfig c = run(DatasetKind.PLANE3D, model(AutoencoderKind.DENSE, 2, List.of(4)), dropout, 16, 1e-3, 21);
        try (AeTrainer t = trainer(c, PLANE, null)) {
            t.train(1, StepMode.BOTH);
            // The data stream is the second split of the seed's root (after the init stream).
            SplittableRandom root = new SplittableRandom(21);
            root.split();
            float[] expected = new float[16 * 8];
            PLANE.sample(root.split(), expected, 0, 16);
            float[] clean = t.cleanBatch().toArray();
            float[] input = t.inputBatch().toArray();
            assertThat(java.util.Arrays.copyOf(clean, expected.length)).containsExactly(expected);
            int zeroed = 0;
            for (int i = 0; i < expected.length; i++) {
                if (input[i] != clean[i]) {
                    assertThat(input[i]).isZero();
                    zeroed++;
                }
            }
            assertThat(zeroed).isBetween(expected.length / 4, 3 * expected.length / 4);
            float[] x = draw(PLANE, 1, 4);
            float[] copy = x.clone();
            t.corrupt(x, 4, new SplittableRandom(2));
            assertThat(x).containsExactly(copy);
        }
    }

    @Test
    @DisplayName("greedy: phases run in order, each shallow AE trains on the frozen codes below it, then fine-tuning")
    void greedyPhases() {
        AutoencoderConfig m = with(model(AutoencoderKind.DENSE, 3, List.of(6)), false, true, 5, ExperimentKind.NONE,
                100);
        RunConfig c = run(DatasetKind.PLANE3D, m, CLEAN, 8, 1e-2, 22);
        try (AeTrainer t = trainer(c, PLANE, null)) {
            AeArm arm = t.arm(0);
            assertThat(t.phase()).isEqualTo(new AutoencoderTrainer.Phase(0, 3, "autoencoder 1 of 2 (on the data)", 0));
            int enc0 = 8 * 6 + 6;
            int enc1 = 6 * 3 + 3;
            int dec0 = 3 * 6 + 6;
            float[] p0 = arm.parameters().toArray();
            t.train(5, StepMode.BOTH);
            float[] p1 = arm.parameters().toArray();
            // Phase 1 trained encoder block 0 and the outermost decoder block only.
            assertThat(changed(p0, p1, 0, enc0)).isTrue();
            assertThat(changed(p0, p1, enc0, enc1 + dec0)).isFalse();
            assertThat(changed(p0, p1, enc0 + enc1 + dec0, p0.length - enc0 - enc1 - dec0)).isTrue();
            assertThat(t.phase().index()).isEqualTo(1);
            assertThat(t.phase().name()).isEqualTo("autoencoder 2 of 2 (on layer 1's codes)");

            // Phase 2's shallow AE reconstructs phase 1's encoder output from it.
            try (FloatVec x = FloatVec.allocate(8 * 8); FloatVec goal = FloatVec.allocate(8 * 6)) {
                x.copyFrom(draw(PLANE, 3, 8), 0, 0, 64);
                goal.copyFrom(arm.blockCodes(0, x, 8), 0, 48);
                float[] reconstructed = arm.decoderBlocks().get(0).forward(arm.blockCodes(1, x, 8), 8).toArray();
                double expected = AeTestSupport.mse(java.util.Arrays.copyOf(reconstructed, 48), goal.toArray());
                double[] terms = new double[4];
                arm.trainPhase(1, x, x, 8, CLEAN, terms);
                assertThat(terms[AeArm.RECON]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
            }
            t.train(5, StepMode.BOTH);
            float[] p2 = arm.parameters().toArray();
            assertThat(changed(p1, p2, 0, enc0)).isFalse();
            assertThat(changed(p1, p2, enc0, enc1 + dec0)).isTrue();
            assertThat(changed(p1, p2, enc0 + enc1 + dec0, p0.length - enc0 - enc1 - dec0)).isFalse();
            TickReport r = t.train(2, StepMode.BOTH);
            assertThat(t.phase()).isEqualTo(new AutoencoderTrainer.Phase(2, 3, "fine-tuning the stack", 0));
            assertThat(r.means()).containsEntry(MetricNames.AE_PHASE, 2.0);
            assertThat(changed(p2, arm.parameters().toArray(), 0, p0.length)).isTrue();
        }
    }

    private static boolean changed(float[] a, float[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (a[i] != b[i]) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("tied: the decoder holds only biases and sees writes through the encoder's weights")
    void tiedArm() {
        AutoencoderConfig m = with(model(AutoencoderKind.DENSE, 3, List.of(6)), true, false, 5, ExperimentKind.NONE,
                100);
        try (AeTrainer t = trainer(run(DatasetKind.PLANE3D, m, CLEAN, 8, 1e-2, 23), PLANE, null)) {
            AeArm arm = t.arm(0);
            assertThat(arm.parameters().length()).isEqualTo(8 * 6 + 6 + 6 * 3 + 3 + 6 + 8);
            float[] code = {0.5f, -1f, 2f};
            float[] before = arm.decode(code, 1);
            for (int i = 0; i < 8 * 6; i++) { // the first encoder layer's W, through the arm's parameter vector
                arm.parameters().set(i, arm.parameters().get(i) + 0.5f);
            }
            assertThat(arm.decode(code, 1)).isNotEqualTo(before);
            TickReport r = t.train(3, StepMode.BOTH);
            assertThat(r.means().get(MetricNames.AE_LOSS)).isFinite();
        }
    }

    @Test
    @DisplayName("experiments: arms and per-arm metric keys for capacity, sparsity sweep and vae-kl")
    void experimentArmsAndKeys() {
        AutoencoderConfig cap = with(model(AutoencoderKind.DENSE, 2, List.of(4)), false, false, 5,
                ExperimentKind.CAPACITY, 100);
        try (AeTrainer t = trainer(run(DatasetKind.PLANE3D, cap, CLEAN, 4, 1e-3, 24), PLANE, null)) {
            assertThat(t.arms()).extracting(Autoencoder::name).containsExactly("over", "under", "sparse");
            assertThat(t.arms()).extracting(Autoencoder::codeSize).containsExactly(1024, 2, 1024);
            Map<String, Double> m = t.train(2, StepMode.BOTH).means();
            assertThat(m.keySet()).containsExactlyInAnyOrder("ae/over/recon", "ae/over/sparsity", "ae/over/loss",
                    "ae/under/recon", "ae/under/sparsity", "ae/under/loss", "ae/sparse/recon", "ae/sparse/sparsity",
                    "ae/sparse/loss", MetricNames.GRAD_AE_NORM, MetricNames.SPEED);
            assertThat(m.get("ae/over/sparsity")).isZero();
            assertThat(m.get("ae/sparse/sparsity")).isPositive();
            assertThat(t.phase()).isNull();
            assertThat(t.classifierAccuracy(new float[8], new int[1], 1)).isEmpty();
        }
        AutoencoderConfig sweep = with(cap, false, false, 5, ExperimentKind.SPARSITY_SWEEP, 100);
        try (AeTrainer t = trainer(run(DatasetKind.PLANE3D, sweep, CLEAN, 4, 1e-3, 24), PLANE, null)) {
            assertThat(t.arms()).extracting(Autoencoder::name)
                    .containsExactly("rho-0.01", "rho-0.02", "rho-0.05", "rho-0.1", "rho-0.2", "rho-0.5");
        }
        AutoencoderConfig vae = with(model(AutoencoderKind.VAE, 2, List.of(4)), false, false, 5, ExperimentKind.VAE_KL,
                100);
        try (AeTrainer t = trainer(run(DatasetKind.PLANE3D, vae, CLEAN, 4, 1e-3, 24), PLANE, null)) {
            Map<String, Double> m = t.train(2, StepMode.BOTH).means();
            assertThat(m).containsKeys("ae/kl-on/kl", "ae/kl-off/kl", "ae/kl-on/recon", "ae/kl-off/loss");
        }
    }

    @Test
    @DisplayName("single arm: the plain keys, ae/kl for a VAE only")
    void singleArmKeys() {
        try (AeTrainer t = trainer(run(DatasetKind.PLANE3D, model(AutoencoderKind.VAE, 2, List.of(4)), CLEAN, 4,
                1e-3, 25), PLANE, null)) {
            assertThat(t.train(1, StepMode.BOTH).means().keySet()).containsExactlyInAnyOrder(MetricNames.AE_RECON,
                    MetricNames.AE_KL, MetricNames.AE_SPARSITY, MetricNames.AE_LOSS, MetricNames.GRAD_AE_NORM,
                    MetricNames.SPEED);
            assertThat(t.arms().get(0).encode(draw(PLANE, 1, 3), 3)).hasSize(6);
            assertThat(t.arms().get(0).decoderBasis()).isNull();
        }
    }

    @Test
    @DisplayName("checkpoint: a captured state restored into a fresh trainer trains exactly as the original resumed")
    void stateRoundTrip() {
        AutoencoderConfig vae = with(model(AutoencoderKind.VAE, 2, List.of(4)), false, false, 5, ExperimentKind.VAE_KL,
                100);
        RunConfig c = run(DatasetKind.PLANE3D, vae, CLEAN, 8, 1e-2, 26);
        try (AeTrainer a = trainer(c, PLANE, null); AeTrainer b = trainer(c, PLANE, null)) {
            a.train(7, StepMode.BOTH);
            TrainerState s = a.captureState();
            a.train(3, StepMode.BOTH);
            a.restoreState(s);
            b.restoreState(s);
            assertThat(b.step()).isEqualTo(7);
            a.train(5, StepMode.BOTH);
            b.train(5, StepMode.BOTH);
            TrainerState sa = a.captureState();
            TrainerState sb = b.captureState();
            assertThat(sb.generator()).containsExactly(sa.generator());
            assertThat(sb.optimizerG().vectors().get(1)).containsExactly(sa.optimizerG().vectors().get(1));
            assertThat(sb.discriminator()).isEmpty();
        }
        RunConfig other = run(DatasetKind.PLANE3D, model(AutoencoderKind.DENSE, 2, List.of(4)), CLEAN, 8, 1e-2, 26);
        try (AeTrainer a = trainer(c, PLANE, null); AeTrainer o = trainer(other, PLANE, null)) {
            assertThatThrownBy(() -> o.restoreState(a.captureState())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("pretraining: balanced labelled examples, AE phase then classifiers, accuracies, checkpoint round trip")
    void pretraining() {
        ImageDataset shapes = AeTestSupport.shapes();
        int[] picked = Pretraining.labelled(shapes, 20, 27);
        assertThat(Pretraining.labelled(shapes, 20, 27)).containsExactly(picked);
        int[] perClass = new int[shapes.classCount()];
        for (int i : picked) {
            assertThat(i).isLessThan(shapes.trainCount());
            perClass[shapes.label(i)]++;
        }
        for (int n : perClass) {
            assertThat(n).isBetween(20 / shapes.classCount(), 20 / shapes.classCount() + 1);
        }
        AutoencoderConfig m = with(model(AutoencoderKind.DENSE, 8, List.of(16)), false, false, 4,
                ExperimentKind.PRETRAINING, 20);
        RunConfig c = run(DatasetKind.SHAPES, m, CLEAN, 8, 1e-3, 27);
        ImageSource source = new ImageSource(shapes);
        try (AeTrainer t = trainer(c, source, shapes); AeTrainer u = trainer(c, source, shapes)) {
            assertThat(t.phase().index()).isZero();
            Map<String, Double> first = t.train(4, StepMode.BOTH).means();
            assertThat(first.get(MetricNames.AE_RECON)).isFinite();
            assertThat(first.get(MetricNames.CLF_SCRATCH_LOSS)).isNaN();
            TrainerState atSwitch = t.captureState();
            Map<String, Double> next = t.train(3, StepMode.BOTH).means();
            assertThat(t.phase().index()).isEqualTo(1);
            assertThat(next.get(MetricNames.CLF_PRETRAINED_LOSS)).isFinite();
            assertThat(next.get(MetricNames.AE_RECON)).isNaN();
            float[] x = new float[10 * shapes.imageSize()];
            int[] y = new int[10];
            for (int i = 0; i < 10; i++) {
                shapes.copyImage(shapes.trainCount() + i, x, i * shapes.imageSize());
                y[i] = shapes.label(shapes.trainCount() + i);
            }
            Map<String, Double> acc = t.classifierAccuracy(x, y, 10);
            assertThat(acc.keySet()).containsExactly("pretrained", "scratch");
            assertThat(acc.values()).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
            // Restored right at the switch, the copy of the encoder still happens on the next step.
            t.restoreState(atSwitch);
            u.restoreState(atSwitch);
            t.train(3, StepMode.BOTH);
            u.train(3, StepMode.BOTH);
            assertThat(u.captureState().discriminator()).containsExactly(t.captureState().discriminator());
            assertThat(u.captureState().discriminator()).isNotEqualTo(atSwitch.discriminator());
        }
        assertThatThrownBy(() -> AutoencoderTrainers.create(c, source, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a NaN input stops the tick before the update; live changes of batch size and loss apply")
    void nonFiniteAndReconfigure() {
        RealSource nan = new RealSource() {
            @Override
            public SampleShape shape() {
                return new SampleShape(8, 1, 1);
            }

            @Override
            public void sample(SplittableRandom rng, float[] out, int offset, int n) {
                java.util.Arrays.fill(out, offset, offset + n * 8, Float.NaN);
            }
        };
        RunConfig c = run(DatasetKind.PLANE3D, model(AutoencoderKind.DENSE, 2, List.of(4)), CLEAN, 8, 1e-2, 28);
        try (AeTrainer t = trainer(c, nan, null)) {
            float[] before = t.captureState().generator();
            assertThatThrownBy(() -> t.train(3, StepMode.BOTH)).isInstanceOf(NonFiniteException.class)
                    .hasMessageContaining(MetricNames.AE_LOSS);
            assertThat(t.step()).isZero();
            assertThat(t.captureState().generator()).containsExactly(before);
        }
        try (AeTrainer t = trainer(c, PLANE, null)) {
            TrainConfig tc = c.train();
            AeLossConfig l1 = loss(CorruptionKind.GAUSSIAN, 0.2, SparsityKind.L1, 0.05, 0.5, 1);
            RunConfig next = new RunConfig(c.seed(), c.data(), c.model(), new TrainConfig(64, tc.loss(), tc.dSteps(),
                    tc.optimizerD(), tc.optimizerG(), l1), c.view(), c.remedies(), c.alarm());
            t.reconfigure(next);
            assertThat(t.train(2, StepMode.BOTH).means().get(MetricNames.AE_SPARSITY)).isPositive();
            RunConfig otherSeed = new RunConfig(9, c.data(), c.model(), c.train(), c.view(), c.remedies(), c.alarm());
            assertThatThrownBy(() -> t.reconfigure(otherSeed)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
