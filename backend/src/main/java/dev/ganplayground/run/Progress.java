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
}
