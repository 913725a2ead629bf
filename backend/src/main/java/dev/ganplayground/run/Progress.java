package dev.ganplayground.run;

/**
 * A long first-use task of a run (loading its dataset, training its classifier), as the {@code progress} message
 * carries it.
 *
 * @param task     "dataset" or "classifier"
 * @param message  what is happening, for people
 * @param fraction done so far, in [0, 1]
 * @param done     true on the task's last report
 */
public record Progress(String task, String message, double fraction, boolean done) {
    /** Receives progress reports on the run's thread. */
    @FunctionalInterface
    public interface Sink {
        void report(String task, String message, double fraction, boolean done);
    }

    /**
     * A sink that passes on a task's start, each further 2% and its end: plenty for a progress bar, where the
     * classifier's training reports a hundred times.
     */
    static Sink throttled(Sink downstream) {
        double[] last = {-1};
        return (task, message, fraction, done) -> {
            if (!done && fraction > 0 && fraction - last[0] < 0.02) {
                return;
            }
            last[0] = done ? -1 : fraction;
            downstream.report(task, message, fraction, done);
        };
    }
}
