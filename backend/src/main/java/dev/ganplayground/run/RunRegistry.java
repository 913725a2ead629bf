package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All runs of this server, and the threads they train on: each run owns one dedicated platform thread for its
 * life (ND4J state is per thread, and a run must not hop threads). Bounded: at most {@code maxActiveRuns} runs
 * that have not stopped.
 */
public final class RunRegistry {
    private final int maxActiveRuns;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final SecureRandom ids = new SecureRandom();
    private final TrainingSlots slots;
    private final RunPersistence persistence; // null: nothing saved
    private final RunServices services;

    public RunRegistry(int maxActiveRuns, RunListener listener, RunEngines engines) {
        this(maxActiveRuns, Integer.MAX_VALUE, listener, engines, null);
    }

    /**
     * With at most {@code maxTrainingRuns} training at once (further started runs queue, state queued) and, with
     * {@code persistence} (may be null), every run checkpointed, restorable and unloadable when idle.
     */
    public RunRegistry(int maxActiveRuns, int maxTrainingRuns, RunListener listener, RunEngines engines,
                       RunPersistence persistence) {
        if (maxActiveRuns < 1) {
            throw new IllegalArgumentException("maxActiveRuns must be >= 1, found " + maxActiveRuns);
        }
        this.maxActiveRuns = maxActiveRuns;
        this.slots = new TrainingSlots(maxTrainingRuns);
        this.persistence = persistence;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.services = new RunServices(listener, engines,
                new NativeThreadPolicy(engines.convThreads(), this::trainingRuns), slots, persistence,
                this::startThread);
    }

    /**
     * Creates and starts the thread of a new run of {@code owner} (a user id, or null), which begins in state
     * created, not training.
     */
    public synchronized Run create(String presetId, RunConfig config, String owner) throws TooManyRunsException {
        long active = runs.values().stream().filter(r -> !r.state().terminal()).count();
        if (active >= maxActiveRuns) {
            throw new TooManyRunsException(maxActiveRuns);
        }
        byte[] b = new byte[6];
        ids.nextBytes(b);
        Run run = new Run("r" + HexFormat.of().formatHex(b), presetId, config, owner, services);
        runs.put(run.id(), run);
        threads.execute(run);
        return run;
    }

    /**
     * Brings back a run from its checkpoint (server start): dormant, except that a run that was training starts
     * training again. Not limited by {@code maxActiveRuns}: these runs existed before the restart.
     */
    public synchronized Run restore(RunImage image) {
        if (persistence == null) {
            throw new IllegalStateException("restoring needs persistence");
        }
        Run run = new Run(image, services);
        runs.put(run.id(), run);
        if (image.state() == RunState.RUNNING) {
            run.wake();
        }
        return run;
    }

    private void startThread(Run run) {
        try {
            threads.execute(run);
        } catch (RejectedExecutionException e) {
            // Shutting down: the run stays as it was saved.
        }
    }

    public Optional<Run> find(String runId) {
        return Optional.ofNullable(runId == null ? null : runs.get(runId));
    }

    /** Runs training now (state RUNNING). */
    int trainingRuns() {
        int n = 0;
        for (Run r : runs.values()) {
            if (r.state() == RunState.RUNNING) {
                n++;
            }
        }
        return n;
    }

    /** Runs holding a training slot (running, or admitted and about to run). */
    public int trainingSlotsInUse() {
        return slots.training();
    }

    public List<Run> all() {
        List<Run> all = new ArrayList<>(runs.values());
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    /** Stops a run and forgets it (with persistence, its folder is deleted too). */
    public boolean remove(String runId) {
        Run run = runs.remove(runId);
        if (run != null) {
            run.discard();
        }
        return run != null;
    }

    /**
     * Server shutdown. With persistence every loaded run saves a checkpoint and ends, keeping its state for the
     * restart (a training run trains again after it); without, every run stops. Waits for the threads (and the
     * checkpoint writes) so native memory is released and the checkpoints are on disk before the JVM exits.
     */
    public void shutdown() {
        if (persistence == null) {
            runs.values().forEach(r -> r.submit(new RunCommand.Stop()));
        } else {
            runs.values().forEach(Run::suspend);
        }
        threads.shutdown();
        try {
            threads.awaitTermination(persistence == null ? 5 : 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
        if (persistence != null) {
            persistence.close();
        }
    }

    /** The limit was reached. */
    public static final class TooManyRunsException extends Exception {
        TooManyRunsException(int max) {
            super("at most " + max + " runs may be active at once; stop or delete one first");
        }
    }
}
