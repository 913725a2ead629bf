package dev.ganplayground.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measurements, not assertions: how long each autoencoder preset takes to show its point, on the product's own
 * engine. {@code -Dtest=AePresetProbe -Dprobe=aepresets -Dpresets=mnist-vae:90,question-vae-kl -Dseconds=120
 * [-Dprint=5] [-Dout=folder]} with GAN_MNIST_DIR set. An evaluation at least {@code print} seconds after the last
 * printed one prints elapsed seconds, step and the evaluation row (plus the last tick's training means); at a quarter, half and the end of the time it also writes the frame's PNG
 * sections to {@code out} (default: target/ae-probe) to look at.
 */
@EnabledIfSystemProperty(named = "probe", matches = "aepresets")
class AePresetProbe {
    @Test
    void presets() throws IOException {
        String[] ids = System.getProperty("presets", "plane3d-linear").split(",");
        double seconds = Double.parseDouble(System.getProperty("seconds", "60"));
        Path out = Path.of(System.getProperty("out", "target/ae-probe"));
        Files.createDirectories(out);
        RunEngines engines = new RunEngines(ImageDatasets.fromEnvironment(), Files.createTempDirectory("ae-probe"));
        for (String id : ids) {
            String[] idAndSeconds = id.trim().split(":");
            probe(engines, idAndSeconds[0], idAndSeconds.length > 1 ? Double.parseDouble(idAndSeconds[1]) : seconds,
                    out);
        }
    }

    private static void probe(RunEngines engines, String id, double seconds, Path out) throws IOException {
        RunConfig c = Presets.load().resolve(id, null);
        long t0 = System.nanoTime();
        try (RunEngine engine = engines.create(c, (task, message, fraction, done) -> { })) {
            System.out.printf(Locale.ROOT, "== %s: engine ready after %.1f s%n", id, (System.nanoTime() - t0) / 1e9);
            long start = System.nanoTime();
            long nextEval = c.view().evalEvery();
            int shots = 0;
            TickReport last = null;
            double printEvery = Double.parseDouble(System.getProperty("print", "5"));
            double nextPrint = 0;
            while (true) {
                double t = (System.nanoTime() - start) / 1e9;
                if (shots < 3 && t >= seconds * (shots == 0 ? 0.25 : shots == 1 ? 0.5 : 1.0)) {
                    shots++;
                    save(engine.frame(id, shots), out, id + "-" + Math.round(t) + "s-step" + engine.step());
                }
                if (t >= seconds) {
                    break;
                }
                last = engine.train(c.view().itersPerTick(), StepMode.BOTH);
                if (engine.step() >= nextEval) {
                    nextEval += c.view().evalEvery();
                    Map<String, Double> row = new TreeMap<>(engine.evaluate().metrics());
                    double now = (System.nanoTime() - start) / 1e9;
                    if (now < nextPrint) {
                        continue;
                    }
                    nextPrint = now + printEvery;
                    row.putAll(last.means());
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s t=%.1fs step=%d",
                            id, (System.nanoTime() - start) / 1e9, engine.step()));
                    row.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s=%.4g", k, v)));
                    System.out.println(line);
                }
            }
        }
    }

    /** Writes the frame's PNG sections: the container is uint32 LE header length, JSON header, sections in order. */
    private static void save(byte[] frame, Path out, String prefix) throws IOException {
        int h = ByteBuffer.wrap(frame, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        JsonNode header = Json.MAPPER.readTree(new String(frame, 4, h, StandardCharsets.UTF_8).trim());
        int at = 4 + h;
        for (JsonNode s : header.get("sections")) {
            int n = s.get("bytes").asInt();
            if ("image/png".equals(s.path("mime").asText())) {
                String arm = s.has("arm") ? "-" + s.get("arm").asText() : "";
                byte[] png = java.util.Arrays.copyOfRange(frame, at, at + n);
                Files.write(out.resolve(prefix + "-" + s.get("name").asText() + arm + ".png"), png);
            }
            at += n;
        }
    }
}
