package dev.ganplayground.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoint files and the runs directory: atomic writes, verification, fallback, retention, path safety. */
class CheckpointStoreTest {
    private static final String RUN = "r0123456789ab";
    @TempDir
    Path root;

    private static Checkpoint checkpoint(long step, float fill) {
        ObjectNode h = new ObjectMapper().createObjectNode().put("note", "step " + step);
        float[] params = new float[1000];
        Arrays.fill(params, fill);
        return new Checkpoint(step, h, Map.of("g/params", params),
                Map.of("train/step", new double[]{1, 2, Double.NaN}));
    }

    @Test
    @DisplayName("a checkpoint reads back exactly, header, floats and doubles (NaN included)")
    void roundTrip() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 3);
        store.write(RUN, checkpoint(42, 0.25f));
        Checkpoint back = store.loadLatest(RUN).orElseThrow().checkpoint();
        assertThat(back.step()).isEqualTo(42);
        assertThat(back.header().get("note").asText()).isEqualTo("step 42");
        assertThat(back.floats("g/params")).hasSize(1000).containsOnly(0.25f);
        assertThat(back.doubles().get("train/step")).containsExactly(1, 2, Double.NaN);
        assertThat(Files.readString(root.resolve(RUN).resolve("checkpoints/LATEST")).trim()).endsWith(".gpc");
    }

    @Test
    @DisplayName("retention keeps the newest K checkpoints, and LATEST names the newest")
    void retention() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 3);
        for (int s = 1; s <= 7; s++) {
            store.write(RUN, checkpoint(s * 10L, s));
        }
        assertThat(store.checkpoints(RUN)).containsExactly("ckpt-00000007.gpc", "ckpt-00000006.gpc",
                "ckpt-00000005.gpc");
        assertThat(store.loadLatest(RUN).orElseThrow().checkpoint().step()).isEqualTo(70);
        try (var files = Files.list(root.resolve(RUN).resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @ParameterizedTest(name = "newest checkpoint {0}: the previous one is used")
    @ValueSource(strings = {"truncated", "bit-flipped", "emptied", "deleted"})
    void corruptNewestFallsBack(String damage) throws IOException {
        CheckpointStore store = new CheckpointStore(root, 3);
        store.write(RUN, checkpoint(10, 1f));
        Path newest = store.write(RUN, checkpoint(20, 2f));
        byte[] bytes = Files.readAllBytes(newest);
        switch (damage) {
            case "truncated" -> Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));
            case "bit-flipped" -> {
                bytes[bytes.length / 2] ^= 0x10;
                Files.write(newest, bytes);
            }
            case "emptied" -> Files.write(newest, new byte[0]);
            default -> Files.delete(newest);
        }
        CheckpointStore.Loaded loaded = store.loadLatest(RUN).orElseThrow();
        assertThat(loaded.checkpoint().step()).isEqualTo(10);
        assertThat(loaded.checkpoint().floats("g/params")).containsOnly(1f);
        assertThat(loaded.skipped()).hasSize(1);
    }

    @Test
    @DisplayName("a garbled LATEST pointer still finds the newest good checkpoint")
    void garbledLatest() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 3);
        store.write(RUN, checkpoint(10, 1f));
        store.write(RUN, checkpoint(20, 2f));
        Files.writeString(root.resolve(RUN).resolve("checkpoints/LATEST"), "../../etc/passwd\n");
        assertThat(store.loadLatest(RUN).orElseThrow().checkpoint().step()).isEqualTo(20);
    }

    @Test
    @DisplayName("a checkpoint holding NaN or infinity is never written")
    void nonFiniteRefused() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 3);
        store.write(RUN, checkpoint(10, 1f));
        float[] bad = new float[10];
        bad[3] = Float.NaN;
        Checkpoint c = new Checkpoint(11, new ObjectMapper().createObjectNode(), Map.of("d/params", bad), Map.of());
        assertThatThrownBy(() -> store.write(RUN, c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d/params");
        bad[3] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> store.write(RUN, c)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.checkpoints(RUN)).hasSize(1);
        assertThat(store.loadLatest(RUN).orElseThrow().checkpoint().step()).isEqualTo(10);
    }

    @Test
    @DisplayName("an unknown format version and foreign files are rejected as corrupt")
    void versionAndMagic() {
        byte[] good = CheckpointFile.encode(checkpoint(1, 1f));
        byte[] otherVersion = good.clone();
        otherVersion[11] = 9; // the version's low byte; the hash no longer matches either
        assertThatThrownBy(() -> CheckpointFile.decode(otherVersion)).isInstanceOf(CorruptCheckpointException.class);
        assertThatThrownBy(() -> CheckpointFile.decode("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptCheckpointException.class);
        assertThat(CheckpointFile.decode(good).step()).isEqualTo(1);
    }

    @ParameterizedTest(name = "run id \"{0}\" resolves to nothing")
    @ValueSource(strings = {"", "..", "../x", "r0123456789ab/..", "r0123456789ab/../../etc", "/etc/passwd",
            "%2e%2e%2f", "r0123456789a\u0000", "R0123456789AB", "r0123456789abc", "C:\\x", "..\\r0123456789ab"})
    void hostileIds(String id) {
        CheckpointStore store = new CheckpointStore(root, 3);
        assertThat(store.runDir(id)).isEmpty();
        assertThat(store.runDir("x".repeat(10_000))).isEmpty();
        assertThat(store.runDir(null)).isEmpty();
    }

    @Test
    @DisplayName("run ids are found, temporaries removed, and a deleted run leaves nothing")
    void runIdsAndDelete() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 2);
        store.write(RUN, checkpoint(1, 1f));
        Files.createDirectories(root.resolve("cache"));
        Files.createDirectories(root.resolve("r00000000000f"));
        Path debris = Files.writeString(root.resolve(RUN).resolve("checkpoints/.tmp-ckpt-x"), "partial");
        assertThat(store.runIds()).containsExactly(RUN);
        store.removeTemporaries(RUN);
        assertThat(debris).doesNotExist();
        store.delete(RUN);
        assertThat(root.resolve(RUN)).doesNotExist();
        assertThat(store.runIds()).isEmpty();
    }
}
