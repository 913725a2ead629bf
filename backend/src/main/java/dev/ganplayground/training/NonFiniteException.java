package dev.ganplayground.training;

/**
 * A loss or gradient norm became NaN or infinite, or an update would have made a parameter so. Thrown before the
 * update is applied (or after undoing it), so the parameters are still the last finite ones and the run can
 * continue after the user lowers a learning rate. The message reads "diverged at step k (metric): it became v".
 */
public final class NonFiniteException extends RuntimeException {
    private final long step;
    private final String metric;

    public NonFiniteException(String metric, long step, double value) {
        super("diverged at step " + step + " (" + metric + "): it became " + value);
        this.metric = metric;
        this.step = step;
    }

    public long step() {
        return step;
    }

    public String metric() {
        return metric;
    }
}
