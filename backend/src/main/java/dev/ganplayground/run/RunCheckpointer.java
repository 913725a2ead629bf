package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's persistence flows: checkpoints it through its {@link RunSaver}, resumes it from the newest checkpoint
 * after a server restart or unloading, rolls it back after a divergence and saves a failed state. Without
 * persistence nothing is saved and there is nothing to go back to. Confined to the run's thread (handed from one
 * thread to the next through RunLife), except {@link #forget}.
 */
final class RunCheckpointer {
    private static final Logger LOG = LoggerFactory.getLogger(RunCheckpointer.class);

    private final String id;
    private final String presetId;
    /** The owner's user id, or null. */
    private final String owner;
    private final RunSaver saver; // null: nothing is saved
    private final RunRecord record;
    private final RunTraining training;

    private RunImage restoring; // a restored run's checkpoint until its first start uses it
    private boolean fromDisk; // the next start restores the networks from the newest checkpoint
    private boolean announceRestore; // a run restored training says so in its state reason when it starts

    RunCheckpointer(Run run, RunPersistence persistence, RunRecord record, RunTraining training) {
        this.id = run.id();
        this.presetId = run.presetId();
        this.owner = run.owner();
        this.saver = persistence == null ? null : new RunSaver(persistence, id);
        this.record = record;
        this.training = training;
    }

    /** Whether the run is saved at all. */
    boolean enabled() {
        return saver != null;
    }

    /** A run restored from {@code image}: its first start puts the image's networks back. */
    void restoreFrom(RunImage image) {
        restoring = image;
        fromDisk = true;
        announceRestore = image.state() == RunState.RUNNING;
    }

    /** Whether the next start resumes from a checkpoint. */
    boolean fromDisk() {
        return fromDisk;
    }

    /** The run was unloaded: its next start resumes from the checkpoint just saved. */
    void unloaded() {
        fromDisk = true;
    }

    /**
     * Rebuilds the engine and puts the newest checkpoint's networks and optimizers back: after a server restart
     * (the checkpoint was read already) or after unloading (read now). Returns false when it cannot be read.
     */
    boolean resume() {
        RunImage image = restoring;
        restoring = null;
        if (image == null) {
            image = saver.loadLatest();
        }
        if (image == null || image.trainer() == null) {
            return false;
        }
        training.create(record.config());
        training.restore(image.trainer());
        fromDisk = false;
        training.afterSteps(null, true);
        return true;
    }

    /** Whether the run resumed was training before the server restarted (asked once). */
    boolean takeAnnounce() {
        boolean announce = announceRestore;
        announceRestore = false;
        return announce;
    }

    /** The checkpoint just resumed from is up to date with every event published so far. */
    void savedResumed() {
        saver.savedAt(record.eventNo());
    }

    /** Saves in the background soon (a new run's first moment, the state before a live change). */
    void saveSoon() {
        if (saver != null) {
            saver.saveSoon(record.eventNo(), this::image);
        }
    }

    /** Saves when a checkpoint is due ({@code training}: the run is training). */
    void maybeSave(boolean training) {
        saver.maybeSave(record.eventNo(), training, this::image);
    }

    /** Saves now and waits for the write; returns whether it was written. */
    boolean saveAndWait() {
        return saver.saveAndWait(record.eventNo(), this::image);
    }

    /** A failed run is saved too (without its networks if they are not finite), so it shows after a restart. */
    void saveFailed() {
        if (saver != null && record.state() == RunState.FAILED) {
            try {
                saveAndWait();
            } catch (RuntimeException e) {
                LOG.warn("run {}: cannot save its failed state: {}", id, e.toString());
            }
        }
    }

    /** The run is deleted: no more checkpoints, and its folder goes (from any thread). */
    void forget() {
        if (saver != null) {
            saver.forget();
        }
    }

    /**
     * After a divergence the parameters are finite but may be far off (huge finite updates come first), so a lower
     * learning rate alone may not recover: the run goes back to its newest checkpoint (at most one interval old, and
     * never older than the last live config change, which is checkpointed first), and its histories are cut there.
     * Returns the step gone back to, or -1 without a usable checkpoint (the parameters stay as they are).
     */
    long rollBack() {
        if (saver == null) {
            return -1;
        }
        saver.awaitPending();
        RunImage image = saver.loadLatest();
        RunConfig config = record.config();
        if (image == null || image.trainer() == null || image.step() > record.step()
                || config.structurallyDiffers(image.config())
                || image.trainer().optimizerG().kind() != config.train().optimizerG().kind()
                || image.trainer().optimizerD().kind() != config.train().optimizerD().kind()) {
            return -1;
        }
        long back = training.restore(image.trainer());
        record.rollBackTo(back);
        return back;
    }

    /** What a checkpoint keeps now; called on the run's thread between ticks (copies, so training may go on). */
    private RunImage image() {
        return record.image(id, presetId, owner, training.capture());
    }
}
