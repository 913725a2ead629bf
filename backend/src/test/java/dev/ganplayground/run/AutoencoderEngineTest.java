package dev.ganplayground.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ShapesDataset;
import dev.ganplayground.persist.Checkpoint;
import dev.ganplayground.persist.CheckpointStore;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TrainerState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The autoencoder engine with a test double of the trainer ({@link LinearAeDouble}): frames decode with the
 * documented sections, evaluations give the documented keys, and a checkpoint restores the arms.
 */
class AutoencoderEngineTest {
    private static final ImageDataset SHAPES = ShapesDataset.generate(5, 1_200);

    static RunConfig config(String data, String autoencoder, String loss) {
        try {
            return Presets.load().resolve("ring8", Json.MAPPER.readTree("{\"data\":{\"kind\":\"" + data + "\"},"
                    + "\"model\":{\"architecture\":\"autoencoder\",\"autoencoder\":" + autoencoder + "},"
                    + "\"train\":{\"batchSize\":32,\"optimizerG\":{\"kind\":\"sgd\",\"lr\":0.05},\"autoencoder\":"
                    + loss + "},\"view\":{\"gridSize\":4,\"walkSteps\":5,\"interpFrom\":3,\"interpTo\":7}}"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AutoencoderEngine images(RunConfig c, int arms) {
        AeHeldOut data = AeHeldOut.images(SHAPES, c.model().autoencoder().labels(), c.seed());
        return new AutoencoderEngine(new LinearAeDouble(c, data.source(), arms), data);
    }

    /** The header, and each section's bytes by "name" or "name/arm". */
    record Decoded(JsonNode header, Map<String, byte[]> sections) {
        BufferedImage png(String name) throws IOException {
            return ImageIO.read(new ByteArrayInputStream(sections.get(name)));
        }

        float[] floats(String name) {
            byte[] b = sections.get(name);
            float[] out = new float[b.length / 4];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
    }

    static Decoded decode(byte[] frame) throws IOException {
        int h = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        assertThat(h % 4).isZero();
        JsonNode header = Json.MAPPER.readTree(new String(frame, 4, h, StandardCharsets.UTF_8).stripTrailing());
        Map<String, byte[]> sections = new LinkedHashMap<>();
        int at = 4 + h;
        for (JsonNode s : header.get("sections")) {
            int n = s.get("bytes").asInt();
            sections.put(s.get("name").asText() + (s.has("arm") ? "/" + s.get("arm").asInt() : ""),
                    Arrays.copyOfRange(frame, at, at + n));
            at += n;
        }
        assertThat(at).isEqualTo(frame.length);
        return new Decoded(header, sections);
    }

    @Test
    @DisplayName("The real trainer: a linear code wider than the cloud is measured without PCA keys, not failed")
    void wideLinearCodeOnTheCloud() {
        RunConfig c = config("plane3d", "{\"kind\":\"linear\",\"codeSize\":4,\"hidden\":[]}", "{}");
        AeHeldOut data = AeHeldOut.cloud();
        try (AutoencoderEngine e = new AutoencoderEngine(
                dev.ganplayground.ae.AutoencoderTrainers.create(c, data.source(), null), data)) {
            e.train(20, StepMode.BOTH);
            Map<String, Double> row = e.evaluate().metrics();
            assertThat(row).containsKey("ae/heldout_mse").doesNotContainKeys("ae/pca_mse", "ae/subspace_angle");
            assertThat(e.frame("r000000000002", 1)).isNotEmpty();
        }
    }

    @Test
    @DisplayName("A denoising linear AE on images: clean, corrupted and reconstructed strips, latent map, PCA keys")
    void linearImages() throws IOException {
        RunConfig c = config("shapes", "{\"kind\":\"linear\",\"codeSize\":4,\"labels\":40}",
                "{\"corruption\":\"gaussian\",\"corruptionLevel\":0.5}");
        try (AutoencoderEngine e = images(c, 1)) {
            assertThat(e.frameDue(true)).isTrue();
            Decoded f = decode(e.frame("r000000000001", 1));
            JsonNode h = f.header();
            assertThat(h.get("type").asText()).isEqualTo("autoencoder");
            assertThat(h.get("kind").asText()).isEqualTo("linear");
            assertThat(h.get("experiment").asText()).isEqualTo("none");
            assertThat(h.get("input").get("shape").toString()).isEqualTo("[1,28,28]");
            assertThat(h.get("corruption").get("kind").asText()).isEqualTo("gaussian");
            assertThat(h.get("interp").get("from").asInt()).isEqualTo(3);
            assertThat(f.sections()).containsOnlyKeys("inputs", "corrupted", "recon/0", "interp/0");
            assertThat(f.png("inputs").getWidth()).isEqualTo(10 * 28 + 9 * 2);
            assertThat(f.png("recon/0").getWidth()).isEqualTo(10 * 28 + 9 * 2);
            assertThat(f.png("interp/0").getWidth()).isEqualTo(5 * 28 + 4 * 2);
            assertThat(f.sections().get("inputs")).isNotEqualTo(f.sections().get("corrupted"));
            int n = h.get("labels").size();
            assertThat(n).isEqualTo(Math.min(AeHeldOut.MAP_SIZE, SHAPES.testCount()));
            JsonNode arm = h.get("arms").get(0);
            assertThat(arm.get("name").asText()).isEqualTo("ae");
            assertThat(arm.get("latent").get("points")).hasSize(2 * n);
            assertThat(arm.get("latent").get("projected").asBoolean()).isTrue();
            assertThat(arm.get("activations")).hasSize(4);
            assertThat(h.has("phase")).isFalse();

            Map<String, Double> before = e.evaluate().metrics();
            assertThat(before).containsKeys("ae/heldout_mse", "ae/pca_mse", "ae/subspace_angle", "ae/probe_acc",
                    "ae/mean_activation");
            e.train(300, StepMode.BOTH);
            Map<String, Double> after = e.evaluate().metrics();
            assertThat(after.get("ae/heldout_mse")).isLessThan(before.get("ae/heldout_mse"));
            assertThat(after.get("ae/heldout_mse")).isGreaterThanOrEqualTo(after.get("ae/pca_mse") * 0.95);
            assertThat(after.get("ae/probe_acc")).isBetween(0.0, 1.0);
        }
    }

    @Test
    @DisplayName("A VAE experiment's arms: lattice, prior samples and interpolation per arm, keys per arm")
    void vaeArms() throws IOException {
        RunConfig c = config("shapes", "{\"kind\":\"vae\",\"codeSize\":2,\"experiment\":\"vae-kl\"}", "{}");
        try (AutoencoderEngine e = images(c, 2)) {
            Decoded f = decode(e.frame("r000000000001", 1));
            assertThat(f.sections()).containsOnlyKeys("inputs", "recon/0", "interp/0", "lattice/0", "samples/0",
                    "recon/1", "interp/1", "lattice/1", "samples/1");
            assertThat(f.png("lattice/1").getWidth()).isEqualTo(4 * 28 + 3 * 2);
            assertThat(f.png("samples/0").getHeight()).isEqualTo(2 * 28 + 2);
            assertThat(f.header().get("lattice").get("rows").asInt()).isEqualTo(4);
            JsonNode arm = f.header().get("arms").get(1);
            assertThat(arm.get("name").asText()).isEqualTo("b");
            assertThat(arm.get("latent").get("projected").asBoolean()).isFalse();
            assertThat(e.evaluate().metrics()).containsKeys("ae/a/heldout_mse", "ae/b/heldout_mse", "ae/b/probe_acc")
                    .doesNotContainKey("ae/heldout_mse").doesNotContainKey("ae/a/pca_mse");
        }
    }

    @Test
    @DisplayName("Experiments' extra measures: noisy inputs (capacity), the classifiers (pretraining), greedy phase")
    void experiments() throws IOException {
        RunConfig capacity = config("shapes", "{\"kind\":\"dense\",\"codeSize\":3,\"experiment\":\"capacity\"}", "{}");
        try (AutoencoderEngine e = images(capacity, 3)) {
            assertThat(e.evaluate().metrics()).containsKeys("ae/a/noisy_mse", "ae/c/noisy_mse");
        }
        RunConfig pre = config("shapes", "{\"kind\":\"dense\",\"codeSize\":3,\"experiment\":\"pretraining\"}", "{}");
        try (AutoencoderEngine e = images(pre, 1)) {
            assertThat(e.evaluate().metrics()).containsEntry("ae/pretrained/accuracy", 0.5)
                    .containsEntry("ae/scratch/accuracy", 0.25).doesNotContainKey("ae/noisy_mse");
        }
        // The widest frame: six arms of a sweep stays well under the event bus's 256 KiB per message.
        RunConfig sweep = config("shapes", "{\"kind\":\"dense\",\"codeSize\":64,\"experiment\":\"sparsity-sweep\"}",
                "{\"sparsity\":\"kl\"}");
        try (AutoencoderEngine e = images(sweep, 6)) {
            byte[] frame = e.frame("r000000000001", 1);
            assertThat(frame.length).isLessThan(256 * 1024);
            assertThat(decode(frame).header().get("arms")).hasSize(6);
        }
        RunConfig greedy = config("shapes", "{\"kind\":\"dense\",\"codeSize\":3,\"greedy\":true}",
                "{\"sparsity\":\"kl\",\"sparsityTarget\":0.1}");
        try (AutoencoderEngine e = images(greedy, 1)) {
            JsonNode h = decode(e.frame("r000000000001", 1)).header();
            assertThat(h.get("phase").get("count").asInt()).isEqualTo(2);
            assertThat(h.get("phase").get("progress").asDouble()).isEqualTo(0.5);
            assertThat(h.get("sparsity").get("target").asDouble()).isEqualTo(0.1);
        }
    }

    @Test
    @DisplayName("plane3d: the cloud, reconstructions and codes as float32, the decoder's plane; the angle falls")
    void plane3d() throws IOException {
        RunConfig c = config("plane3d", "{\"kind\":\"linear\",\"codeSize\":2}", "{}");
        AeHeldOut data = AeHeldOut.cloud();
        try (AutoencoderEngine e = new AutoencoderEngine(new LinearAeDouble(c, data.source(), 1), data)) {
            Decoded f = decode(e.frame("r000000000001", 1));
            assertThat(f.sections()).containsOnlyKeys("cloud", "recon/0", "codes/0");
            assertThat(f.floats("cloud")).hasSize(3 * AeFrames.CLOUD_POINTS);
            assertThat(f.floats("codes/0")).hasSize(2 * AeFrames.CLOUD_POINTS);
            JsonNode sections = f.header().get("sections");
            assertThat(sections.get(0).get("shape").toString()).isEqualTo("[300,3]");
            assertThat(sections.get(0).get("dtype").asText()).isEqualTo("float32");
            JsonNode plane = f.header().get("arms").get(0).get("plane");
            assertThat(plane.get("basis")).hasSize(2);
            assertThat(plane.get("origin")).hasSize(3);
            assertThat(f.header().get("truth").get("normal")).hasSize(3);
            assertThat(f.header().has("labels")).isFalse();
            e.train(1_500, StepMode.BOTH);
            Map<String, Double> m = e.evaluate().metrics();
            assertThat(m.get("ae/subspace_angle")).isLessThan(5.0);
            assertThat(m).doesNotContainKey("ae/probe_acc");
        }
    }

    @Test
    @DisplayName("A checkpoint of an autoencoder run (arms as the generator) restores the same reconstructions")
    void checkpointRoundTrip(@TempDir Path dir) throws IOException {
        RunConfig c = config("shapes", "{\"kind\":\"linear\",\"codeSize\":4,\"experiment\":\"vae-kl\"}", "{}");
        AeHeldOut data = AeHeldOut.images(SHAPES, 100, c.seed());
        float[] x = data.first(3);
        try (AutoencoderEngine e = new AutoencoderEngine(new LinearAeDouble(c, data.source(), 2), data);
             AutoencoderEngine fresh = new AutoencoderEngine(new LinearAeDouble(c, data.source(), 2), data)) {
            e.train(50, StepMode.BOTH);
            RunImage image = new RunImage("r0000000000ae", "mnist-vae", null, RunState.PAUSED, null, c,
                    e.trainer().captureState(), Map.of("step", List.of(50.0)), Map.of(), List.of(), null, null);
            CheckpointStore store = new CheckpointStore(dir, 2);
            store.write("r0000000000ae", RunCheckpoints.toCheckpoint(image));
            Checkpoint read = store.loadLatest("r0000000000ae").orElseThrow().checkpoint();
            RunImage back = RunCheckpoints.fromCheckpoint(read);
            assertThat(back.config()).isEqualTo(c);
            TrainerState s = back.trainer();
            assertThat(s.step()).isEqualTo(50);
            fresh.trainer().restoreState(s);
            assertThat(fresh.step()).isEqualTo(50);
            for (int a = 0; a < 2; a++) {
                assertThat(fresh.trainer().arms().get(a).reconstruct(x, 3))
                        .containsExactly(e.trainer().arms().get(a).reconstruct(x, 3));
            }
        }
    }
}
