package dev.ganplayground.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All rows of one metric group, columnar, so a late or reconnecting viewer gets the whole history. Bounded: when
 * it reaches {@code capacity} rows, every other row is dropped (evenly thinned, the first and the newest kept), so
 * the chart keeps its shape. Written by the run's thread, read by the event loop: methods are synchronized.
 */
final class MetricHistory {
    private final int capacity;
    private final Map<String, List<Double>> columns = new LinkedHashMap<>();
    private int rows;

    MetricHistory(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be >= 4, found " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends one row; {@code row} must hold "step". Columns seen for the first time are back-filled with NaN. */
    synchronized void append(Map<String, Double> row) {
        for (String name : row.keySet()) {
            columns.computeIfAbsent(name, k -> new ArrayList<>(nCopiesNaN(rows)));
        }
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            Double v = row.get(c.getKey());
            c.getValue().add(v == null ? Double.NaN : v);
        }
        rows++;
        if (rows >= capacity) {
            thin();
        }
    }

    /** Appends the rows of a columnar history (as {@link #from} gives it), e.g. one read back from a checkpoint. */
    synchronized void load(Map<String, List<Double>> history) {
        List<Double> steps = history.get("step");
        int n = steps == null ? 0 : steps.size();
        for (int i = 0; i < n; i++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> c : history.entrySet()) {
                row.put(c.getKey(), i < c.getValue().size() ? c.getValue().get(i) : Double.NaN);
            }
            append(row);
        }
    }

    /** Rows whose step is >= {@code fromStep}, as columns (copies). */
    synchronized Map<String, List<Double>> from(long fromStep) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        List<Double> steps = columns.get("step");
        if (steps == null) {
            return out;
        }
        int first = 0;
        while (first < rows && steps.get(first) < fromStep) {
            first++;
        }
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            out.put(c.getKey(), new ArrayList<>(c.getValue().subList(first, rows)));
        }
        return out;
    }

    /** Drops the rows after {@code step} (a run rolled back to a checkpoint). */
    synchronized void truncateAfter(long step) {
        List<Double> steps = columns.get("step");
        int keep = 0;
        while (steps != null && keep < rows && steps.get(keep) <= step) {
            keep++;
        }
        for (List<Double> c : columns.values()) {
            c.subList(keep, c.size()).clear();
        }
        rows = keep;
    }

    synchronized int size() {
        return rows;
    }

    synchronized void clear() {
        columns.clear();
        rows = 0;
    }

    private void thin() {
        int kept = 0;
        for (List<Double> c : columns.values()) {
            List<Double> t = new ArrayList<>(capacity);
            for (int i = 0; i < rows; i += 2) {
                t.add(c.get(i));
            }
            if ((rows - 1) % 2 != 0) {
                t.add(c.get(rows - 1)); // keep the newest row
            }
            c.clear();
            c.addAll(t);
            kept = t.size();
        }
        rows = kept;
    }

    private static List<Double> nCopiesNaN(int n) {
        List<Double> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(Double.NaN);
        }
        return l;
    }

    /** One row as columns of length 1 (the shape of a live {@code metrics} message). */
    static Map<String, List<Double>> columns(Map<String, Double> row) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
