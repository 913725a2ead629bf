package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.Trainable;
import dev.ganplayground.training.TickReport;

import java.util.Map;

/**
 * The part of a run that depends on what it learns: a 2D distribution ({@link PointEngine}: plane frames, mode
 * coverage, the collapse alarm) or images ({@link ImageEngine}: sample grids, a timeline, class coverage).
 * {@link Run} keeps the state machine, its {@link RunRecord} the histories and the publication order; a
 * {@link RunTraining} drives the engine. Confined to the run's thread.
 */
interface RunEngine extends AutoCloseable {
    /** The trainer this engine drives (owned by the engine). */
    Trainable trainer();

    /** Trains; a NonFiniteException stops before the offending update. */
    default TickReport train(int steps, StepMode mode) {
        return trainer().train(steps, mode);
    }

    /** Steps completed. */
    default long step() {
        return trainer().step();
    }

    /** Applies a live (non-structural) change. */
    void reconfigure(RunConfig next);

    /** Whether a visual frame should be drawn now ({@code force}: after a command, a reset or a live change). */
    boolean frameDue(boolean force);

    /** Draws and encodes the current visual frame (docs/protocol.md 3.4). */
    byte[] frame(String runId, long frameNo);

    /** Evaluates the generator (its own random stream: training is not disturbed). */
    Evaluated evaluate();

    /** Frees native memory. */
    @Override
    default void close() {
        trainer().close();
    }

    /**
     * What one evaluation found.
     *
     * @param metrics the eval metric row, without "step"
     * @param modes   the per-mode histogram (2D distributions with modes), or null
     * @param alarm   a collapse-alarm transition, or null
     * @param classes the class histogram (image runs), or null
     */
    record Evaluated(Map<String, Double> metrics, ModesSnapshot modes, CollapseAlarm.Event alarm,
                     ClassesSnapshot classes) {
    }
}
