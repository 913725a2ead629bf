package dev.ganplayground.training;

import dev.ganplayground.metrics.MetricNames;
import java.util.HashMap;
import java.util.Map;

/** Running sums of the per-update scalars of one tick; allocation-free until {@link #means}. */
final class TickStats {
    private double lossD;
    private double lossG;
    private double scoreReal;
    private double scoreFakeD;
    private double scoreFakeG;
    private double normD;
    private double normG;
    private double r1;
    private int dUpdates;
    private int gUpdates;
    private int r1Updates;

    void reset() {
        lossD = lossG = scoreReal = scoreFakeD = scoreFakeG = normD = normG = r1 = 0;
        dUpdates = gUpdates = r1Updates = 0;
    }

    /** One lazy R1 evaluation: (1/2) mean ||grad_x D(x_real)||^2, without gamma. */
    void addR1(double penalty) {
        r1 += penalty;
        r1Updates++;
    }

    void addD(double loss, double real, double fake, double norm) {
        lossD += loss;
        scoreReal += real;
        scoreFakeD += fake;
        normD += norm;
        dUpdates++;
    }

    void addG(double loss, double fake, double norm) {
        lossG += loss;
        scoreFakeG += fake;
        normG += norm;
        gUpdates++;
    }

    /**
     * Means over the tick. score/fake comes from the D updates (real and fake scored by the same D, the
     * comparison the chart makes), or from the G updates when a tick had no D update.
     */
    Map<String, Double> means(double stepsPerSecond) {
        Map<String, Double> m = new HashMap<>();
        m.put(MetricNames.LOSS_D, mean(lossD, dUpdates));
        m.put(MetricNames.LOSS_G, mean(lossG, gUpdates));
        m.put(MetricNames.SCORE_REAL, mean(scoreReal, dUpdates));
        m.put(MetricNames.SCORE_FAKE, dUpdates > 0 ? mean(scoreFakeD, dUpdates) : mean(scoreFakeG, gUpdates));
        m.put(MetricNames.GRAD_D_NORM, mean(normD, dUpdates));
        m.put(MetricNames.GRAD_G_NORM, mean(normG, gUpdates));
        m.put(MetricNames.SPEED, stepsPerSecond);
        if (r1Updates > 0) {
            m.put(MetricNames.LOSS_R1, r1 / r1Updates);
        }
        return m;
    }

    private static double mean(double sum, int n) {
        return n == 0 ? Double.NaN : sum / n;
    }
}
