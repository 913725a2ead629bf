package dev.ganplayground.ae;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Running sums of a tick's per-step scalars under keys registered up front; allocation-free until {@link #means}. */
final class AeStats {
    private final List<String> keys = new ArrayList<>();
    private double[] sums = new double[0];
    private int[] counts = new int[0];

    /** Registers {@code key} (once) and returns its slot. */
    int slot(String key) {
        int i = keys.indexOf(key);
        if (i >= 0) {
            return i;
        }
        keys.add(key);
        sums = java.util.Arrays.copyOf(sums, keys.size());
        counts = java.util.Arrays.copyOf(counts, keys.size());
        return keys.size() - 1;
    }

    void add(int slot, double value) {
        sums[slot] += value;
        counts[slot]++;
    }

    void reset() {
        java.util.Arrays.fill(sums, 0);
        java.util.Arrays.fill(counts, 0);
    }

    /** Every registered key's mean over the tick, NaN where nothing was added. */
    Map<String, Double> means() {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), counts[i] == 0 ? Double.NaN : sums[i] / counts[i]);
        }
        return m;
    }
}
