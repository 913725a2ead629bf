package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.training.TrainerState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run has published: its state, step and config, the train and eval metric histories, the alarms and the
 * newest modes, classes and progress. Every change goes through {@link #publish} together with its listener event,
 * under this object's lock, so a {@link #snapshot} and the live events never overlap or leave a gap. Changes come
 * from the run's thread; snapshots, exports and the getters from any thread.
 */
final class RunRecord {
    private static final int HISTORY_ROWS = 20_000;

    private final Run run;
    private final RunListener listener;
    private final MetricHistory trainHistory = new MetricHistory(HISTORY_ROWS);
    private final MetricHistory evalHistory = new MetricHistory(HISTORY_ROWS);
    private final List<CollapseAlarm.Event> alarms = new ArrayList<>(); // guarded by this

    private volatile RunState state = RunState.CREATED;
    private volatile long step;
    private volatile RunConfig config;
    private ModesSnapshot latestModes; // guarded by this
    /** Why the run is in its state (a failure, a divergence), or null; guarded by this. */
    private String stateReason;
    private ClassesSnapshot latestClasses; // guarded by this
    private Progress latestProgress; // guarded by this

    /** Published events so far; guarded by this. */
    private long events;

    RunRecord(Run run, RunListener listener, RunConfig config) {
        this.run = run;
        this.listener = listener;
        this.config = config;
    }

    /**
     * Puts a restored run's histories, alarms and snapshots back (before its thread starts). A run that was queued
     * comes back paused: its place in the queue is gone.
     */
    void load(RunImage image) {
        synchronized (this) {
            state = image.state() == RunState.QUEUED ? RunState.PAUSED : image.state();
            stateReason = image.reason();
            step = image.step();
            trainHistory.load(image.train());
            evalHistory.load(image.eval());
            alarms.addAll(image.alarms());
            latestModes = image.modes();
            latestClasses = image.classes();
        }
    }

    RunState state() {
        return state;
    }

    long step() {
        return step;
    }

    RunConfig config() {
        return config;
    }

    /** Why the run is in its state, or null. */
    synchronized String stateReason() {
        return stateReason;
    }

    /** The engine's step counter, not an event of its own (the next metrics row or state carries it). */
    void stepTo(long next) {
        step = next;
    }

    /** The train or eval metric history as CSV text (see {@link MetricsCsv}). */
    synchronized String metricsCsv(String group) {
        return MetricsCsv.render(Run.EVAL.equals(group) ? evalHistory : trainHistory);
    }

    /** The train or eval metric history as JSON Lines (see {@link MetricsJsonl}). */
    synchronized String metricsJsonl(String group) {
        return MetricsJsonl.render(Run.EVAL.equals(group) ? evalHistory : trainHistory);
    }

    void state(RunState next, String reason) {
        publish(() -> {
            state = next;
            stateReason = reason;
            listener.onState(run, next, step, reason);
        });
    }

    /** Announces the current state again (a new run's first event). */
    void announceState() {
        publish(() -> listener.onState(run, state, 0, null));
    }

    void progress(Progress p) {
        publish(() -> {
            latestProgress = p.done() ? null : p;
            listener.onProgress(run, p);
        });
    }

    /** A live change (no rebuild). */
    void config(RunConfig next) {
        publish(() -> {
            config = next;
            listener.onConfig(run, next, false);
        });
    }

    /** A rebuild: back to step 0 with {@code next}, every history and snapshot emptied. */
    void reset(RunConfig next) {
        publish(() -> {
            config = next;
            step = 0;
            trainHistory.clear();
            evalHistory.clear();
            alarms.clear();
            latestModes = null;
            latestClasses = null;
            listener.onReset(run);
            listener.onConfig(run, next, true);
        });
    }

    /** Back to checkpoint step {@code back}: histories and alarms are cut there and sent again in full. */
    void rollBackTo(long back) {
        publish(() -> {
            step = back;
            trainHistory.truncateAfter(back);
            evalHistory.truncateAfter(back);
            alarms.removeIf(a -> a.step() > back);
            listener.onReset(run);
            listener.onMetrics(run, Run.TRAIN, trainHistory.from(0));
            listener.onMetrics(run, Run.EVAL, evalHistory.from(0));
            alarms.forEach(a -> listener.onAlarm(run, a));
        });
    }

    /** A train metric row (with "step"). */
    void trained(Map<String, Double> row) {
        publish(() -> {
            trainHistory.append(row);
            listener.onMetrics(run, Run.TRAIN, MetricHistory.columns(row));
        });
    }

    /** What an evaluation found; {@code row} is its eval metric row with "step". */
    void evaluated(Map<String, Double> row, RunEngine.Evaluated e) {
        publish(() -> {
            evalHistory.append(row);
            listener.onMetrics(run, Run.EVAL, MetricHistory.columns(row));
        });
        if (e.modes() != null) {
            publish(() -> {
                latestModes = e.modes();
                listener.onModes(run, e.modes());
            });
        }
        if (e.alarm() != null) {
            publish(() -> {
                alarms.add(e.alarm());
                listener.onAlarm(run, e.alarm());
            });
        }
        if (e.classes() != null) {
            publish(() -> {
                latestClasses = e.classes();
                listener.onClasses(run, e.classes());
            });
        }
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

    /** What a checkpoint keeps of the record, with the trainer's state {@code trainer} (null without an engine). */
    synchronized RunImage image(String id, String presetId, String owner, TrainerState trainer) {
        return new RunImage(id, presetId, owner, state, stateReason, config, trainer, trainHistory.from(0),
                evalHistory.from(0), List.copyOf(alarms), latestModes, latestClasses);
    }
}
