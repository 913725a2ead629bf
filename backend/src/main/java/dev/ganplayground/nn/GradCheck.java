package dev.ganplayground.nn;

import java.util.function.DoubleSupplier;

/**
 * Finite-difference check of a hand-written backward pass: perturbs each value by +-eps in place, re-evaluates the
 * scalar loss, and compares the central difference with the analytic gradient. Owning our backward passes is only
 * safe with this check on every one of them (shared/DESIGN.md).
 */
public final class GradCheck {
    private GradCheck() {
    }

    /**
     * The largest relative error |a - n| / max(|a| + |n|, floor) over every element of {@code values}.
     *
     * @param values   the inputs or parameters to perturb (restored afterwards)
     * @param analytic the analytic gradient of the loss w.r.t. {@code values}, same length
     * @param loss     evaluates the loss at the current values (ideally accumulating in double)
     * @param eps      the perturbation; float32 values want about 1e-3 to 1e-2
     * @param floor    denominator floor, so gradients that are both ~0 do not count as errors
     */
    public static double maxRelativeError(FloatVec values, float[] analytic, DoubleSupplier loss, double eps,
                                          double floor) {
        if (analytic.length != values.length()) {
            throw new IllegalArgumentException("analytic has " + analytic.length + " values, expected "
                    + values.length());
        }
        double worst = 0;
        for (int i = 0; i < values.length(); i++) {
            float orig = values.get(i);
            // Use the float-rounded step actually taken, not eps itself.
            float up = (float) (orig + eps);
            float down = (float) (orig - eps);
            values.set(i, up);
            double lUp = loss.getAsDouble();
            values.set(i, down);
            double lDown = loss.getAsDouble();
            values.set(i, orig);
            double numeric = (lUp - lDown) / ((double) up - (double) down);
            double a = analytic[i];
            double err = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), floor);
            worst = Math.max(worst, err);
        }
        return worst;
    }

    /**
     * The result of {@link #maxRelativeErrorWhereSmooth}.
     *
     * @param maxRelativeError the largest relative error over the values where the loss is smooth within a step
     * @param skippedShare     the share of values skipped because a kink lies within a step of them
     */
    public record SmoothCheck(double maxRelativeError, double skippedShare) {
    }

    /**
     * {@link #maxRelativeError} over the values where the loss is smooth within a step: where the two one-sided
     * differences disagree by more than {@code kink} (relative, same floor), the step crossed a kink (a leaky ReLU's;
     * in a whole network a bias moves every pixel of its channel, so some crossing is almost certain) and a central
     * difference means nothing there; such values are skipped and counted. A wrong backward pass still disagrees
     * where the loss is smooth.
     */
    public static SmoothCheck maxRelativeErrorWhereSmooth(FloatVec values, float[] analytic, DoubleSupplier loss,
                                                          double eps, double floor, double kink) {
        if (analytic.length != values.length()) {
            throw new IllegalArgumentException("analytic has " + analytic.length + " values, expected "
                    + values.length());
        }
        double worst = 0;
        int skipped = 0;
        double base = loss.getAsDouble();
        for (int i = 0; i < values.length(); i++) {
            float orig = values.get(i);
            float up = (float) (orig + eps);
            float down = (float) (orig - eps);
            values.set(i, up);
            double lUp = loss.getAsDouble();
            values.set(i, down);
            double lDown = loss.getAsDouble();
            values.set(i, orig);
            double forward = (lUp - base) / ((double) up - orig);
            double backward = (base - lDown) / ((double) orig - down);
            if (relative(forward, backward, floor) > kink) {
                skipped++;
                continue;
            }
            double numeric = (lUp - lDown) / ((double) up - (double) down);
            worst = Math.max(worst, relative(analytic[i], numeric, floor));
        }
        return new SmoothCheck(worst, values.length() == 0 ? 0 : (double) skipped / values.length());
    }

    private static double relative(double a, double b, double floor) {
        return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), floor);
    }
}
