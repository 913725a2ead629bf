package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.samples.Timeline;
import dev.ganplayground.training.NonFiniteException;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import dev.ganplayground.training.TrainerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One training run: a state machine driven by commands, and a loop of ticks on the run's own thread. Commands
 * arrive from any thread through {@link #submit}; they are applied between ticks, never inside one. Everything
 * the run produces goes to its {@link RunListener}, on this thread, in order.
 */
public final class Run implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    static final String TRAIN = "train";
    static final String EVAL = "eval";
    private static final int HISTORY_ROWS = 20_000;

    private final String id;
    private final String presetId;
    /** The owner's user id (a hash of a browser token, never the token), or null. */
    private final String owner;
    private final RunListener listener;
    private final RunEngines engines;
    private final RunThreads threads;
    private final TrainingSlots slots;
    private final BlockingQueue<RunCommand> inbox = new LinkedBlockingQueue<>();
    private final MetricHistory trainHistory = new MetricHistory(HISTORY_ROWS);
    private final MetricHistory evalHistory = new MetricHistory(HISTORY_ROWS);
    private final List<CollapseAlarm.Event> alarms = new ArrayList<>(); // guarded by this

    private volatile RunState state = RunState.CREATED;
    private volatile long step;
    private volatile RunConfig config;
    private volatile byte[] latestFrame;
    /** 1-based place in the training queue while QUEUED (written on the run's thread). */
    private volatile int queuePosition;
    private volatile Timeline timeline;
    private ModesSnapshot latestModes; // guarded by this
    /** Why the run is in its state (a failure, a divergence), or null; guarded by this. */
    private String stateReason;
    private ClassesSnapshot latestClasses; // guarded by this
    private Progress latestProgress; // guarded by this

    /** Published events so far; guarded by this. */
    private long events;

    private final RunPersistence persistence; // null: nothing is saved
    private final RunSaver saver; // null without persistence
    private final RunLife life;
    /** Set by {@link RunCommand.Suspend}: save and end the thread, leaving the state as it is. */
    private volatile boolean suspending;

    // Confined to the run's thread (handed from one thread to the next through RunLife).
    private RunImage restoring; // a restored run's checkpoint until its first start uses it
    private boolean fromDisk; // the next start restores the networks from the newest checkpoint
    private boolean announceRestore; // a run restored training says so in its state reason when it starts
    private RunEngine engine;
    private long frameNo;
    private long nextEvalStep;

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
        restoring = image;
        fromDisk = true;
        announceRestore = image.state() == RunState.RUNNING;
        state = image.state() == RunState.QUEUED ? RunState.PAUSED : image.state();
        stateReason = image.reason();
        step = image.step();
        trainHistory.load(image.train());
        evalHistory.load(image.eval());
        alarms.addAll(image.alarms());
        latestModes = image.modes();
        latestClasses = image.classes();
    }

    private Run(String id, String presetId, RunConfig config, String owner, RunServices services, boolean dormant) {
        this.id = id;
        this.presetId = presetId;
        this.config = config;
        this.owner = owner;
        this.listener = services.listener();
        this.engines = services.engines();
        this.threads = new RunThreads(services.threadPolicy());
        this.slots = services.slots();
        this.persistence = services.persistence();
        this.saver = persistence == null ? null : new RunSaver(persistence, id);
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
        return state;
    }

    public long step() {
        return step;
    }

    /** The config the run is training with now (a submitted change shows here once applied). */
    public RunConfig config() {
        return config;
    }

    /** The run's 1-based place in the training queue; meaningful while {@link RunState#QUEUED}. */
    public int queuePosition() {
        return queuePosition;
    }

    /** The newest encoded frame, or null before the first. */
    public byte[] latestFrame() {
        return latestFrame;
    }

    /** An image run's kept frames (thread-safe), or null for a 2D run and before the engine exists. */
    public Timeline timeline() {
        return timeline;
    }

    /** The train or eval metric history as CSV text (see {@link MetricsCsv}). */
    public synchronized String metricsCsv(String group) {
        return MetricsCsv.render(EVAL.equals(group) ? evalHistory : trainHistory);
    }

    /** The train or eval metric history as JSON Lines (see {@link MetricsJsonl}). */
    public synchronized String metricsJsonl(String group) {
        return MetricsJsonl.render(EVAL.equals(group) ? evalHistory : trainHistory);
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
        if (saver != null) {
            saver.forget();
        }
        if (!life.dormant()) {
            inbox.add(new RunCommand.Stop());
        }
    }

    @Override
    public void run() {
        life.enter();
        threads.enter();
        try {
            if (fromDisk) {
                resume();
            } else {
                publish(() -> listener.onState(this, state, 0, null));
                createEngine(config);
                afterSteps(null, true);
                if (saver != null) {
                    saver.saveSoon(eventNo(), this::image); // every run has a checkpoint from its first moment
                }
            }
            while (!state.terminal() && !suspending) {
                RunCommand c = state == RunState.RUNNING ? inbox.poll()
                        : saver == null ? inbox.take() : inbox.poll(1, TimeUnit.SECONDS);
                if (c != null) {
                    life.touch();
                    apply(c);
                } else if (state == RunState.RUNNING) {
                    tick();
                }
                if (saver != null) {
                    saver.maybeSave(eventNo(), state == RunState.RUNNING, this::image);
                    if (life.idle(state, persistence) && saver.saveAndWait(eventNo(), this::image)
                            && life.tryUnload(inbox)) {
                        fromDisk = true;
                        LOG.info("run {} unloaded after idling at step {}", id, step);
                        return;
                    }
                }
            }
            if (saver != null) {
                saver.saveAndWait(eventNo(), this::image);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            setState(RunState.STOPPED, "server shutting down");
        } catch (RunEngines.SetupException e) {
            LOG.warn("run {} cannot start: {}", id, e.getMessage());
            setState(RunState.FAILED, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed at step {}", id, step, e);
            setState(RunState.FAILED, "internal error at step " + step + ": " + e.getMessage());
        } finally {
            saveTerminal();
            if (engine != null) {
                engine.close();
                engine = null;
            }
            threads.exit();
            life.exit();
        }
    }

    /** A failed run is saved too (without its networks if they are not finite), so it shows after a restart. */
    private void saveTerminal() {
        if (saver != null && state == RunState.FAILED) {
            try {
                saver.saveAndWait(eventNo(), this::image);
            } catch (RuntimeException e) {
                LOG.warn("run {}: cannot save its failed state: {}", id, e.toString());
            }
        }
    }

    /**
     * Rebuilds the engine and puts the newest checkpoint's networks and optimizers back: after a server restart
     * (the checkpoint was read already) or after unloading (read now).
     */
    private void resume() {
        RunImage image = restoring;
        restoring = null;
        if (image == null) {
            image = saver.loadLatest();
        }
        if (image == null || image.trainer() == null) {
            setState(RunState.FAILED, "its checkpoint cannot be read");
            return;
        }
        createEngine(config);
        engine.trainer().restoreState(image.trainer());
        fromDisk = false;
        int every = config.view().evalEvery();
        nextEvalStep = (image.step() / every + 1) * every;
        afterSteps(null, true);
        if (announceRestore) {
            announceRestore = false;
            String why = "restored from the checkpoint at step " + step + " after a server restart";
            int position = slots.request(this);
            if (position == 0) {
                setState(RunState.RUNNING, why);
            } else {
                queued(position);
            }
        }
        saver.savedAt(eventNo());
    }

    /** What a checkpoint keeps now; called on the run's thread between ticks (copies, so training may go on). */
    private RunImage image() {
        TrainerState t = engine == null ? null : engine.trainer().captureState();
        synchronized (this) {
            return new RunImage(id, presetId, owner, state, stateReason, config, t, trainHistory.from(0),
                    evalHistory.from(0), List.copyOf(alarms), latestModes, latestClasses);
        }
    }

    /** The native thread count this run has set on its thread (0 before it set one); for tests. */
    int nativeThreads() {
        return threads.current();
    }

    /** Builds the engine (an image run loads its dataset and classifier first, publishing progress). */
    private void createEngine(RunConfig c) {
        threads.apply(c);
        engine = engines.create(c, Progress.throttled((task, message, fraction, done) -> {
            Progress p = new Progress(task, message, fraction, done);
            publish(() -> {
                latestProgress = done ? null : p;
                listener.onProgress(this, p);
            });
        }));
        timeline = engine instanceof ImageEngine image ? image.timeline() : null;
    }

    private void tick() throws InterruptedException {
        RunConfig c = config;
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
        threads.apply(config);
        try {
            afterSteps(engine.train(steps, mode), forceFrame);
            return true;
        } catch (NonFiniteException e) {
            step = engine.step();
            long back = rollBack();
            setState(RunState.PAUSED, e.getMessage() + "; the update was not applied."
                    + (back >= 0 ? " Rolled back to the last checkpoint, step " + back + "." : "")
                    + " Lower a learning rate and press Play.");
            return false;
        }
    }

    /**
     * After a divergence the parameters are finite but may be far off (huge finite updates come first), so a lower
     * learning rate alone may not recover: the run goes back to its newest checkpoint (at most one interval old, and
     * never older than the last live config change, which is checkpointed first), and its histories are cut there.
     * Returns the step gone back to, or -1 without a usable checkpoint (the parameters stay as they are).
     */
    private long rollBack() {
        if (saver == null) {
            return -1;
        }
        saver.awaitPending();
        RunImage image = saver.loadLatest();
        if (image == null || image.trainer() == null || image.step() > step
                || config.structurallyDiffers(image.config())
                || image.trainer().optimizerG().kind() != config.train().optimizerG().kind()
                || image.trainer().optimizerD().kind() != config.train().optimizerD().kind()) {
            return -1;
        }
        engine.trainer().restoreState(image.trainer());
        long back = engine.step();
        publish(() -> {
            step = back;
            trainHistory.truncateAfter(back);
            evalHistory.truncateAfter(back);
            alarms.removeIf(a -> a.step() > back);
            listener.onReset(this);
            listener.onMetrics(this, TRAIN, trainHistory.from(0));
            listener.onMetrics(this, EVAL, evalHistory.from(0));
            alarms.forEach(a -> listener.onAlarm(this, a));
        });
        int every = config.view().evalEvery();
        nextEvalStep = (back / every + 1) * every;
        return back;
    }

    private void apply(RunCommand command) {
        if (command instanceof RunCommand.Start) {
            if (state != RunState.RUNNING && state != RunState.QUEUED) {
                int position = slots.request(this);
                if (position == 0) {
                    setState(RunState.RUNNING, null);
                } else {
                    queued(position);
                }
            }
        } else if (command instanceof RunCommand.Admit) {
            if (state == RunState.QUEUED && slots.holds(this)) {
                setState(RunState.RUNNING, null);
            }
        } else if (command instanceof RunCommand.QueuePosition q) {
            if (state == RunState.QUEUED && q.position() != queuePosition) {
                queued(q.position());
            }
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
            rebuild(config);
        } else if (command instanceof RunCommand.Stop) {
            inbox.clear();
            setState(RunState.STOPPED, null);
        } else if (command instanceof RunCommand.Reconfigure r) {
            if (saver != null) {
                saver.saveSoon(eventNo(), this::image); // the state before the change is the one to go back to
            }
            reconfigure(r.next(), r.rebuild());
        } else if (command instanceof RunCommand.Suspend) {
            suspending = true;
        }
    }

    private void reconfigure(RunConfig next, boolean rebuild) {
        if (rebuild || config.structurallyDiffers(next)) {
            rebuild(next);
            return;
        }
        // A new distribution or new view settings show at once, also while paused.
        boolean redraw = !config.data().equals(next.data()) || !config.view().equals(next.view());
        engine.reconfigure(next);
        publish(() -> {
            config = next;
            listener.onConfig(this, next, false);
        });
        if (redraw) {
            afterSteps(null, true);
        }
    }

    private void rebuild(RunConfig next) {
        engine.close();
        engine = null;
        timeline = null;
        frameNo = 0;
        nextEvalStep = 0;
        publish(() -> {
            config = next;
            step = 0;
            trainHistory.clear();
            evalHistory.clear();
            alarms.clear();
            latestModes = null;
            latestClasses = null;
            listener.onReset(this);
            listener.onConfig(this, next, true);
        });
        createEngine(next);
        boolean keep = state == RunState.RUNNING || state == RunState.QUEUED;
        setState(keep ? state : RunState.PAUSED, state == RunState.QUEUED ? stateReason : null);
        afterSteps(null, true);
    }

    /** Records the tick's metrics, evaluates and draws a frame when due. {@code report} null: no steps ran. */
    private void afterSteps(TickReport report, boolean forceFrame) {
        step = engine.step();
        if (report != null) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("step", (double) step);
            row.putAll(report.means());
            publish(() -> {
                trainHistory.append(row);
                listener.onMetrics(this, TRAIN, MetricHistory.columns(row));
            });
        }
        if (step >= nextEvalStep) {
            int every = config.view().evalEvery();
            nextEvalStep = (step / every + 1) * every;
            evaluate();
        }
        if (engine.frameDue(forceFrame)) {
            byte[] frame = engine.frame(id, ++frameNo);
            latestFrame = frame;
            listener.onFrame(this, frame);
        }
    }

    private void evaluate() {
        RunEngine.Evaluated e = engine.evaluate();
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("step", (double) step);
        row.putAll(e.metrics());
        publish(() -> {
            evalHistory.append(row);
            listener.onMetrics(this, EVAL, MetricHistory.columns(row));
        });
        if (e.modes() != null) {
            publish(() -> {
                latestModes = e.modes();
                listener.onModes(this, e.modes());
            });
        }
        if (e.alarm() != null) {
            publish(() -> {
                alarms.add(e.alarm());
                listener.onAlarm(this, e.alarm());
            });
        }
        if (e.classes() != null) {
            publish(() -> {
                latestClasses = e.classes();
                listener.onClasses(this, e.classes());
            });
        }
    }

    private void setState(RunState next, String reason) {
        publish(() -> {
            state = next;
            stateReason = reason;
            listener.onState(this, next, step, reason);
        });
        if (next != RunState.RUNNING && next != RunState.QUEUED) {
            slots.leave(this); // a slot it held, or its place in the queue, goes to the next run
        }
    }

    private void queued(int position) {
        queuePosition = position;
        setState(RunState.QUEUED, "waiting for a training slot: position " + position + " in the queue");
    }

    /**
     * Applies a change that snapshots see and publishes its event, atomically with respect to
     * {@link #snapshot}: every event is numbered, and a snapshot says up to which number it includes, so a new
     * viewer gets each event exactly once (from the snapshot or live).
     */
    private void publish(Runnable changeAndEvent) {
        synchronized (this) {
            events++;
            changeAndEvent.run();
        }
    }

    /** Number of the newest published event (call from a listener, which runs inside {@link #publish}). */
    synchronized long eventNo() {
        return events;
    }

    /** Everything a new viewer needs, consistent with event number {@link RunSnapshot#eventNo()}. */
    synchronized RunSnapshot snapshot(long fromStep) {
        return new RunSnapshot(events, state, stateReason, step, config, trainHistory.from(fromStep),
                evalHistory.from(fromStep), List.copyOf(alarms), latestModes, latestClasses, latestProgress);
    }

    @Override
    public String toString() {
        return "Run[" + id + ", " + presetId + ", " + state + ", step " + step + "]";
    }
}
