package dev.ganplayground.run;

import dev.ganplayground.persist.CheckpointStore;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What every run's checkpoints share: the {@link CheckpointStore}, one writer thread (encoding, hashing and fsync
 * happen there, never on a training thread or the event loop; one thread also orders a run's writes and its
 * deletion), how often a training run is checkpointed and how long an unwatched, paused run stays in memory.
 */
public final class RunPersistence implements AutoCloseable {
    private final CheckpointStore store;
    private final long intervalNanos;
    private final long idleUnloadNanos;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-writer");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param store      where checkpoints go
     * @param interval   a training run is checkpointed at least this often (the most a crash can lose)
     * @param idleUnload a paused or never-started run nobody watches is checkpointed and unloaded after this long;
     *                   zero or negative: never
     */
    public RunPersistence(CheckpointStore store, Duration interval, Duration idleUnload) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, found " + interval);
        }
        this.store = store;
        this.intervalNanos = interval.toNanos();
        this.idleUnloadNanos = idleUnload.toNanos();
    }

    public CheckpointStore store() {
        return store;
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** Whether idle runs are unloaded at all. */
    boolean unloadsIdleRuns() {
        return idleUnloadNanos > 0;
    }

    long idleUnloadNanos() {
        return idleUnloadNanos;
    }

    /** Runs {@code task} on the writer thread, after every task submitted before it. */
    Future<?> submit(Runnable task) {
        return writer.submit(task);
    }

    /** Finishes the writes already submitted (waits up to {@code timeout}), then stops the writer thread. */
    public void close(Duration timeout) {
        writer.shutdown();
        try {
            writer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
