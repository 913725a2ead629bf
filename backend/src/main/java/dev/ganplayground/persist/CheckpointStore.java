package dev.ganplayground.persist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs directory: {@code <root>/<runId>/checkpoints/ckpt-<n>.gpc}
 * (n counts up per run, so the order survives a reset to step 0) plus a {@code LATEST} pointer naming the
 * newest complete checkpoint. Writes follow {@link AtomicFiles}: the checkpoint, then the pointer, then retention
 * (the last {@code keep} checkpoints stay), so a crash at any moment leaves a loadable checkpoint. Reads verify the
 * file's hash and fall back to the next older checkpoint when the newest is missing or corrupt.
 *
 * <p>Paths are built here from validated run ids only: an id must match {@link #RUN_ID} (no dots, slashes, NUL or
 * encodings), and the resolved folder is checked, element-wise ({@link Path#startsWith(Path)}), to lie directly in
 * the root. Thread-safe as long as one run's writes come from one thread at a time.
 */
public final class CheckpointStore {
    /** Run ids as the registry makes them: "r" and 12 hex digits (48 random bits). */
    public static final Pattern RUN_ID = Pattern.compile("r[0-9a-f]{12}");
    static final String DIR = "checkpoints";
    static final String LATEST = "LATEST";
    private static final Pattern FILE = Pattern.compile("ckpt-([0-9]{1,19})\\.gpc");
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final Path root;
    private final int keep;

    /**
     * @param root the runs directory (created when missing)
     * @param keep checkpoints kept per run, at least 2 so a corrupt newest one always has a predecessor
     */
    public CheckpointStore(Path root, int keep) {
        if (keep < 2) {
            throw new IllegalArgumentException("keep must be >= 2, found " + keep);
        }
        this.root = root.toAbsolutePath().normalize();
        this.keep = keep;
    }

    public Path root() {
        return root;
    }

    /** Whether {@code runId} has the shape of a run id (null, "..", "a/b", "%2e" and overlong ids do not). */
    public static boolean isRunId(String runId) {
        return runId != null && runId.length() <= 13 && RUN_ID.matcher(runId).matches();
    }

    /** The folder of a run, or empty when {@code runId} is not a run id or would not resolve inside the root. */
    public Optional<Path> runDir(String runId) {
        if (!isRunId(runId)) {
            return Optional.empty();
        }
        Path dir = root.resolve(runId).normalize();
        return dir.getParent().equals(root) && dir.startsWith(root) ? Optional.of(dir) : Optional.empty();
    }

    private Path checkpointsDir(String runId) {
        return runDir(runId).orElseThrow(() -> new IllegalArgumentException("not a run id")).resolve(DIR);
    }

    /**
     * Writes {@code c} as the newest checkpoint of {@code runId}, moves LATEST to it and drops the oldest ones
     * beyond {@code keep}. Refuses a checkpoint with a non-finite float: a diverged model is never saved.
     */
    public Path write(String runId, Checkpoint c) throws IOException {
        String bad = c.nonFinite();
        if (bad != null) {
            throw new IllegalArgumentException("refusing to checkpoint step " + c.step() + ": '" + bad
                    + "' holds NaN or infinite values");
        }
        Path dir = checkpointsDir(runId);
        Files.createDirectories(dir);
        List<String> existing = checkpoints(runId);
        long seq = existing.isEmpty() ? 1 : sequenceOf(existing.get(0)) + 1;
        String name = "ckpt-" + String.format("%08d", seq) + ".gpc";
        AtomicFiles.write(dir.resolve(name), CheckpointFile.encode(c));
        AtomicFiles.write(dir.resolve(LATEST), (name + "\n").getBytes(StandardCharsets.UTF_8));
        prune(dir, name);
        return dir.resolve(name);
    }

    /** Checkpoint file names of a run, newest (highest sequence number) first. */
    public List<String> checkpoints(String runId) throws IOException {
        Optional<Path> run = runDir(runId);
        if (run.isEmpty() || !Files.isDirectory(run.get().resolve(DIR))) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(run.get().resolve(DIR))) {
            for (Path p : s) {
                if (FILE.matcher(p.getFileName().toString()).matches()) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        names.sort(Comparator.comparingLong(CheckpointStore::sequenceOf).reversed());
        return names;
    }

    /**
     * The newest checkpoint that verifies: the one LATEST names, else the next older ones. Empty when the run has
     * none that can be read.
     */
    public Optional<Loaded> loadLatest(String runId) throws IOException {
        Optional<Path> run = runDir(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Path dir = run.get().resolve(DIR);
        List<String> order = new ArrayList<>();
        latestName(dir).ifPresent(order::add);
        for (String name : checkpoints(runId)) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        List<String> skipped = new ArrayList<>();
        for (String name : order) {
            try {
                Checkpoint c = read(dir.resolve(name));
                return Optional.of(new Loaded(c, dir.resolve(name), List.copyOf(skipped)));
            } catch (CorruptCheckpointException | NoSuchFileException e) {
                LOG.warn("run {}: checkpoint {} is unusable ({}); trying an older one", runId, name, e.getMessage());
                skipped.add(name + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Ids of the runs that have a checkpoints folder, sorted. */
    public List<String> runIds() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
            for (Path p : s) {
                String id = p.getFileName().toString();
                if (isRunId(id) && Files.isDirectory(p.resolve(DIR))) {
                    ids.add(id);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Deletes the debris of interrupted writes in a run's checkpoints folder. */
    public void removeTemporaries(String runId) throws IOException {
        Path dir = checkpointsDir(runId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes everything of a run (its folder), e.g. when the run is deleted. */
    public void delete(String runId) throws IOException {
        Optional<Path> run = runDir(runId);
        if (run.isEmpty() || !Files.exists(run.get())) {
            return;
        }
        try (Stream<Path> all = Files.walk(run.get())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reads and verifies one checkpoint file. */
    public static Checkpoint read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > CheckpointFile.MAX_BYTES) {
            throw new CorruptCheckpointException("checkpoint of " + size + " bytes is too large");
        }
        return CheckpointFile.decode(Files.readAllBytes(file));
    }

    private static Optional<String> latestName(Path dir) {
        try {
            String name = Files.readString(dir.resolve(LATEST), StandardCharsets.UTF_8).trim();
            return FILE.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void prune(Path dir, String newest) throws IOException {
        List<String> names = checkpoints(dir.getParent().getFileName().toString());
        for (int i = keep; i < names.size(); i++) {
            if (!names.get(i).equals(newest)) {
                Files.deleteIfExists(dir.resolve(names.get(i)));
            }
        }
    }

    private static long sequenceOf(String name) {
        Matcher m = FILE.matcher(name);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * A checkpoint read back.
     *
     * @param checkpoint the verified content
     * @param file       the file it came from
     * @param skipped    newer checkpoints that were unusable, each with why (empty normally)
     */
    public record Loaded(Checkpoint checkpoint, Path file, List<String> skipped) {
    }
}
