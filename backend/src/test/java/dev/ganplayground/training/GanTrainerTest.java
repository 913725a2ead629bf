package dev.ganplayground.training;

import static dev.ganplayground.training.TrainerTestSupport.withSeed;
import static dev.ganplayground.training.TrainerTestSupport.withTrain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.NoiseKind;
import dev.ganplayground.config.OptimizerConfig;
import dev.ganplayground.config.OptimizerKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.TrainConfig;
import dev.ganplayground.config.ViewConfig;
import dev.ganplayground.metrics.MetricNames;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GanTrainerTest {

    /** A small, fast variant of the defaults. */
    private static RunConfig small() {
        return TrainerTestSupport.smallRing8();
    }

    @Test
    @DisplayName("a D-only step changes D's parameters and none of G's")
    void dStepTouchesOnlyD() {
        try (GanTrainer t = new GanTrainer(small())) {
            float[] g0 = t.generatorNet().parameters().toArray();
            float[] d0 = t.discriminatorNet().parameters().toArray();
            TickReport r = t.train(1, StepMode.D_ONLY);
            assertThat(t.generatorNet().parameters().toArray()).isEqualTo(g0);
            assertThat(t.discriminatorNet().parameters().toArray()).isNotEqualTo(d0);
            assertThat(r.means().get(MetricNames.LOSS_D)).isFinite();
            assertThat(r.means().get(MetricNames.LOSS_G)).isNaN();
            assertThat(r.step()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a G-only step changes G's parameters and none of D's")
    void gStepTouchesOnlyG() {
        try (GanTrainer t = new GanTrainer(small())) {
            float[] g0 = t.generatorNet().parameters().toArray();
            float[] d0 = t.discriminatorNet().parameters().toArray();
            TickReport r = t.train(1, StepMode.G_ONLY);
            assertThat(t.discriminatorNet().parameters().toArray()).isEqualTo(d0);
            assertThat(t.generatorNet().parameters().toArray()).isNotEqualTo(g0);
            assertThat(r.means().get(MetricNames.LOSS_G)).isFinite();
            assertThat(r.means().get(MetricNames.LOSS_D)).isNaN();
        }
    }

    @Test
    @DisplayName("the same seed gives identical first-tick metrics; another seed gives different ones")
    void seedDeterminism() {
        var a = firstTick(small());
        var b = firstTick(small());
        var c = firstTick(withSeed(small(), 43));
        for (String k : List.of(MetricNames.LOSS_D, MetricNames.LOSS_G, MetricNames.GRAD_D_NORM)) {
            assertThat(a.means().get(k)).isEqualTo(b.means().get(k));
            assertThat(a.means().get(k)).isNotEqualTo(c.means().get(k));
        }
    }

    private static TickReport firstTick(RunConfig c) {
        try (GanTrainer t = new GanTrainer(c)) {
            return t.train(5, StepMode.BOTH);
        }
    }

    @Test
    @DisplayName("an absurd learning rate ends in NonFiniteException, before the failing update is applied")
    void nonFiniteStopsBeforeUpdate() {
        OptimizerConfig wild = new OptimizerConfig(OptimizerKind.SGD, 10.0, 0.5, 0.999, 0.9);
        TrainConfig tc = small().train();
        RunConfig c = withTrain(small(), new TrainConfig(tc.batchSize(), LossKind.LEAST_SQUARES, 1, wild, wild));
        try (GanTrainer t = new GanTrainer(c)) {
            NonFiniteException failure = null;
            float[] before = null;
            for (int i = 0; i < 500 && failure == null; i++) {
                before = t.discriminatorNet().parameters().toArray();
                try {
                    t.train(1, StepMode.D_ONLY);
                } catch (NonFiniteException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("training diverged").isNotNull();
            assertThat(failure.metric()).isIn(MetricNames.LOSS_D, MetricNames.GRAD_D_NORM, GanTrainer.PARAMS_D);
            assertThat(failure.step()).isEqualTo(t.step());
            assertThat(t.discriminatorNet().parameters().toArray()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("a NaN in G makes the G step throw and leaves both networks as they were")
    void injectedNaN() {
        try (GanTrainer t = new GanTrainer(small())) {
            t.train(2, StepMode.BOTH);
            t.generatorNet().parameters().set(0, Float.NaN);
            float[] g0 = t.generatorNet().parameters().toArray();
            float[] d0 = t.discriminatorNet().parameters().toArray();
            NonFiniteException e = catchThrowableOfType(() -> t.train(1, StepMode.G_ONLY),
                    NonFiniteException.class);
            assertThat(e.metric()).isEqualTo(MetricNames.LOSS_G);
            assertThat(e.step()).isEqualTo(2);
            assertThat(t.generatorNet().parameters().toArray()).isEqualTo(g0);
            assertThat(t.discriminatorNet().parameters().toArray()).isEqualTo(d0);
        }
    }

    @Test
    @DisplayName("reconfigure applies a larger batch, another loss and optimizer, and rejects structural changes")
    void reconfigure() {
        try (GanTrainer t = new GanTrainer(small())) {
            t.train(3, StepMode.BOTH);
            OptimizerConfig sgd = new OptimizerConfig(OptimizerKind.SGD, 0.01, 0.5, 0.999, 0.5);
            RunConfig next = withTrain(small(), new TrainConfig(1000, LossKind.HINGE, 2, sgd, sgd));
            t.reconfigure(next);
            assertThat(t.config()).isEqualTo(next);
            TickReport r = t.train(2, StepMode.BOTH);
            assertThat(r.means().get(MetricNames.LOSS_D)).isFinite();
            assertThat(r.means().get(MetricNames.SCORE_REAL)).isFinite();
            assertThat(t.step()).isEqualTo(5);
            assertThatThrownBy(() -> t.reconfigure(withSeed(next, 7))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("a frame has the contract's shapes, probabilities for logistic losses, and no effect on training")
    void frame() {
        RunConfig c = small();
        try (GanTrainer a = new GanTrainer(c); GanTrainer b = new GanTrainer(c)) {
            a.train(5, StepMode.BOTH);
            b.train(5, StepMode.BOTH);
            PlaneFrame f = a.frame();
            int n = c.view().frameSamples();
            assertThat(f.step()).isEqualTo(5);
            assertThat(f.real()).hasSize(2 * n);
            assertThat(f.fake()).hasSize(2 * n);
            assertThat(f.arrows()).hasSize(2 * n);
            assertThat(f.heatmap()).hasSize(c.view().heatmapSize() * c.view().heatmapSize());
            assertThat(f.manifold()).hasSize(2 * c.view().manifoldSize() * c.view().manifoldSize());
            for (float h : f.heatmap()) {
                assertThat(h).isBetween(0f, 1f);
            }
            // Fixed batches: the same state gives the same frame.
            assertThat(a.frame().fake()).isEqualTo(f.fake());
            // a drew two frames, b none: their training continues identically.
            TickReport ra = a.train(3, StepMode.BOTH);
            TickReport rb = b.train(3, StepMode.BOTH);
            assertThat(ra.means().get(MetricNames.LOSS_D)).isEqualTo(rb.means().get(MetricNames.LOSS_D));
            assertThat(a.generatorNet().parameters().toArray()).isEqualTo(b.generatorNet().parameters().toArray());
        }
    }

    @Test
    @DisplayName("arrows point where G's loss falls: moving fakes along them raises D's score")
    void arrowsFollowGeneratorLoss() {
        try (GanTrainer t = new GanTrainer(small())) {
            t.train(20, StepMode.D_ONLY);
            PlaneFrame f = t.frame();
            float[] moved = f.fake().clone();
            for (int i = 0; i < moved.length; i++) {
                moved[i] += 1e-3f * f.arrows()[i];
            }
            double before = meanScore(t, f.fake());
            double after = meanScore(t, moved);
            assertThat(after).isGreaterThan(before);
        }
    }

    private static double meanScore(GanTrainer t, float[] xy) {
        var d = t.discriminatorNet();
        var in = t.buffers().dIn;
        int n = Math.min(xy.length / 2, t.buffers().rows);
        in.copyFrom(xy, 0, 0, 2 * n);
        var s = d.forward(in, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += s.get(i);
        }
        return sum / n;
    }

    @Test
    @DisplayName("generate is deterministic for a given rng and leaves training streams alone")
    void generate() {
        try (GanTrainer t = new GanTrainer(small())) {
            float[] a = t.generate(700, new SplittableRandom(5));
            float[] b = t.generate(700, new SplittableRandom(5));
            assertThat(a).hasSize(1400).isEqualTo(b);
        }
    }

    @Test
    @DisplayName("the manifold grid holds Gaussian quantiles in its first two dims and zeros elsewhere")
    void manifoldGrid() {
        float[] z = PlaneViews.manifoldZ(NoiseKind.GAUSSIAN, 3, 4);
        assertThat(z).hasSize(4 * 4 * 3);
        // row 0, col 3: z0 = q(3.5/4), z1 = q(0.5/4), z2 = 0
        assertThat((double) z[9]).isCloseTo(Noise.normalQuantile(0.875), within(1e-6));
        assertThat((double) z[10]).isCloseTo(Noise.normalQuantile(0.125), within(1e-6));
        assertThat(z[11]).isZero();
        float[] u = PlaneViews.manifoldZ(NoiseKind.UNIFORM, 1, 4);
        assertThat(u).startsWith(-0.75f, -0.25f, 0.25f, 0.75f, -0.75f);
    }

    @Test
    @DisplayName("changing the view sizes resizes the next frame, keeping the earlier fixed points")
    void viewResize() {
        RunConfig c = small();
        try (GanTrainer t = new GanTrainer(c)) {
            PlaneFrame before = t.frame();
            ViewConfig v = c.view();
            ViewConfig nv = new ViewConfig(v.itersPerTick(), v.slowMode(), v.slowDelayMs(), 2 * v.frameSamples(), 9,
                    5, v.evalEvery(), v.maxFramesPerSecond(), v.gridSize(), v.walkSteps(), v.walkFrom(), v.walkTo(),
                    v.imageEvery(), v.timelineFrames(), v.truncationPsi(), v.mixLayers(), v.mixSources(),
                    v.noiseSamples(), v.interpFrom(), v.interpTo());
            t.reconfigure(new RunConfig(c.seed(), c.data(), c.model(), c.train(), nv, c.remedies(), c.alarm()));
            PlaneFrame after = t.frame();
            assertThat(after.real()).hasSize(4 * v.frameSamples()).startsWith(before.real());
            assertThat(after.fake()).hasSize(4 * v.frameSamples()).startsWith(before.fake());
            assertThat(after.heatmapSize()).isEqualTo(9);
            assertThat(after.heatmap()).hasSize(81);
            assertThat(after.manifold()).hasSize(50);
        }
    }

    @Test
    @DisplayName("a warmed-up tick allocates nothing per step (only its report)")
    void stepsDoNotAllocate() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        try (GanTrainer t = new GanTrainer(small())) {
            t.train(300, StepMode.BOTH);
            long a0 = mx.getThreadAllocatedBytes(id);
            t.train(500, StepMode.BOTH);
            long allocated = mx.getThreadAllocatedBytes(id) - a0;
            // A few hundred bytes for the report; a single boxed double per step would already be 8 KB.
            assertThat(allocated).isLessThan(4_000);
        }
    }
}
