package dev.ganplayground.run;

/**
 * Event-bus addresses between the web side and the runs. The web side talks to runs only through these, never
 * by direct calls, so trainers can later live on other nodes of a clustered event bus (shared/DESIGN.md).
 */
public final class RunAddresses {
    /** Request {preset, config}: create a run. Reply: the run summary with config. */
    public static final String CREATE = "runs.create";
    /** Request {}: reply {runs: [summary]}. */
    public static final String LIST = "runs.list";
    /** Request {runId}: stop and forget a run. */
    public static final String DELETE = "runs.delete";
    /** Request {}: reply {datasets: [Dataset]} (docs/protocol.md), with each one's availability. */
    public static final String DATASETS = "runs.datasets";

    private RunAddresses() {
    }

    /** Control requests for one run: {op, ...}; see {@link RunsVerticle}. */
    public static String control(String runId) {
        return "run." + runId + ".ctl";
    }

    /** Text events of one run, published as ready-to-send JSON envelopes (String bodies). */
    public static String events(String runId) {
        return "run." + runId + ".events";
    }

    /** Binary frames of one run (Buffer bodies, docs/protocol.md 3.4). */
    public static String frames(String runId) {
        return "run." + runId + ".frames";
    }
}
