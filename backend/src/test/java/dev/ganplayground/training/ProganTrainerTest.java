package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.MetricNames;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The growth schedule, and short ProGAN runs that grow from 4x4 to 8x8. */
class ProganTrainerTest {
    private static final Presets PRESETS = Presets.load();
    private static final RealSource PADDED = new PaddedSource(ImageTrainerTest.SQUARES, 32, -1f);

    /** shapes-progan made tiny: batch 8, base 4, phases of 64 images (8 steps), up to 8x8. */
    static RunConfig tiny(boolean reset) throws Exception {
        JsonNode o = Json.MAPPER.readTree("{\"model\":{\"baseChannels\":4,\"latentDim\":8,\"progan\":"
                + "{\"maxResolution\":8,\"fadeInImages\":64,\"stabilizeImages\":64,\"mbstdGroup\":4,"
                + "\"resetOptimizerOnGrowth\":" + reset + "}},\"train\":{\"batchSize\":8}}");
        return PRESETS.resolve("shapes-progan", o);
    }

    @Test
    @DisplayName("schedule: 4x4 stabilises, then each level fades in (alpha linear) and stabilises; then done")
    void schedule() {
        GrowthSchedule s = new GrowthSchedule(3, 100, 50);
        assertThat(s.at(0)).isEqualTo(new GrowthSchedule.Stage(0, GrowthSchedule.Phase.STABILISE, 1, 0, 0));
        assertThat(s.at(25).progress()).isEqualTo(0.5);
        GrowthSchedule.Stage f = s.at(75);
        assertThat(f.resolution()).isEqualTo(8);
        assertThat(f.phase().wireName()).isEqualTo("fade-in");
        assertThat(f.alpha()).isEqualTo(0.25);
        assertThat(s.at(150).phase()).isEqualTo(GrowthSchedule.Phase.STABILISE);
        assertThat(s.at(150).resolution()).isEqualTo(8);
        assertThat(s.at(200).resolution()).isEqualTo(16);
        assertThat(s.imagesToFullResolution()).isEqualTo(50 + 3 * 100 + 2 * 50);
        assertThat(s.at(s.imagesToFullResolution()).resolution()).isEqualTo(32);
        assertThat(s.at(s.imagesToFullResolution()).phase()).isEqualTo(GrowthSchedule.Phase.STABILISE);
        assertThat(s.at(s.imagesToFullResolution() + 50).phase().wireName()).isEqualTo("done");
        assertThat(s.at(10_000).progress()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("padding puts a 28x28 image in the middle of a 32x32 one, -1 around it")
    void padding() {
        float[] out = new float[2 * 32 * 32];
        PADDED.sample(new SplittableRandom(1), out, 0, 2);
        float[] raw = new float[2 * 28 * 28];
        ImageTrainerTest.SQUARES.sample(new SplittableRandom(1), raw, 0, 2);
        for (int k = 0; k < 2; k++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean inside = y >= 2 && y < 30 && x >= 2 && x < 30;
                    float expected = inside ? raw[k * 784 + (y - 2) * 28 + x - 2] : -1f;
                    assertThat(out[k * 1024 + y * 32 + x]).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest(name = "reset optimizer on growth: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("a short run grows from 4x4 through the 8x8 fade-in to 8x8 with finite losses")
    void growsTo8(boolean reset) throws Exception {
        try (ProganTrainer t = new ProganTrainer(tiny(reset), PADDED)) {
            assertThat(t.sampleShape().height()).isEqualTo(4);
            assertThat(t.generate(3, new SplittableRandom(2))).hasSize(3 * 16);
            TickReport r = t.train(8, StepMode.BOTH);
            assertThat(t.growth().phase()).isEqualTo(GrowthSchedule.Phase.FADE_IN);
            assertThat(t.growth().resolution()).isEqualTo(8);
            assertThat(t.sampleShape().height()).isEqualTo(8);
            assertFinite(r);
            r = t.train(4, StepMode.BOTH);
            assertThat(t.growth().alpha()).isCloseTo(0.5, within(1e-9));
            assertThat(r.means().get(MetricNames.PROGAN_ALPHA)).isCloseTo(0.5, within(1e-9));
            assertFinite(r);
            r = t.train(8, StepMode.BOTH);
            assertThat(t.growth().phase()).isEqualTo(GrowthSchedule.Phase.STABILISE);
            assertThat(r.means().get(MetricNames.PROGAN_RESOLUTION)).isEqualTo(8.0);
            assertFinite(r);
            r = t.train(8, StepMode.BOTH);
            assertThat(t.growth().phase()).isEqualTo(GrowthSchedule.Phase.DONE);
            assertFinite(r);
            float[] img = t.generate(5, new SplittableRandom(3));
            assertThat(img).hasSize(5 * 64);
            for (float v : img) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    @DisplayName("the same seed trains to the same weights; the D-only and G-only modes run")
    void reproducible() throws Exception {
        float[][] out = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (ProganTrainer t = new ProganTrainer(tiny(true), PADDED)) {
                t.train(10, StepMode.BOTH);
                t.train(1, StepMode.D_ONLY);
                t.train(1, StepMode.G_ONLY);
                out[i] = t.generate(4, new SplittableRandom(5));
            }
        }
        assertThat(out[0]).containsExactly(out[1]);
    }

    @Test
    @DisplayName("a checkpoint taken mid fade-in restores into a fresh trainer: same growth stage and samples, and two"
            + " resumptions train identically")
    void checkpointAcrossGrowth() throws Exception {
        TrainerState saved;
        float[] before;
        try (ProganTrainer t = new ProganTrainer(tiny(false), PADDED)) {
            t.train(12, StepMode.BOTH); // 96 images: half way through the 8x8 fade-in
            saved = t.captureState();
            before = t.generate(4, new SplittableRandom(5));
        }
        assertThat(saved.images()).isEqualTo(96);
        float[][] resumed = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (ProganTrainer t = new ProganTrainer(tiny(false), PADDED)) {
                t.restoreState(saved);
                assertThat(t.step()).isEqualTo(12);
                assertThat(t.growth().resolution()).isEqualTo(8);
                assertThat(t.growth().alpha()).isCloseTo(0.5, within(1e-9));
                assertThat(t.generate(4, new SplittableRandom(5))).containsExactly(before);
                assertFinite(t.train(6, StepMode.BOTH));
                resumed[i] = t.generate(4, new SplittableRandom(6));
            }
        }
        assertThat(resumed[0]).containsExactly(resumed[1]);
    }

    private static void assertFinite(TickReport r) {
        for (String k : new String[]{MetricNames.LOSS_D, MetricNames.LOSS_G, MetricNames.GRAD_D_NORM,
                MetricNames.GRAD_G_NORM}) {
            assertThat(Double.isFinite(r.means().get(k))).as(k).isTrue();
        }
    }
}
