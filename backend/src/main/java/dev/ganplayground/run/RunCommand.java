package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.training.StepMode;

/** What a run's thread is asked to do between ticks. */
sealed interface RunCommand {
    record Start() implements RunCommand {
    }

    record Pause() implements RunCommand {
    }

    /** {@code count} steps of {@code mode}, then paused. */
    record Step(StepMode mode, int count) implements RunCommand {
    }

    /** New networks from the current config, step 0. */
    record Reset() implements RunCommand {
    }

    record Stop() implements RunCommand {
    }

    /** Server shutdown: save a checkpoint and end the thread, keeping the state (a running run resumes running). */
    record Suspend() implements RunCommand {
    }

    /** Apply {@code next}; {@code rebuild} builds new networks (structural change or explicit). */
    record Reconfigure(RunConfig next, boolean rebuild) implements RunCommand {
    }

    /** A training slot was granted while queued: start training (ignored unless still queued). */
    record Admit() implements RunCommand {
    }

    /** The run's new 1-based place in the training queue (ignored unless queued). */
    record QueuePosition(int position) implements RunCommand {
    }
}
