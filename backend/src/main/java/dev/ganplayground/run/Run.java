package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.samples.Timeline;
import dev.ganplayground.training.NonFiniteException;
import dev.ganplayground.training.StepMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One training run: a state machine driven by commands, and a loop of ticks on the run's own thread. Commands
 * arrive from any thread through {@link #submit}; they are applied between ticks, never inside one. Everything
 * the run produces goes to its {@link RunListener}, on this thread, in order. What it published lives in its
 * {@link RunRecord}, its engine in {@link RunTraining}, its checkpoints go through {@link RunCheckpointer}.
 */
public final class Run implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    static final String TRAIN = "train";
    static final String EVAL = "eval";

    private final String id;
    private final String presetId;
    /** The owner's user id (a hash of a browser token, never the token), or null. */
    private final String owner;
    private final BlockingQueue<RunCommand> inbox = new LinkedBlockingQueue<>();
    private final RunRecord record;
    private final RunStates states;
    private final RunTraining training;
    private final RunPersistence persistence; // null: nothing is saved
    private final RunCheckpointer checkpointer;
    private final RunLife life;

    /** Set by {@link RunCommand.Suspend}: save and end the thread, leaving the state as it is. */
    private volatile boolean suspending;

    /** A new run of {@code owner} (a user id; null: only the admin controls it). */
    Run(String id, String presetId, RunConfig config, String owner, RunServices services) {
        this(id, presetId, config, owner, services, false);
    }

    /**
     * A run restored from a checkpoint: its histories, alarms and snapshots are back at once; it is dormant until
     * {@link #wake} (the registry wakes those that were training). A run that was queued comes back paused (its
     * place in the queue is gone); one that was training asks for a training slot again when it wakes.
     */
    Run(RunImage image, RunServices services) {
        this(image.runId(), image.presetId(), image.config(), image.owner(), services, true);
        checkpointer.restoreFrom(image);
        record.load(image);
    }

    private Run(String id, String presetId, RunConfig config, String owner, RunServices services, boolean dormant) {
        this.id = id;
        this.presetId = presetId;
        this.owner = owner;
        this.record = new RunRecord(this, services.listener(), config);
        this.states = new RunStates(this, record, services.slots());
        this.training = new RunTraining(this, record, services);
        this.persistence = services.persistence();
        this.checkpointer = new RunCheckpointer(this, persistence, record, training);
        this.life = new RunLife(this, services.starter(), dormant);
    }

    public String id() {
        return id;
    }

    public String presetId() {
        return presetId;
    }

    /** The owner's user id, or null (see RunOwners). */
    public String owner() {
        return owner;
    }

    public RunState state() {
        return record.state();
    }

    public long step() {
        return record.step();
    }

    /** The config the run is training with now (a submitted change shows here once applied). */
    public RunConfig config() {
        return record.config();
    }

    /** The run's 1-based place in the training queue; meaningful while {@link RunState#QUEUED}. */
    public int queuePosition() {
        return states.queuePosition();
    }

    /** The newest encoded frame, or null before the first. */
    public byte[] latestFrame() {
        return training.latestFrame();
    }

    /** An image run's kept frames (thread-safe), or null for a 2D run and before the engine exists. */
    public Timeline timeline() {
        return training.timeline();
    }

    /** The train or eval metric history as CSV text (see {@link MetricsCsv}). */
    public String metricsCsv(String group) {
        return record.metricsCsv(group);
    }

    /** The train or eval metric history as JSON Lines (see {@link MetricsJsonl}). */
    public String metricsJsonl(String group) {
        return record.metricsJsonl(group);
    }

    /** Queues a command for the run's thread (loading a dormant run first). */
    void submit(RunCommand command) {
        inbox.add(command);
        life.wake();
    }

    /** A request reached the run: a dormant run is loaded again, and the idle clock restarts. */
    void wake() {
        life.wake();
    }

    /** A viewer subscribed (+1) or left (-1); a run nobody watches may be unloaded once paused for long. */
    void watched(int delta) {
        life.watched(delta);
    }

    /** Whether the run is unloaded (no thread, no engine); for tests and the run list. */
    boolean dormant() {
        return life.dormant();
    }

    /** Server shutdown: a loaded run saves a checkpoint and ends its thread, keeping its state for the restart. */
    void suspend() {
        if (!life.dormant()) {
            inbox.add(new RunCommand.Suspend());
        }
    }

    /** The run is deleted: no more checkpoints, its folder goes, and a loaded run stops (a dormant one stays so). */
    void discard() {
        checkpointer.forget();
        if (!life.dormant()) {
            inbox.add(new RunCommand.Stop());
        }
    }

    @Override
    public void run() {
        life.enter();
        training.enter();
        try {
            if (checkpointer.fromDisk()) {
                resume();
            } else {
                record.announceState();
                training.create(config());
                training.afterSteps(null, true);
                checkpointer.saveSoon(); // every run has a checkpoint from its first moment
            }
            while (!state().terminal() && !suspending) {
                RunState state = state();
                RunCommand c = state == RunState.RUNNING ? inbox.poll()
                        : !checkpointer.enabled() ? inbox.take() : inbox.poll(1, TimeUnit.SECONDS);
                if (c != null) {
                    life.touch();
                    apply(c);
                } else if (state == RunState.RUNNING) {
                    tick();
                }
                if (checkpointer.enabled()) {
                    checkpointer.maybeSave(state() == RunState.RUNNING);
                    if (life.idle(state(), persistence) && checkpointer.saveAndWait() && life.tryUnload(inbox)) {
                        checkpointer.unloaded();
                        LOG.info("run {} unloaded after idling at step {}", id, step());
                        return;
                    }
                }
            }
            if (checkpointer.enabled()) {
                checkpointer.saveAndWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            setState(RunState.STOPPED, "server shutting down");
        } catch (RunEngines.SetupException e) {
            LOG.warn("run {} cannot start: {}", id, e.getMessage());
            setState(RunState.FAILED, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed at step {}", id, step(), e);
            setState(RunState.FAILED, "internal error at step " + step() + ": " + e.getMessage());
        } finally {
            checkpointer.saveFailed();
            training.exit();
            life.exit();
        }
    }

    /** Resumes from the newest checkpoint; a run that was training asks for a training slot again. */
    private void resume() {
        if (!checkpointer.resume()) {
            setState(RunState.FAILED, "its checkpoint cannot be read");
            return;
        }
        if (checkpointer.takeAnnounce()) {
            states.requestSlot("restored from the checkpoint at step " + step() + " after a server restart");
        }
        checkpointer.savedResumed();
    }

    /** The native thread count this run has set on its thread (0 before it set one); for tests. */
    int nativeThreads() {
        return training.nativeThreads();
    }

    private void tick() throws InterruptedException {
        RunConfig c = config();
        int steps = c.view().slowMode() ? 1 : c.view().itersPerTick();
        if (train(steps, StepMode.BOTH, false) && c.view().slowMode()) {
            RunCommand next = inbox.poll(c.view().slowDelayMs(), TimeUnit.MILLISECONDS);
            if (next != null) {
                apply(next);
            }
        }
    }

    /** Trains; on a non-finite loss pauses with the reason (parameters are still the last finite ones). */
    private boolean train(int steps, StepMode mode, boolean forceFrame) {
        try {
            training.train(steps, mode, forceFrame);
            return true;
        } catch (NonFiniteException e) {
            record.stepTo(training.step());
            long back = checkpointer.rollBack();
            setState(RunState.PAUSED, e.getMessage() + "; the update was not applied."
                    + (back >= 0 ? " Rolled back to the last checkpoint, step " + back + "." : "")
                    + " Lower a learning rate and press Play.");
            return false;
        }
    }

    private void apply(RunCommand command) {
        RunState state = state();
        if (command instanceof RunCommand.Start) {
            if (state != RunState.RUNNING && state != RunState.QUEUED) {
                states.requestSlot(null);
            }
        } else if (command instanceof RunCommand.Admit) {
            states.admitted();
        } else if (command instanceof RunCommand.QueuePosition q) {
            states.movedTo(q.position());
        } else if (command instanceof RunCommand.Pause) {
            if (state == RunState.RUNNING || state == RunState.QUEUED) {
                setState(RunState.PAUSED, null);
            }
        } else if (command instanceof RunCommand.Step s) {
            // The control side refuses steps while running; a step racing a start is dropped, not interleaved.
            if (state != RunState.RUNNING && train(s.count(), s.mode(), true)) {
                setState(RunState.PAUSED, null);
            }
        } else if (command instanceof RunCommand.Reset) {
            rebuild(config());
        } else if (command instanceof RunCommand.Stop) {
            inbox.clear();
            setState(RunState.STOPPED, null);
        } else if (command instanceof RunCommand.Reconfigure r) {
            checkpointer.saveSoon(); // the state before the change is the one to go back to
            if (r.rebuild() || config().structurallyDiffers(r.next())) {
                rebuild(r.next());
            } else {
                training.reconfigure(r.next());
            }
        } else if (command instanceof RunCommand.Suspend) {
            suspending = true;
        }
    }

    private void rebuild(RunConfig next) {
        training.rebuild(next);
        RunState state = state();
        boolean keep = state == RunState.RUNNING || state == RunState.QUEUED;
        setState(keep ? state : RunState.PAUSED, state == RunState.QUEUED ? record.stateReason() : null);
        training.afterSteps(null, true);
    }

    private void setState(RunState next, String reason) {
        states.set(next, reason);
    }

    /** Number of the newest published event (call from a listener, which runs inside a publication). */
    long eventNo() {
        return record.eventNo();
    }

    /** Everything a new viewer needs, consistent with event number {@link RunSnapshot#eventNo()}. */
    RunSnapshot snapshot(long fromStep) {
        return record.snapshot(fromStep);
    }

    @Override
    public String toString() {
        return "Run[" + id + ", " + presetId + ", " + state() + ", step " + step() + "]";
    }
}
