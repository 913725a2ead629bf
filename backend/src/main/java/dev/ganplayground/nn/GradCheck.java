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
}
