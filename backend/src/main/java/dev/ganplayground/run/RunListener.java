package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;

import java.util.List;
import java.util.Map;

/**
 * Where a run's outputs go. Called on the run's own thread, in order; implementations must not block (the
 * event-bus publisher hands everything to Vert.x and returns).
 */
public interface RunListener {
    void onState(Run run, RunState state, long step, String reason);

    void onConfig(Run run, RunConfig config, boolean rebuilt);

    /**
     * The run went back to {@link Run#step()}: step 0 after a reset, or the last checkpoint's step after a
     * divergence (then the kept history follows as one metrics event per group). Clear charts and timelines.
     */
    void onReset(Run run);

    /** One or more rows of a metric group, columnar, each column the same length; NaN means not measured. */
    void onMetrics(Run run, String group, Map<String, List<Double>> columns);

    /** The per-mode histogram of an evaluation (distributions with modes only). */
    void onModes(Run run, ModesSnapshot modes);

    /** The collapse alarm was raised or cleared. */
    void onAlarm(Run run, CollapseAlarm.Event event);

    /** The class histogram of an image run's evaluation. */
    void onClasses(Run run, ClassesSnapshot classes);

    /** A first-use task (dataset load, classifier training) progressed. */
    void onProgress(Run run, Progress progress);

    /** An encoded binary frame (docs/protocol.md 3.4). */
    void onFrame(Run run, byte[] frame);
}
