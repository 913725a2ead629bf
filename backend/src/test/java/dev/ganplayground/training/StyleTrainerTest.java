package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.model.StyleGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared trainer on StyleGAN's networks: 32x32 samples, finite steps, and evaluation that leaves training be. */
class StyleTrainerTest {
    private static RunConfig small() throws Exception {
        return small("adain");
    }

    /** A tiny StyleGAN on shapes with {@code normalization} "adain", "pixelnorm" or "demodulation". */
    private static RunConfig small(String normalization) throws Exception {
        return Presets.load().resolve("shapes-stylegan", Json.MAPPER.readTree("{\"model\":{\"baseChannels\":4,"
                + "\"latentDim\":8,\"style\":{\"mappingLayers\":2,\"mappingWidth\":16,\"normalization\":\""
                + normalization + "\"}},\"train\":{\"batchSize\":8}}"));
    }

    private static List<Double> trace(String normalization, boolean sampleBetween) throws Exception {
        List<Double> losses = new ArrayList<>();
        try (GanTrainer t = new GanTrainer(small(normalization), new PaddedSource(ImageTrainerTest.SQUARES, 32))) {
            for (int i = 0; i < 3; i++) {
                TickReport r = t.train(1, StepMode.BOTH);
                losses.add(r.means().get(MetricNames.LOSS_D));
                losses.add(r.means().get(MetricNames.LOSS_G));
                if (sampleBetween) {
                    t.generate(5, new SplittableRandom(i));
                }
            }
            StyleGenerator g = (StyleGenerator) t.generator();
            assertThat(g.wAverage()).as("training moved the W average").isNotEqualTo(new float[g.wDim()]);
        }
        return losses;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adain", "pixelnorm", "demodulation"})
    @DisplayName("StyleGAN trains on padded 32x32 images with finite losses; sampling between ticks changes nothing")
    void trainsAndSamplingLeavesTrainingAlone(String normalization) throws Exception {
        List<Double> plain = trace(normalization, false);
        assertThat(plain).allSatisfy(l -> assertThat(l).isFinite());
        assertThat(trace(normalization, true)).containsExactlyElementsOf(plain);
        try (GanTrainer t = new GanTrainer(small(normalization), new PaddedSource(ImageTrainerTest.SQUARES, 32))) {
            assertThat(t.sampleWidth()).isEqualTo(32 * 32);
            assertThat(t.generate(3, new SplittableRandom(1))).hasSize(3 * 32 * 32);
        }
    }

    @Test
    @DisplayName("with the R1 penalty on every D update StyleGAN's losses stay finite and loss/r1 is reported")
    void r1KeepsFiniteLosses() throws Exception {
        RunConfig base = small();
        RunConfig c = new RunConfig(base.seed(), base.data(), base.model(), base.train().withR1(1.0, 2), base.view(),
                base.remedies(), base.alarm());
        try (GanTrainer t = new GanTrainer(c, new PaddedSource(ImageTrainerTest.SQUARES, 32))) {
            for (int i = 0; i < 4; i++) {
                Map<String, Double> m = t.train(1, StepMode.BOTH).means();
                assertThat(m.get(MetricNames.LOSS_D)).isFinite();
                assertThat(m.get(MetricNames.LOSS_G)).isFinite();
                assertThat(m.get(MetricNames.GRAD_D_NORM)).isFinite();
                // Lazy: the penalty is computed on D updates 0, 2, ... (one D update per step here).
                if (i % 2 == 0) {
                    assertThat(m.get(MetricNames.LOSS_R1)).isFinite().isPositive();
                } else {
                    assertThat(m).doesNotContainKey(MetricNames.LOSS_R1);
                }
            }
        }
    }

    @Test
    @DisplayName("a checkpoint keeps the W average: a restored StyleGAN truncates toward the same point")
    void checkpointKeepsTheWAverage() throws Exception {
        TrainerState saved;
        float[] wAvg;
        try (GanTrainer t = new GanTrainer(small(), new PaddedSource(ImageTrainerTest.SQUARES, 32))) {
            t.train(3, StepMode.BOTH);
            saved = t.captureState();
            wAvg = ((StyleGenerator) t.generator()).wAverage();
        }
        assertThat(saved.generatorExtra()).containsExactly(wAvg);
        try (GanTrainer t = new GanTrainer(small(), new PaddedSource(ImageTrainerTest.SQUARES, 32))) {
            t.restoreState(saved);
            assertThat(((StyleGenerator) t.generator()).wAverage()).containsExactly(wAvg);
        }
    }
}
