package dev.ganplayground.run;

import java.util.Queue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Whether a run has a thread. A run is <em>loaded</em> (its thread and engine exist) or <em>dormant</em> (only its
 * histories and snapshots stay on the heap; the networks are on disk): an unwatched run paused for long is unloaded
 * ({@link #tryUnload}) and loaded again by the next command or subscription ({@link #wake}). One thread at a time
 * runs the run: a new one waits in {@link #enter} until the old one has released the engine.
 */
final class RunLife {
    private final Run run;
    private final Consumer<Run> starter;
    private final Semaphore oneThread = new Semaphore(1);
    private final AtomicInteger viewers = new AtomicInteger();
    private boolean dormant; // guarded by this
    private volatile long lastActiveNanos = System.nanoTime();

    /**
     * @param starter starts a thread running the run (the registry's executor)
     * @param dormant whether the run starts without a thread (restored from disk)
     */
    RunLife(Run run, Consumer<Run> starter, boolean dormant) {
        this.run = run;
        this.starter = starter;
        this.dormant = dormant;
    }

    /** Called first on the run's thread. */
    void enter() {
        oneThread.acquireUninterruptibly();
    }

    /** Called last on the run's thread. */
    void exit() {
        oneThread.release();
    }

    /** Marks activity; starts a thread for a dormant run that has not ended. */
    void wake() {
        lastActiveNanos = System.nanoTime();
        synchronized (this) {
            if (!dormant || run.state().terminal()) {
                return;
            }
            dormant = false;
        }
        starter.accept(run);
    }

    synchronized boolean dormant() {
        return dormant;
    }

    /** A viewer subscribed (+1) or left (-1). */
    void watched(int delta) {
        lastActiveNanos = System.nanoTime();
        viewers.updateAndGet(v -> Math.max(0, v + delta));
    }

    int viewers() {
        return viewers.get();
    }

    /** Whether nobody watches and nothing happened for {@code nanos}. */
    boolean idleFor(long nanos) {
        return viewers.get() == 0 && System.nanoTime() - lastActiveNanos >= nanos;
    }

    /** Whether the run should be unloaded: paused or never started, unwatched, untouched for the configured time. */
    boolean idle(RunState state, RunPersistence persistence) {
        return persistence.unloadsIdleRuns() && (state == RunState.PAUSED || state == RunState.CREATED)
                && idleFor(persistence.idleUnloadNanos());
    }

    void touch() {
        lastActiveNanos = System.nanoTime();
    }

    /** On the run's thread, after its state is on disk: goes dormant unless a command is waiting. */
    synchronized boolean tryUnload(Queue<?> inbox) {
        if (!inbox.isEmpty()) {
            return false;
        }
        dormant = true;
        return true;
    }
}
