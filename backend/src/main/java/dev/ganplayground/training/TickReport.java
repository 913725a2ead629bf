package dev.ganplayground.training;

import java.util.Map;

/**
 * What one tick did.
 *
 * @param step    the run's step counter after the tick (one step = one BOTH, D_ONLY or G_ONLY update round)
 * @param steps   how many steps the tick ran
 * @param seconds wall time of the tick
 * @param means   per-step scalars averaged over the tick, keyed by {@link dev.ganplayground.metrics.MetricNames};
 *                NaN where the tick had nothing to average (e.g. loss/g after D-only steps)
 */
public record TickReport(long step, int steps, double seconds, Map<String, Double> means) {
    public TickReport {
        means = Map.copyOf(means);
    }
}
