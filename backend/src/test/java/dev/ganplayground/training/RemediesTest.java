package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.ArchitectureKind;
import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.MinibatchDiscriminationConfig;
import dev.ganplayground.config.ModelConfig;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RemediesConfig;
import dev.ganplayground.config.StyleConfig;
import dev.ganplayground.config.ReplayConfig;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.TrainConfig;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.model.Mlp;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import dev.ganplayground.nn.Sequential;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trainer with the mode-collapse remedies switched on. */
class RemediesTest {
    private static final RunConfig BASE = Presets.load().resolve("ring8", null);

    static RunConfig small(RemediesConfig r) {
        ModelConfig m = BASE.model();
        ModelConfig sm = new ModelConfig(m.latentDim(), m.noise(), List.of(16, 16), List.of(16, 16),
                m.gActivation(), m.dActivation(), m.architecture(), m.baseChannels(), m.progan(), m.style(), m.autoencoder());
        TrainConfig t = BASE.train();
        TrainConfig st = new TrainConfig(32, t.loss(), t.dSteps(), t.optimizerD(), t.optimizerG());
        return new RunConfig(BASE.seed(), BASE.data(), sm, st, BASE.view(), r, BASE.alarm());
    }

    static RemediesConfig all() {
        return new RemediesConfig(new MinibatchDiscriminationConfig(true, 4, 3), new ReplayConfig(true, 256, 0.5), 2,
                0.9);
    }

    static RemediesConfig off() {
        return BASE.remedies();
    }

    static RunConfig withRemedies(RunConfig c, RemediesConfig r) {
        return new RunConfig(c.seed(), c.data(), c.model(), c.train(), c.view(), r, c.alarm());
    }

    @Test
    @DisplayName("with every remedy on, a warmed-up tick allocates nothing per step")
    void stepsDoNotAllocate() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        try (GanTrainer t = new GanTrainer(small(all()))) {
            t.train(300, StepMode.BOTH);
            assertThat(t.replayBuffer().filled()).isEqualTo(256);
            long a0 = mx.getThreadAllocatedBytes(id);
            t.train(300, StepMode.BOTH);
            long allocated = mx.getThreadAllocatedBytes(id) - a0;
            assertThat(allocated).isLessThan(4_000);
        }
    }

    @Test
    @DisplayName("the same seed reproduces a run with every remedy on; replay with fraction 0 changes nothing")
    void reproducible() {
        assertThat(firstTicks(small(all()))).isEqualTo(firstTicks(small(all())));
        RemediesConfig noReplay = new RemediesConfig(all().minibatchDiscrimination(), new ReplayConfig(false, 256, 0.5),
                2, 0.9);
        RemediesConfig zeroReplay = new RemediesConfig(all().minibatchDiscrimination(),
                new ReplayConfig(true, 256, 0.0), 2, 0.9);
        // The replay stream is its own: an idle buffer leaves the data and noise streams where they were.
        assertThat(firstTicks(small(zeroReplay))).isEqualTo(firstTicks(small(noReplay)));
        assertThat(firstTicks(small(all()))).isNotEqualTo(firstTicks(small(noReplay)));
    }

    private static double[] firstTicks(RunConfig c) {
        try (GanTrainer t = new GanTrainer(c)) {
            TickReport r = t.train(20, StepMode.BOTH);
            float[] g = t.generatorNet().parameters().toArray();
            return new double[]{r.means().get(MetricNames.LOSS_D), r.means().get(MetricNames.LOSS_G), g[0], g[7]};
        }
    }

    @Test
    @DisplayName("each D step stores round(fraction * m * b) fresh fakes until the buffer is full")
    void replayFillRate() {
        try (GanTrainer t = new GanTrainer(small(all()))) {
            t.train(1, StepMode.D_ONLY);
            assertThat(t.replayBuffer().filled()).isEqualTo(32); // 0.5 * 2 * 32
            t.train(3, StepMode.D_ONLY);
            assertThat(t.replayBuffer().filled()).isEqualTo(128);
            t.train(10, StepMode.G_ONLY); // G steps do not touch the buffer
            assertThat(t.replayBuffer().filled()).isEqualTo(128);
            t.train(10, StepMode.D_ONLY);
            assertThat(t.replayBuffer().filled()).isEqualTo(256);
        }
    }

    @Test
    @DisplayName("replay and the real label are live; packing and minibatch discrimination are structural")
    void liveAndStructural() {
        RunConfig c = small(off());
        try (GanTrainer t = new GanTrainer(c)) {
            t.train(3, StepMode.BOTH);
            RemediesConfig live = new RemediesConfig(off().minibatchDiscrimination(), new ReplayConfig(true, 64, 1.0),
                    1, 0.9);
            t.reconfigure(withRemedies(c, live));
            t.train(3, StepMode.D_ONLY);
            assertThat(t.replayBuffer().filled()).isEqualTo(64);
            t.reconfigure(withRemedies(c, new RemediesConfig(live.minibatchDiscrimination(),
                    new ReplayConfig(true, 16, 1.0), 1, 0.9)));
            assertThat(t.replayBuffer().filled()).isEqualTo(16);
            TickReport r = t.train(3, StepMode.BOTH);
            assertThat(r.means().get(MetricNames.LOSS_D)).isFinite();
            t.reconfigure(withRemedies(c, off()));
            assertThat(t.replayBuffer().enabled()).isFalse();
            assertThat(t.train(2, StepMode.BOTH).means().get(MetricNames.LOSS_D)).isFinite();
            RemediesConfig packed = new RemediesConfig(off().minibatchDiscrimination(), off().replay(), 3, 1.0);
            assertThatThrownBy(() -> t.reconfigure(withRemedies(c, packed)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("frames work with every remedy on, without disturbing training")
    void frames() {
        RunConfig c = small(all());
        try (GanTrainer a = new GanTrainer(c); GanTrainer b = new GanTrainer(c)) {
            a.train(5, StepMode.BOTH);
            b.train(5, StepMode.BOTH);
            PlaneFrame f = a.frame();
            int n = c.view().frameSamples();
            assertThat(f.arrows()).hasSize(2 * n);
            assertThat(f.heatmap()).hasSize(c.view().heatmapSize() * c.view().heatmapSize());
            for (float h : f.heatmap()) {
                assertThat(h).isBetween(0f, 1f);
            }
            for (float v : f.arrows()) {
                assertThat(v).isFinite();
            }
            assertThat(a.frame().heatmap()).isEqualTo(f.heatmap());
            a.train(3, StepMode.BOTH);
            b.train(3, StepMode.BOTH);
            assertThat(a.generatorNet().parameters().toArray()).isEqualTo(b.generatorNet().parameters().toArray());
            assertThat(a.discriminatorNet().parameters().toArray())
                    .isEqualTo(b.discriminatorNet().parameters().toArray());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LossKind.class, names = {"NON_SATURATING", "LEAST_SQUARES"})
    @DisplayName("end to end: D's loss (MBD + packing 2 + real label 0.9) and G's input gradient match differences")
    void endToEndGradients(LossKind loss) {
        ModelConfig m = new ModelConfig(2, BASE.model().noise(), List.of(5), List.of(6, 5), ActivationKind.TANH,
                ActivationKind.TANH, ArchitectureKind.MLP, 64);
        RemediesConfig r = new RemediesConfig(new MinibatchDiscriminationConfig(true, 3, 2),
                new ReplayConfig(false, 16, 0.5), 2, 0.9);
        int b = 3;
        SplittableRandom rng = new SplittableRandom(21);
        try (Sequential d = Mlp.discriminator(m, r, 2 * b, new SplittableRandom(5));
             FloatVec x = FloatVec.allocate(2 * b * 4); FloatVec ds = FloatVec.allocate(2 * b);
             FloatVec scratch = FloatVec.allocate(2 * b); FloatVec dx = FloatVec.allocate(2 * b * 4)) {
            // T larger than its init, so the pair terms vary over a useful range.
            int tAt = (4 * 6 + 6) + (6 * 5 + 5);
            for (int i = 0; i < 5 * 6; i++) {
                d.parameters().set(tAt + i, (float) rng.nextDouble(-1, 1));
            }
            for (int i = 0; i < x.length(); i++) {
                x.set(i, (float) rng.nextDouble(-1.5, 1.5));
            }
            // D step: reals then fakes, b packs each, groups of b.
            d.setGroupRows(b);
            GanLoss.discriminator(loss, d.forward(x, 2 * b), b, ds, 1f / b, 0.9f);
            d.backward(ds, 2 * b, true, null);
            double pErr = GradCheck.maxRelativeError(d.parameters(), d.gradients().toArray(),
                    () -> GanLoss.discriminator(loss, d.forward(x, 2 * b), b, scratch, 1f / b, 0.9f), 1e-3, 1e-2);
            assertThat(pErr).isLessThan(2e-2);
            // G step: b packs of fakes, one group; the per-sample input gradient.
            FloatVec fakes = x.view(b * 4, b * 4);
            GanLoss.generator(loss, d.forward(fakes, b), b, ds, 1f / b);
            d.backward(ds, b, false, dx);
            double xErr = GradCheck.maxRelativeError(fakes, dx.view(0, b * 4).toArray(),
                    () -> GanLoss.generator(loss, d.forward(fakes, b), b, scratch, 1f / b), 1e-3, 1e-2);
            assertThat(xErr).isLessThan(2e-2);
        }
    }
}
