package dev.ganplayground.training;

/**
 * A loss or gradient norm became NaN or infinite. Thrown before the update is applied, so the parameters are
 * still the last finite ones and the run can continue after the user lowers a learning rate.
 */
public final class NonFiniteException extends RuntimeException {
    private final long step;
    private final String metric;

    public NonFiniteException(String metric, long step, double value) {
        super(metric + " became " + value + " at step " + step);
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
