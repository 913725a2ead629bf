package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.metrics.ModeCoverage;
import dev.ganplayground.samples.FrameEncoder;
import dev.ganplayground.training.GanTrainer;
import dev.ganplayground.training.NonFiniteException;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
    private final RunListener listener;
    private final BlockingQueue<RunCommand> inbox = new LinkedBlockingQueue<>();
    private final MetricHistory trainHistory = new MetricHistory(HISTORY_ROWS);
    private final MetricHistory evalHistory = new MetricHistory(HISTORY_ROWS);
    private final Evaluation evaluation = new Evaluation();
    private final List<CollapseAlarm.Event> alarms = new ArrayList<>(); // guarded by this

    private volatile RunState state = RunState.CREATED;
    private volatile long step;
    private volatile RunConfig config;
    private volatile byte[] latestFrame;
    private ModesSnapshot latestModes; // guarded by this

    /** Published events so far; guarded by this. */
    private long events;

    // Confined to the run's thread.
    private GanTrainer trainer;
    private CollapseAlarm alarm;
    private long frameNo;
    private long lastFrameNanos;
    private long nextEvalStep;

    Run(String id, String presetId, RunConfig config, RunListener listener) {
        this.id = id;
        this.presetId = presetId;
        this.config = config;
        this.listener = listener;
    }

    public String id() {
        return id;
    }

    public String presetId() {
        return presetId;
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

    /** The newest encoded frame, or null before the first. */
    public byte[] latestFrame() {
        return latestFrame;
    }

    void submit(RunCommand command) {
        inbox.add(command);
    }

    @Override
    public void run() {
        try {
            trainer = new GanTrainer(config);
            alarm = new CollapseAlarm(config.alarm());
            publish(() -> listener.onState(this, state, 0, null));
            afterSteps(null, true);
            while (state != RunState.STOPPED) {
                RunCommand c = state == RunState.RUNNING ? inbox.poll() : inbox.take();
                if (c != null) {
                    apply(c);
                } else {
                    tick();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            setState(RunState.STOPPED, "server shutting down");
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed at step {}", id, step, e);
            setState(RunState.FAILED, "internal error at step " + step + ": " + e.getMessage());
        } finally {
            if (trainer != null) {
                trainer.close();
                trainer = null;
            }
        }
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
        try {
            afterSteps(trainer.train(steps, mode), forceFrame);
            return true;
        } catch (NonFiniteException e) {
            step = trainer.step();
            setState(RunState.PAUSED, e.getMessage() + "; the update was not applied. Lower a learning rate and"
                    + " press Play.");
            return false;
        }
    }

    private void apply(RunCommand command) {
        if (command instanceof RunCommand.Start) {
            setState(RunState.RUNNING, null);
        } else if (command instanceof RunCommand.Pause) {
            if (state == RunState.RUNNING) {
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
            reconfigure(r.next(), r.rebuild());
        }
    }

    private void reconfigure(RunConfig next, boolean rebuild) {
        if (rebuild || config.structurallyDiffers(next)) {
            rebuild(next);
            return;
        }
        boolean dataChanged = !config.data().equals(next.data());
        trainer.reconfigure(next);
        alarm.reconfigure(next.alarm());
        publish(() -> {
            config = next;
            listener.onConfig(this, next, false);
        });
        if (dataChanged) {
            afterSteps(null, true);
        }
    }

    private void rebuild(RunConfig next) {
        trainer.close();
        trainer = null;
        trainer = new GanTrainer(next);
        alarm = new CollapseAlarm(next.alarm());
        frameNo = 0;
        nextEvalStep = 0;
        publish(() -> {
            config = next;
            step = 0;
            trainHistory.clear();
            evalHistory.clear();
            alarms.clear();
            latestModes = null;
            listener.onReset(this);
            listener.onConfig(this, next, true);
        });
        setState(state == RunState.RUNNING ? RunState.RUNNING : RunState.PAUSED, null);
        afterSteps(null, true);
    }

    /** Records the tick's metrics, evaluates and draws a frame when due. {@code report} null: no steps ran. */
    private void afterSteps(TickReport report, boolean forceFrame) {
        step = trainer.step();
        if (report != null) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("step", (double) step);
            row.putAll(report.means());
            publish(() -> {
                trainHistory.append(row);
                listener.onMetrics(this, TRAIN, columns(row));
            });
        }
        if (step >= nextEvalStep) {
            int every = config.view().evalEvery();
            nextEvalStep = (step / every + 1) * every;
            evaluate();
        }
        long now = System.nanoTime();
        if (forceFrame || now - lastFrameNanos >= 1_000_000_000L / config.view().maxFramesPerSecond()) {
            lastFrameNanos = now;
            byte[] frame = FrameEncoder.encode(id, ++frameNo, trainer.frame());
            latestFrame = frame;
            listener.onFrame(this, frame);
        }
    }

    private void evaluate() {
        Evaluation.Result result = evaluation.evaluate(trainer);
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("step", (double) step);
        row.putAll(result.metrics());
        publish(() -> {
            evalHistory.append(row);
            listener.onMetrics(this, EVAL, columns(row));
        });
        ModeCoverage coverage = result.coverage();
        if (coverage != null) {
            ModesSnapshot modes = new ModesSnapshot(step, coverage.counts(), Evaluation.SAMPLES, result.centres());
            publish(() -> {
                latestModes = modes;
                listener.onModes(this, modes);
            });
            alarm.update(step, coverage.captured(), coverage.modeCount(), coverage.hqFraction())
                    .ifPresent(e -> publish(() -> {
                        alarms.add(e);
                        listener.onAlarm(this, e);
                    }));
        }
    }

    private void setState(RunState next, String reason) {
        publish(() -> {
            state = next;
            listener.onState(this, next, step, reason);
        });
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
        return new RunSnapshot(events, state, step, config, trainHistory.from(fromStep), evalHistory.from(fromStep),
                List.copyOf(alarms), latestModes);
    }

    private static Map<String, List<Double>> columns(Map<String, Double> row) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    @Override
    public String toString() {
        return "Run[" + id + ", " + presetId + ", " + state + ", step " + step + "]";
    }
}
