package dev.ganplayground.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.training.StepMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DCGAN learns the built-in shapes (a narrower one than the preset, so the test takes seconds): from noise to
 * all eight classes, drawn about evenly and recognisably, with the Frechet classifier distance far below the
 * start. Fixed seed; thresholds with wide margins (measured at step 800: 8 classes, KL 0.05, confidence 0.87,
 * distance 0.09 of the start).
 */
class ImageLearningTest {
    @Test
    @DisplayName("DCGAN on shapes: after 800 steps all classes covered, KL to uniform small, distance down 70%+")
    void dcganLearnsShapes() throws Exception {
        NativeRuntime.init();
        JsonNode small = Json.MAPPER.readTree("{\"model\":{\"baseChannels\":16,\"latentDim\":32},"
                + "\"train\":{\"batchSize\":32}}");
        RunConfig config = Presets.load().resolve("shapes-dcgan", small);
        RunEngines engines = new RunEngines(new ImageDatasets(null, null), Path.of("target", "test-runs", "cache"));
        try (RunEngine engine = engines.create(config, (task, message, fraction, done) -> { })) {
            Map<String, Double> start = engine.evaluate().metrics();
            engine.train(800, StepMode.BOTH);
            RunEngine.Evaluated end = engine.evaluate();
            Map<String, Double> m = end.metrics();
            assertThat(m.get(MetricNames.IMAGES_CLASSES_COVERED)).isGreaterThanOrEqualTo(7.0);
            assertThat(m.get(MetricNames.IMAGES_KL_UNIFORM)).isLessThan(0.35);
            assertThat(m.get(MetricNames.IMAGES_CONFIDENCE)).isGreaterThan(0.7);
            assertThat(m.get(MetricNames.IMAGES_FCD)).isLessThan(0.3 * start.get(MetricNames.IMAGES_FCD));
            assertThat(end.classes().labels()).hasSize(8);
            assertThat(end.classes().classifierAccuracy()).isGreaterThan(0.99);
        }
    }
}
