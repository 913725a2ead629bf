package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.MetricNames;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared trainer on images: the DCGAN's shapes, which network a phase touches, and the remedies on images. */
class ImageTrainerTest {
    private static final Presets PRESETS = Presets.load();
    private static final int SIDE = 28;

    /** Bright axis-aligned squares on black, in [-1, 1]: enough structure for D to tell from G's noise. */
    static final RealSource SQUARES = new RealSource() {
        @Override
        public SampleShape shape() {
            return new SampleShape(1, SIDE, SIDE);
        }

        @Override
        public void sample(SplittableRandom rng, float[] out, int offset, int n) {
            for (int i = 0; i < n; i++) {
                int at = offset + i * SIDE * SIDE;
                int x0 = rng.nextInt(4, 16);
                int y0 = rng.nextInt(4, 16);
                int s = rng.nextInt(5, 10);
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        boolean in = x >= x0 && x < x0 + s && y >= y0 && y < y0 + s;
                        out[at + y * SIDE + x] = in ? 1f : -1f;
                    }
                }
            }
        }
    };

    /** The shapes preset, small enough for a unit test: base 8 channels, batch 16, latent 16. */
    private static RunConfig small(String extra) throws Exception {
        JsonNode o = Json.MAPPER.readTree("{\"model\":{\"baseChannels\":8,\"latentDim\":16},"
                + "\"train\":{\"batchSize\":16}" + extra + "}");
        return PRESETS.resolve("shapes-dcgan", o);
    }

    @Test
    @DisplayName("G makes 28x28 images in [-1, 1] for any count; a D-only step changes D and not G, a G-only step G")
    void shapesAndPhases() throws Exception {
        try (GanTrainer t = new GanTrainer(small(""), SQUARES)) {
            assertThat(t.sampleWidth()).isEqualTo(SIDE * SIDE);
            assertThat(t.distribution()).isNull();
            for (int n : new int[]{1, 16, 37}) {
                float[] img = t.generate(n, new SplittableRandom(n));
                assertThat(img).hasSize(n * SIDE * SIDE);
                for (float v : img) {
                    assertThat(v).isBetween(-1f, 1f);
                }
            }
            float[] g0 = t.generatorNet().parameters().toArray();
            float[] d0 = t.discriminatorNet().parameters().toArray();
            TickReport r = t.train(1, StepMode.D_ONLY);
            assertThat(r.means().get(MetricNames.LOSS_D)).isFinite();
            assertThat(t.generatorNet().parameters().toArray()).isEqualTo(g0);
            float[] d1 = t.discriminatorNet().parameters().toArray();
            assertThat(d1).isNotEqualTo(d0);
            t.train(1, StepMode.G_ONLY);
            assertThat(t.discriminatorNet().parameters().toArray()).isEqualTo(d1);
            assertThat(t.generatorNet().parameters().toArray()).isNotEqualTo(g0);
            assertThatThrownBy(t::frame).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("a few steps give finite losses, scores and gradient norms; D learns to tell squares from noise")
    void finiteTicks() throws Exception {
        try (GanTrainer t = new GanTrainer(small(""), SQUARES)) {
            TickReport r = t.train(5, StepMode.BOTH);
            assertThat(r.step()).isEqualTo(5);
            for (String k : new String[]{MetricNames.LOSS_D, MetricNames.LOSS_G, MetricNames.SCORE_REAL,
                    MetricNames.SCORE_FAKE, MetricNames.GRAD_D_NORM, MetricNames.GRAD_G_NORM}) {
                assertThat(r.means().get(k)).as(k).isFinite();
            }
            assertThat(r.means().get(MetricNames.SCORE_REAL)).isGreaterThan(r.means().get(MetricNames.SCORE_FAKE));
        }
    }

    @Test
    @DisplayName("the same seed gives the same images; generateFrom is deterministic for fixed z")
    void reproducible() throws Exception {
        RunConfig c = small("");
        float[] a;
        float[] zs;
        try (GanTrainer t = new GanTrainer(c, SQUARES)) {
            t.train(3, StepMode.BOTH);
            zs = t.drawLatent(new SplittableRandom(5), 4 * 16);
            a = t.generateFrom(zs, 4);
            assertThat(t.generateFrom(zs, 4)).isEqualTo(a);
        }
        try (GanTrainer t = new GanTrainer(c, SQUARES)) {
            t.train(3, StepMode.BOTH);
            assertThat(t.generateFrom(zs, 4)).isEqualTo(a);
        }
    }

    @Test
    @DisplayName("packing, minibatch discrimination, replay and label smoothing train on images too")
    void remediesOnImages() throws Exception {
        String remedies = ",\"remedies\":{\"packing\":2,\"realLabel\":0.9,"
                + "\"minibatchDiscrimination\":{\"enabled\":true,\"kernels\":8,\"kernelDims\":3},"
                + "\"replay\":{\"enabled\":true,\"size\":64,\"fraction\":0.5}}";
        try (GanTrainer t = new GanTrainer(small(remedies), SQUARES)) {
            // PacGAN on images: 2 images of 1 channel are one D input of 2 channels.
            TickReport r = t.train(6, StepMode.BOTH);
            assertThat(r.means().get(MetricNames.LOSS_D)).isFinite();
            assertThat(r.means().get(MetricNames.LOSS_G)).isFinite();
            assertThat(t.replayBuffer().filled()).isPositive();
            assertThat(t.replayBuffer().contents().length % (SIDE * SIDE)).isZero();
        }
    }

    @Test
    @DisplayName("a live batch-size change grows the buffers; the dataset of an image run is structural")
    void reconfigure() throws Exception {
        RunConfig c = small("");
        try (GanTrainer t = new GanTrainer(c, SQUARES)) {
            t.train(1, StepMode.BOTH);
            RunConfig bigger = PRESETS.resolve("shapes-dcgan", Json.MAPPER.readTree(
                    "{\"model\":{\"baseChannels\":8,\"latentDim\":16},\"train\":{\"batchSize\":24}}"));
            t.reconfigure(bigger);
            assertThat(t.train(1, StepMode.BOTH).means().get(MetricNames.LOSS_D)).isFinite();
            RunConfig mnist = PRESETS.resolve("mnist-dcgan", Json.MAPPER.readTree(
                    "{\"model\":{\"baseChannels\":8,\"latentDim\":16},\"train\":{\"batchSize\":24}}"));
            assertThat(bigger.structurallyDiffers(mnist)).isTrue();
            assertThatThrownBy(() -> t.reconfigure(mnist)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
