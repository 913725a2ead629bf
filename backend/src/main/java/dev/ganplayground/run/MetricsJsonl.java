package dev.ganplayground.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.config.Json;

import java.util.List;
import java.util.Map;

/**
 * Metric history as JSON Lines: one object per row, {@code {"step": 100, "loss/d": 0.69, ...}}, "step" first, lines
 * ended by LF. A value not measured at a row (NaN, or a short column) is left out of that row's object, so every
 * value present is a finite number and any strict JSON parser reads every line.
 */
final class MetricsJsonl {
    private MetricsJsonl() {
    }

    /** All rows of {@code history}. */
    static String render(MetricHistory history) {
        return render(history.from(Long.MIN_VALUE));
    }

    static String render(Map<String, List<Double>> columns) {
        List<Double> steps = columns.getOrDefault("step", List.of());
        StringBuilder out = new StringBuilder(64 * (steps.size() + 1));
        for (int r = 0; r < steps.size(); r++) {
            ObjectNode row = Json.MAPPER.createObjectNode();
            row.put("step", steps.get(r).longValue());
            for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
                List<Double> values = c.getValue();
                if (!c.getKey().equals("step") && r < values.size() && Double.isFinite(values.get(r))) {
                    row.put(c.getKey(), values.get(r));
                }
            }
            out.append(row).append('\n');
        }
        return out.toString();
    }
}
