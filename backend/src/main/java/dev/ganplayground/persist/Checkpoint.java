package dev.ganplayground.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One checkpoint of a run: a JSON header (config, state, step, small snapshots) and named arrays (network
 * parameters and optimiser state as floats, metric histories as doubles). What the names mean is the run side's
 * business; this package only stores them, checks them and finds them again.
 *
 * @param step    the step the checkpoint was taken at (also in its file name)
 * @param header  JSON fields
 * @param floats  float arrays by name, in insertion order; never NaN or infinite (see {@link #nonFinite()})
 * @param doubles double arrays by name (metric columns, where NaN means "not measured")
 */
public record Checkpoint(long step, ObjectNode header, Map<String, float[]> floats, Map<String, double[]> doubles) {
    public Checkpoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, found " + step);
        }
        floats = Collections.unmodifiableMap(new LinkedHashMap<>(floats));
        doubles = Collections.unmodifiableMap(new LinkedHashMap<>(doubles));
    }

    /** The name of the first float array holding a NaN or an infinity, or null when all are finite. */
    public String nonFinite() {
        for (Map.Entry<String, float[]> e : floats.entrySet()) {
            for (float v : e.getValue()) {
                if (!Float.isFinite(v)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** A float array, or an exception naming it when the checkpoint lacks it. */
    public float[] floats(String name) {
        float[] a = floats.get(name);
        if (a == null) {
            throw new CorruptCheckpointException("checkpoint at step " + step + " has no array '" + name + "'");
        }
        return a;
    }
}
