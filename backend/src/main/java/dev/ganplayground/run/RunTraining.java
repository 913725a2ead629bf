package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.samples.Timeline;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import dev.ganplayground.training.TrainerState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's engine and what follows each batch of steps: builds the engine, trains it, records the metrics in the
 * {@link RunRecord}, evaluates and draws frames when due. Confined to the run's thread (handed from one thread to
 * the next through RunLife), except the frame and timeline getters.
 */
final class RunTraining {
    private final Run run;
    private final RunRecord record;
    private final RunListener listener;
    private final RunEngines engines;
    private final RunThreads threads;

    private volatile byte[] latestFrame;
    private volatile Timeline timeline;
    private RunEngine engine;
    private long frameNo;
    private long nextEvalStep;

    RunTraining(Run run, RunRecord record, RunServices services) {
        this.run = run;
        this.record = record;
        this.listener = services.listener();
        this.engines = services.engines();
        this.threads = new RunThreads(services.threadPolicy());
    }

    /** The newest encoded frame, or null before the first. */
    byte[] latestFrame() {
        return latestFrame;
    }

    /** An image run's kept frames (thread-safe), or null for a 2D run and before the engine exists. */
    Timeline timeline() {
        return timeline;
    }

    /** The native thread count set on the run's thread (0 before one was set). */
    int nativeThreads() {
        return threads.current();
    }

    /** The run's thread starts using native threads. */
    void enter() {
        threads.enter();
    }

    /** The run's thread ends: the engine's native memory is freed. */
    void exit() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        threads.exit();
    }

    /** Builds the engine (an image run loads its dataset and classifier first, publishing progress). */
    void create(RunConfig c) {
        threads.apply(c);
        engine = engines.create(c, Progress.throttled((task, message, fraction, done) ->
                record.progress(new Progress(task, message, fraction, done))));
        timeline = engine instanceof ImageEngine image ? image.timeline() : null;
    }

    /** A structural change or a reset: a new engine for {@code next} at step 0, every history emptied. */
    void rebuild(RunConfig next) {
        engine.close();
        engine = null;
        timeline = null;
        frameNo = 0;
        nextEvalStep = 0;
        record.reset(next);
        create(next);
    }

    /** Applies a live (non-structural) change. */
    void reconfigure(RunConfig next) {
        RunConfig config = record.config();
        // A new distribution or new view settings show at once, also while paused.
        boolean redraw = !config.data().equals(next.data()) || !config.view().equals(next.view());
        engine.reconfigure(next);
        record.config(next);
        if (redraw) {
            afterSteps(null, true);
        }
    }

    /** Trains {@code steps} steps, then records them; a NonFiniteException stops before the offending update. */
    void train(int steps, StepMode mode, boolean forceFrame) {
        threads.apply(record.config());
        afterSteps(engine.train(steps, mode), forceFrame);
    }

    /** The engine's step counter (after a failed update: the last finite step). */
    long step() {
        return engine.step();
    }

    /** What a checkpoint keeps of the trainer (copies, so training may go on), or null without an engine. */
    TrainerState capture() {
        return engine == null ? null : engine.trainer().captureState();
    }

    /** Puts a checkpoint's networks and optimizers back; the next evaluation is the first due after its step. */
    long restore(TrainerState saved) {
        engine.trainer().restoreState(saved);
        long back = engine.step();
        scheduleEvalAfter(back);
        return back;
    }

    /** Records the tick's metrics, evaluates and draws a frame when due. {@code report} null: no steps ran. */
    void afterSteps(TickReport report, boolean forceFrame) {
        long step = engine.step();
        record.stepTo(step);
        if (report != null) {
            record.trained(row(step, report.means()));
        }
        if (step >= nextEvalStep) {
            scheduleEvalAfter(step);
            RunEngine.Evaluated e = engine.evaluate();
            record.evaluated(row(step, e.metrics()), e);
            NativeRuntime.trimNativeHeapIfDue();
        }
        if (engine.frameDue(forceFrame)) {
            byte[] frame = engine.frame(run.id(), ++frameNo);
            latestFrame = frame;
            listener.onFrame(run, frame);
        }
    }

    /** The next evaluation is the first multiple of evalEvery after {@code step}. */
    private void scheduleEvalAfter(long step) {
        int every = record.config().view().evalEvery();
        nextEvalStep = (step / every + 1) * every;
    }

    /** A metric history row: "step" first, then {@code values}. */
    private static Map<String, Double> row(long step, Map<String, Double> values) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("step", (double) step);
        row.putAll(values);
        return row;
    }
}
