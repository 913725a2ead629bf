package dev.ganplayground.run;

import dev.ganplayground.persist.CheckpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back every run of the runs folder at server start (on a worker thread): removes the debris of interrupted
 * writes, reads each run's newest checkpoint that verifies (an older one when the newest is corrupt) and turns it
 * into a {@link RunImage}. A run with no usable checkpoint is logged and left on disk untouched.
 */
final class RunRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(RunRestorer.class);

    private RunRestorer() {
    }

    static List<RunImage> readAll(CheckpointStore store) throws IOException {
        List<RunImage> images = new ArrayList<>();
        for (String runId : store.runIds()) {
            try {
                store.removeTemporaries(runId);
                Optional<CheckpointStore.Loaded> loaded = store.loadLatest(runId);
                if (loaded.isEmpty()) {
                    LOG.warn("run {}: no usable checkpoint; not restored", runId);
                    continue;
                }
                if (!loaded.get().skipped().isEmpty()) {
                    LOG.warn("run {}: restored from an older checkpoint, {}, because {}", runId,
                            loaded.get().file().getFileName(), loaded.get().skipped());
                }
                RunImage image = RunCheckpoints.fromCheckpoint(loaded.get().checkpoint());
                if (!runId.equals(image.runId())) {
                    LOG.warn("run {}: its checkpoint belongs to run {}; not restored", runId, image.runId());
                    continue;
                }
                images.add(image);
            } catch (IOException | RuntimeException e) {
                LOG.warn("run {}: cannot be restored: {}", runId, e.toString());
            }
        }
        LOG.info("restored {} run(s) from {}", images.size(), store.root());
        return images;
    }
}
