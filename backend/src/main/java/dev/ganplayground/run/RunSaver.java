package dev.ganplayground.run;

import dev.ganplayground.persist.Checkpoint;
import dev.ganplayground.persist.CheckpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One run's checkpointing, called on the run's thread between ticks. The thread only copies the state
 * ({@link RunImage}: a few array copies); encoding and the atomic write happen on the writer thread. A run is
 * checkpointed when something changed (a published event) and either the interval has passed or it is not training
 * (a pause, a step, a fault, a stop: saved at once); at most one write per run is in flight, so a slow disk
 * coalesces checkpoints instead of queueing them.
 */
final class RunSaver {
    private static final Logger LOG = LoggerFactory.getLogger(RunSaver.class);
    private final RunPersistence persistence;
    private final String runId;
    private volatile boolean forgotten;
    private long savedEventNo = -1;
    private long savedAtNanos = System.nanoTime();
    private Future<?> pending;
    /** Whether the last write reached the disk (true before any: the state came from disk or is brand new). */
    private volatile boolean lastWriteOk = true;

    RunSaver(RunPersistence persistence, String runId) {
        this.persistence = persistence;
        this.runId = runId;
    }

    /** Takes it that the checkpoint on disk already shows event {@code eventNo} (a run just restored from it). */
    void savedAt(long eventNo) {
        savedEventNo = eventNo;
        savedAtNanos = System.nanoTime();
    }

    /** Whether the newest checkpoint shows everything up to event {@code eventNo}. */
    boolean upToDate(long eventNo) {
        return eventNo == savedEventNo;
    }

    /** Checkpoints if due (see the class comment); {@code image} is only called then. */
    void maybeSave(long eventNo, boolean training, Supplier<RunImage> image) {
        if (forgotten || eventNo == savedEventNo || (pending != null && !pending.isDone())) {
            return;
        }
        if (training && System.nanoTime() - savedAtNanos < persistence.intervalNanos()) {
            return;
        }
        save(eventNo, image.get());
    }

    /** Checkpoints now, whatever the interval, unless up to date or a write is in flight; does not wait. */
    void saveSoon(long eventNo, Supplier<RunImage> image) {
        if (!forgotten && eventNo != savedEventNo && (pending == null || pending.isDone())) {
            save(eventNo, image.get());
        }
    }

    /**
     * Checkpoints now unless up to date, and waits until it is on disk (shutdown, unloading). Returns whether the
     * disk now holds this state.
     */
    boolean saveAndWait(long eventNo, Supplier<RunImage> image) {
        if (!forgotten && eventNo != savedEventNo) {
            awaitPending();
            save(eventNo, image.get());
        }
        awaitPending();
        return !forgotten && lastWriteOk && eventNo == savedEventNo;
    }

    /** The newest checkpoint that verifies, as a run image, or null when there is none (or it cannot be read). */
    RunImage loadLatest() {
        try {
            Optional<CheckpointStore.Loaded> l = persistence.store().loadLatest(runId);
            return l.map(x -> RunCheckpoints.fromCheckpoint(x.checkpoint())).orElse(null);
        } catch (IOException | RuntimeException e) {
            LOG.error("run {}: cannot read its checkpoint", runId, e);
            return null;
        }
    }

    /** No more checkpoints; the run's folder is deleted after any write in flight. */
    void forget() {
        forgotten = true;
        persistence.submit(() -> {
            try {
                persistence.store().delete(runId);
            } catch (IOException e) {
                LOG.warn("run {}: cannot delete its folder: {}", runId, e.toString());
            }
        });
    }

    private void save(long eventNo, RunImage image) {
        savedEventNo = eventNo;
        savedAtNanos = System.nanoTime();
        pending = persistence.submit(() -> write(image));
    }

    /** On the writer thread. A deleted run writes nothing (the deletion is ordered after this on the same thread). */
    private void write(RunImage image) {
        if (forgotten) {
            return;
        }
        lastWriteOk = false;
        try {
            Checkpoint c = RunCheckpoints.toCheckpoint(image);
            persistence.store().write(runId, c);
            lastWriteOk = true;
        } catch (IllegalArgumentException e) {
            LOG.warn("run {}: checkpoint skipped: {}", runId, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("run {}: checkpoint at step {} failed", runId, image.step(), e);
        }
    }

    /** Waits for the write in flight, if any. */
    void awaitPending() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("run {}: checkpoint write failed", runId, e.getCause());
        }
    }
}
