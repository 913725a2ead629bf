package dev.ganplayground.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.training.ProganTrainer;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * How fast an image preset learns, measured the way a user sees it: wall time from Play to the evaluation rows
 * (classifier confidence, classes covered, Frechet classifier distance), with the sample grid saved as PNG at each
 * evaluation. Opt in: {@code -Dprobe=images -Dpreset=mnist-dcgan -Dseconds=300 [-Doverrides={...}] [-Dtag=-a]}. ProGAN
 * presets add the resolution and phase to each row and, at the end, the training speed per resolution. StyleGAN
 * presets work too ({@code -Dpreset=mnist-stylegan}): their saved grids are the 32x32 ones drawn with the view's
 * truncation psi, their evaluation the untruncated centre crops.
 */
@EnabledIfSystemProperty(named = "probe", matches = "images")
class ImageLearningProbe {
    @Test
    void learn() throws Exception {
        NativeRuntime.init();
        String preset = System.getProperty("preset", "mnist-dcgan");
        double seconds = Double.parseDouble(System.getProperty("seconds", "300"));
        JsonNode overrides = Json.MAPPER.readTree(System.getProperty("overrides", "{}"));
        RunConfig config = Presets.load().resolve(preset, overrides);
        AppConfig env = AppConfig.fromEnv(System.getenv());
        // -Dtag keeps the output of probes run side by side apart.
        Path out = Files.createDirectories(Path.of("target", "probe-" + preset + System.getProperty("tag", "")));
        RunEngines engines = new RunEngines(new ImageDatasets(env.mnistDir(), env.fashionDir()),
                Path.of("target", "test-runs", "cache"));
        try (RunEngine engine = engines.create(config, (task, message, fraction, done) -> { })) {
            ImageEngine image = (ImageEngine) engine;
            int every = config.view().evalEvery();
            long t0 = System.nanoTime();
            System.out.printf("probe %s: OMP_NUM_THREADS=%s%n", preset, System.getenv("OMP_NUM_THREADS"));
            Files.deleteIfExists(out.resolve("probe.txt"));
            System.out.println("step  seconds  steps/s  confidence  covered  kl_uniform  fcd  [resolution phase alpha]");
            ProganTrainer progan = engine.trainer() instanceof ProganTrainer p ? p : null;
            Map<Integer, double[]> speed = new TreeMap<>(); // resolution -> {steps, seconds}
            while (true) {
                double elapsed = (System.nanoTime() - t0) / 1e9;
                long step = engine.step();
                Map<String, Double> m = engine.evaluate().metrics();
                double[] row = {m.get(MetricNames.IMAGES_CONFIDENCE), m.get(MetricNames.IMAGES_CLASSES_COVERED),
                        m.get(MetricNames.IMAGES_KL_UNIFORM), m.get(MetricNames.IMAGES_FCD)};
                engine.frame("probe", step + 1);
                Files.write(out.resolve(String.format("grid-%05d.png", step)),
                        image.timeline().latest().orElseThrow().gridPng());
                String growth = progan == null ? "" : String.format("  %2d %-9s %.2f", progan.growth().resolution(),
                        progan.growth().phase().wireName(), progan.growth().alpha());
                String line = String.format("%5d %7.1f %7.2f %10.3f %8.0f %10.3f %8.1f%s%n", step, elapsed,
                        step / Math.max(elapsed, 1e-9), row[0], row[1], row[2], row[3], growth);
                System.out.print(line);
                // Also to a file as it comes: Maven may hold the test's output back until the test ends.
                Files.writeString(out.resolve("probe.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (elapsed > seconds) {
                    break;
                }
                int resolution = progan == null ? 0 : progan.growth().resolution();
                TickReport r = engine.train(every, StepMode.BOTH);
                double[] acc = speed.computeIfAbsent(resolution, k -> new double[2]);
                acc[0] += r.steps();
                acc[1] += r.seconds();
            }
            speed.forEach((res, acc) -> System.out.printf("resolution %2d: %.0f steps, %.2f steps/s%n", res, acc[0],
                    acc[0] / acc[1]));
        }
    }
}
